/**
 * `--cache`: per school the result of the last run, keyed on the content of
 * its files, the ruleset (which includes the tool version), the peildatum,
 * schooljaar, language and detail level. Like ESLint's cache, it only skips
 * work: a hit gives exactly the result a fresh check would.
 *
 * Finding a hit must cost far less than checking, so a school is first
 * compared by the size, modification time and inode of its files (one stat
 * each, no reading), and its folder by its own stamp, which changes when a
 * file is added, removed or renamed: while it stays, the folder is not
 * listed again. Only when the stamps differ are the files read and hashed:
 * after a fresh clone or a restored CI cache every time is new, but the
 * content is not. The effective ruleset is kept too, recognised by the
 * stamps of its files.
 *
 * The file is a journal. The first record holds every entry; a run that
 * changed a few schools appends a record with just those, instead of
 * writing the whole file again (at 10,000 schools that is 26 MB for one
 * changed school). When the appended records outgrow a quarter of the first
 * one, the next save writes one record again.
 *
 * The file is checked, not trusted. Its first line names the format and the
 * tool version; every record is its length, a SHA-256 digest and its bytes,
 * and the digest covers that first line, the real path of the repository,
 * the digest of the record before it and the record's bytes. A record is
 * deserialized only after its digest matched. So a damaged file, one copied
 * from another repository or written by another version, records spliced in
 * from another file, and an edited result under a recomputed plain checksum
 * are all ignored (with one line on stderr) and the cache is built again.
 * The digest is no signature: whoever can write the cache can read this code
 * and compute it. Like ESLint's cache, it is trusted as much as the folder
 * it lives in.
 */
