/**
 * Every school folder is audited, whatever its name (issue 22, "no school
 * disappears"), on test/fixtures/school-folders: a folder named after the
 * school, one in lower case, one of five characters, one without a code in
 * its documents, a copy of another school's folder, and a normal one; its
 * sop-audit.yaml has no swv.code.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { auditSession } from "../../src/audit/audit.js";
import type { AuditResult, Finding } from "../../src/core/types.js";
import { readFolderName } from "../../src/engine/school-identity.js";
import { schoolFileStem, schoolPageName } from "../../src/report/file-names.js";
import { auditRepo, brief, fixture } from "./helpers.js";

const REPO = fixture("school-folders");
const tmp = mkdtempSync(join(tmpdir(), "sop-audit-school-folders-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The findings about folders, identity and configuration, per school id. */
function identityFindings(result: AuditResult): [string | undefined, ReturnType<typeof brief> & { hint?: string }][] {
  const about = (f: Finding) => /^(repo|config|file)\//.test(f.ruleId);
  return [...result.findings, ...result.schools.flatMap((s) => s.findings)].filter(about).map((f) => [f.school, { ...brief(f), ...(f.hint !== undefined ? { hint: f.hint } : {}) }]);
}

describe("school folders not named after a school code", () => {
  it("audits every folder, under the code its documents give, else its name in capitals, else its name", async () => {
    const result = await auditRepo(REPO);
    expect(result.schools.map((s) => [s.dir, s.id])).toEqual([
      ["scholen/09qa00", "09QA00"],
      ["scholen/12AB00", "12AB00"],
      ["scholen/9QA00", "9QA00"],
      ["scholen/De Sleutelbloem", "12DS00"],
      ["scholen/Kindcentrum Oost", "Kindcentrum Oost"],
      ["scholen/Sleutelbloem kopie", "Sleutelbloem kopie"],
    ]);
    expect(result.summary).toMatchObject({ schoolFolders: 6, unreadableSchoolFolders: 0, schools: 6 });
  });

  it("selects a school by its folder's name, or by the code that name makes in capitals", async () => {
    expect((await auditRepo(REPO, { schools: ["09QA00"] })).schools.map((s) => s.dir)).toEqual(["scholen/09qa00"]);
    expect((await auditRepo(REPO, { schools: ["Kindcentrum Oost"] })).schools.map((s) => s.dir)).toEqual(["scholen/Kindcentrum Oost"]);
  });

  it("gives every school one status for every item", async () => {
    const result = await auditRepo(REPO);
    const items = result.items.map((i) => i.id).sort();
    expect(items.length).toBeGreaterThan(100);
    for (const s of result.schools) expect(s.statuses.map((st) => st.item).sort(), s.dir).toEqual(items);
  });

  it("says which folder to rename to what, and which documents name another school", async () => {
    const result = await auditRepo(REPO);
    expect(identityFindings(result)).toEqual([
      [undefined, { file: "sop-audit.yaml", line: 4, column: 1, ruleId: "config/swv-code-missing", severity: "warning", message: "swv.code ontbreekt; uitvoer en rapporten noemen het samenwerkingsverband zonder code", hint: "Vul onder swv de code van het samenwerkingsverband in, bijvoorbeeld code: VO 22.03." }],
      ["09QA00", { file: "scholen/09qa00", line: 1, column: 1, ruleId: "repo/school-folder", severity: "warning", message: 'schoolmap "09qa00" heet niet naar de schoolcode; hernoem de map naar 09QA00', hint: "Hernoem naar 09QA00: de schoolcode met hoofdletters." }],
      ["9QA00", { file: "scholen/9QA00", line: 1, column: 1, ruleId: "repo/school-folder", severity: "warning", message: 'schoolmap "9QA00" heet niet naar een schoolcode (BRIN + vestiging, bijvoorbeeld 12AB00); de school is getoetst als "9QA00"', hint: "Mist er een voorloopnul? 09QA00" }],
      ["12DS00", { file: "scholen/De Sleutelbloem", line: 1, column: 1, ruleId: "repo/school-folder", severity: "warning", message: 'schoolmap "De Sleutelbloem" heet niet naar de schoolcode; hernoem de map naar 12DS00', hint: "Hernoem naar 12DS00, de schoolcode in scholen/De Sleutelbloem/sop-2025-2026.yaml." }],
      ["12DS00", { file: "scholen/De Sleutelbloem/zelfevaluatie-2025-2026.yaml", line: 5, column: 9, ruleId: "repo/school-code", severity: "error", message: "school is 12DS01, maar scholen/De Sleutelbloem/sop-2025-2026.yaml noemt de school 12DS00", hint: "Zet het document in de map van de juiste school, of verbeter de schoolcode." }],
      ["Kindcentrum Oost", { file: "scholen/Kindcentrum Oost", line: 1, column: 1, ruleId: "repo/school-folder", severity: "warning", message: 'schoolmap "Kindcentrum Oost" heet niet naar een schoolcode (BRIN + vestiging, bijvoorbeeld 12AB00); de school is getoetst als "Kindcentrum Oost"', hint: "Vul school.brin en school.vestiging in het SOP in en hernoem de map naar die code." }],
      ["Sleutelbloem kopie", { file: "scholen/Sleutelbloem kopie", line: 1, column: 1, ruleId: "repo/duplicate-school", severity: "error", message: 'schoolmap "Sleutelbloem kopie" is dezelfde school (12DS00) als "scholen/De Sleutelbloem"; getoetst als "Sleutelbloem kopie"', hint: "Geef elke schoollocatie één map: zet de documenten bij elkaar, of verbeter school.brin en school.vestiging." }],
      ["Sleutelbloem kopie", { file: "scholen/Sleutelbloem kopie", line: 1, column: 1, ruleId: "repo/school-folder", severity: "warning", message: 'schoolmap "Sleutelbloem kopie" heet niet naar de schoolcode; hernoem de map naar 12DS00', hint: "Hernoem naar 12DS00, de schoolcode in scholen/Sleutelbloem kopie/zelfevaluatie-2025-2026.yaml." }],
    ]);
  });

  it("stamps the school's own id on every finding of the school, also those of its documents", async () => {
    const result = await auditRepo(REPO);
    for (const s of result.schools) for (const f of s.findings) expect(f.school, `${s.dir}: ${f.ruleId}`).toBe(s.id);
  });

  it("speaks English with lang en", async () => {
    const result = await auditRepo(REPO, { lang: "en" });
    const school = result.schools.find((s) => s.dir === "scholen/9QA00")!;
    const folder = school.findings.find((f) => f.ruleId === "repo/school-folder")!;
    expect([folder.message, folder.hint]).toEqual(['school folder "9QA00" is not named after a school code (BRIN + location, for example 12AB00); the school was audited as "9QA00"', "Is a leading zero missing? 09QA00"]);
  });

  it("runs without swv.code: the result names the SWV without one", async () => {
    const result = await auditRepo(REPO);
    expect(result.repo.swv).toEqual({ naam: "Samenwerkingsverband Passend Onderwijs Dommelmeierij" });
  });

  it("keeps the code for the folder named after it when two folders hold the same school", async () => {
    const repo = join(tmp, "twice");
    cpSync(REPO, repo, { recursive: true });
    cpSync(join(repo, "scholen/De Sleutelbloem"), join(repo, "scholen/12DS00"), { recursive: true });
    const result = await auditRepo(repo);
    expect(result.schools.filter((s) => s.dir.includes("leutelbloem") || s.dir.endsWith("12DS00")).map((s) => [s.dir, s.id])).toEqual([
      ["scholen/12DS00", "12DS00"],
      ["scholen/De Sleutelbloem", "De Sleutelbloem"],
      ["scholen/Sleutelbloem kopie", "Sleutelbloem kopie"],
    ]);
    const dup = result.schools.find((s) => s.dir === "scholen/De Sleutelbloem")!.findings.find((f) => f.ruleId === "repo/duplicate-school")!;
    expect(dup.message).toBe('schoolmap "De Sleutelbloem" is dezelfde school (12DS00) als "scholen/12DS00"; getoetst als "De Sleutelbloem"');
    expect(new Set(result.schools.map((s) => s.id)).size).toBe(result.schools.length);
  });

  it("counts a school folder it cannot read, and says so", async () => {
    const repo = join(tmp, "link");
    cpSync(REPO, repo, { recursive: true });
    symlinkSync(join(repo, "nergens"), join(repo, "scholen/Weg"));
    const result = await auditRepo(repo);
    expect(result.summary).toMatchObject({ schoolFolders: 7, unreadableSchoolFolders: 1, schools: 6 });
    expect(result.findings.filter((f) => f.file === "scholen/Weg").map(brief)).toEqual([
      { file: "scholen/Weg", line: 1, column: 1, ruleId: "file/unreadable", severity: "error", message: "bestand kan niet gelezen worden: het bestaat niet (meer), of is een symbolische link naar iets dat niet bestaat" },
    ]);
  });

  it("finds a school whose id came from its documents in the cache: a second run checks nothing", async () => {
    const repo = join(tmp, "cached");
    cpSync(REPO, repo, { recursive: true });
    const session = auditSession({ cwd: repo, repo: ".", jobs: 1 }, () => undefined);
    const first = await session.run();
    const second = await session.run();
    expect(first.checked).toBe(6);
    expect(second.checked).toBe(0);
    expect(second.result.schools.map((s) => s.id)).toEqual(first.result.schools.map((s) => s.id));
    expect(second.result.schools.find((s) => s.dir === "scholen/Sleutelbloem kopie")!.findings.filter((f) => f.ruleId === "repo/duplicate-school")).toHaveLength(1);
  });
});

