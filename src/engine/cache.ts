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
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { appendBytes, writeChunksAtomic } from "../core/write.js";
import { TOOL_VERSION } from "../core/version.js";
import type { ItemStatus, Lang } from "../core/types.js";
import type { Ruleset } from "../ruleset/model.js";
import type { CheckedSchool } from "./run-schools.js";
import { SHARED } from "./intern.js";

const FORMAT = 4;

/** The file starts with this, so that no other file (or an older format) is mistaken for a cache. */
const MAGIC = Buffer.from(`sop-audit cache ${FORMAT}\n`);

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

/** The first record also says which format and version wrote the file. */
interface FirstRecord extends CacheRecord {
  format: number;
  version: string;
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

export class SchoolCache {
  private entries: Record<string, Entry> = {};
  private rulesetEntry: CacheRecord["ruleset"];
  /** What this run changed: an appended record holds just these. */
  private readonly changed = new Set<string>();
  private readonly removed = new Set<string>();
  private rulesetChanged = false;
  /** Size of the first record; undefined when the file gave none that could be used. */
  private firstBytes: number | undefined;
  private appendedBytes = 0;
  /** The file ends in something that is not a record: appending after it would be lost. */
  private damagedTail = false;
  private startedAt = Date.now();

  /** Undefined: the cache lives in memory only (`check --watch` without `--cache`). */
  readonly file: string | undefined;

  /** `lang`: of the message when the file cannot be written. */
  constructor(
    location: string | undefined,
    private readonly lang: Lang = "nl",
  ) {
    this.file = location === undefined ? undefined : cacheFile(location);
    if (this.file === undefined) return;
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.file);
    } catch {
      return;
    }
    this.read(bytes);
  }

  private read(bytes: Buffer): void {
    if (bytes.length < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return;
    const first = readRecord(bytes, MAGIC.length);
    if (!first) return;
    const head = first.value as FirstRecord;
    if (head.format !== FORMAT || head.version !== TOOL_VERSION || !this.apply(head)) return;
    this.firstBytes = first.end - MAGIC.length;
    let at = first.end;
    for (let next = readRecord(bytes, at); next && this.apply(next.value as CacheRecord); next = readRecord(bytes, at)) at = next.end;
    this.appendedBytes = at - first.end;
    this.damagedTail = at < bytes.length;
  }

  /** Applies one record, all or nothing; false when it is damaged (a damaged cache is no cache from there on). */
  private apply(record: CacheRecord): boolean {
    let entries: Record<string, Entry>;
    try {
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

  /** A hit on the stamps alone: nothing of the school was read. */
  byStamps(id: string, env: string, stamps: string): CheckedSchool | undefined {
    const e = this.entries[id];
    return e && e.stamps === stamps && e.env === env ? e.checked : undefined;
  }

  /** The school's files as listed with its stamps, while its folder's stamp is the same: no need to list it again. */
  names(id: string, folder: Stamped): string[] | undefined {
    const e = this.entries[id];
    return e?.names && e.stamps?.startsWith(folder.stamps) ? e.names : undefined;
  }

  /** A hit on content; the stamps are refreshed for the next run. */
  byKey(id: string, key: string, stamped?: SchoolStamps): CheckedSchool | undefined {
    const e = this.entries[id];
    if (!e || e.key !== key) return undefined;
    const before = e.stamps;
    this.stamp(e, stamped);
    if (e.stamps !== before) this.changed.add(id);
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
    if (this.changed.size === 0 && this.removed.size === 0 && !this.rulesetChanged && !this.damagedTail) return;
    const file = this.file;
    if (file === undefined) return this.saved();
    if (this.firstBytes !== undefined && !this.damagedTail) {
      const changed: Record<string, Entry> = {};
      for (const id of this.changed) changed[id] = this.entries[id]!;
      const record: CacheRecord = {
        ...asStored(changed),
        ...(this.removed.size > 0 ? { removed: [...this.removed] } : {}),
        ...(this.rulesetChanged && this.rulesetEntry ? { ruleset: this.rulesetEntry } : {}),
      };
      const body = serialize(record);
      if (this.appendedBytes + 4 + body.length <= this.firstBytes / 4) {
        // One write with O_APPEND: a run that stops half-way leaves a short record, which reading ignores.
        appendBytes(file, Buffer.concat([lengthOf(body), body]), this.lang);
        this.appendedBytes += 4 + body.length;
        return this.saved();
      }
    }
    // Results share their repeated parts (interned); v8's serializer writes a shared object once.
    const whole: FirstRecord = { format: FORMAT, version: TOOL_VERSION, ...asStored(this.entries), ...(this.rulesetEntry ? { ruleset: this.rulesetEntry } : {}) };
    const body = serialize(whole);
    writeChunksAtomic(file, [MAGIC, lengthOf(body), body], this.lang);
    this.firstBytes = 4 + body.length;
    this.appendedBytes = 0;
    this.damagedTail = false;
    this.saved();
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

/** A record is its length (4 bytes, little-endian) and then its bytes. */
function lengthOf(body: Uint8Array): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(body.length);
  return b;
}

function readRecord(bytes: Buffer, at: number): { value: unknown; end: number } | undefined {
  if (at + 4 > bytes.length) return undefined;
  const end = at + 4 + bytes.readUInt32LE(at);
  if (end > bytes.length) return undefined;
  try {
    const value = deserialize(bytes.subarray(at + 4, end));
    return value !== null && typeof value === "object" ? { value, end } : undefined;
  } catch {
    return undefined;
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