import { createHash } from "node:crypto";
import { existsSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { readInputFile, type ReadFailure } from "../core/read-input.js";
import { appendBytes, writeChunksAtomic } from "../core/write.js";
import { TOOL_VERSION } from "../core/version.js";
import type { ItemStatus, Lang } from "../core/types.js";
import { inputFailure, t } from "../i18n/messages.js";
import type { Ruleset } from "../rules/ruleset-model.js";
import type { CheckEnv } from "./check-env.js";
import type { CheckedSchool, SchoolRef } from "./check-task.js";
import { listSchoolFiles } from "./school.js";
import { SHARED } from "./intern.js";

// Raised whenever a school's result changes shape: an older cache would hand reports results without the new fields.
const FORMAT = 6;

/** The first line, so that no other file, format or version is mistaken for this cache. */
const HEAD = `sop-audit cache ${FORMAT} ${TOOL_VERSION}\n`;
/** A first line as any format writes it; what it names is shown in the warning, so it is kept to plain characters. */
const ANY_HEAD = /^sop-audit cache (\d{1,6})(?: ([\w.+-]{1,40}))?\n/;

/** The largest cache file read: ~26 MB at 10,000 schools; a cap, so that a huge or growing file cannot fill the memory. */
export const MAX_CACHE_BYTES = 512 * 1024 * 1024;

/** Before a record's bytes: their length (4 bytes, little-endian) and their SHA-256 digest. */
const RECORD_HEAD = 4 + 32;
const NO_DIGEST: Buffer = Buffer.alloc(0);

/**
 * A file changed within this many milliseconds before its stamp was taken
 * could change again within the file system's time resolution without a new
 * time (git calls this "racy"); such stamps are not stored, so the next run
 * compares content.
 */
const RACY_MS = 2000;

interface Entry {
  /** Hash of the file contents and everything else the result depends on. */
  key: string;
  /** What the result depends on besides the files (ruleset, dates, language). */
  env: string;
  /** The folder's stamp, then name, size, mtime and inode of every file; absent when not trustworthy. */
  stamps?: string;
  /** The school's document files, as the folder listed them when the stamps were taken. */
  names?: string[];
  checked: CheckedSchool;
}

/** An entry as stored: its statuses are numbers into its record's table of statuses. */
interface StoredEntry extends Omit<Entry, "checked"> {
  checked: { files: number; result: Omit<CheckedSchool["result"], "statuses"> & { statuses: Uint32Array } };
}

/**
 * One record of the journal. Most of a result is its item statuses, which
 * schools share. Written as objects, each school's list costs the
 * serializer a back-reference per status (1.1 million at 10,000 schools);
 * as a typed array of indexes into one table it is copied as raw bytes.
 */
interface CacheRecord {
  statuses: ItemStatus[];
  entries: Record<string, StoredEntry>;
  /** Schools whose entries went (only in appended records). */
  removed?: string[];
  /** The effective ruleset, keyed on the stamps of its files and the options that shape it. */
  ruleset?: { key: string; stamps: string; value: Ruleset };
}

/** Stamps of files (and of a school's folder), and the newest modification time among them (for the racy check). */
export interface Stamped {
  stamps: string;
  newest: number;
}

/**
 * One stat per file: the cheap first look at whether anything changed.
 * `names` are relative to the folder `absDir`, or absolute when it is "";
 * `first` are stamps to go on from (a school's folder stamp). (Joined by
 * hand: path.join would normalise what is already normal, a measurable cost
 * at 50,000 files.)
 */
export function fileStamps(absDir: string, names: readonly string[], first: Stamped = { stamps: "", newest: 0 }): Stamped | undefined {
  try {
    let { stamps, newest } = first;
    for (const name of names) {
      const st = statSync(absDir === "" ? name : `${absDir}/${name}`);
      stamps += `${name}\0${st.size}\0${st.mtimeMs}\0${st.ino}\n`;
      if (st.mtimeMs > newest) newest = st.mtimeMs;
    }
    return { stamps, newest };
  } catch {
    return undefined;
  }
}

/** The folder's own stamp; it begins the stamps of the school. */
export function folderStamp(absDir: string): Stamped | undefined {
  const st = statSync(absDir, { throwIfNoEntry: false });
  return st?.isDirectory() ? { stamps: `/\0${st.mtimeMs}\0${st.ino}\n`, newest: st.mtimeMs } : undefined;
}

/** Stamps as a school's lookup takes them, with the file names they cover. */
export interface SchoolStamps extends Stamped {
  names?: string[];
}

/** The cache file at a location: a folder means the file .sop-audit-cache in it (as ESLint does). */
export function cacheFile(location: string): string {
  return existsSync(location) && statSync(location).isDirectory() ? join(location, ".sop-audit-cache") : location;
}

/** What a cache needs to know of the run that uses it. */
export interface CacheContext {
  /** The repository: its real path is part of every digest, so a cache only holds for the repository it was written for. */
  root: string;
  /** Of the warning, and of the message when the file cannot be written. */
  lang: Lang;
  /** Told, in one line, when the file is not used; at most once per cache. */
  warn?: ((line: string) => void) | undefined;
}


/** A lookup: the result of an earlier run, or what is needed to store this run's. */
export type Lookup = { hit: CheckedSchool } | { miss: Pending };

/**
 * What the engine and the audit ask of results kept between runs. A run
 * without --cache gets NO_CACHE, which holds nothing and keeps nothing, so
 * no caller asks whether there is a cache.
 */
export interface ResultCache {
  lookUp(root: string, ruleset: Ruleset, env: CheckEnv, ref: SchoolRef): Lookup;
  store(ref: SchoolRef, miss: Pending, checked: CheckedSchool, key: string | undefined): void;
  /** True when every school will be checked: workers can start before the lookups. */
  holdsNothing(): boolean;
  /** The ruleset of the last run when `identify` finds its files unchanged, else `load()`; identified only when there is a cache. */
  rulesetOf(identify: () => { key: string; stamped: Stamped | undefined }, load: () => Ruleset): Ruleset;
  startRun(): void;
  keepOnly(ids: ReadonlySet<string>): void;
  save(): void;
}

const NOTHING_KNOWN: Lookup = { miss: {} };

export const NO_CACHE: ResultCache = {
  lookUp: () => NOTHING_KNOWN,
  store: () => undefined,
  holdsNothing: () => true,
  rulesetOf: (_identify, load) => load(),
  startRun: () => undefined,
  keepOnly: () => undefined,
  save: () => undefined,
};

export class SchoolCache implements ResultCache {
  private entries: Record<string, Entry> = {};
  private rulesetEntry: CacheRecord["ruleset"];
  /** What this run changed: an appended record holds just these. */
  private readonly changed = new Set<string>();
  private readonly removed = new Set<string>();
  private rulesetChanged = false;
  /** Size of the first record; undefined when the file gave none that could be used. */
  private firstBytes: number | undefined;
  private appendedBytes = 0;
  /** The file must be written whole at the next save: it ends in something that is not a record (appending after it would be lost), or it was not used. */
  private rewrite = false;
  /** The digest of the file's last record, which the next appended record's digest goes on from. */
  private last: Buffer = NO_DIGEST;
  private startedAt = Date.now();
  private warned = false;
  private readonly lang: Lang;
  private readonly warn: ((line: string) => void) | undefined;
  /** What every digest starts with: the first line and the real path of the repository. */
  private readonly seal: Buffer;

  /** Undefined: the cache lives in memory only (`check --watch` without `--cache`). */
  readonly file: string | undefined;

  constructor(location: string | undefined, context: CacheContext) {
    this.lang = context.lang;
    this.warn = context.warn;
    this.file = location === undefined ? undefined : cacheFile(location);
    this.seal = Buffer.from(`${HEAD}${realPath(context.root)}\0`);
    if (this.file === undefined) return;
    const read = readInputFile(this.file, { limit: MAX_CACHE_BYTES });
    if (read.failure) this.unreadable(read.failure);
    else this.load(read.bytes);
  }

  /** The file's records, or none at all when one of them cannot be used: then it is written anew. */
  private load(bytes: Buffer): void {
    const problem = this.read(bytes);
    if (problem === undefined) return;
    this.entries = {};
    this.rulesetEntry = undefined;
    this.firstBytes = undefined;
    this.appendedBytes = 0;
    this.rewrite = true;
    this.ignore("cache.rebuilt", problem);
  }

  /** No file yet is no problem; a FIFO, device or folder is never read nor written; anything else is written anew. */
  private unreadable(failure: ReadFailure): void {
    if (failure.reason === "error" && (failure.error.code === "ENOENT" || failure.error.code === "ENOTDIR")) return;
    if (failure.reason === "not-a-file") return this.ignore("cache.unused", inputFailure(this.lang, failure));
    this.rewrite = true;
    this.ignore("cache.rebuilt", failure.reason === "too-large" ? t(this.lang, "cache.tooLarge", { size: failure.size, limit: failure.limit }) : inputFailure(this.lang, failure));
  }

  private ignore(key: "cache.rebuilt" | "cache.unused", reason: string): void {
    if (this.warned) return;
    this.warned = true;
    this.warn?.(t(this.lang, key, { file: this.file, reason }));
  }

  /**
   * Takes in every record whose digest matches; says why when the file
   * cannot be used. An appended record cut short is what a run stopped
   * while appending leaves (one write, see save): the records before it are
   * used, silently, and the next save writes the file whole. The same holds
   * for a tail damaged in its length, which no digest covers; a complete
   * record that does not match its digest makes the whole file unused.
   */
  private read(bytes: Buffer): string | undefined {
    const head = ANY_HEAD.exec(bytes.subarray(0, 64).toString("latin1"));
    if (!head) return t(this.lang, "cache.notCache");
    if (Number(head[1]) !== FORMAT) return t(this.lang, "cache.otherFormat", { found: head[1], expected: FORMAT });
    if (head[2] !== TOOL_VERSION) return t(this.lang, "cache.otherVersion", { found: head[2], expected: TOOL_VERSION });
    const start = head[0].length;
    const first = this.recordAt(bytes, start, NO_DIGEST);
    if (first === "short") return t(this.lang, "cache.damaged");
    if (first === "mismatch") return t(this.lang, "cache.checksum");
    if (!this.apply(first.body)) return t(this.lang, "cache.damaged");
    this.firstBytes = first.end - start;
    this.last = first.digest;
    let at = first.end;
    for (;;) {
      const next = this.recordAt(bytes, at, this.last);
      if (next === "short") break;
      if (next === "mismatch") return t(this.lang, "cache.checksum");
      if (!this.apply(next.body)) return t(this.lang, "cache.damaged");
      this.last = next.digest;
      at = next.end;
    }
    this.appendedBytes = at - first.end;
    this.rewrite = at < bytes.length;
    return undefined;
  }

  /** The record at `at`, when its digest (going on from the one before) matches. */
  private recordAt(bytes: Buffer, at: number, previous: Buffer): { body: Buffer; digest: Buffer; end: number } | "short" | "mismatch" {
    if (at + RECORD_HEAD > bytes.length) return "short";
    const end = at + RECORD_HEAD + bytes.readUInt32LE(at);
    if (end > bytes.length) return "short";
    const body = bytes.subarray(at + RECORD_HEAD, end);
    const digest = this.digest(previous, body);
    return digest.equals(bytes.subarray(at + 4, at + RECORD_HEAD)) ? { body, digest, end } : "mismatch";
  }

  private digest(previous: Buffer, body: Uint8Array): Buffer {
    return createHash("sha256").update(this.seal).update(previous).update(body).digest();
  }

  /** A record as written: its length and digest, then its bytes. */
  private sealed(body: Uint8Array, previous: Buffer): { head: Buffer; digest: Buffer } {
    const digest = this.digest(previous, body);
    const head = Buffer.alloc(RECORD_HEAD);
    head.writeUInt32LE(body.length);
    digest.copy(head, 4);
    return { head, digest };
  }

  /** Applies one record, all or nothing; false when it is damaged. */
  private apply(body: Buffer): boolean {
    let record: CacheRecord;
    let entries: Record<string, Entry>;
    try {
      record = deserialize(body) as CacheRecord;
      entries = withStatuses(record.entries, record.statuses);
      if (record.removed !== undefined && !Array.isArray(record.removed)) return false;
    } catch {
      return false;
    }
    if (Object.keys(this.entries).length === 0) this.entries = entries;
    else Object.assign(this.entries, entries);
    for (const id of record.removed ?? []) delete this.entries[id];
    if (record.ruleset) this.rulesetEntry = record.ruleset;
    return true;
  }

  /**
   * A cache kept between runs (`check --watch`) starts each run here: the
   * racy check compares with the start of the run that takes the stamps.
   */
  startRun(): void {
    this.startedAt = Date.now();
  }

  lookUp(root: string, ruleset: Ruleset, env: CheckEnv, ref: SchoolRef): Lookup {
    return lookUp(this, root, ruleset, env, ref);
  }

  store(ref: SchoolRef, miss: Pending, checked: CheckedSchool, key: string | undefined): void {
    if (key !== undefined && miss.envKey !== undefined) this.set(ref.id, key, miss.envKey, checked, miss.stamped);
  }

  holdsNothing(): boolean {
    return Object.keys(this.entries).length === 0;
  }

  /** A hit on the stamps alone: nothing of the school was read. */
  byStamps(ref: SchoolRef, env: string, stamps: string): CheckedSchool | undefined {
    const e = this.entry(ref);
    return e && e.stamps === stamps && e.env === env ? e.checked : undefined;
  }

  /**
   * The school's entry, only when its result is that school folder's: an
   * entry cannot stand in for another school, nor hide one. The folder, not
   * the id: a school's id may come from its documents (school-identity.ts).
   */
  private entry(ref: SchoolRef): Entry | undefined {
    const e = this.entries[ref.id];
    return e?.checked.result.dir === ref.dir ? e : undefined;
  }

  /** The school's files as listed with its stamps, while its folder's stamp is the same: no need to list it again. */
  names(id: string, folder: Stamped): string[] | undefined {
    const e = this.entries[id];
    return e?.names && e.stamps?.startsWith(folder.stamps) ? e.names : undefined;
  }

  /** A hit on content; the stamps are refreshed for the next run. */
  byKey(ref: SchoolRef, key: string, stamped?: SchoolStamps): CheckedSchool | undefined {
    const e = this.entry(ref);
    if (!e || e.key !== key) return undefined;
    const before = e.stamps;
    this.stamp(e, stamped);
    if (e.stamps !== before) this.changed.add(ref.id);
    return e.checked;
  }

  set(id: string, key: string, env: string, checked: CheckedSchool, stamped?: SchoolStamps): void {
    const e: Entry = { key, env, checked };
    this.stamp(e, stamped);
    this.entries[id] = e;
    this.changed.add(id);
    this.removed.delete(id);
  }

  /** Could the content of this school hit: is there an entry for it made with the same options? */
  mayHit(id: string, env: string): boolean {
    return this.entries[id]?.env === env;
  }

  /** Is there an entry for this school (whatever its key)? */
  has(id: string): boolean {
    return id in this.entries;
  }

  /** Drops the entries of schools that are no longer in the repository. */
  keepOnly(ids: ReadonlySet<string>): void {
    for (const id of Object.keys(this.entries)) {
      if (ids.has(id)) continue;
      delete this.entries[id];
      this.changed.delete(id);
      this.removed.add(id);
    }
  }

  rulesetOf(identify: () => { key: string; stamped: Stamped | undefined }, load: () => Ruleset): Ruleset {
    const { key, stamped } = identify();
    const known = stamped && this.ruleset(key, stamped.stamps);
    if (known) return known;
    const ruleset = load();
    if (stamped) this.setRuleset(key, stamped, ruleset);
    return ruleset;
  }

  /** The ruleset of the last run, if it was built from the same files with the same options. */
  ruleset(key: string, stamps: string): Ruleset | undefined {
    const e = this.rulesetEntry;
    return e && e.key === key && e.stamps === stamps ? e.value : undefined;
  }

  setRuleset(key: string, stamped: Stamped, ruleset: Ruleset): void {
    if (!this.trusts(stamped)) return;
    this.rulesetEntry = { key, stamps: stamped.stamps, value: ruleset };
    this.rulesetChanged = true;
  }

  /**
   * Writes what changed, when anything did: appended as one record, or the
   * whole file as one record when there is no usable file yet, its end is
   * damaged, or the appended records would outgrow a quarter of the first.
   */
  save(): void {
    if (this.changed.size === 0 && this.removed.size === 0 && !this.rulesetChanged && !this.rewrite) return;
    const file = this.file;
    if (file === undefined || !this.writable(file)) return this.saved();
    if (this.firstBytes !== undefined && !this.rewrite) {
      const changed: Record<string, Entry> = {};
      for (const id of this.changed) changed[id] = this.entries[id]!;
      const record: CacheRecord = {
        ...asStored(changed),
        ...(this.removed.size > 0 ? { removed: [...this.removed] } : {}),
        ...(this.rulesetChanged && this.rulesetEntry ? { ruleset: this.rulesetEntry } : {}),
      };
      const body = serialize(record);
      if (this.appendedBytes + RECORD_HEAD + body.length <= this.firstBytes / 4) {
        // One write with O_APPEND: a run that stops half-way leaves a short record, which reading ignores.
        const { head, digest } = this.sealed(body, this.last);
        appendBytes(file, Buffer.concat([head, body]), this.lang);
        this.last = digest;
        this.appendedBytes += RECORD_HEAD + body.length;
        return this.saved();
      }
    }
    // Results share their repeated parts (interned); v8's serializer writes a shared object once.
    const whole: CacheRecord = { ...asStored(this.entries), ...(this.rulesetEntry ? { ruleset: this.rulesetEntry } : {}) };
    const body = serialize(whole);
    const { head, digest } = this.sealed(body, NO_DIGEST);
    writeChunksAtomic(file, [HEAD, head, body], this.lang);
    this.last = digest;
    this.firstBytes = RECORD_HEAD + body.length;
    this.appendedBytes = 0;
    this.rewrite = false;
    this.saved();
  }

  /**
   * Never written to a FIFO (opening it would wait for a reader), a device
   * or a folder, and never replaced (/dev/null may be one): such a cache is
   * not used. A path that cannot be looked at is left to the write, which
   * says why it fails.
   */
  private writable(file: string): boolean {
    let st;
    try {
      st = statSync(file, { throwIfNoEntry: false });
    } catch {
      return true;
    }
    if (st === undefined || st.isFile()) return true;
    this.ignore("cache.unused", t(this.lang, "read.special"));
    return false;
  }

  /** What is saved (or kept in memory only) is no longer a change: the next save of a kept cache writes only what changes after it. */
  private saved(): void {
    this.changed.clear();
    this.removed.clear();
    this.rulesetChanged = false;
  }

  private trusts(stamped: Stamped | undefined): stamped is Stamped {
    return stamped !== undefined && stamped.newest < this.startedAt - RACY_MS;
  }

  /** Keeps the stamps (and the listing they cover) only when they can be trusted. */
  private stamp(e: Entry, stamped: SchoolStamps | undefined): void {
    if (this.trusts(stamped)) {
      e.stamps = stamped.stamps;
      if (stamped.names) e.names = stamped.names;
      else delete e.names;
    } else {
      delete e.stamps;
      delete e.names;
    }
  }
}

function realPath(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

/** The entries with their statuses as indexes into one table; the live results are not changed. */
function asStored(live: Record<string, Entry>): { entries: Record<string, StoredEntry>; statuses: ItemStatus[] } {
  const index = new Map<ItemStatus, number>();
  const statuses: ItemStatus[] = [];
  const entries: Record<string, StoredEntry> = {};
  for (const [id, e] of Object.entries(live)) {
    const list = e.checked.result.statuses;
    const indexes = new Uint32Array(list.length);
    for (let i = 0; i < list.length; i++) {
      const st = list[i]!;
      let n = index.get(st);
      if (n === undefined) index.set(st, (n = statuses.push(st) - 1));
      indexes[i] = n;
    }
    entries[id] = { ...e, checked: { files: e.checked.files, result: { ...e.checked.result, statuses: indexes } } };
  }
  return { entries, statuses };
}

/**
 * The stored entries with their statuses looked up again, in place (the
 * entries were just read and belong to no one else). The table goes through
 * the shared interner, so that a school checked again in this run gets the
 * very same objects and the table does not grow from run to run. Throws
 * before changing anything when an index is not in the table.
 */
function withStatuses(stored: Record<string, StoredEntry>, storedStatuses: ItemStatus[]): Record<string, Entry> {
  const table = storedStatuses.map((st) => SHARED.status(st.item, st.status, st.rules, st.reason));
  const all = Object.entries(stored);
  const lists = all.map(([id, e]) => {
    const indexes = e.checked.result.statuses;
    const statuses = new Array<ItemStatus>(indexes.length);
    for (let i = 0; i < indexes.length; i++) {
      const st = table[indexes[i]!];
      if (st === undefined) throw new Error(`cache entry ${id}: status ${indexes[i]} is not in the table`);
      statuses[i] = st;
    }
    return statuses;
  });
  all.forEach(([, e], n) => ((e.checked.result as unknown as CheckedSchool["result"]).statuses = lists[n]!));
  return stored as unknown as Record<string, Entry>;
}

export function readSchoolFiles(root: string, dir: string, names: readonly string[]): Map<string, Buffer> | undefined {
  const files = new Map<string, Buffer>();
  let realRoot: string | undefined;
  const within = () => (realRoot ??= realpathSync(root));
  for (const name of names) {
    const read = readInputFile(join(root, dir, name), { within });
    // Files that are not read are reported by the normal path; such a school is just not cached.
    if (read.failure) return undefined;
    files.set(name, read.bytes);
  }
  return files;
}

/** Everything a school's result depends on besides its files. */
export function schoolEnv(ruleset: Ruleset, env: CheckEnv, ref: SchoolRef): string {
  return `${ruleset.hash}\0${env.peildatum}\0${env.schooljaar}\0${env.lang}\0${env.detail ?? "report"}\0${JSON.stringify(env.regime ?? null)}\0${ref.dir}`;
}

export function schoolKey(schoolEnvironment: string, files: Map<string, Buffer>): string {
  const h = createHash("sha1");
  h.update(`${schoolEnvironment}\0`);
  for (const [name, bytes] of files) {
    h.update(`${name}\0${bytes.length}\0`);
    h.update(bytes);
  }
  return h.digest("hex");
}

/** The cached result of a school whose files did not change, else what is needed to check it and store the result. */
function lookUp(cache: SchoolCache, root: string, ruleset: Ruleset, env: CheckEnv, ref: SchoolRef): Lookup {
  const envKey = schoolEnv(ruleset, env, ref);
  const abs = join(root, ref.dir);
  const folder = folderStamp(abs);
  let names = folder && cache.names(ref.id, folder);
  try {
    names ??= listSchoolFiles(abs);
  } catch {
    return { miss: { envKey } };
  }
  const filesStamped = folder && fileStamps(abs, names, folder);
  const stamped = filesStamped && { ...filesStamped, names };
  const byStamps = stamped && cache.byStamps(ref, envKey, stamped.stamps);
  if (byStamps) return { hit: byStamps };
  // Nothing stored for these options (a first run, a new school, another ruleset): no content can hit.
  // The files are read once, where the school is checked, and hashed there.
  if (!cache.mayHit(ref.id, envKey)) return { miss: { envKey, keyWhenChecked: true, ...(stamped ? { stamped } : {}) } };
  const files = readSchoolFiles(root, ref.dir, names);
  const key = files && schoolKey(envKey, files);
  const byKey = key ? cache.byKey(ref, key, stamped) : undefined;
  if (byKey) return { hit: byKey };
  return { miss: { envKey, ...(key ? { key } : {}), ...(files ? { files } : {}), ...(stamped ? { stamped } : {}) } };
}

/** What a lookup that missed knows: what to store the school's result under once it is checked. */
export interface Pending {
  envKey?: string;
  /** The key of `files`, read at the lookup. */
  key?: string;
  /** Nothing was read at the lookup: the key is made where the school is checked, from the bytes read there. */
  keyWhenChecked?: boolean;
  files?: Map<string, Buffer>;
  stamped?: SchoolStamps;
}
