/** Writing outputs (reports, formatted results, the cache). Input files are never written. */
import { closeSync, mkdirSync, openSync, renameSync, statSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Writes a file atomically, from output in pieces (never held as one
 * string): a half-written report never replaces a good one. A device or
 * pipe (/dev/null, /dev/stdout, a FIFO) is written to directly: renaming a
 * file over it would replace it.
 */
export function writeChunksAtomic(file: string, pieces: Iterable<string | Uint8Array>): void {
  const existing = statSync(file, { throwIfNoEntry: false });
  const direct = existing !== undefined && !existing.isFile();
  if (!direct) mkdirSync(dirname(file), { recursive: true });
  const target = direct ? file : `${file}.${process.pid}.tmp`;
  const fd = openSync(target, "w");
  try {
    for (const block of inBlocks(pieces)) writeAll(fd, block);
  } finally {
    closeSync(fd);
  }
  if (!direct) renameSync(target, file);
}

const BLOCK = 1 << 20;

/**
 * Pieces of output gathered into blocks of about a megabyte: one system call
 * (or one stream write) each, not one per piece. Every block is a new buffer,
 * so a stream may still hold the previous one.
 */
export function* inBlocks(pieces: Iterable<string | Uint8Array>): Generator<Uint8Array> {
  let block = Buffer.allocUnsafe(BLOCK);
  let used = 0;
  for (const piece of pieces) {
    // A string takes at most three bytes per UTF-16 unit.
    const most = typeof piece === "string" ? piece.length * 3 : piece.length;
    if (most > BLOCK - used && used > 0) {
      yield block.subarray(0, used);
      block = Buffer.allocUnsafe(BLOCK);
      used = 0;
    }
    if (most > BLOCK) {
      yield typeof piece === "string" ? Buffer.from(piece) : piece;
      continue;
    }
    if (typeof piece === "string") used += block.write(piece, used);
    else {
      block.set(piece, used);
      used += piece.length;
    }
  }
  if (used > 0) yield block.subarray(0, used);
}

/** A write may take fewer bytes than given (a pipe, a full disk): go on until all are written. */
function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done);
}
