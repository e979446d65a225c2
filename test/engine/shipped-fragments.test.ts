/**
 * JSON Schema fragments in the shipped standards/ are not checked against the
 * meta-schema at run time (that costs more than the rest of a small run's
 * ruleset); this test is where they are checked.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTIN_STANDARDS, loadRuleset } from "../../src/ruleset/load.js";
import { fragmentErrors } from "../../src/rules/kinds/value-matches.js";

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
});
