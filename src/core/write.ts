/** Writing outputs (reports, formatted results, the cache). Input files are never written. */
import { appendFileSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statfsSync, statSync, writeSync } from "node:fs";
import type { Stats } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { t, writeFailure } from "../i18n/messages.js";
import { WriteError } from "./errors.js";
import type { Lang } from "./types.js";

/**
 * Writes a file atomically, from output in pieces (never held as one
 * string): a half-written report never replaces a good one. A device or
 * pipe (/dev/null, /dev/stdout, a FIFO) is written to directly: renaming a
 * file over it would replace it. The place is judged before any folder is
 * made (see `writesDirectly`), and temporary files that runs killed on the
 * way left in the folder are removed.
 */
export function writeChunksAtomic(file: string, pieces: Iterable<string | Uint8Array>, lang: Lang): void {
  writing(file, lang, () => {
    const direct = writesDirectly(file, lang);
    if (!direct) {
      mkdirSync(dirname(file), { recursive: true });
      removeStaleTemporaries(dirname(file));
    }
    const target = direct ? file : temporaryName(file, process.pid);
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

/**
 * Whether `file` is written in place (true) or through a temporary file
 * beside it (false); throws a WriteError for a place that is no place for
 * files. Decided before any folder is made: a recursive mkdir under /proc
 * does not fail, it spins.
 */
function writesDirectly(file: string, lang: Lang): boolean {
  const target = resolve(file);
  const { path: at, stats } = nearestExisting(target);
  const exists = at === target;
  // A block device is never written; nor is anything made inside a device (/dev/null/x).
  if (stats.isBlockDevice() || (!exists && stats.isCharacterDevice())) throw refused(lang, file, "write.device", at);
  // A pipe or character device the user names is written as before (a socket too, which open refuses).
  if (exists && !stats.isFile() && !stats.isDirectory()) return true;
  const real = realpathSync(at);
  if (onSystemFs(real)) throw refused(lang, file, "write.system", real);
  if (exists) {
    // A folder: opening it says so (EISDIR). A file reached through /dev/stdout or /proc/self/fd
    // (output redirected to a file) is written in place: a rename would replace the link, not the file.
    return stats.isDirectory() || inDevices(target) || inDevices(real) || under(target, "/proc");
  }
  if (!stats.isDirectory()) throw refused(lang, file, "write.notDir", at);
  if (inDevices(target) || inDevices(real)) throw refused(lang, file, "write.devices", real);
  return false;
}

/** The path itself or its nearest ancestor that exists (following links), with its stats. */
function nearestExisting(path: string): { path: string; stats: Stats } {
  for (let p = path; ; p = dirname(p)) {
    const stats = existing(p);
    if (stats !== undefined) return { path: p, stats };
    if (dirname(p) === p) throw Object.assign(new Error(`${p} does not exist`), { code: "ENOENT", syscall: "stat" });
  }
}

/** Undefined when nothing is there, or a file or device on the way (ENOTDIR): the ancestor says which. */
function existing(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOTDIR") return undefined;
    throw error;
  }
}

/** statfs f_type of the kernel's own file systems (Linux): windows on the system, not places for files. */
const SYSTEM_FS_TYPES = new Set([
  0x9fa0, // proc
  0x62656572, // sysfs
  0x64626720, // debugfs
  0x74726163, // tracefs
  0x27e0eb, // cgroup
  0x63677270, // cgroup2
  0x73636673, // securityfs
  0x6165676c, // pstore
  0xcafe4a11, // bpf
  0x62656570, // configfs
  0x1cd1, // devpts
  0xde5e81e4, // efivarfs
  0x65735543, // fusectl
  0x42494e4d, // binfmt_misc
  0xf97cff8c, // selinuxfs
  0x19800202, // mqueue
  0x6e736673, // nsfs
]);

function onSystemFs(real: string): boolean {
  if (under(real, "/proc") || under(real, "/sys")) return true;
  if (process.platform !== "linux") return false;
  try {
    return SYSTEM_FS_TYPES.has(statfsSync(real).type);
  } catch {
    // No statfs here: the paths above are what is known.
    return false;
  }
}

/** In /dev, where devices live; /dev/shm is an ordinary tmpfs for files. */
function inDevices(path: string): boolean {
  return under(path, "/dev") && !under(path, "/dev/shm");
}

function under(path: string, dir: string): boolean {
  return path === dir || path.startsWith(`${dir}/`);
}

function refused(lang: Lang, file: string, reason: "write.device" | "write.devices" | "write.notDir" | "write.system", place: string): WriteError {
  return new WriteError(t(lang, "write.failed", { file, reason: t(lang, reason, { place }) }), [t(lang, "write.hint")]);
}

/** `<file>.<pid>.tmp`: the name pattern below must match it. */
function temporaryName(file: string, pid: number): string {
  return `${file}.${pid}.tmp`;
}

/** sop-audit's temporary files: `<name>.<pid>.tmp`, and the PDF's `<name>.<pid>.tmp.pdf` (report/pdf.ts). */
const TEMPORARY = /^.+\.([1-9][0-9]{0,9})\.tmp(?:\.pdf)?$/;

/** Folders already cleaned in this process: one readdir per folder, however many reports go there. */
const cleaned = new Set<string>();

/**
 * Removes the temporary files of runs that were killed half-way (kill -9,
 * a power cut): files named as sop-audit names them, of this user, whose
 * process no longer exists. A live process's file is never touched.
 */
function removeStaleTemporaries(dir: string): void {
  const key = resolve(dir);
  if (cleaned.has(key)) return;
  cleaned.add(key);
  const uid = process.getuid?.();
  let names: string[];
  try {
    names = readdirSync(key);
  } catch {
    // A folder one may write to but not list: nothing to clean, the write goes on.
    return;
  }
  for (const name of names) {
    const pid = TEMPORARY.exec(name)?.[1];
    if (pid === undefined || processExists(Number(pid))) continue;
    const path = join(key, name);
    try {
      const stats = lstatSync(path, { throwIfNoEntry: false });
      if (stats?.isFile() === true && (uid === undefined || stats.uid === uid)) rmSync(path);
    } catch {
      // Another run cleaning up at the same moment, say: the write goes on.
    }
  }
}

/** Only "no such process" (ESRCH) says it is gone; EPERM is someone else's live process. */
function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ESRCH";
  }
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
