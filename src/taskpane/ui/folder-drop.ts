/**
 * The school files of a 汇总, however the clerk gave them: several files
 * picked, a whole folder picked (`webkitdirectory`), or files and folders
 * dropped onto the page (DataTransferItem.webkitGetAsEntry, which also works
 * from file://). Folders are walked to the bottom; each file keeps its path
 * below the folder given, as the CLI names it (`二中/台账.xlsx`), so a file
 * called 台账.xlsx is known by its school's folder. Lock, hidden and system
 * files are left out by the CLI's rule (core/submission-names.ts) and counted.
 */
import { isNotSubmission } from '../../core/submission-names.js';

export interface InboxFile {
  file: File;
  /** Path below the folder given (the bare name for a file given on its own). */
  path: string;
}

export interface Inbox {
  files: InboxFile[];
  /** Paths left out as lock, hidden or system files. */
  skipped: string[];
}

/** A path (below the folder given) is left out when any part of it is a lock, hidden or system name. */
function sortInto(inbox: Inbox, file: File, path: string): void {
  if (path.split('/').some(isNotSubmission)) inbox.skipped.push(path);
  else inbox.files.push({ file, path });
}

const byPath = (inbox: Inbox): Inbox => {
  inbox.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return inbox;
};

/** Files from an <input type=file> (multiple, or webkitdirectory: each then carries its path under the folder picked). */
export function inboxFromInput(list: FileList | readonly File[]): Inbox {
  const inbox: Inbox = { files: [], skipped: [] };
  for (const file of Array.from(list)) {
    const relative = file.webkitRelativePath || file.name;
    // `报送/二中/台账.xlsx` → `二中/台账.xlsx`: the picked folder's own name is not part of the path, as in the CLI.
    const path = relative.includes('/') ? relative.slice(relative.indexOf('/') + 1) : relative;
    sortInto(inbox, file, path);
  }
  return byPath(inbox);
}

const fileOf = (entry: FileSystemFileEntry): Promise<File> => new Promise((resolve, reject) => entry.file(resolve, reject));

/** Every entry of a folder: readEntries answers in batches (100 at a time in Chromium) until an empty one. */
async function entriesOf(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    for (const entry of batch) all.push(entry);
  }
}

async function walk(entry: FileSystemEntry, path: string, inbox: Inbox): Promise<void> {
  if (entry.isFile) return sortInto(inbox, await fileOf(entry as FileSystemFileEntry), path);
  if (!entry.isDirectory) return;
  if (path !== '' && path.split('/').some(isNotSubmission)) return void inbox.skipped.push(`${path}/`);
  for (const child of await entriesOf(entry as FileSystemDirectoryEntry)) await walk(child, path ? `${path}/${child.name}` : child.name, inbox);
}

/**
 * What was dropped. The entries must be taken during the drop event (the list
 * is emptied after it), so call this at once in the handler and await it after.
 */
export function inboxFromDrop(data: DataTransfer): Promise<Inbox> {
  const entries = Array.from(data.items)
    .filter((item) => item.kind === 'file')
    .map((item) => ({ entry: item.webkitGetAsEntry(), file: item.getAsFile() }));
  return (async () => {
    const inbox: Inbox = { files: [], skipped: [] };
    for (const { entry, file } of entries) {
      // A dropped folder: its files below it, as when the folder is picked; a dropped file: its name.
      if (entry?.isDirectory) await walk(entry, '', inbox);
      else if (file) sortInto(inbox, file, file.name);
    }
    return byPath(inbox);
  })();
}
