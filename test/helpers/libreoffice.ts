/**
 * Converting files with LibreOffice (`soffice --headless --convert-to`) and
 * reading PDFs with poppler, for tests. soffice exits 0 even when it fails, so
 * every conversion checks that its output exists. Each run gets a fresh
 * profile dir so concurrent runs do not fight over a profile lock, and the
 * repo's fontconfig file so 黑体/仿宋 resolve to Noto CJK faces.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const FONTCONFIG = path.join(__dirname, '..', '..', 'assets', 'fontconfig', 'fonts.conf');

/** Output filters: an xlsx re-save must name the Excel 2007 filter, or Calc picks its default. */
const FILTERS = { pdf: 'pdf:calc_pdf_Export', xlsx: 'xlsx:Calc MS Excel 2007 XML', xls: 'xls:MS Excel 97' } as const;
export type SofficeFormat = keyof typeof FILTERS;

export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

export function tempDir(prefix = 'taizhang-lo-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Converts `input` into `outDir` and returns the output path; throws with soffice's output when no file appears. */
export function convertFile(input: string, format: SofficeFormat, outDir: string): string {
  return convertWith(input, FILTERS[format], format, outDir);
}

/** Writer's output filters, for documents (plans) rather than workbooks. */
const WRITER_FILTERS = { pdf: 'pdf:writer_pdf_Export', docx: 'docx:MS Word 2007 XML', doc: 'doc:MS Word 97', odt: 'odt:writer8' } as const;
export type WriterFormat = keyof typeof WRITER_FILTERS;

/** Converts a document with Writer; `textInput` reads a .txt as UTF-8 text, one paragraph per line. */
export function convertDocument(input: string, format: WriterFormat, outDir: string, textInput = false): string {
  return convertWith(input, WRITER_FILTERS[format], format, outDir, textInput ? ['--infilter=Text (encoded):UTF8'] : []);
}

function convertWith(input: string, filter: string, extension: string, outDir: string, extra: string[] = []): string {
  const profile = tempDir('lo-profile-');
  try {
    const result = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', ...extra, '--convert-to', filter, '--outdir', outDir, input],
      {
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, ...(fs.existsSync(FONTCONFIG) ? { FONTCONFIG_FILE: FONTCONFIG } : {}) },
      },
    );
    const output = path.join(outDir, `${path.parse(input).name}.${extension}`);
    if (!fs.existsSync(output)) {
      throw new Error(`soffice produced no ${extension} (status ${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
    return output;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Writes `bytes` as `name` in a fresh dir, converts them, returns the output path (in another fresh dir). */
export function convertBytes(bytes: Uint8Array, format: SofficeFormat, name = 'ledger.xlsx'): string {
  const input = path.join(tempDir(), name);
  fs.writeFileSync(input, bytes);
  return convertFile(input, format, tempDir());
}

/** Size of each page in points (`pdfinfo -f 1 -l N`). */
export function pdfPageSizes(pdf: string): { width: number; height: number }[] {
  const out = spawnSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' }).stdout;
  const sizes = [...out.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
  if (sizes.length === 0) throw new Error(`pdfinfo could not read ${pdf}:\n${out}`);
  return sizes;
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };

/** Words with their boxes, page by page (`pdftotext -bbox`); a CJK run counts as one word. */
export function pdfWords(pdf: string): PdfWord[][] {
  const out = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).stdout;
  return out.split('<page ').slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: m[5]!.replace(/&\w+;/g, (e) => ENTITIES[e] ?? e),
    })),
  );
}

/**
 * Words printed in the left-aligned table column under `header`. Wrapped cells
 * interleave with their neighbours in plain-text output; by position they can
 * be read back whole. The column's left edge is where most words below the
 * header start, between the previous header and this one (headers are centred).
 */
export function columnWords(words: readonly PdfWord[], header: string, previousHeader: string): PdfWord[] {
  const head = words.find((w) => w.text === header);
  const previous = words.find((w) => w.text === previousHeader);
  if (!head || !previous) return [];
  const below = words.filter((w) => w.yMin > head.yMax);
  const counts = new Map<number, number>();
  for (const w of below) {
    if (w.xMin > previous.xMax && w.xMin <= head.xMin + 0.5) {
      const x = Math.round(w.xMin);
      counts.set(x, (counts.get(x) ?? 0) + 1);
    }
  }
  const left = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return left === undefined ? [] : below.filter((w) => Math.abs(w.xMin - left) <= 1);
}

/** The text of each page (`pdftotext -layout`), in page order. */
export function pdfPages(pdf: string): string[] {
  const out = spawnSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (out.status !== 0) throw new Error(`pdftotext failed on ${pdf}: ${out.stderr}`);
  const pages = out.stdout.split('\f');
  if (pages.length > 0 && pages[pages.length - 1]!.trim() === '') pages.pop();
  return pages;
}

/** PDF fonts as `pdffonts` lists them (name column). */
export function pdfFonts(pdf: string): string[] {
  const lines = spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout.split('\n').slice(2);
  return lines.map((line) => line.split(/\s+/)[0] ?? '').filter(Boolean);
}

/** Text with all whitespace removed, for matching phrases that wrap across lines. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
