/**
 * How each plan fixture in test/fixtures/plans/ made by LibreOffice is made
 * (the README there lists them): Writer converts the seed text, or a .fodt of
 * a plan text laid out as a 公文 (test/helpers/writer-documents.ts), to
 * .pdf/.doc/.docx; the scan is a page of the seed's PDF rendered to a JPEG by
 * poppler and placed as a picture in a Writer document. Each fixture names the
 * text it must read as.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { convertDocument, tempDir } from './libreoffice';
import { planFodt, type DocumentOptions } from './writer-documents';

export const PLANS = path.join(__dirname, '..', 'fixtures', 'plans');
export const SEED_FILE = path.join(__dirname, '..', '..', 'seeds', 'yizheng-2024-party-building-plan.txt');
export const ANQING_FILE = path.join(PLANS, 'anqing-2025-safety.txt');

export interface PlanFixture {
  file: string;
  /** The text the fixture holds; undefined for the scan, which holds none. */
  text(): string | undefined;
  /** Makes the fixture afresh in `outDir`; returns its path. */
  make(outDir: string): string;
}

function copyAs(source: string, name: string): string {
  const target = path.join(tempDir(), name);
  fs.copyFileSync(source, target);
  return target;
}

function fromText(source: string, name: string, format: 'pdf' | 'doc', outDir: string): string {
  return convertDocument(copyAs(source, `${name}.txt`), format, outDir, true);
}

function fromFodt(source: string, name: string, options: DocumentOptions, format: 'pdf' | 'docx', outDir: string): string {
  const fodt = path.join(tempDir(), `${name}.fodt`);
  fs.writeFileSync(fodt, planFodt(fs.readFileSync(source, 'utf8'), options));
  return convertDocument(fodt, format, outDir);
}

/** The first page of the seed's PDF as a 50 dpi grey JPEG, the only thing on a Writer page: a scan. */
function scan(name: string, outDir: string): string {
  const work = tempDir();
  const pdf = fromText(SEED_FILE, 'page', 'pdf', work);
  const result = spawnSync('pdftoppm', ['-f', '1', '-l', '1', '-r', '50', '-gray', '-jpeg', '-jpegopt', 'quality=35', pdf, path.join(work, 'page')]);
  if (result.status !== 0) throw new Error(`pdftoppm failed: ${result.stderr}`);
  const jpeg = fs.readFileSync(path.join(work, 'page-1.jpg')).toString('base64');
  const fodt = path.join(work, `${name}.fodt`);
  fs.writeFileSync(
    fodt,
    `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="0cm" fo:margin-bottom="0cm" fo:margin-left="0cm" fo:margin-right="0cm"/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
<office:body><office:text><text:p><draw:frame draw:name="scan" text:anchor-type="as-char" svg:width="20.9cm" svg:height="29.5cm"><draw:image><office:binary-data>${jpeg}</office:binary-data></draw:image></draw:frame></text:p></office:text></office:body></office:document>
`,
  );
  return convertDocument(fodt, 'pdf', outDir);
}

const seed = (): string => fs.readFileSync(SEED_FILE, 'utf8');
const anqing = (): string => fs.readFileSync(ANQING_FILE, 'utf8');
export const RUNNING_HEADER = '某某区教育局2025年校园安全工作要点';

export const PLAN_FIXTURES: PlanFixture[] = [
  { file: 'yizheng-2024.pdf', text: seed, make: (dir) => fromText(SEED_FILE, 'yizheng-2024', 'pdf', dir) },
  { file: 'yizheng-2024.doc', text: seed, make: (dir) => fromText(SEED_FILE, 'yizheng-2024', 'doc', dir) },
  {
    file: 'yizheng-2024.numbered.docx',
    text: seed,
    make: (dir) => fromFodt(SEED_FILE, 'yizheng-2024.numbered', { footer: 'none', autoNumbering: true }, 'docx', dir),
  },
  { file: 'yizheng-2024.scan.pdf', text: () => undefined, make: (dir) => scan('yizheng-2024.scan', dir) },
  {
    file: 'anqing-2025-safety.header-dash.pdf',
    text: anqing,
    make: (dir) => fromFodt(ANQING_FILE, 'anqing-2025-safety.header-dash', { header: RUNNING_HEADER, footer: 'dash' }, 'pdf', dir),
  },
  {
    file: 'anqing-2025-safety.page-of.pdf',
    text: anqing,
    make: (dir) => fromFodt(ANQING_FILE, 'anqing-2025-safety.page-of', { footer: 'page-of' }, 'pdf', dir),
  },
  {
    file: 'anqing-2025-safety.numbered.docx',
    text: anqing,
    make: (dir) => fromFodt(ANQING_FILE, 'anqing-2025-safety.numbered', { footer: 'none', autoNumbering: true }, 'docx', dir),
  },
];
