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
    // Gathered into pieces of about a megabyte: one system call each, not one per school.
    const buffer = Buffer.allocUnsafe(1 << 20);
    let used = 0;
    for (const chunk of chunks) {
      // At most three bytes per UTF-16 unit.
      if (chunk.length * 3 > buffer.length - used) {
        writeAll(fd, buffer.subarray(0, used));
        used = 0;
        if (chunk.length * 3 > buffer.length) {
          writeAll(fd, Buffer.from(chunk));
          continue;
        }
      }
      used += buffer.write(chunk, used);
    }
    writeAll(fd, buffer.subarray(0, used));
  } finally {
    closeSync(fd);
  }
  if (!direct) renameSync(target, file);
}

/** A write may take fewer bytes than given (a pipe, a full disk): go on until all are written. */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
}
