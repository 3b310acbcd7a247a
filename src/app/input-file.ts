/**
 * A file as every use case takes it: its name and its bytes. The CLI reads
 * them from disk, the page from <input type=file>, a host add-in from the
 * open document; no use case ever sees a path.
 */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
  /** When the file was last changed, ms since the epoch (File.lastModified or the file's mtime), when known. */
  lastModified?: number;
}
