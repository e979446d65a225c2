/**
 * Rule params have one layout per kind (src/ruleset/load.ts, uniformParams):
 * the kinds' code then meets one object shape, which keeps V8's optimised
 * code for it.
 */
import { describe, expect, it } from "vitest";
import { loadRuleset } from "../../src/ruleset/load.js";

describe("rule params", () => {
  it("have one shape per kind: the same keys in the same order, absent ones undefined", () => {
    for (const profile of ["swv-vo-2203", "meierij-po"]) {
      const ruleset = loadRuleset({ profile });
      const keysByKind = new Map<string, Set<string>>();
      for (const rule of ruleset.rules) {
        const keys = keysByKind.get(rule.kind) ?? new Set<string>();
        keys.add(Object.keys(rule.params as object).join(","));
        keysByKind.set(rule.kind, keys);
      }
      // More than one rule of a kind with different options must not give different layouts.
      expect([...keysByKind].filter(([, keys]) => keys.size > 1)).toEqual([]);
      const listIncludes = ruleset.rules.filter((r) => r.kind === "list-includes");
      expect(listIncludes.length).toBeGreaterThan(1);
      expect(Object.keys(listIncludes[0]!.params as object)).toEqual(["path", "values", "list", "keys", "where", "whereIn", "alleSectoren"]);
    }
  });
});
