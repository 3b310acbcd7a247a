/**
 * Reading a file the user or a school handed us, without trusting it to be a
 * file: a named pipe would block the read for ever, /dev/zero never ends, and
 * a 2 GB file would be read whole before anything could say it is too large.
 * So: stat first (only regular files go on), check the size before reading,
 * open non-blocking (a pipe swapped in after the stat cannot hang us), check
 * the opened file is the one stat saw, and read at most limit + 1 bytes
 * whatever the size claims (files under /proc say 0 bytes and are not empty).
 */
import * as fs from 'node:fs';
import { issue, TaizhangError } from '../core/issues.js';
import type { Issue } from '../core/model.js';
import { asOtherFile } from '../core/file-kinds.js';
import { SUBMISSION_MAX_BYTES } from '../app/check-submission.js';

export type ReadOutcome =
  | { ok: true; bytes: Uint8Array; stat: fs.Stats }
  | { ok: false; why: 'missing' | 'not-regular' | 'too-large' | 'unreadable'; detail: string; size?: number };

/** How a file that is not a regular file is named to the clerk. */
export function describeKind(stat: fs.Stats): string {
  if (stat.isDirectory()) return '文件夹';
  if (stat.isFIFO()) return '命名管道';
  if (stat.isSocket()) return '套接字';
  if (stat.isCharacterDevice()) return '字符设备';
  if (stat.isBlockDevice()) return '块设备';
  return '特殊文件';
}

/** Why a file system call failed, in the clerk's words. */
export function describeErrno(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return '文件不存在';
    case 'EACCES':
    case 'EPERM':
      return '没有读取权限';
    case 'EISDIR':
      return '这是一个文件夹，不是文件';
    case 'ELOOP':
      return '链接循环指向自身';
    case 'ENAMETOOLONG':
      return '路径过长';
    default:
      return String(code ?? error);
  }
}

const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

/** First read, and the step it grows by when a file holds more than its size said. */
const CHUNK = 1 << 16;

/** `file` as bytes is a path whose name is not valid UTF-8 (see collect-files.ts); after a worker message it is a plain Uint8Array. */
export function readRegularFile(given: string | Uint8Array, limit: number): ReadOutcome {
  const file = typeof given === 'string' ? given : Buffer.from(given.buffer, given.byteOffset, given.byteLength);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, why: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable', detail: describeErrno(error) };
  }
  if (!stat.isFile()) return { ok: false, why: 'not-regular', detail: describeKind(stat) };
  if (stat.size > limit) return { ok: false, why: 'too-large', detail: '', size: stat.size };
  let fd: number;
  try {
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (error) {
    return { ok: false, why: 'unreadable', detail: describeErrno(error) };
  }
  try {
    const opened = fs.fstatSync(fd);
    // Swapped between the stat and the open (a pipe or another file put in its place): not the file we looked at.
    if (!opened.isFile()) return { ok: false, why: 'not-regular', detail: describeKind(opened) };
    if (opened.dev !== stat.dev || opened.ino !== stat.ino) return { ok: false, why: 'unreadable', detail: '读取时文件被替换了' };
    if (opened.size > limit) return { ok: false, why: 'too-large', detail: '', size: opened.size };
    return boundedRead(fd, opened, limit);
  } catch (error) {
    return { ok: false, why: 'unreadable', detail: describeErrno(error) };
  } finally {
    fs.closeSync(fd);
  }
}

function boundedRead(fd: number, stat: fs.Stats, limit: number): ReadOutcome {
  let buffer = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(stat.size + 1, CHUNK)));
  let total = 0;
  for (;;) {
    if (total === buffer.length) {
      if (total > limit) return { ok: false, why: 'too-large', detail: '', size: total };
      const grown = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
      buffer.copy(grown, 0, 0, total);
      buffer = grown;
    }
    const n = fs.readSync(fd, buffer, total, buffer.length - total, null);
    if (n === 0) break;
    total += n;
  }
  if (total > limit) return { ok: false, why: 'too-large', detail: '', size: total };
  return { ok: true, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, total), stat };
}

/**
 * A school's file, read as `checkSubmission` needs it, or the refusal that says why not. The reader's own
 * size limit applies before reading; a file too large whose extension says it is no spreadsheet (a video
 * dropped in the folder) is an "other file", as it would be if it were small.
 */
export function readSubmissionFile(file: string | Uint8Array, name: string): { bytes: Uint8Array } | { issue: Issue } {
  const read = readRegularFile(file, SUBMISSION_LIMIT);
  if (read.ok) return { bytes: read.bytes };
  const where = { file: name };
  switch (read.why) {
    case 'too-large':
      return { issue: tooLarge(name, read.size) };
    case 'not-regular':
      return { issue: issue('CLI_NOT_A_FILE', 'error', where, { file: name, kind: read.detail }) };
    default:
      return { issue: issue('FAULT_FILE_UNREADABLE', 'error', where, { file: name, detail: read.detail }) };
  }
}

const SUBMISSION_LIMIT = SUBMISSION_MAX_BYTES;

function tooLarge(name: string, size = 0): Issue {
  return asOtherFile(issue('XLSX_READ_FILE_TOO_LARGE', 'error', { file: name }, { file: name, size, limit: SUBMISSION_LIMIT }), name);
}

/** The fault for a file the user named that cannot be read (exit 2, as for a missing file). */
export function faultFor(read: Extract<ReadOutcome, { ok: false }>, file: string, limit: number): TaizhangError {
  switch (read.why) {
    case 'missing':
      return new TaizhangError('FAULT_FILE_NOT_FOUND', { file });
    case 'not-regular':
      return new TaizhangError('FAULT_FILE_NOT_REGULAR', { file, kind: read.detail });
    case 'too-large':
      return new TaizhangError('FAULT_FILE_TOO_LARGE', { file, size: read.size ?? 0, limit });
    default:
      return new TaizhangError('FAULT_FILE_UNREADABLE', { file, detail: read.detail });
  }
}

/** The one ledger `taizhang validate` is given: too large is the reader's refusal (exit 1); not there or no file is a fault. */
export function readNamedSubmission(file: string, name: string): { bytes: Uint8Array } | { issue: Issue } {
  const read = readRegularFile(file, SUBMISSION_LIMIT);
  if (read.ok) return { bytes: read.bytes };
  if (read.why === 'too-large') return { issue: tooLarge(name, read.size) };
  throw faultFor(read, name, SUBMISSION_LIMIT);
}
