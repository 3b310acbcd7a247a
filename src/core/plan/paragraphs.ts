/**
 * Paragraphs of the plan body: a line that starts with a heading marker opens
 * one; a line that does not continues the previous one (a page break in text
 * taken from a PDF, or a sub-point such as `（1）` below the task level). A
 * line that is only a note (`责任单位：组干科、民管办。`, `（杨）`) belongs to
 * the paragraph too, but as a note, not as text.
 */
import type { TaskNotes } from '../model.js';
import type { SourceLine } from './header.js';
import { type Marker, type TaskLevel, markerOf } from './markers.js';
import { mergeNotes, readNoteLine } from './note-lines.js';

export interface Paragraph {
  /** The lines as they stood in the source, joined without a space: page breaks healed, otherwise untouched. */
  text: string;
  /** The text after the heading marker on its own line. */
  first: string;
  /** The continuation lines, note lines left out. */
  more: string[];
  line: number;
  marker: Marker;
  /** Notes found on lines of their own. */
  notes?: TaskNotes;
  /** The pillar a plan without pillar headings is put under: not in the text. */
  implicit?: true;
}

export function healParagraphs(lines: readonly SourceLine[], level: TaskLevel, implicitStart?: Marker): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  if (implicitStart && lines[0]) {
    paragraphs.push({ text: '', first: implicitStart.rest, more: [], line: lines[0].line, marker: implicitStart, implicit: true });
  }
  for (const { text, line } of lines) {
    const marker = markerOf(text, level);
    const previous = paragraphs[paragraphs.length - 1];
    if (marker) {
      paragraphs.push({ text, first: marker.rest, more: [], line, marker });
      continue;
    }
    if (!previous) continue;
    previous.text += text;
    const note = readNoteLine(text);
    if (note) previous.notes = mergeNotes(previous.notes, note);
    else previous.more.push(text);
  }
  return paragraphs;
}
