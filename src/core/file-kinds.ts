/**
 * Naming what a file is when it is not a workbook, from its first bytes (what
 * it really is) and its extension (a hint: what the sender thinks it is). A
 * file whose extension says it is not a spreadsheet (a notice .docx, a roster
 * .txt, a 说明.pdf, a photo) and that indeed cannot be read as a workbook is
 * an "other file": listed apart in a roll-up, never a school. A file named
 * .xlsx that turns out to be a PDF is still a school's (wrong) submission.
 */
import { issue } from './issues.js';
import type { Issue } from './model.js';

const KINDS: Record<string, readonly string[]> = {
  'Word 文档': ['doc', 'docx', 'docm', 'dot', 'dotx'],
  'WPS 文字文档': ['wps', 'wpt'],
  'OpenDocument 文字文档': ['odt'],
  'RTF 文档': ['rtf'],
  'PDF 文档': ['pdf'],
  'OFD 版式文档': ['ofd'],
  文本文件: ['txt', 'md', 'log'],
  演示文稿: ['ppt', 'pptx', 'pps', 'ppsx', 'dps', 'odp'],
  图片: ['jpg', 'jpeg', 'png', 'gif', 'bmp', 'webp', 'heic', 'heif', 'tif', 'tiff', 'svg', 'ico'],
  音频: ['mp3', 'wav', 'm4a', 'amr', 'aac', 'wma'],
  视频: ['mp4', 'mov', 'avi', 'wmv', 'mkv', 'flv'],
  程序或快捷方式: ['exe', 'msi', 'bat', 'cmd', 'lnk', 'url', 'js', 'vbs'],
  邮件: ['eml', 'msg'],
};
const BY_EXTENSION = new Map(Object.entries(KINDS).flatMap(([kind, exts]) => exts.map((ext) => [ext, kind] as const)));

export function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** The kind an extension names, when it plainly names something that is not a spreadsheet. */
export function otherKindOf(fileName: string): string | undefined {
  return BY_EXTENSION.get(extensionOf(fileName));
}

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean => magic.every((b, i) => bytes[at + i] === b);
const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

const MAGIC: readonly [readonly number[], string, number?][] = [
  [ascii('%PDF-'), 'PDF 文档'],
  [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], '图片（PNG）'],
  [[0xff, 0xd8, 0xff], '图片（JPEG）'],
  [ascii('GIF8'), '图片（GIF）'],
  [ascii('WEBP'), '图片（WebP）', 8],
  [[0x49, 0x49, 0x2a, 0x00], '图片（TIFF）'],
  [[0x4d, 0x4d, 0x00, 0x2a], '图片（TIFF）'],
  [ascii('{\\rtf'), 'RTF 文档'],
  [ascii('Rar!\x1a\x07'), 'RAR 压缩包'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], '7z 压缩包'],
  [[0x1f, 0x8b], 'gzip 压缩包'],
];

/** What the first bytes of a file that is neither a zip nor an OLE2 file say it is, when they say. */
export function sniffKind(bytes: Uint8Array): string | undefined {
  return MAGIC.find(([magic, , at]) => startsWith(bytes, magic, at ?? 0))?.[1];
}

/**
 * A reader refusal of a file whose extension plainly says it is not a spreadsheet, as an "other file":
 * named by what its bytes showed when they showed it, else by its extension.
 */
export function asOtherFile(refusal: Issue, fileName: string): Issue {
  const byExtension = otherKindOf(fileName);
  if (byExtension === undefined || !refusal.code.startsWith('XLSX_READ_')) return refusal;
  const shown = refusal.code === 'XLSX_READ_NOT_WORKBOOK' && typeof refusal.params.kind === 'string' ? refusal.params.kind : byExtension;
  return issue('XLSX_READ_OTHER_FILE', 'error', refusal.where, { file: fileName, kind: shown });
}
