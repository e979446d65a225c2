/** Writing outputs (reports, formatted results, the cache). Input files are never written. */
import { closeSync, mkdirSync, openSync, renameSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Writes a file atomically: a half-written report never replaces a good one.
 * A device or pipe (/dev/null, /dev/stdout, a FIFO) is written to directly:
 * renaming a file over it would replace it.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const existing = statSync(file, { throwIfNoEntry: false });
  if (existing && !existing.isFile()) {
    writeFileSync(file, content);
    return;
  }
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}

/** The same, for output produced in pieces: never held as one string. */
export function writeChunksAtomic(file: string, chunks: Iterable<string>): void {
  const existing = statSync(file, { throwIfNoEntry: false });
  const direct = existing !== undefined && !existing.isFile();
  if (!direct) mkdirSync(dirname(file), { recursive: true });
  const target = direct ? file : `${file}.${process.pid}.tmp`;
  const fd = openSync(target, "w");
  try {
    for (const chunk of chunks) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  if (!direct) renameSync(target, file);
}
