/**
 * The shipped catalogs and profiles, read ahead at build time. Every cold run
 * reads standards/ (~100 KB of YAML): parsing it, checking it against the
 * ruleset schema and finding the positions of its items and rules took
 * ~100 ms of a run that starts cold, before the first school. `npm run build`
 * stores what that gives for each shipped file in
 * dist/standards.snapshot.json, keyed by the file's SHA-256: a file whose
 * bytes changed (an SWV edited a shipped catalog) is not in it and is read
 * as always. A missing or unreadable snapshot only means reading as always.
 *
 * Each file's position map is stored with it, so its positions are found by
 * the one locator without parsing the file.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseSource } from "../documents/parse.js";
import { locateIn, type PositionMap } from "../documents/position-map.js";
import { FILE_START, type SourceFile } from "../documents/source.js";
import { parseFindings } from "../documents/validate.js";
import { RulesetFile, type RulesetFileDoc } from "./ruleset-schema.js";

export const SNAPSHOT_FILE = new URL("../standards.snapshot.json", import.meta.url);

export interface SnapshotFile {
  /** The file as the ruleset schema gave it back. */
  doc: RulesetFileDoc;
  /** Where every node of the file is. */
  positions: PositionMap;
}

export interface RulesetSnapshot {
  /** SHA-256 of a file's bytes → what reading it gave. */
  files: Record<string, SnapshotFile>;
  /** The JSON Schema fragments of the shipped rules, as ajv's standalone code (rules/schema-fragments.ts). */
  fragments?: Record<string, string>;
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

/** The file's entry in the snapshot, when its bytes are the ones read ahead. */
export function fromSnapshot(snapshot: RulesetSnapshot | null, bytes: Buffer): SnapshotFile | undefined {
  return snapshot?.files[contentHash(bytes)];
}

/** A copy of the document: the loader builds on it, and several rulesets can be loaded in one run. */
export function snapshotDoc(entry: SnapshotFile): RulesetFileDoc {
  return structuredClone(entry.doc);
}

/** A source whose positions come from the snapshot; its text is parsed only when something else is asked. */
export function deferredSource(file: string, bytes: Buffer, positions: PositionMap): SourceFile {
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
    locate: (path, opts) => locateIn(positions, path, opts) ?? FILE_START,
    positions: () => positions,
  };
}

/** What the build stores: every given file that parses and passes the ruleset schema without a problem, with its position map. */
export function buildSnapshot(files: readonly string[]): RulesetSnapshot {
  const snapshot: RulesetSnapshot = { files: {} };
  for (const abs of files) {
    const bytes = readFileSync(abs);
    const source = parseSource(abs, bytes);
    if (source.data === undefined || parseFindings(source, { lang: "nl" }).length > 0) continue;
    const result = RulesetFile.safeParse(source.data);
    if (result.success) snapshot.files[contentHash(bytes)] = { doc: result.data, positions: source.positions() };
  }
  return snapshot;
}
