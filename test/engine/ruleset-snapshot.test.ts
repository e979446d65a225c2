/**
 * The shipped standards read ahead at build time (src/rules/snapshot.ts)
 * must give exactly the ruleset that reading them gives, and must never
 * serve a file whose bytes changed.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RulesetError } from "../../src/core/errors.js";
import { loadRuleset, rulesetFiles } from "../../src/ruleset/load.js";
import { parseSource } from "../../src/documents/parse.js";
import { buildSnapshot, contentHash, deferredSource, fromSnapshot, snapshotDoc } from "../../src/rules/snapshot.js";

const shipped = rulesetFiles({});
const snapshot = buildSnapshot(shipped);

describe("the ruleset snapshot", () => {
  it("holds every shipped catalog and profile, with the position map of each", () => {
    expect(Object.keys(snapshot.files)).toHaveLength(shipped.length);
    expect(shipped.length).toBeGreaterThanOrEqual(6);
    const catalog = fromSnapshot(snapshot, readFileSync(shipped.find((f) => f.endsWith("basisondersteuning.yaml"))!))!;
    expect(catalog.positions.root?.entries?.map((e) => e[0])).toContain("indicatoren");
    // A round trip through JSON, as the build stores it, keeps the map whole.
    expect(JSON.parse(JSON.stringify(catalog.positions))).toEqual(catalog.positions);
  });

  it("answers every position from its map without parsing the file", () => {
    const bytes = readFileSync(shipped.find((f) => f.endsWith("basisondersteuning.yaml"))!);
    const entry = fromSnapshot(snapshot, bytes)!;
    const parsed = parseSource("standards/catalogs/basisondersteuning.yaml", bytes);
    // Text that is no YAML at all: only the stored map can give the right answers.
    const deferred = deferredSource("standards/catalogs/basisondersteuning.yaml", Buffer.from("[: niet te lezen"), entry.positions);
    const indicators = (parsed.data as { indicatoren: unknown[] }).indicatoren;
    for (let i = 0; i < indicators.length; i++) {
      expect(deferred.locate(["indicatoren", i])).toEqual(parsed.locate(["indicatoren", i]));
      expect(deferred.locate(["indicatoren", i, "id"], { key: true })).toEqual(parsed.locate(["indicatoren", i, "id"], { key: true }));
    }
    expect(deferred.locate(["indicatoren", 3]).line).toBeGreaterThan(10);
  });

  for (const profile of ["swv-vo-2203", "meierij-po"]) {
    it(`gives the same ruleset for ${profile} as reading the files`, () => {
      const read = loadRuleset({ profile, snapshot: null });
      const ahead = loadRuleset({ profile, snapshot });
      expect(ahead.hash).toBe(read.hash);
      expect(ahead).toEqual(read);
    });
  }

  it("serves a copy, so that one loaded ruleset cannot change the next", () => {
    const bytes = readFileSync(shipped[0]!);
    const a = snapshotDoc(fromSnapshot(snapshot, bytes)!);
    const b = snapshotDoc(fromSnapshot(snapshot, bytes)!);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });

  it("parses a file it served only when its data or problems are asked for", () => {
    const bytes = readFileSync(shipped[0]!);
    const deferred = deferredSource("standards/catalogs/x.yaml", bytes, fromSnapshot(snapshot, bytes)!.positions);
    const parsed = parseSource("standards/catalogs/x.yaml", bytes);
    expect(deferred.locate(["id"])).toEqual(parsed.locate(["id"]));
    expect(deferred.locate(["id"]).line).toBeGreaterThan(1);
    expect(deferred.data).toEqual(parsed.data);
    expect(deferred.problems).toEqual([]);
  });

  it("does not serve a file whose bytes changed: it is read, and its errors keep their positions", () => {
    const dir = mkdtempSync(join(tmpdir(), "sop-snapshot-"));
    const profile = shipped.find((f) => f.endsWith("swv-vo-2203.yaml"))!;
    const changed = join(dir, "swv-vo-2203.yaml");
    // Same id as the shipped profile: the loader must report the duplicate at the changed file's id.
    copyFileSync(profile, changed);
    writeFileSync(changed, `${readFileSync(changed, "utf8")}\n`);
    expect(snapshot.files[contentHash(readFileSync(changed))]).toBeUndefined();
    let error: unknown;
    try {
      loadRuleset({ profile: "swv-vo-2203", paths: [dir], snapshot });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RulesetError);
    const problem = (error as RulesetError).problems.find((p) => /is al gebruikt/.test(p.message))!;
    expect(problem.file).toMatch(/swv-vo-2203\.yaml$/);
    expect(problem.range.line).toBeGreaterThan(0);
  });
});
