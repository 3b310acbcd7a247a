/**
 * The 工作要点 parser: text in, `Plan` and issues out. Everything outside
 * `core/plan/` imports it from here; the files beside this one are its parts
 * (header, structure, numbering, notes, trailer, tidying of display text).
 */
export { parsePlan, type ParseOptions } from './parser.js';
export { decodePlanText, type DecodedText } from './decode-text.js';
