/**
 * `--cache`: per school the result of the last run, keyed on the content of
 * its files, the ruleset (which includes the tool version), the peildatum,
 * schooljaar and language. Like ESLint's cache, it only skips work: a hit
 * gives exactly the result a fresh check would.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { writeFileAtomic } from "../core/write.js";
import { TOOL_VERSION } from "../core/version.js";
import type { CheckedSchool } from "./run-schools.js";

const FORMAT = 1;

interface CacheFile {
  format: number;
  version: string;
  entries: Record<string, { key: string; checked: CheckedSchool }>;
}

export class SchoolCache {
  private entries: CacheFile["entries"] = {};
  private used = new Set<string>();
  private dirty = false;

  readonly file: string;

  constructor(location: string) {
    // A folder means: the cache file in that folder (as ESLint does).
    this.file = existsSync(location) && statSync(location).isDirectory() ? join(location, ".sop-audit-cache") : location;
    const file = this.file;
    if (!existsSync(file)) return;
    try {
      const data = deserialize(readFileSync(file)) as CacheFile;
      if (data.format === FORMAT && data.version === TOOL_VERSION) this.entries = data.entries;
    } catch {
      // A damaged cache is no cache.
    }
  }

  get(id: string, key: string): CheckedSchool | undefined {
    const e = this.entries[id];
    if (!e || e.key !== key) return undefined;
    this.used.add(id);
    return e.checked;
  }

  set(id: string, key: string, checked: CheckedSchool): void {
    this.entries[id] = { key, checked };
    this.used.add(id);
    this.dirty = true;
  }

  /** Writes the cache; schools not seen in this run stay for a later run of theirs. */
  save(): void {
    if (!this.dirty) return;
    writeFileAtomic(this.file, serialize({ format: FORMAT, version: TOOL_VERSION, entries: this.entries } satisfies CacheFile));
  }
}
