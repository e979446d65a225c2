/**
 * One fact, one entry: findings about the same value share a group id, made
 * once in the engine. A copy of the VO example with an SOP set ten years ago:
 * the law (WET-01, four years), the SWV's stricter agreement beside it
 * (WET-01+swv-vo-2203, one year), two catalogs and the profile judge that date.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditResult, Finding } from "../../src/core/types.js";
import { auditRepo, brief, editFile, EXAMPLES, schoolOf } from "./helpers.js";

const SOP = "scholen/02KP00/sop-2025-2026.yaml";
let repo: string;
let result: AuditResult;

beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), "sop-audit-groups-"));
  cpSync(join(EXAMPLES, "swv-vo-2203"), repo, { recursive: true });
  editFile(repo, SOP, "vaststelling:\n  datum: 2025-10-07", "vaststelling:\n  datum: 2015-10-07");
  // An SOP out of its term would put the school under the schoolgids law; this SWV still follows the SOP's law this year.
  appendFileSync(join(repo, "sop-audit.yaml"), "regime:\n  schoolgidsVanaf: 2026-08-01\n");
  result = await auditRepo(repo);
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

const onDate = (findings: Finding[]) => findings.filter((f) => f.file === SOP && f.path === "vaststelling.datum");

describe("group ids", () => {
  it("every rule that judges vaststelling.datum gives its own finding, at the date, with one shared group id", () => {
    const school = schoolOf(result, "02KP00");
    const date = onDate(school.findings);
    expect(date.map(brief)).toEqual([
      { file: SOP, line: 21, column: 10, ruleId: "BO-09.03", severity: "error", message: "vaststelling.datum (2015-10-07) is ouder dan 1 jaar (peildatum 2026-06-01)" },
      { file: SOP, line: 21, column: 10, ruleId: "MKS-TO.09", severity: "error", message: "vaststelling.datum (2015-10-07) is ouder dan 1 jaar (peildatum 2026-06-01)" },
      { file: SOP, line: 21, column: 10, ruleId: "VO2203-02", severity: "error", message: "vaststelling.datum (2015-10-07) valt niet in schooljaar 2025-2026" },
      // The law's own term and words, untouched by the profile …
      { file: SOP, line: 21, column: 10, ruleId: "WET-01", severity: "error", message: "vaststelling.datum (2015-10-07) is ouder dan 4 jaar (peildatum 2026-06-01)" },
      // … and beside it the SWV's stricter term, saying whose it is.
      {
        file: SOP,
        line: 21,
        column: 10,
        ruleId: "WET-01+swv-vo-2203",
        severity: "error",
        message: "vaststelling.datum (2015-10-07) is ouder dan 1 jaar (peildatum 2026-06-01): afspraak van het SWV (swv-vo-2203), strenger dan de wet (WET-01)",
      },
    ]);
    const groups = new Set(date.map((f) => f.group));
    expect(groups.size).toBe(1);
    expect([...groups][0]).toMatch(/^g-[a-p]{10}$/);
  });

  it("another value of the same file has another group; every finding of the result has one", () => {
    const all = [...result.findings, ...result.schools.flatMap((s) => [...s.findings, ...s.waivedFindings])];
    for (const f of all) expect(f.group, `${f.file} ${f.ruleId}`).toMatch(/^g-[a-p]{10}$/);
    const dateGroup = onDate(schoolOf(result, "02KP00").findings)[0]!.group;
    const others = all.filter((f) => f.file === SOP && f.path !== "vaststelling.datum");
    expect(others.length).toBeGreaterThan(0);
    for (const f of others) expect(f.group, f.ruleId).not.toBe(dateGroup);
    // The same value in another school's file is another fact.
    const elsewhere = all.filter((f) => f.file !== SOP && f.path === "vaststelling.datum");
    expect(elsewhere.length).toBeGreaterThan(0);
    for (const f of elsewhere) expect(f.group, f.file).not.toBe(dateGroup);
  });

  it("the agreement's finding speaks for the profile; the law's for the catalog", () => {
    const date = onDate(schoolOf(result, "02KP00").findings);
    expect(date.find((f) => f.ruleId === "WET-01")!.source).toBe("wettelijke-basis");
    expect(date.find((f) => f.ruleId === "WET-01+swv-vo-2203")!.source).toBe("swv-vo-2203");
  });
});
