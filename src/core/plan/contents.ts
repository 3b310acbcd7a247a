/**
 * A table of contents or 提纲 before the body repeats the pillar headings:
 * `目录` / `一、加强政治建设……3` / `二、夯实组织体系……5` / … and then the title,
 * the preamble and `一、加强政治建设` again. Its entries are a run of at least
 * two headings (pillars, maybe （一） groups) with nothing else between them,
 * followed later by the first pillar again. That run, with its `目录` label,
 * is taken out before the header and body are read, so it never becomes
 * pillars and the real title and preamble are read as usual.
 */
import type { SourceLine } from './header.js';
import { rawMarkerOf } from './markers.js';

const LABEL = /^(目\s*录|提\s*纲|内容提要|主要内容)[:：]?$/;
/** A contents entry: a heading, perhaps with leader dots and a page number, never a sentence. */
function isEntry(text: string): boolean {
  const kind = rawMarkerOf(text)?.kind;
  return (kind === 'pillar' || kind === 'group') && text.length <= 80 && !/[。；]/.test(text);
}

export interface ContentsBlock {
  /** Index of the first line of the block (the label, if any). */
  start: number;
  /** Index after the last entry. */
  end: number;
}

export function findContents(lines: readonly SourceLine[]): ContentsBlock | undefined {
  const first = lines.findIndex((l) => rawMarkerOf(l.text)?.kind === 'pillar');
  if (first < 0) return undefined;
  const firstNo = rawMarkerOf(lines[first]!.text)?.no;
  let end = first;
  let pillars = 0;
  while (end < lines.length && isEntry(lines[end]!.text)) {
    const marker = rawMarkerOf(lines[end]!.text);
    if (marker?.kind === 'pillar') {
      // The body begins where the first pillar comes round again.
      if (end > first && marker.no === firstNo) break;
      pillars++;
    }
    end++;
  }
  if (pillars < 2) return undefined;
  const again = lines.slice(end).findIndex((l) => {
    const marker = rawMarkerOf(l.text);
    return marker?.kind === 'pillar';
  });
  if (again < 0 || rawMarkerOf(lines[end + again]!.text)?.no !== firstNo) return undefined;
  const start = first > 0 && LABEL.test(lines[first - 1]!.text.replace(/\s+/g, '')) ? first - 1 : first;
  return { start, end };
}
