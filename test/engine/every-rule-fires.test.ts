/**
 * A rule that can never fail is a bug. test/fixtures/weak-vo (profile
 * swv-vo-2203) and test/fixtures/weak-po (meierij-po) hold weak schools
 * that together make every effective rule of their profile fire, and one
 * school (12AB00, 07KA00) that meets every rule.
 */
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { prepareAudit } from "../../src/audit/audit.js";
import { loadRuleset } from "../../src/ruleset/load.js";
import { auditRepo, fixture, schoolOf } from "./helpers.js";

const CASES = [
  { repo: "weak-vo", profile: "swv-vo-2203", good: ["12AB00", "12AF00"], schools: 9 },
  { repo: "weak-po", profile: "meierij-po", good: ["07KA00"], schools: 9 },
] as const;

describe.each(CASES)("elke regel van $profile kan afgaan ($repo)", ({ repo, profile, good, schools }) => {
  it("de verzameling regels met meldingen is gelijk aan alle regels die niet uit staan", async () => {
    const root = fixture(repo);
    const result = await auditRepo(root);
    expect(result.repo.profile).toBe(profile);
    expect(result.repo.peildatum).toBe("2026-03-15");
    expect(result.schools).toHaveLength(schools);

    // The effective ruleset of this repository (profile plus sop-audit.yaml).
    const { ruleset } = prepareAudit({ cwd: root, repo: "." });
    const effective = ruleset.rules.filter((r) => r.severity !== "off").map((r) => r.id).sort();
    const fired = new Set(result.schools.flatMap((s) => [...s.findings, ...s.waivedFindings]).map((f) => f.ruleId));
    const firedRules = [...fired].filter((id) => ruleset.rules.some((r) => r.id === id)).sort();
    expect(firedRules).toEqual(effective);
    // Nothing else fires: the fixture documents themselves are valid.
    expect([...fired].filter((id) => !ruleset.rules.some((r) => r.id === id))).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it("de goede school heeft geen enkele melding", async () => {
    const result = await auditRepo(fixture(repo));
    for (const id of good) {
      const s = schoolOf(result, id);
      expect({ school: id, findings: s.findings }).toEqual({ school: id, findings: [] });
      expect(s.waivedFindings).toEqual([]);
      expect(s.statuses.filter((x) => x.status === "voldoet-niet" || x.status === "niet-aangetoond").map((x) => x.item)).toEqual([]);
    }
  });
});

it("de twee profielen hebben elk minstens dertig regels (de test meet iets)", () => {
  const root = join(fixture("weak-vo"));
  expect(loadRuleset({ profile: "swv-vo-2203", root }).rules.length).toBeGreaterThan(30);
  expect(loadRuleset({ profile: "meierij-po", root }).rules.length).toBeGreaterThan(30);
});
