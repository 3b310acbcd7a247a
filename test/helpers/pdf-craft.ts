/**
 * Small PDFs written byte by byte, for what no program here makes on demand:
 * Chinese text in a font that is not embedded (STSong-Light through Adobe's
 * predefined CMaps, as many older Chinese PDFs are, and readable only with the
 * CMap files), a page that is a picture with no text (a scan), a PDF that asks
 * for a password. Each page is a list of lines drawn at given positions.
 */
export interface CraftLine {
  text: string;
  x: number;
  y: number;
  size?: number;
}

export type CraftEncoding = 'UniGB-UCS2-H' | 'GBK-EUC-H';

export interface CraftOptions {
  encoding?: CraftEncoding;
  /** Draws a grey box instead of text on every page: what a scanned page looks like to a text reader. */
  imageOnly?: boolean;
  /** Adds an /Encrypt dictionary with an unknown user password. */
  encrypted?: boolean;
}

let gbkTable: Map<string, number> | undefined;

/** Character → GBK code, built by decoding every two-byte code once (Node has a GBK decoder, no encoder). */
function gbkCode(char: string): number {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const decoded = decoder.decode(new Uint8Array([lead, trail]));
        if (decoded.length === 1 && !gbkTable.has(decoded)) gbkTable.set(decoded, (lead << 8) | trail);
      }
    }
  }
  const code = gbkTable.get(char);
  if (code === undefined) throw new Error(`no GBK code for ${char}`);
  return code;
}

function hexString(text: string, encoding: CraftEncoding): string {
  let hex = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (encoding === 'GBK-EUC-H' && code < 0x80) hex += code.toString(16).padStart(2, '0');
    else hex += (encoding === 'GBK-EUC-H' ? gbkCode(char) : code).toString(16).padStart(4, '0');
  }
  return `<${hex}>`;
}

function contentStream(lines: readonly CraftLine[], options: CraftOptions): string {
  if (options.imageOnly) return '0.8 g 72 100 451 650 re f\n';
  const encoding = options.encoding ?? 'UniGB-UCS2-H';
  return lines.map((l) => `BT /F1 ${l.size ?? 12} Tf ${l.x} ${l.y} Td ${hexString(l.text, encoding)} Tj ET`).join('\n') + '\n';
}

/** A PDF of the given pages; every object's offset is counted, so readers need no repair. */
export function craftPdf(pages: readonly CraftLine[][], options: CraftOptions = {}): Uint8Array {
  const encoding = options.encoding ?? 'UniGB-UCS2-H';
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 3 + i * 2);
  const fontId = 3 + pages.length * 2;
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  pages.forEach((lines, i) => {
    const stream = contentStream(lines, options);
    objects[pageIds[i]!] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${fontId} 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`;
    objects[pageIds[i]! + 1] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}endstream`;
  });
  objects[fontId] = `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /${encoding} /DescendantFonts [${fontId + 1} 0 R] >>`;
  objects[fontId + 1] =
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${fontId + 2} 0 R /DW 1000 >>`;
  objects[fontId + 2] = '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>';
  const encryptId = fontId + 3;
  if (options.encrypted) {
    // Standard security handler, RC4 40-bit, with O and U values no empty password matches.
    objects[encryptId] = `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${'11'.repeat(32)}> /U <${'22'.repeat(32)}> >>`;
  }
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, 'latin1');
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  const encrypt = options.encrypted ? ` /Encrypt ${encryptId} 0 R /ID [<${'ab'.repeat(16)}> <${'ab'.repeat(16)}>]` : '';
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
