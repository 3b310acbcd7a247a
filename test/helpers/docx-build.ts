/**
 * .docx files written by code, with Word's automatic numbering: document.xml,
 * numbering.xml and styles.xml as Word lays them out, zipped with our own zip
 * writer. Paragraphs say which list (numId) and level they are on, or which
 * style they have; the numbering definitions are given as Word's XML.
 */
import { ZipWriter } from '../../src/xlsx/write/zip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface Paragraph {
  text: string;
  numId?: number;
  ilvl?: number;
  style?: string;
  /** Raw XML put inside the paragraph after its runs (tracked changes, fields, text boxes). */
  extra?: string;
}

export interface LevelSpec {
  ilvl: number;
  numFmt: string;
  lvlText: string;
  start?: number;
  restart?: number;
  legal?: boolean;
  suffix?: 'tab' | 'space' | 'nothing';
  style?: string;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function level(spec: LevelSpec): string {
  return [
    `<w:lvl w:ilvl="${spec.ilvl}">`,
    spec.start !== undefined ? `<w:start w:val="${spec.start}"/>` : '<w:start w:val="1"/>',
    `<w:numFmt w:val="${spec.numFmt}"/>`,
    spec.restart !== undefined ? `<w:lvlRestart w:val="${spec.restart}"/>` : '',
    spec.style ? `<w:pStyle w:val="${spec.style}"/>` : '',
    spec.legal ? '<w:isLgl/>' : '',
    spec.suffix ? `<w:suff w:val="${spec.suffix}"/>` : '',
    `<w:lvlText w:val="${escapeXml(spec.lvlText)}"/>`,
    '<w:lvlJc w:val="left"/><w:pPr><w:tabs><w:tab w:val="num" w:pos="720"/></w:tabs><w:ind w:left="720" w:hanging="360"/></w:pPr>',
    '</w:lvl>',
  ].join('');
}

export function abstractNum(id: number, levels: LevelSpec[], extra = ''): string {
  return `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="hybridMultilevel"/>${extra}${levels.map(level).join('')}</w:abstractNum>`;
}

/** A numbering instance; `overrides` restart levels (startOverride) or replace them (a whole w:lvl). */
export function num(numId: number, abstractId: number, overrides: { ilvl: number; start?: number; level?: LevelSpec }[] = []): string {
  const body = overrides
    .map((o) => `<w:lvlOverride w:ilvl="${o.ilvl}">${o.start !== undefined ? `<w:startOverride w:val="${o.start}"/>` : ''}${o.level ? level(o.level) : ''}</w:lvlOverride>`)
    .join('');
  return `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${body}</w:num>`;
}

/** A paragraph style, optionally numbered and based on another. */
export function paragraphStyle(id: string, options: { basedOn?: string; numId?: number; ilvl?: number; type?: 'paragraph' | 'numbering' } = {}): string {
  const numPr =
    options.numId !== undefined
      ? `<w:pPr><w:numPr>${options.ilvl !== undefined ? `<w:ilvl w:val="${options.ilvl}"/>` : ''}<w:numId w:val="${options.numId}"/></w:numPr></w:pPr>`
      : '';
  return `<w:style w:type="${options.type ?? 'paragraph'}" w:styleId="${id}"><w:name w:val="${id}"/>${options.basedOn ? `<w:basedOn w:val="${options.basedOn}"/>` : ''}${numPr}</w:style>`;
}

function paragraphXml(p: Paragraph): string {
  const numPr =
    p.numId !== undefined || p.ilvl !== undefined
      ? `<w:numPr>${p.ilvl !== undefined ? `<w:ilvl w:val="${p.ilvl}"/>` : ''}${p.numId !== undefined ? `<w:numId w:val="${p.numId}"/>` : ''}</w:numPr>`
      : '';
  const style = p.style ? `<w:pStyle w:val="${p.style}"/>` : '';
  // Tab stops in the properties, as Word writes them: they must not become tabs in the text.
  const pPr = `<w:pPr>${style}${numPr}<w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:pPr>`;
  const runs = p.text === '' ? '' : `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${escapeXml(p.text)}</w:t></w:r>`;
  return `<w:p>${pPr}${runs}${p.extra ?? ''}</w:p>`;
}

export interface DocxSpec {
  paragraphs: (Paragraph | string)[];
  /** abstractNum and num elements, in that order, as numbering.xml holds them. */
  numbering?: string[];
  styles?: string[];
}

export async function buildDocx(spec: DocxSpec): Promise<Uint8Array> {
  const zip = new ZipWriter();
  const numbering = spec.numbering !== undefined;
  zip.add(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.add(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  // Numbering and styles under names Word does not use, found through the document's rels as Word finds them.
  zip.add(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${numbering ? '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="lists.xml"/>' : ''}<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styleSheet.xml"/></Relationships>`,
  );
  const body = spec.paragraphs.map((p) => paragraphXml(typeof p === 'string' ? { text: p } : p)).join('');
  zip.add('word/document.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`);
  if (numbering) zip.add('word/lists.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="${W}">${spec.numbering!.join('')}</w:numbering>`);
  zip.add('word/styleSheet.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${(spec.styles ?? []).join('')}</w:styles>`);
  return zip.finished();
}
