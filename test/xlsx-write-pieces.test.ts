/**
 * A summary written in pieces (the CLI's, so a province's file is never joined
 * into one buffer beside its deflated parts) is the same file byte for byte as
 * the one made whole, and the CLI's atomic write puts the pieces down in order.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic } from '../src/cli/files';
import { buildTemplateSpec } from '../src/core/template/build-spec';
import { readWorkbook } from '../src/xlsx/read/index';
import { writeWorkbook, writeWorkbookPieces } from '../src/xlsx/write/index';
import { samplePlan } from './fixtures/plan-sample';

test('the pieces, written in order, are the whole workbook’s bytes, and read back', async () => {
  const spec = buildTemplateSpec(samplePlan(), { unit: '仪征市实验小学' });
  const whole = await writeWorkbook(spec);
  const pieces = await writeWorkbookPieces(spec);
  // A header and the data of every part, then the central directory: more than one piece.
  expect(pieces.length).toBeGreaterThan(spec.sheets.length);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-pieces-'));
  try {
    const file = path.join(dir, '汇总.xlsx');
    await writeFileAtomic(file, pieces);
    const written = fs.readFileSync(file);
    expect(Buffer.compare(written, Buffer.from(whole))).toBe(0);
    const read = readWorkbook(new Uint8Array(written));
    expect(read.ok && read.workbook.sheets.map((s) => s.name)).toEqual(spec.sheets.map((s) => s.name));
    expect(fs.readdirSync(dir)).toEqual(['汇总.xlsx']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
