/** Writing outputs (reports, formatted results, the cache). Input files are never written. */
import { appendFileSync, closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { t, writeFailure } from "../i18n/messages.js";
import { WriteError } from "./errors.js";
import type { Lang } from "./types.js";

/**
 * Writes a file atomically, from output in pieces (never held as one
 * string): a half-written report never replaces a good one. A device or
 * pipe (/dev/null, /dev/stdout, a FIFO) is written to directly: renaming a
 * file over it would replace it.
 */
export function writeChunksAtomic(file: string, pieces: Iterable<string | Uint8Array>, lang: Lang): void {
  writing(file, lang, () => {
    const existing = statSync(file, { throwIfNoEntry: false });
    const direct = existing !== undefined && !existing.isFile();
    if (!direct) mkdirSync(dirname(file), { recursive: true });
    const target = direct ? file : `${file}.${process.pid}.tmp`;
    const fd = openSync(target, "w");
    let written = false;
    try {
      for (const block of inBlocks(pieces)) writeAll(fd, block);
      written = true;
    } finally {
      closeSync(fd);
      // A full disk, say: no half-written file is left behind.
      if (!written && !direct) rmSync(target, { force: true });
    }
    if (!direct) renameSync(target, file);
  });
}

/** Appends bytes with one write (O_APPEND): a run that stops half-way leaves them short, never mixed. */
export function appendBytes(file: string, bytes: Uint8Array, lang: Lang): void {
  writing(file, lang, () => appendFileSync(file, bytes));
}

/** A file system error while writing becomes a WriteError (exit 2); anything else is a bug and stays as it is. */
function writing(file: string, lang: Lang, write: () => void): void {
  try {
    write();
  } catch (error) {
    // A system call's error (it names the call); Node's own ERR_… codes are bugs.
    const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
    if (typeof code !== "string" || typeof syscall !== "string") throw error;
    throw new WriteError(t(lang, "write.failed", { file, reason: writeFailure(lang, error as NodeJS.ErrnoException) }), [t(lang, "write.hint")]);
  }
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
