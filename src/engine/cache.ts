/**
 * `--cache`: per school the result of the last run, keyed on the content of
 * its files, the ruleset (which includes the tool version), the peildatum,
 * schooljaar, language and detail level. Like ESLint's cache, it only skips
 * work: a hit gives exactly the result a fresh check would.
 *
 * Finding a hit must cost far less than checking, so a school is first
 * compared by the size, modification time and inode of its files (one stat
 * each, no reading). Only when those differ are the files read and hashed:
 * after a fresh clone or a restored CI cache every time is new, but the
 * content is not. The effective ruleset is kept too, recognised by the
 * stamps of its files.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { writeFileAtomic } from "../core/write.js";
import { TOOL_VERSION } from "../core/version.js";
import type { ItemStatus } from "../core/types.js";
import type { Ruleset } from "../ruleset/model.js";
import type { CheckedSchool } from "./run-schools.js";
import { SHARED } from "./intern.js";

const FORMAT = 3;

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
  /** Name, size, mtime and inode of every file; absent when not trustworthy. */
  stamps?: string;
  checked: CheckedSchool;
}

/** An entry as stored: its statuses are numbers into the file's table of statuses. */
interface StoredEntry extends Omit<Entry, "checked"> {
  checked: { files: number; result: Omit<CheckedSchool["result"], "statuses"> & { statuses: Uint32Array } };
}

/**
 * Most of a result is its item statuses, which schools share. Written as
 * objects, each school's list costs the serializer a back-reference per
 * status (1.1 million at 10,000 schools); as a typed array of indexes into
 * one table it is copied as raw bytes.
 */
interface CacheFile {
  format: number;
  version: string;
  statuses: ItemStatus[];
  entries: Record<string, StoredEntry>;
  /** The effective ruleset, keyed on the stamps of its files and the options that shape it. */
  ruleset?: { key: string; stamps: string; value: Ruleset };
}

/** One stat per file (`names` relative to `absDir`): the cheap first look at whether anything changed. */
export function fileStamps(absDir: string, names: readonly string[]): { stamps: string; newest: number } | undefined {
  try {
    let stamps = "";
    let newest = 0;
    for (const name of names) {
      const st = statSync(join(absDir, name));
      stamps += `${name}\0${st.size}\0${st.mtimeMs}\0${st.ino}\n`;
      if (st.mtimeMs > newest) newest = st.mtimeMs;
    }
    return { stamps, newest };
  } catch {
    return undefined;
  }
}

export class SchoolCache {
  private entries: Record<string, Entry> = {};
  private rulesetEntry: CacheFile["ruleset"];
  private dirty = false;
  private readonly startedAt = Date.now();

  readonly file: string;

  constructor(location: string) {
    // A folder means: the cache file in that folder (as ESLint does).
    this.file = existsSync(location) && statSync(location).isDirectory() ? join(location, ".sop-audit-cache") : location;
    const file = this.file;
    if (!existsSync(file)) return;
    try {
      const data = deserialize(readFileSync(file)) as CacheFile;
      if (data.format === FORMAT && data.version === TOOL_VERSION) {
        this.entries = withStatuses(data.entries, data.statuses);
        this.rulesetEntry = data.ruleset;
      }
    } catch {
      // A damaged cache is no cache.
    }
  }

  /** A hit on the stamps alone: nothing of the school was read. */
  byStamps(id: string, env: string, stamps: string): CheckedSchool | undefined {
    const e = this.entries[id];
    return e && e.stamps === stamps && e.env === env ? e.checked : undefined;
  }

  /** A hit on content; the stamps are refreshed for the next run. */
  byKey(id: string, key: string, stamped?: { stamps: string; newest: number }): CheckedSchool | undefined {
    const e = this.entries[id];
    if (!e || e.key !== key) return undefined;
    const stamps = this.trusted(stamped);
    if (e.stamps !== stamps) {
      if (stamps === undefined) delete e.stamps;
      else e.stamps = stamps;
      this.dirty = true;
    }
    return e.checked;
  }

  set(id: string, key: string, env: string, checked: CheckedSchool, stamped?: { stamps: string; newest: number }): void {
    const stamps = this.trusted(stamped);
    this.entries[id] = { key, env, ...(stamps !== undefined ? { stamps } : {}), checked };
    this.dirty = true;
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
      this.dirty = true;
    }
  }

  /** The ruleset of the last run, if it was built from the same files with the same options. */
  ruleset(key: string, stamps: string): Ruleset | undefined {
    const e = this.rulesetEntry;
    return e && e.key === key && e.stamps === stamps ? e.value : undefined;
  }

  setRuleset(key: string, stamped: { stamps: string; newest: number }, ruleset: Ruleset): void {
    const stamps = this.trusted(stamped);
    if (stamps === undefined) return;
    this.rulesetEntry = { key, stamps, value: ruleset };
    this.dirty = true;
  }

  /** Writes the cache when anything changed; schools not seen in this run stay for a later run of theirs. */
  save(): void {
    if (!this.dirty) return;
    // Results share their repeated parts (interned); v8's serializer writes a shared object once.
    const { entries, statuses } = asStored(this.entries);
    writeFileAtomic(this.file, serialize({ format: FORMAT, version: TOOL_VERSION, statuses, entries, ...(this.rulesetEntry ? { ruleset: this.rulesetEntry } : {}) } satisfies CacheFile));
  }

  private trusted(stamped: { stamps: string; newest: number } | undefined): string | undefined {
    return stamped && stamped.newest < this.startedAt - RACY_MS ? stamped.stamps : undefined;
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
 * The stored entries with their statuses looked up again. The table goes
 * through the shared interner, so that a school checked again in this run
 * gets the very same objects and the table does not grow from run to run.
 */
function withStatuses(stored: Record<string, StoredEntry>, storedStatuses: ItemStatus[]): Record<string, Entry> {
  const table = storedStatuses.map((st) => SHARED.status(st.item, st.status, st.rules, st.reason));
  const entries: Record<string, Entry> = {};
  for (const [id, e] of Object.entries(stored)) {
    const indexes = e.checked.result.statuses;
    const statuses = new Array<ItemStatus>(indexes.length);
    for (let i = 0; i < indexes.length; i++) {
      const st = table[indexes[i]!];
      // A damaged file is no cache (the constructor catches this).
      if (st === undefined) throw new Error(`cache entry ${id}: status ${indexes[i]} is not in the table`);
      statuses[i] = st;
    }
    entries[id] = { ...e, checked: { files: e.checked.files, result: { ...e.checked.result, statuses } } };
  }
  return entries;
}
