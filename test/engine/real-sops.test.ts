/**
 * Real SOPs as a new SWV finds them (test/fixtures/real-sops): a Markdown SOP
 * that is mostly prose with numbered headings and a thin front matter, a YAML
 * SOP without schooljaar, BRIN and vaststelling, an old SOP with its
 * schooljaar written with a slash, one with a decimal comma, one with nothing
 * but the school's name and its aanbod, and a folder named after the school.
 * Every one is audited field by field: what is absent is niet aangetoond,
 * with a finding that says what to add, and no school or document drops out.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditResult } from "../../src/core/types.js";
import { buildCoverage } from "../../src/report/coverage.js";
import { runInProcess } from "../cli/in-process.js";
import { auditRepo, brief, findingsOf, fixture, schoolOf, statusMap } from "./helpers.js";

let result: AuditResult;
beforeAll(async () => {
  result = await auditRepo(fixture("real-sops"));
});

const LEGAL = ["WET.01", "WET.02", "WET.03"];

describe("partial SOPs (test/fixtures/real-sops)", () => {
  it("audits every school folder, with one status for every item", () => {
    expect(result.schools.map((s) => [s.id, s.dir])).toEqual([
      ["21AA00", "scholen/21AA00"],
      ["21AB00", "scholen/21AB00"],
      ["21AC00", "scholen/21AC00"],
      ["21AD00", "scholen/21AD00"],
      ["21AE00", "scholen/21AE00"],
      // In the order of the folders.
      ["21AG00", "scholen/21AG00"],
      ["21AF00", "scholen/De Regenboog"],
    ]);
    for (const s of result.schools) {
      expect(s.statuses.map((x) => x.item)).toEqual(result.items.map((i) => i.id));
      // Every SOP file that can be read as YAML counts, however partial.
      expect(s.documents.every((d) => d.valid), s.id).toBe(s.id !== "21AG00");
    }
  });

  it("never says there is no SOP: every school has one", () => {
    const messages = result.schools.flatMap((s) => s.findings.map((f) => f.message));
    expect(messages.filter((m) => /er is geen SOP/.test(m))).toEqual([]);
  });

  it("an SOP that cannot be read at all (21AG00): one finding in the file, and the law's SOP is niet aangetoond, not absent", () => {
    const s = schoolOf(result, "21AG00");
    expect(findingsOf(s, "yaml/syntax", "WET-00")).toEqual([
      {
        file: "scholen/21AG00", line: 1, column: 1, ruleId: "WET-00", severity: "error",
        message: "niet aangetoond: scholen/21AG00/sop-2025-2026.yaml lijkt een SOP, maar kan niet als document gelezen worden; los eerst de melding in dat bestand op",
      },
      { file: "scholen/21AG00/sop-2025-2026.yaml", line: 5, column: 9, ruleId: "yaml/syntax", severity: "error", message: "YAML kan niet gelezen worden: een aanhalingsteken wordt niet gesloten" },
    ]);
    expect(statusMap(s, "WET.01")).toEqual({ "WET.01": "niet-aangetoond" });
  });

  it("a Markdown SOP with numbered headings and a thin front matter (21AA00)", () => {
    const s = schoolOf(result, "21AA00");
    expect(statusMap(s, "WET")).toEqual({ "WET.01": "niet-aangetoond", "WET.02": "niet-aangetoond", "WET.03": "niet-aangetoond", "WET.04": "voldoet" });
    // "## 2 Visie ondersteuning leerling" (a synonym in standards/) and "## 6 Grenzen aan de ondersteuning" are the headings asked for.
    expect(findingsOf(s, "BO-09.01-visie", "BO-12.04-grenzen")).toEqual([]);
    expect(findingsOf(s, "WET-01", "WET-02")).toEqual([
      { file: "scholen/21AA00/schoolondersteuningsprofiel.md", line: 2, column: 1, ruleId: "WET-01", severity: "error", message: "niet aangetoond: vaststelling.datum ontbreekt of is leeg; vul het in bovenaan het document" },
      { file: "scholen/21AA00/schoolondersteuningsprofiel.md", line: 2, column: 1, ruleId: "WET-02", severity: "error", message: "niet aangetoond: vaststelling.mrAdvies.datum ontbreekt of is leeg; vul het in bovenaan het document" },
    ]);
  });

  it("a YAML SOP without schooljaar, BRIN and vaststelling (21AB00): the law's items are niet aangetoond, never voldoet niet", () => {
    const s = schoolOf(result, "21AB00");
    for (const item of LEGAL) expect(statusMap(s, item)).toEqual({ [item]: "niet-aangetoond" });
    expect(s.findings.filter((f) => f.ruleId.startsWith("schema/") || f.ruleId.startsWith("yaml/"))).toEqual([]);
    expect(s.naam).toBe("OBS Het Klavertje");
  });

  it("people by function alone (21AB00): a coordinator without name or hours, a vertrouwenspersoon without a name", () => {
    const s = schoolOf(result, "21AB00");
    // The functions count for the rules that ask for them; the hours the rules need are niet aangetoond.
    expect(statusMap(s, "BO-01.17")).toEqual({ "BO-01.17": "voldoet" });
    expect(statusMap(s, "BO-01.10")).toEqual({ "BO-01.10": "voldoet" });
    expect(statusMap(s, "BO-03.05")).toEqual({ "BO-03.05": "niet-aangetoond" });
    expect(findingsOf(s, "BO-03.05-uren")).toEqual([
      {
        file: "scholen/21AB00/sop-2025-2026.yaml", line: 17, column: 7, ruleId: "BO-03.05-uren", severity: "warning",
        message: "niet aangetoond: ondersteuningsstructuur.coordinatoren[].urenPerWeek ontbreekt of is leeg; vul het in onder ondersteuningsstructuur.coordinatoren[0]",
      },
    ]);
  });

  it("an old SOP with schooljaar 2013/2014 and a date in words (21AC00): read by a rule of thumb; long out of its term, so the schoolgids law judges it", () => {
    const s = schoolOf(result, "21AC00");
    expect(findingsOf(s, "schema/normalised", "WET-01", "WSG-01")).toEqual([
      { file: "scholen/21AC00", line: 1, column: 1, ruleId: "WSG-01", severity: "error", message: "er is geen schoolgids voor schooljaar 2025-2026" },
      { file: "scholen/21AC00/sop-2013-2014.yaml", line: 3, column: 13, ruleId: "schema/normalised", severity: "warning", message: 'schooljaar: "2013/2014" gelezen als 2013-2014' },
      { file: "scholen/21AC00/sop-2013-2014.yaml", line: 12, column: 10, ruleId: "schema/normalised", severity: "warning", message: 'vaststelling.datum: "1 oktober 2013" gelezen als 2013-10-01' },
    ]);
    expect(s.findings.find((f) => f.ruleId === "schema/normalised")?.hint).toBe("Schrijf 2013-2014; zo leest elk programma het op dezelfde manier.");
    expect(s.regime).toMatchObject({ naam: "schoolgids", eersteSchooljaar: "2025-2026" });
    expect(statusMap(s, "WET.01")).toEqual({ "WET.01": "nvt" });
    expect(statusMap(s, "WSG.01")).toEqual({ "WSG.01": "voldoet-niet" });
  });

  it("a decimal comma and a Dutch date (21AD00): the values count, with a hint derived from them", () => {
    const s = schoolOf(result, "21AD00");
    expect(findingsOf(s, "schema/normalised")).toEqual([
      { file: "scholen/21AD00/sop-2025-2026.yaml", line: 14, column: 12, ruleId: "schema/normalised", severity: "warning", message: 'vaststelling.mrAdvies.datum: "01-10-2025" gelezen als 2025-10-01' },
      { file: "scholen/21AD00/sop-2025-2026.yaml", line: 19, column: 17, ruleId: "schema/normalised", severity: "warning", message: 'kengetallen.schoolweging: "27,1" gelezen als 27.1' },
    ]);
    expect(s.findings.filter((f) => f.ruleId === "schema/normalised").map((f) => f.hint)).toEqual([
      "Schrijf 2025-10-01; zo leest elk programma het op dezelfde manier.",
      "Schrijf 27.1; zo leest elk programma het op dezelfde manier.",
    ]);
    // The MR advice read from "01-10-2025" lies before the vaststelling: the law's order holds.
    expect(statusMap(s, "WET.01")).toEqual({ "WET.01": "voldoet" });
    expect(statusMap(s, "WET.02")).toEqual({ "WET.02": "voldoet" });
  });

  it("an SOP with only the school's name and its aanbod (21AE00): audited, its aanbod in the coverage matrix", () => {
    const s = schoolOf(result, "21AE00");
    expect(s.findings.filter((f) => f.ruleId.startsWith("schema/"))).toEqual([]);
    for (const item of LEGAL) expect(statusMap(s, item)).toEqual({ [item]: "niet-aangetoond" });
    // Every finding about an absent fact says what to fill in, and where.
    const notShown = s.findings.filter((f) => f.message.startsWith("niet aangetoond:"));
    expect(notShown.length).toBeGreaterThan(10);
    for (const f of notShown) expect(f.message).toMatch(/; vul het in (onder \S+|bovenaan het document)$/);
    // An offer without its level: the level is not shown, at the entry where it belongs.
    expect(findingsOf(s, "BO-12.04-niveau")).toEqual([
      { file: "scholen/21AE00/sop.yaml", line: 12, column: 5, ruleId: "BO-12.04-niveau", severity: "error", message: "niet aangetoond: aanbod[3].niveau ontbreekt of is leeg; vul het in onder aanbod[3]" },
    ]);
    const matrix = buildCoverage(result);
    const cell = (need: string) => matrix.rows.find((r) => r.behoefte === need)!.cells.find((c) => c.school === "21AE00")!;
    expect([cell("dyslexie").niveau, cell("dyscalculie").niveau, cell("nt2").niveau, cell("lvb").niveau]).toEqual(["basis", "basis", "?", "geen"]);
  });

  it("a school that says nothing of its offer shows ? in the matrix, never geen", () => {
    const matrix = buildCoverage(result);
    const cells = matrix.rows.flatMap((r) => r.cells).filter((c) => c.school === "21AA00");
    expect(new Set(cells.map((c) => c.niveau))).toEqual(new Set(["?"]));
    expect(matrix.silentLegend).toBe("? = niet aangetoond: het SOP noemt geen aanbod, of er is geen SOP");
  });

  it("a folder named after the school is audited under the code in its SOP, with a hint to rename (De Regenboog)", () => {
    const s = schoolOf(result, "21AF00");
    expect(findingsOf(s, "repo/school-folder").map(({ message }) => message)).toEqual(['schoolmap "De Regenboog" heet niet naar de schoolcode; hernoem de map naar 21AF00']);
    // A near miss of a heading is named, at its own line.
    expect(findingsOf(s, "BO-12.04-grenzen")).toEqual([
      { file: "scholen/De Regenboog/sop.md", line: 16, column: 1, ruleId: "BO-12.04-grenzen", severity: "warning", message: 'de kop "Grenzen aan de ondersteuning" ontbreekt in het Markdown-deel; bedoelde je "Grensen aan de ondersteuning"?' },
    ]);
    expect(brief(s.findings.find((f) => f.ruleId === "BO-09.01-visie")!)).toEqual({
      file: "scholen/De Regenboog/sop.md", line: 11, column: 1, ruleId: "BO-09.01-visie", severity: "warning", message: 'de tekst onder "Visie op ondersteuning" is te kort: 17 woorden, minimaal 25',
    });
  });

  it("the gap report says an SOP names no schooljaar, instead of leaving a blank", async () => {
    const out = mkdtempSync(join(tmpdir(), "sop-real-report-"));
    try {
      const run = await runInProcess(["report", "-C", fixture("real-sops"), "--format", "md", "--out", out]);
      expect(run.code).toBe(0);
      expect(readFileSync(join(out, "school-21AB00.md"), "utf8")).toContain("SOP (schooljaar niet vermeld): scholen/21AB00/sop-2025-2026.yaml");
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
