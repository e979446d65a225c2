/**
 * The shipped catalogs and profiles, read ahead at build time. Every cold run
 * reads standards/ (~100 KB of YAML): parsing it and checking it against the
 * ruleset schema took ~60 ms of a run that starts cold, before the first
 * school. `npm run build` stores what that gives for each shipped file in
 * dist/standards.snapshot.json, keyed by the file's SHA-256: a file whose
 * bytes changed (an SWV edited a shipped catalog) is not in it and is read
 * as always. A missing or unreadable snapshot only means reading as always.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseSource } from "../documents/parse.js";
import type { SourceFile } from "../documents/source.js";
import { parseFindings } from "../documents/validate.js";
import { RulesetFile, type RulesetFileDoc } from "./schema.js";

export const SNAPSHOT_FILE = new URL("../standards.snapshot.json", import.meta.url);

export interface RulesetSnapshot {
  /** SHA-256 of a file's bytes → the file as the ruleset schema gave it back. */
  files: Record<string, RulesetFileDoc>;
}

export function contentHash(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

let loaded: RulesetSnapshot | null | undefined;

/** The snapshot next to the build, read once per process; null when there is none. */
export function rulesetSnapshot(): RulesetSnapshot | null {
  if (loaded === undefined) {
    try {
      loaded = JSON.parse(readFileSync(SNAPSHOT_FILE, "utf8")) as RulesetSnapshot;
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

/** A copy of the file's document from the snapshot, when its bytes are the ones read ahead. */
export function fromSnapshot(snapshot: RulesetSnapshot | null, bytes: Buffer): RulesetFileDoc | undefined {
  if (!snapshot) return undefined;
  const doc = snapshot.files[contentHash(bytes)];
  // A copy: the loader may build on the documents, and several rulesets can be loaded in one run.
  return doc === undefined ? undefined : structuredClone(doc);
}

/** A source whose text is parsed only when a message needs a position in it. */
export function deferredSource(file: string, bytes: Buffer): SourceFile {
  let parsed: SourceFile | undefined;
  const get = () => (parsed ??= parseSource(file, bytes));
  return {
    file,
    format: /\.md$/i.test(file) ? "markdown" : "yaml",
    get data() {
      return get().data;
    },
    get problems() {
      return get().problems;
    },
    locate: (path, opts) => get().locate(path, opts),
  };
}

/** What the build stores: every given file that parses and passes the ruleset schema without a problem. */
export function buildSnapshot(files: readonly string[]): RulesetSnapshot {
  const out: Record<string, RulesetFileDoc> = {};
  for (const abs of files) {
    const bytes = readFileSync(abs);
    const source = parseSource(abs, bytes);
    if (source.data === undefined || parseFindings(source, { lang: "nl" }).length > 0) continue;
    const result = RulesetFile.safeParse(source.data);
    if (result.success) out[contentHash(bytes)] = result.data;
  }
  return { files: out };
}
