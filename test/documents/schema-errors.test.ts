/**
 * Every class of schema and parse error, with its exact position and message,
 * on the fixture repository test/fixtures/schema-errors.
 */
import { describe, expect, it } from "vitest";
import { audit } from "../../src/audit/audit.js";
import type { AuditResult, Finding } from "../../src/core/types.js";

const FIXTURE = new URL("../fixtures/schema-errors/", import.meta.url).pathname;

function rows(findings: Finding[]) {
  return findings.map((f) => [f.file, f.range.line, f.range.column, f.ruleId, f.message]);
}

function nonRuleFindings(r: AuditResult): Finding[] {
  // The legal-baseline rules also fire here; this test is about the documents.
  return [...r.findings, ...r.schools.flatMap((s) => s.findings)].filter((f) => !/^WET/.test(f.ruleId));
}

describe("schema and parse errors", () => {
  it("reports each error once, at its line:col, in Dutch", async () => {
    const result = await audit({ cwd: FIXTURE });
    expect(rows(nonRuleFindings(result))).toEqual([
      ["scholen/los.yaml",1,1,"repo/stray-file","bestand \"scholen/los.yaml\" staat niet in een schoolmap en wordt niet gelezen"],
      ["scholen/12AB00/binair.yaml",1,1,"file/binary","bestand is geen tekst (binair bestand)"],
      ["scholen/12AB00/leeg.yaml",1,1,"file/empty","bestand is leeg"],
      ["scholen/12AB00/notitie.md",1,1,"markdown/front-matter","Markdown-bestand zonder front matter (gegevens tussen twee regels ---)"],
      ["scholen/12AB00/onbekend.yaml",2,7,"schema/kind","onbekende kind \"Zelfevalutie\"; bedoelde je \"Zelfevaluatie\"?"],
      ["scholen/12AB00/sop-2025-2026.yaml",6,14,"schema/vestiging","school.vestiging moet twee cijfers tussen aanhalingstekens zijn, gevonden: het getal 0"],
      ["scholen/12AB00/sop-2025-2026.yaml",12,1,"schema/unknown-key","onbekend veld \"vastelling\"; bedoelde je \"vaststelling\"?"],
      ["scholen/12AB00/sop-2025-2026.yaml",16,12,"schema/url","publicatie.website moet een volledig webadres zijn (https://…), gevonden: \"www.testcollege.nl/sop\""],
      ["scholen/12AB00/sop-2025-2026.yaml",20,17,"schema/type","aanbod[0].capaciteit moet een getal zijn, gevonden: \"veel\""],
      ["scholen/12AB00/sop-2025-2026.yaml",22,13,"schema/enum","inspectie.toezicht moet een van \"basistoezicht\", \"aangepast toezicht\", \"geïntensiveerd toezicht\" zijn, gevonden: \"basis toezicht\"; bedoelde je \"basistoezicht\"?"],
      ["scholen/12AB00/visitatie-2024-2025.yaml",6,11,"yaml/syntax","YAML kan niet gelezen worden: een aanhalingsteken wordt niet gesloten"],
      ["scholen/12AB00/zelfevaluatie-2025-2026.yaml",3,13,"schema/normalised","schooljaar: \"2025/2026\" gelezen als 2025-2026"],
      ["scholen/12AB00/zelfevaluatie-2025-2026.yaml",4,8,"schema/date","datum moet een datum zijn (JJJJ-MM-DD), gevonden: \"1 oktober\""],
      ["scholen/12AB00/zelfevaluatie-2025-2026.yaml",9,5,"yaml/duplicate-key","sleutel \"naam\" komt twee keer voor"],
      ["scholen/12AB00/zelfevaluatie-2025-2026.yaml",12,13,"schema/enum","scores.BO-01.02 moet een van \"voldoet\", \"voldoet deels\", \"voldoet niet\", \"n.v.t.\" zijn, gevonden: \"voldoet half\"; bedoelde je \"voldoet deels\"?"],
      ["scholen/12AB01/sop-2025-2026.md",2,13,"schema/api-version","apiVersion moet \"sop-audit/v1\" zijn, gevonden: \"sop-audit/v2\""],
      ["scholen/12AB01/sop-2025-2026.md",6,9,"schema/brin","school.brin is geen geldig BRIN-nummer (twee cijfers en twee hoofdletters), gevonden: \"12ab\""],
      ["scholen/12AB01/sop-2025-2026.md",11,19,"schema/too-small","school.onderwijstypen moet minstens 1 element bevatten, gevonden: 0"],
      ["scholen/12AB01/sop-2025-2026.md",17,12,"schema/date","vaststelling.mrAdvies.datum moet een datum zijn (JJJJ-MM-DD), gevonden: \"2025-09-31\""],
      ["scholen/12AB01/uitzonderingen.yaml",4,5,"schema/required","verplicht veld uitzonderingen[0].verloopt ontbreekt"],
      // A folder not named after a school code is still a school, audited under its own name.
      ["scholen/onzin",1,1,"repo/school-folder","schoolmap \"onzin\" heet niet naar een schoolcode (BRIN + vestiging, bijvoorbeeld 12AB00); de school is getoetst als \"onzin\""],
    ]);
  });

  it("gives English messages with lang en", async () => {
    const result = await audit({ cwd: FIXTURE, lang: "en" });
    const byRule = new Map(nonRuleFindings(result).map((f) => [`${f.file}:${f.range.line}`, f.message]));
    expect(byRule.get("scholen/12AB00/sop-2025-2026.yaml:12")).toBe('unknown field "vastelling"; did you mean "vaststelling"?');
    expect(byRule.get("scholen/12AB00/zelfevaluatie-2025-2026.yaml:4")).toBe('datum must be a date (YYYY-MM-DD), found: "1 oktober"');
    expect(byRule.get("scholen/12AB00/leeg.yaml:1")).toBe("file is empty");
  });

  it("gives every finding a fix hint where one exists, and keeps going after bad files", async () => {
    const result = await audit({ cwd: FIXTURE });
    const school = result.schools.find((s) => s.id === "12AB00")!;
    // Seven files, five of them broken: all were read and reported.
    expect(school.documents.map((d) => d.file)).toHaveLength(7);
    const date = school.findings.find((f) => f.ruleId === "schema/date")!;
    expect(date.hint).toBe("Schrijf de datum als jaar-maand-dag in cijfers (JJJJ-MM-DD), met een streepje ertussen.");
    expect(date.expected).toBe("JJJJ-MM-DD");
    expect(date.found).toBe('"1 oktober"');
    expect(date.path).toBe("datum");
  });
});
