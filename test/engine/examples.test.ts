/**
 * The shipped examples exercise all four layers of their profile, and
 * every effective rule (and item) can be traced to the file and line that
 * defined it, the way `sop-audit explain <id>` shows it. swv-vlietmonde-po
 * keeps its profile in its own folder (ruleset.paths: regels).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prepareAudit } from "../../src/audit/audit.js";
import type { SopDoc } from "../../src/documents/schemas.js";
import { compileRuleset } from "../../src/engine/compiled-ruleset.js";
import { sopSummary } from "../../src/engine/summaries.js";
import { auditRepo, EXAMPLES, PROJECT } from "./helpers.js";

const CASES = [
  { example: "swv-vo-2203", profile: "swv-vo-2203" },
  { example: "swv-meierij-po", profile: "meierij-po" },
  { example: "swv-vlietmonde-po", profile: "vlietmonde-po" },
] as const;

// Shipped files are named from the project, an SWV's own files from its repository.
const lineOf = (example: string, file: string, line: number) =>
  readFileSync(file.startsWith("standards/") ? join(PROJECT, file) : join(EXAMPLES, example, file), "utf8").split("\n")[line - 1] ?? "";

describe.each(CASES)("voorbeeld $example", ({ example, profile }) => {
  it("de meldingen komen uit alle vier de bronnen: drie catalogi en het profiel", async () => {
    const result = await auditRepo(join(EXAMPLES, example));
    expect(result.repo.profile).toBe(profile);
    const findings = result.schools.flatMap((s) => [...s.findings, ...s.waivedFindings]);
    const sources = new Set(findings.map((f) => f.source).filter(Boolean));
    // A profile's stricter agreement (WET-01+swv-vo-2203) judges on a rule of the catalog it tightens.
    for (const f of findings.filter((x) => x.ruleId.includes("+"))) sources.add(result.rules.find((r) => r.id === f.ruleId.split("+")[0])?.source);
    for (const source of ["basisondersteuning", "minimaal-kritieke-specificaties", profile]) {
      expect([...sources], source).toContain(source);
    }
    // The law: of the SOP, or (Wet 36 443) of the offer in the schoolgids for a school that switched.
    expect([...sources].filter((s) => s === "wettelijke-basis" || s === "wettelijke-basis-schoolgids")).not.toEqual([]);
    // And the items of the result name the same four sources, and the law of the schoolgids regime beside the SOP's.
    expect(new Set(result.items.map((i) => i.source))).toEqual(new Set(["basisondersteuning", "minimaal-kritieke-specificaties", "wettelijke-basis", "wettelijke-basis-schoolgids", profile]));
  });

  it("elke effectieve regel heeft een herkomst met bestand en regel, en daar staat de regel", () => {
    const { ruleset } = prepareAudit({ cwd: join(EXAMPLES, example), repo: "." });
    expect(ruleset.rules.length).toBeGreaterThan(30);
    for (const rule of ruleset.rules) {
      expect(rule.provenance.length, rule.id).toBeGreaterThan(0);
      const [defined, ...overrides] = rule.provenance;
      expect(defined!.action, rule.id).toBe("defined");
      expect(defined!.layer, rule.id).toBe(rule.source);
      expect(defined!.file, rule.id).toMatch(/^(standards\/(catalogs|profiles)|regels)\/[a-z0-9-]+\.yaml$/);
      expect(defined!.range.line, rule.id).toBeGreaterThan(0);
      // An agreement beside a legal minimum is defined where the profile tightens that rule.
      const definition = rule.tightens ? `^\\s*${rule.tightens.replace(/\./g, "\\.")}:\\s*$` : `^\\s*- id: ${rule.id.replace(/\./g, "\\.")}\\s*$`;
      expect(lineOf(example, defined!.file, defined!.range.line), rule.id).toMatch(new RegExp(definition));
      for (const o of overrides) {
        // A legal minimum made stricter keeps its terms; the override made the agreement named in detail.
        expect(o.action, rule.id).toBe(rule.legalMinimum && o.detail === `${rule.id}+${o.layer}` ? "tightened" : "override");
        expect(lineOf(example, o.file, o.range.line).trim(), rule.id).toBe(`${rule.id}:`);
      }
    }
  });

  it("elk item verwijst naar zijn definitie", () => {
    const { ruleset } = prepareAudit({ cwd: join(EXAMPLES, example), repo: "." });
    for (const item of ruleset.items) {
      expect(lineOf(example, item.file, item.range.line), item.id).toContain(`id: ${item.id}`);
    }
  });
});

it("de profielen passen elk een regel aan: overrides staan in de herkomst", () => {
  const vo = prepareAudit({ cwd: join(EXAMPLES, "swv-vo-2203"), repo: "." }).ruleset;
  const wet01 = vo.rules.find((r) => r.id === "WET-01")!;
  expect(wet01.provenance.map((p) => [p.layer, p.action])).toEqual([
    ["wettelijke-basis", "defined"],
    ["swv-vo-2203", "tightened"],
  ]);
  // The law's term stays with the law; the SWV's stricter one is its own rule.
  expect(wet01.params).toMatchObject({ maxAge: "P4Y" });
  expect(vo.rules.find((r) => r.id === "WET-01+swv-vo-2203")!.params).toMatchObject({ maxAge: "P1Y" });
  const po = prepareAudit({ cwd: join(EXAMPLES, "swv-meierij-po"), repo: "." }).ruleset;
  expect(po.rules.find((r) => r.id === "BO-03.08")!.provenance.map((p) => p.layer)).toEqual(["basisondersteuning", "meierij-po"]);
});

describe("onderwijstypen as the vocabulary names them", () => {
  it("a school's types and those of its offer are read through the list: basisschool, basisonderwijs and bao are one type", async () => {
    const result = await auditRepo(join(EXAMPLES, "swv-vlietmonde-po"));
    const types = Object.fromEntries(result.schools.map((s) => [s.id, s.onderwijstypen]));
    // Written as "basisonderwijs", "bao", "basisschool" and "speciaal onderwijs" in the SOPs.
    expect([types["31ZW00"], types["32PL00"], types["33SJ00"], types["35VA00"]]).toEqual([["bao"], ["bao"], ["bao"], ["so"]]);
  });

  it("an offer's onderwijstypen too, each once; a type the list does not know stays as written", () => {
    const { ruleset } = prepareAudit({ cwd: join(EXAMPLES, "swv-vo-2203"), repo: "." });
    const sop = sopSummary("sop.yaml", { aanbod: [{ behoefte: "dyslexie", niveau: "extra", onderwijstypen: ["vmbo-bb", "Vmbo basis", "mavo", "techniek"] }] } as unknown as SopDoc, compileRuleset(ruleset));
    expect(sop.aanbod.map((e) => e.onderwijstypen)).toEqual([["vmbo-b", "vmbo-gt", "techniek"]]);
  });
});
