/** Writes a round's demo submissions into its folder, re-saving through LibreOffice those that ask for it. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { convertToXlsx, findSoffice } from '../convert-legacy.js';
import { writeFileAtomic } from '../files.js';
import type { CliIo } from '../io.js';
import type { DemoFile } from './demo-schools.js';

export async function writeSchools(schools: readonly DemoFile[], inbox: string, scratch: string, io: CliIo, indent = '   '): Promise<void> {
  const soffice = schools.some((s) => s.resave) ? findSoffice() : undefined;
  for (const school of schools) {
    let bytes = school.bytes;
    let story = school.story;
    if (school.resave) {
      const resaved = soffice ? await resave(soffice, scratch, bytes) : undefined;
      if (resaved) bytes = resaved;
      else story += '（本机未装 LibreOffice，按原样保存）';
    }
    await writeFileAtomic(path.join(inbox, school.name), bytes);
    io.stdout(`${indent}${school.name}：${story}\n`);
  }
}

/** Opens and saves a workbook with LibreOffice, as a clerk using it would. */
async function resave(soffice: string, scratch: string, bytes: Uint8Array): Promise<Uint8Array | undefined> {
  const staged = path.join(scratch, '.demo-resave.xlsx');
  await writeFileAtomic(staged, bytes);
  try {
    return (await convertToXlsx(soffice, [staged])).get(staged);
  } finally {
    await fs.rm(staged, { force: true });
  }
}
