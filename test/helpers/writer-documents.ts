/**
 * Plan documents for LibreOffice Writer to turn into the .pdf/.doc/.docx
 * fixtures: a flat ODF text (.fodt) laid out like a 公文 — a 黑体 title, 仿宋
 * body with a two-character first-line indent, justified — with optional
 * running header and footer (page number fields), and optionally with the
 * pillar and task numbers as Writer's own list numbering instead of typed text.
 */
export type FooterShape = 'dash' | 'page-of' | 'none';

export interface DocumentOptions {
  /** Running header text on every page. */
  header?: string;
  /** `— N —` centred, `第 N 页 共 M 页` right-aligned, or nothing. */
  footer: FooterShape;
  /** Headings `一、` and tasks `1.` as list numbering (Writer writes numbering.xml for them in a .docx). */
  autoNumbering?: boolean;
}

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
].join(' ');

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function font(name: string, size: string, bold = false): string {
  const weight = bold ? ' fo:font-weight="bold" style:font-weight-asian="bold"' : '';
  return `<style:text-properties style:font-name="${name}" style:font-name-asian="${name}" fo:font-size="${size}" style:font-size-asian="${size}"${weight}/>`;
}

const STYLES = `
<office:font-face-decls>
  <style:font-face style:name="黑体" svg:font-family="黑体"/>
  <style:font-face style:name="仿宋_GB2312" svg:font-family="仿宋_GB2312"/>
</office:font-face-decls>
<office:styles>
  <style:style style:name="Standard" style:family="paragraph">
    <style:paragraph-properties fo:text-align="justify" fo:line-height="150%" style:punctuation-wrap="simple"/>${font('仿宋_GB2312', '14pt')}
  </style:style>
  <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard">
    <style:paragraph-properties fo:text-indent="28pt"/>
  </style:style>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard">
    <style:paragraph-properties fo:text-align="center" fo:margin-bottom="12pt"/>${font('黑体', '20pt')}
  </style:style>
  <style:style style:name="Pillar" style:family="paragraph" style:parent-style-name="Body">${font('黑体', '14pt')}</style:style>
  <style:style style:name="Task" style:family="paragraph" style:parent-style-name="Body"/>
  <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard">
    <style:paragraph-properties fo:text-align="center"/>${font('仿宋_GB2312', '10.5pt')}
  </style:style>
  <style:style style:name="FooterCentre" style:family="paragraph" style:parent-style-name="Standard">
    <style:paragraph-properties fo:text-align="center"/>${font('仿宋_GB2312', '12pt')}
  </style:style>
  <style:style style:name="FooterRight" style:family="paragraph" style:parent-style-name="FooterCentre">
    <style:paragraph-properties fo:text-align="end"/>
  </style:style>
  <text:list-style style:name="PillarList">
    <text:list-level-style-number text:level="1" style:num-format="一, 二, 三, ..." style:num-suffix="、">
      <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
        <style:list-level-label-alignment text:label-followed-by="nothing" fo:text-indent="0pt" fo:margin-left="28pt"/>
      </style:list-level-properties>
    </text:list-level-style-number>
  </text:list-style>
  <text:list-style style:name="TaskList">
    <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix=".">
      <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
        <style:list-level-label-alignment text:label-followed-by="space" fo:text-indent="0pt" fo:margin-left="28pt"/>
      </style:list-level-properties>
    </text:list-level-style-number>
  </text:list-style>
</office:styles>
<office:automatic-styles>
  <style:page-layout style:name="A4">
    <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2.2cm" fo:margin-bottom="2cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/>
    <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.6cm"/></style:header-style>
    <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.6cm"/></style:footer-style>
  </style:page-layout>
</office:automatic-styles>`;

function masterPage(options: DocumentOptions): string {
  const header = options.header ? `<style:header><text:p text:style-name="Header">${escapeXml(options.header)}</text:p></style:header>` : '';
  const page = '<text:page-number text:select-page="current">1</text:page-number>';
  const footer =
    options.footer === 'dash'
      ? `<style:footer><text:p text:style-name="FooterCentre">— ${page} —</text:p></style:footer>`
      : options.footer === 'page-of'
        ? `<style:footer><text:p text:style-name="FooterRight">第 ${page} 页 共 <text:page-count>1</text:page-count> 页</text:p></style:footer>`
        : '';
  return `<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4">${header}${footer}</style:master-page></office:master-styles>`;
}

const PILLAR = /^[一二三四五六七八九十]+、/;
const TASK = /^\d+\.\s*/;

/**
 * Pillars and tasks are each one list, continued across the other's paragraphs
 * (`text:continue-list`): tasks number on across pillars as in the seed, 1 to 14.
 */
function listItem(list: 'pillars' | 'tasks', first: boolean, paragraph: string): string {
  const style = list === 'pillars' ? 'PillarList' : 'TaskList';
  const link = first ? `xml:id="${list}"` : `text:continue-list="${list}"`;
  return `<text:list text:style-name="${style}" ${link}><text:list-item>${paragraph}</text:list-item></text:list>`;
}

function bodyParagraph(line: string, index: number, options: DocumentOptions, started: Set<string>): string {
  const text = escapeXml(line);
  if (index === 0) return `<text:p text:style-name="Title">${text}</text:p>`;
  const kind = PILLAR.test(line) ? 'pillars' : TASK.test(line) ? 'tasks' : undefined;
  const style = kind === 'pillars' ? 'Pillar' : kind === 'tasks' ? 'Task' : 'Body';
  if (!kind || !options.autoNumbering) return `<text:p text:style-name="${style}">${text}</text:p>`;
  const first = !started.has(kind);
  started.add(kind);
  return listItem(kind, first, `<text:p text:style-name="${style}">${escapeXml(line.replace(kind === 'pillars' ? PILLAR : TASK, ''))}</text:p>`);
}

/** A .fodt of the plan text (one paragraph per non-empty line; the first is the title). */
export function planFodt(planText: string, options: DocumentOptions): string {
  const lines = planText.split('\n').map((l) => l.trim()).filter(Boolean);
  const started = new Set<string>();
  const body = lines.map((line, i) => bodyParagraph(line, i, options, started)).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">${STYLES}
${masterPage(options)}
<office:body><office:text>
${body}
</office:text></office:body>
</office:document>
`;
}