describe("what a folder's name says", () => {
  it("tells a code from lower case, a missing leading zero and anything else", () => {
    expect(readFolderName("12AB00")).toEqual({ kind: "code" });
    expect(readFolderName("09qa00")).toEqual({ kind: "lower-case", code: "09QA00" });
    expect(readFolderName("9QA00")).toEqual({ kind: "leading-zero", code: "09QA00" });
    expect(readFolderName("9qa00")).toEqual({ kind: "leading-zero", code: "09QA00" });
    expect(readFolderName("De Sleutelbloem")).toEqual({ kind: "other" });
    expect(readFolderName("12AB0")).toEqual({ kind: "other" });
  });
});

describe("report file names of a school", () => {
  it("keeps a code, and makes any other id safe and distinct", () => {
    expect(schoolPageName("12AB00")).toBe("school-12AB00");
    expect(schoolFileStem("De Sleutelbloem")).toMatch(/^De-Sleutelbloem-[0-9a-f]{8}$/);
    expect(schoolFileStem("De-Sleutelbloem")).toBe("De-Sleutelbloem");
    expect(schoolFileStem("De Sleutelbloem")).not.toBe(schoolFileStem("De  Sleutelbloem"));
    for (const id of ["../x", "..", "a/b\\c", "CON:", "\u0007bel", "Sint-Jozefschool é"]) {
      const stem = schoolFileStem(id);
      expect(stem, id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/);
      expect(stem.length, id).toBeLessThanOrEqual(69);
    }
  });
});
