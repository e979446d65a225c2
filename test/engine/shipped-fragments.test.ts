/**
 * JSON Schema fragments in the shipped standards/ are not checked against the
 * meta-schema at run time (that costs more than the rest of a small run's
 * ruleset); this test is where they are checked. The build compiles them
 * ahead (src/rules/schema-fragments.ts); that code must answer as ajv does.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_STANDARDS, loadRuleset } from "../../src/ruleset/load.js";
import { fragmentErrors, fragmentKey, compileFragment, fromStandalone, precompileFragments } from "../../src/rules/schema-fragments.js";

const profiles = readdirSync(join(BUILTIN_STANDARDS, "profiles")).map((f) => f.replace(/\.ya?ml$/, ""));

describe("schema fragments shipped in standards/", () => {
  const fragments = new Map<string, Record<string, unknown>>();
  for (const profile of profiles) {
    for (const rule of loadRuleset({ profile }).rules) {
      const schema = (rule.params as { schema?: Record<string, unknown> }).schema;
      if (rule.kind === "value-matches" && schema) fragments.set(`${profile} ${rule.id}`, schema);
    }
  }

  it("exist (the check below checks something)", () => {
    expect(fragments.size).toBeGreaterThanOrEqual(3);
  });

  it("are all valid JSON Schema", () => {
    expect([...fragments].map(([id, s]) => [id, fragmentErrors(s)]).filter(([, e]) => e !== undefined)).toEqual([]);
  });

  it("the meta-schema check does reject a broken fragment", () => {
    expect(fragmentErrors({ minimum: "vier" })).toBe("schema/minimum must be number");
  });

  it("compiled at build time, give the answers and errors ajv gives compiling them at run time", () => {
    const code = precompileFragments([...fragments.values()]);
    expect(Object.keys(code)).toHaveLength(new Set([...fragments.values()].map(fragmentKey)).size);
    const values: unknown[] = [-1, 0, 3.99, 4, 4.5, 40, "4", "", null, true, false, [], {}, { website: "https://x.nl" }, { schoolgids: false }, { schoolgids: true }, { schoolgids: "https://x.nl/gids" }];
    let rejected = 0;
    for (const schema of fragments.values()) {
      const built = fromStandalone(code[fragmentKey(schema)]!);
      const compiled = compileFragment(schema);
      expect(built).not.toBe(compiled);
      for (const v of values) {
        const answer = (fn: typeof built) => [fn(v), fn.errors?.[0]?.keyword, fn.errors?.[0]?.params];
        expect(answer(built), `${fragmentKey(schema)} ${JSON.stringify(v)}`).toEqual(answer(compiled));
        if (!built(v)) rejected++;
      }
    }
    // Both answers occur: a validator that passes (or fails) everything would not show a difference.
    expect(rejected).toBeGreaterThan(5);
    expect(rejected).toBeLessThan(fragments.size * values.length - 5);
  });
});
