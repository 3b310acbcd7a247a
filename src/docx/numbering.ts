/**
 * word/numbering.xml: Word's list definitions. An abstract numbering holds
 * up to nine levels (start value, number format, level text such as `%1、`
 * or `（%2）`, when to restart); a numbering instance (`w:num`, what a
 * paragraph's `w:numId` names) points at one and may override levels (a new
 * start value, or a whole level). An abstract numbering may instead name a
 * numbering style (`w:numStyleLink`) whose own instance holds the levels.
 */
import { scanXml, type XmlSource } from '../xlsx/read/xml.js';

export interface ListLevel {
  start: number;
  numFmt: string;
  lvlText: string;
  /** `w:lvlRestart`: restart after this (1-based) level or a higher one is used; 0 never. Absent: after any higher level. */
  restart?: number;
  /** `w:isLgl`: every number in the label shown as decimal (1.1.1 under 一、). */
  legal: boolean;
  /** What follows the label: a tab (the default), a space or nothing. */
  suffix: string;
  /** `w:pStyle`: the paragraph style tied to this level. */
  style?: string;
}

export interface AbstractNumbering {
  levels: Map<number, ListLevel>;
  numStyleLink?: string;
}

export interface NumberingInstance {
  abstractId: string;
  /** Per level: a new start value for the first paragraph of this instance, and/or a replacement level. */
  overrides: Map<number, { start?: number; level?: ListLevel }>;
}

export interface NumberingDefinitions {
  abstracts: Map<string, AbstractNumbering>;
  nums: Map<string, NumberingInstance>;
}

export const NO_NUMBERING: NumberingDefinitions = { abstracts: new Map(), nums: new Map() };

function newLevel(): ListLevel {
  return { start: 0, numFmt: 'decimal', lvlText: '', legal: false, suffix: 'tab' };
}

function integer(value: string | undefined): number | undefined {
  if (value === undefined || !/^-?\d{1,9}$/.test(value.trim())) return undefined;
  return Number(value);
}

/** `w:val` of an on/off element: absent or anything but false/0/off means on. */
function onOff(value: string | undefined): boolean {
  return value === undefined || !['false', '0', 'off'].includes(value);
}

export function parseNumbering(xml: XmlSource | undefined): NumberingDefinitions {
  if (xml === undefined) return NO_NUMBERING;
  const abstracts = new Map<string, AbstractNumbering>();
  const nums = new Map<string, NumberingInstance>();
  let abstract: AbstractNumbering | undefined;
  let num: NumberingInstance | undefined;
  let overrideLevel: number | undefined;
  let level: ListLevel | undefined;
  let levelIndex = 0;
  scanXml(xml, {
    wantText: false,
    open(name, attrs) {
      const val = attrs.get('val');
      switch (name) {
        case 'abstractNum': {
          abstract = { levels: new Map() };
          abstracts.set(attrs.get('abstractNumId') ?? '', abstract);
          break;
        }
        case 'num': {
          num = { abstractId: '', overrides: new Map() };
          nums.set(attrs.get('numId') ?? '', num);
          break;
        }
        case 'lvlOverride':
          overrideLevel = integer(attrs.get('ilvl'));
          break;
        case 'lvl':
          level = newLevel();
          levelIndex = integer(attrs.get('ilvl')) ?? 0;
          break;
        case 'abstractNumId':
          if (num) num.abstractId = val ?? '';
          break;
        case 'startOverride':
          if (num && overrideLevel !== undefined) {
            const entry = num.overrides.get(overrideLevel) ?? {};
            entry.start = integer(val);
            num.overrides.set(overrideLevel, entry);
          }
          break;
        case 'numStyleLink':
          if (abstract && val) abstract.numStyleLink = val;
          break;
        default:
          if (level) readLevelProperty(level, name, val);
      }
    },
    close(name) {
      if (name === 'lvl' && level) {
        if (num && overrideLevel !== undefined) {
          const entry = num.overrides.get(overrideLevel) ?? {};
          entry.level = level;
          num.overrides.set(overrideLevel, entry);
        } else if (abstract && levelIndex >= 0 && levelIndex <= 8) abstract.levels.set(levelIndex, level);
        level = undefined;
      } else if (name === 'lvlOverride') overrideLevel = undefined;
      else if (name === 'abstractNum') abstract = undefined;
      else if (name === 'num') num = undefined;
    },
    text() {},
  });
  return { abstracts, nums };
}

function readLevelProperty(level: ListLevel, name: string, val: string | undefined): void {
  if (name === 'start') level.start = integer(val) ?? 0;
  else if (name === 'numFmt') level.numFmt = val ?? 'decimal';
  else if (name === 'lvlText') level.lvlText = val ?? '';
  else if (name === 'lvlRestart') level.restart = integer(val);
  else if (name === 'isLgl') level.legal = onOff(val);
  else if (name === 'suff') level.suffix = val ?? 'tab';
  else if (name === 'pStyle' && val) level.style = val;
}
