/**
 * Reading a file that someone else wrote (a school file, sop-audit.yaml, an
 * own rules file, the cache): only a regular file, never more than a cap,
 * never blocking on a FIFO or spinning on a device, and never through a
 * symbolic link that leaves the place it must stay in.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from "node:fs";
import { isAbsolute, relative } from "node:path";

/** The largest input file read, in bytes: a school document is a few kilobytes; ten times the largest real one fits well. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

export type ReadFailure =
  | { reason: "not-a-file"; what: "directory" | "fifo" | "device" | "socket" | "other" }
  | { reason: "too-large"; size: number; limit: number }
  | { reason: "outside"; target: string }
  | { reason: "error"; error: NodeJS.ErrnoException };

export type ReadResult = { bytes: Buffer; failure?: undefined } | { bytes?: undefined; failure: ReadFailure };

export interface ReadInputOptions {
  /** A symbolic link is followed only when its real path lies in this folder (a real path; a function when finding it costs). */
  within?: string | (() => string);
  limit?: number;
}

// O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting forever.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

export function readInputFile(path: string, options: ReadInputOptions = {}): ReadResult {
  const limit = options.limit ?? MAX_INPUT_BYTES;
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS | NO_FOLLOW);
  } catch (error) {
    // ELOOP with O_NOFOLLOW: the path is a symbolic link; follow it only where it may go.
    if (errno(error) !== "ELOOP" || NO_FOLLOW === 0) return { failure: { reason: "error", error: error as NodeJS.ErrnoException } };
    let target: string;
    try {
      target = realpathSync(path);
    } catch (inner) {
      return { failure: { reason: "error", error: inner as NodeJS.ErrnoException } };
    }
    const within = typeof options.within === "function" ? options.within() : options.within;
    if (within !== undefined && !isInside(target, within)) return { failure: { reason: "outside", target } };
    try {
      fd = openSync(target, OPEN_FLAGS);
    } catch (inner) {
      return { failure: { reason: "error", error: inner as NodeJS.ErrnoException } };
    }
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { failure: { reason: "not-a-file", what: kindOf(st) } };
    if (st.size > limit) return { failure: { reason: "too-large", size: st.size, limit } };
    return readAtMost(fd, st.size, limit);
  } catch (error) {
    return { failure: { reason: "error", error: error as NodeJS.ErrnoException } };
  } finally {
    closeSync(fd);
  }
}

/** Reads to the end, but never past the limit: a file that grows while it is read is still bounded. */
function readAtMost(fd: number, expected: number, limit: number): ReadResult {
  // One byte more than expected: reaching the end then takes no second buffer.
  let buffer = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(expected + 1, 4096)));
  let used = 0;
  for (;;) {
    if (used === buffer.length) {
      if (buffer.length > limit) return { failure: { reason: "too-large", size: used, limit } };
      const bigger = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
      buffer.copy(bigger, 0, 0, used);
      buffer = bigger;
    }
    const n = readSync(fd, buffer, used, buffer.length - used, null);
    if (n === 0) break;
    used += n;
  }
  if (used > limit) return { failure: { reason: "too-large", size: used, limit } };
  return { bytes: buffer.subarray(0, used) };
}

/** The check id a failure is reported under. */
export function failureCheck(failure: ReadFailure): "file/unreadable" | "file/too-large" | "file/outside-repository" {
  return failure.reason === "too-large" ? "file/too-large" : failure.reason === "outside" ? "file/outside-repository" : "file/unreadable";
}

function kindOf(st: Stats): "directory" | "fifo" | "device" | "socket" | "other" {
  if (st.isDirectory()) return "directory";
  if (st.isFIFO()) return "fifo";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "device";
  if (st.isSocket()) return "socket";
  return "other";
}

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** `child` is `parent` or lies below it (both real, absolute paths); `..name` is a name, not a step up. */
export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${"/"}`) && !rel.startsWith("..\\") && !isAbsolute(rel));
}
