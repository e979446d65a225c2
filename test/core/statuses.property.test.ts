/**
 * Nothing silently disappears: every item of the ruleset gets exactly one
 * status for every school — on the examples, and on hundreds of randomly
 * damaged copies of their documents.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { audit, prepareAudit } from "../../src/audit/audit.js";
import { STATUSES, type SchoolResult } from "../../src/core/types.js";
import { checkSchool } from "../../src/engine/check-school.js";
import { compileRuleset } from "../../src/engine/compiled-ruleset.js";
import { loadSchool } from "../../src/engine/school.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const REPOS = ["examples/swv-vo-2203", "examples/swv-meierij-po", "examples/swv-vlietmonde-po", "test/fixtures/schema-errors", "test/fixtures/clean"];

function expectOneStatusPerItem(school: SchoolResult, itemIds: string[]): void {
  expect(school.statuses.map((s) => s.item)).toEqual(itemIds);
  for (const s of school.statuses) expect(STATUSES).toContain(s.status);
  // A status that says "no evidence" or "not applicable" says why.
  for (const s of school.statuses.filter((x) => x.status === "niet-aangetoond" || x.status === "nvt")) expect(s.reason, `${school.id} ${s.item}`).toBeTruthy();
}

describe("every item gets exactly one status", () => {
  for (const repo of REPOS) {
    it(repo, async () => {
      const result = await audit({ cwd: ROOT, repo });
      const ids = result.items.map((i) => i.id);
      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(ids).size).toBe(ids.length);
      for (const school of result.schools) expectOneStatusPerItem(school, ids);
      const counted = Object.values(result.summary.statuses).reduce((a, b) => a + b, 0);
      expect(counted).toBe(ids.length * result.schools.length);
      // Each kind counted as itself, in the order of STATUSES.
      expect(Object.keys(result.summary.statuses)).toEqual([...STATUSES]);
      const all = result.schools.flatMap((s) => s.statuses);
      for (const status of STATUSES) expect(result.summary.statuses[status], status).toBe(all.filter((x) => x.status === status).length);
      if (repo.startsWith("examples/")) expect(new Set(all.map((x) => x.status)).size).toBeGreaterThanOrEqual(4);
    });
  }

  it("also for randomly damaged documents (300 variants)", () => {
    const { root, ruleset, env } = prepareAudit({ cwd: ROOT, repo: "examples/swv-vo-2203" });
    const ids = ruleset.items.map((i) => i.id);
    const compiled = compileRuleset(ruleset);
    const schoolDirs = readdirSync(join(root, "scholen")).sort();
    let seed = 20261122;
    const random = () => {
      // Deterministic (mulberry32), so a failure can be reproduced.
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
    const REPLACEMENTS: unknown[] = [null, "", "1 oktober", 0, -3, [], {}, true, "n.v.t.", "2031-02-30", ["x"], { onbekend: 1 }];

    function damage(value: unknown, depth = 0): unknown {
      if (Array.isArray(value)) {
        const copy = value.map((v) => (random() < 0.2 ? damage(v, depth + 1) : v));
        if (copy.length && random() < 0.3) copy.splice(Math.floor(random() * copy.length), 1);
        return copy;
      }
      if (value && typeof value === "object") {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) {
          const r = random();
          if (r < 0.08 && depth > 0) continue; // dropped key
          out[r < 0.12 ? `${k}x` : k] = r < 0.25 ? pick(REPLACEMENTS) : damage(v, depth + 1);
        }
        return out;
      }
      return random() < 0.1 ? pick(REPLACEMENTS) : value;
    }

    for (let i = 0; i < 300; i++) {
      const dir = pick(schoolDirs);
      const names = readdirSync(join(root, "scholen", dir)).sort();
      const files = new Map<string, Buffer>();
      for (const name of names) {
        if (random() < 0.15) continue; // a missing document
        const text = readFileSync(join(root, "scholen", dir, name), "utf8");
        if (name.endsWith(".md") || random() < 0.3) {
          files.set(name, Buffer.from(text));
          continue;
        }
        let data: unknown;
        try {
          data = parse(text);
        } catch {
          files.set(name, Buffer.from(text));
          continue;
        }
        files.set(name, Buffer.from(stringify(damage(data))));
      }
      const school = checkSchool(loadSchool(root, `scholen/${dir}`, dir, "nl", files), compiled, env);
      expectOneStatusPerItem(school, ids);
    }
  });
});
