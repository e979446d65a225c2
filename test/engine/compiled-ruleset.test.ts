/**
 * A run compiles its ruleset once and hands the value to the engine: a
 * school's result depends on the school and that value alone, whichever
 * schools were checked with it before, and the engine and the rules keep
 * nothing about a ruleset at module level.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { prepareAudit } from "../../src/audit/audit.js";
import { checkSchool } from "../../src/engine/check-school.js";
import { compileRuleset } from "../../src/engine/compiled-ruleset.js";
import { loadSchool } from "../../src/engine/school.js";
import { loadRuleset } from "../../src/ruleset/load.js";
import { EXAMPLES, fixture } from "./helpers.js";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

describe("the compiled ruleset", () => {
  const repo = join(EXAMPLES, "swv-vo-2203");
  const { root, ruleset, env } = prepareAudit({ cwd: repo, repo: "." });
  const dirs = readdirSync(join(root, "scholen")).sort();
  const check = (compiled: ReturnType<typeof compileRuleset>, dir: string) => checkSchool(loadSchool(root, `scholen/${dir}`, dir, env.lang, undefined), compiled, env);

  it("gives each school the result a fresh compiled value gives it, whatever was checked with it before", () => {
    const shared = compileRuleset(ruleset);
    const inTurn = dirs.map((dir) => check(shared, dir));
    const again = [...dirs].reverse().map((dir) => check(shared, dir)).reverse();
    const fresh = dirs.map((dir) => check(compileRuleset(ruleset), dir));
    expect(dirs.length).toBeGreaterThan(3);
    // Schools differ (else the comparisons below prove little).
    expect(new Set(inTurn.map((r) => JSON.stringify(r.statuses))).size).toBeGreaterThan(1);
    expect(JSON.stringify(again)).toBe(JSON.stringify(inTurn));
    expect(JSON.stringify(fresh)).toBe(JSON.stringify(inTurn));
  });

  it("leaves the ruleset as it was: a worker compiles the same value from its copy", () => {
    const before = JSON.stringify(ruleset, (_, v) => (v instanceof Map ? [...v] : v));
    compileRuleset(ruleset);
    expect(JSON.stringify(ruleset, (_, v) => (v instanceof Map ? [...v] : v))).toBe(before);
    const copy = structuredClone(ruleset);
    expect(JSON.stringify(check(compileRuleset(copy), dirs[0]!))).toBe(JSON.stringify(check(compileRuleset(ruleset), dirs[0]!)));
  });

  it("plans each sector once, and a sector no item or rule names like any other such sector", () => {
    const compiled = compileRuleset(ruleset);
    expect(compiled.planFor("VO", "schoolgids")).toBe(compiled.planFor("VO", "schoolgids"));
    expect(compiled.planFor("XYZ", "sop")).toBe(compiled.planFor("ABC", "sop"));
    // An unknown sector has every item of its regime.
    for (const regime of ["sop", "schoolgids"] as const) {
      expect(compiled.planFor(undefined, regime).applicable.size).toBe(ruleset.items.filter((it) => !it.regime || it.regime === regime).length);
    }
    expect(compiled.planFor("XYZ", "sop").applicable.size).toBeLessThan(compiled.planFor(undefined, "sop").applicable.size);
  });

  it("holds what rule kinds compile from their params (a pattern, a schema fragment), once for every sector", () => {
    const params = loadRuleset({ profile: "test-parameters", paths: [fixture("kinds-params/regels")], root: fixture("kinds-params") });
    const compiled = compileRuleset(params);
    const valueMatches = (sector: string | undefined) => compiled.planFor(sector, "schoolgids").rules.filter((r) => r.rule.kind === "value-matches");
    const made = valueMatches(undefined).map((r) => r.compiled as { pattern?: RegExp; validate?: (v: unknown) => boolean });
    expect(made.filter((c) => c.pattern instanceof RegExp).map((c) => String(c.pattern!.test("https://x.nl")) + c.pattern!.test("http://x.nl"))).toEqual(["truefalse"]);
    const validate = made.find((c) => c.validate)!.validate!;
    expect([validate(4), validate(3)]).toEqual([true, false]);
    // The same objects in every sector's plan: compiled per rule, not per sector or school.
    expect(valueMatches("VO").map((r) => r.compiled)).toEqual(made);
    expect(valueMatches("VO").every((r, n) => r.compiled === made[n])).toBe(true);
  });
});

/** Maps, weak maps and sets made at the top level of a module: state that outlives a run. */
function moduleLevelCollections(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(join(SRC, dir), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const file = join(entry.parentPath, entry.name);
    const name = file.slice(SRC.length).split("\\").join("/");
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line) => {
        const m = /^(?:export\s+)?(?:const|let)\s+(\w+)\b[^=]*=\s*new\s+(WeakMap|Map|Set|WeakSet)\b/.exec(line);
        if (m) found.push(`${name} ${m[1]}`);
      });
  }
  return found.sort();
}

describe("no module-level cache of a ruleset", () => {
  /** Known and allowed: none of these holds anything made from a ruleset. */
  const ALLOWED = [
    "engine/pool.ts FAILED", // why a worker thread failed to start
    "rules/registry.ts KIND_BY_NAME", // the rule kinds, fixed at build time
  ];

  it("in the engine and the rules", () => {
    expect([...moduleLevelCollections("engine"), ...moduleLevelCollections("rules")]).toEqual([...ALLOWED].sort());
  });

  it("the scan finds one", () => {
    // The scan of this very file's patterns: a cache like the ones that were in check-school.ts.
    expect(/^(?:export\s+)?(?:const|let)\s+(\w+)\b[^=]*=\s*new\s+(WeakMap|Map|Set|WeakSet)\b/.test("const PLANS = new WeakMap<Ruleset, Map<string, PlannedRule[]>>();")).toBe(true);
  });
});
