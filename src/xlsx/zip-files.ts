/**
 * Several files in one .zip (the page's 下载各校反馈). The .xlsx files are
 * zips already, so they are stored, not deflated again; names are UTF-8
 * (flagged so by fflate), which Windows' own zip folder and WinRAR show as
 * Chinese. Every entry gets the same time, so the same files give the same bytes.
 */
import { zipSync, type Zippable } from 'fflate';

const FIXED_TIME = new Date(2024, 0, 1);

export function zipFiles(files: readonly { name: string; bytes: Uint8Array }[]): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) entries[file.name] = [file.bytes, { level: /\.(xlsx|zip|docx)$/i.test(file.name) ? 0 : 6, mtime: FIXED_TIME }];
  return zipSync(entries);
}
