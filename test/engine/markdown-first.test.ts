/**
 * The SOP as schools publish it (test/fixtures/markdown-first): mostly prose
 * under numbered headings, a thin front matter, support offered as
 * voorzieningen, roles and coordinators without names, a team called
 * "ondersteuningsadviesteam" or "commissie van begeleiding" and a meeting
 * frequency in words. An SO school with three levels is not asked the
 * regular school's offer. Every finding is pinned with line and column.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditResult, SchoolResult } from "../../src/core/types.js";
import { buildCoverage } from "../../src/report/coverage.js";
import { auditRepo, fixture, schoolOf, statusMap } from "./helpers.js";

let result: AuditResult;
beforeAll(async () => {
  result = await auditRepo(fixture("markdown-first"));
});

const pinned = (s: SchoolResult) => s.findings.map((f) => `${f.range.line}:${f.range.column} ${f.severity} ${f.ruleId} ${f.message}`);
const cellOf = (need: string, school: string) => buildCoverage(result).rows.find((r) => r.behoefte === need)?.cells.find((c) => c.school === school)?.niveau;

describe("a Markdown-first SOP with voorzieningen and roles without names (31KH00)", () => {
  it("has exactly these findings", () => {
    expect(pinned(schoolOf(result, "31KH00"))).toEqual([
      "2:1 error BO-01.22 niet aangetoond: tevredenheid.leerlingen.datum ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error BO-01.22-openbaar niet aangetoond: tevredenheid.leerlingen.openbaar ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error BO-01.23 niet aangetoond: tevredenheid.socialeVeiligheid.datum ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error BO-01.23-openbaar niet aangetoond: tevredenheid.socialeVeiligheid.openbaar ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error BO-01.27 niet aangetoond: tevredenheid.ouders.datum ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error BO-01.27-openbaar niet aangetoond: tevredenheid.ouders.openbaar ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 warning BO-12.04-deskundigheid niet aangetoond: deskundigheid ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error BO-12.05 niet aangetoond: ontwikkelpunten ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error MEI-01 niet aangetoond: inspectie.toezicht ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 warning MEI-01-aanwezig niet aangetoond: inspectie.toezicht ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error MKS-DM.03 niet aangetoond: middelen.budgethouder ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error MKS-DM.03-verantwoord niet aangetoond: middelen.verantwoord ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 warning MKS-PR.01 niet aangetoond: ontwikkelpunten ontbreekt of is leeg; vul het in bovenaan het document",
      "3:13 warning schema/normalised schooljaar: \"2025/2026\" gelezen als 2025-2026",
      "13:1 error BO-12.03 niet aangetoond: vaststelling.mrAdvies ontbreekt of is leeg; vul het in onder vaststelling",
      "13:1 error WET-02 niet aangetoond: vaststelling.mrAdvies.datum ontbreekt of is leeg; vul het in onder vaststelling",
      "14:10 warning schema/normalised vaststelling.datum: \"14 oktober 2025\" gelezen als 2025-10-14",
      "16:1 error BO-12.01 niet aangetoond: publicatie.schoolgids ontbreekt of is leeg; vul het in onder publicatie",
      "16:1 error BO-12.01-waarde niet aangetoond: publicatie.schoolgids ontbreekt of is leeg; vul het in onder publicatie",
      "18:1 error BO-01.09 niet aangetoond: ondersteuningsstructuur.protocollen ontbreekt of is leeg; vul het in onder ondersteuningsstructuur",
      "18:1 error BO-01.13 niet aangetoond: ondersteuningsstructuur.protocollen ontbreekt of is leeg; vul het in onder ondersteuningsstructuur",
      "18:1 error BO-01.18 niet aangetoond: ondersteuningsstructuur.protocollen ontbreekt of is leeg; vul het in onder ondersteuningsstructuur",
      "18:1 warning BO-03.02-beschrijving niet aangetoond: ondersteuningsstructuur.beschrijving ontbreekt of is leeg; vul het in onder ondersteuningsstructuur",
      "18:1 error BO-05.02 niet aangetoond: ondersteuningsstructuur.protocollen ontbreekt of is leeg; vul het in onder ondersteuningsstructuur",
      "18:1 error MEI-02 niet aangetoond: ondersteuningsstructuur.contactpersoonSwv ontbreekt of is leeg; vul het in onder ondersteuningsstructuur",
      "18:1 error MKS-TO.05 niet aangetoond: ondersteuningsstructuur.kernpartners ontbreekt of is leeg; vul het in onder ondersteuningsstructuur",
      "20:7 warning BO-03.05-uren niet aangetoond: ondersteuningsstructuur.coordinatoren[].urenPerWeek ontbreekt of is leeg; vul het in onder ondersteuningsstructuur.coordinatoren[0]",
      "23:5 error BO-03.08 ondersteuningsstructuur.ondersteuningsteam.rollen mist \"leerplichtambtenaar\"",
      "28:9 info BO-03.08 \"schoolcoach\" staat niet in de lijst rollen en telt daarom niet mee",
      "29:21 warning schema/normalised ondersteuningsstructuur.ondersteuningsteam.overlegPerJaar: \"zes keer per jaar\" gelezen als 6",
      "30:3 warning BO-01.14 ondersteuningsstructuur.functionarissen mist \"verzuimcoordinator\"",
      "30:3 warning BO-01.20 ondersteuningsstructuur.functionarissen mist \"avg-functionaris\"",
      "33:1 error BO-03.11 aanbod[].behoefte (of voorzieningen[].behoeften) mist \"ass\", \"nt2\"",
      "33:1 error MEI-04 aanbod[].behoefte (of voorzieningen[].behoeften) mist \"lvb\", \"medisch\"",
      "53:1 warning BO-09.11 procedures[].soort mist \"bezwaar-en-beroep\"",
    ]);
  });

  it("counts the plusklas and the time-out room for the offer, in the rules and in the matrix alike", () => {
    const s = schoolOf(result, "31KH00");
    // hoogbegaafd (plusklas) and gedrag (time-out room) are not among what BO-03.11 misses.
    expect(s.findings.find((f) => f.ruleId === "BO-03.11")?.message).toBe('aanbod[].behoefte (of voorzieningen[].behoeften) mist "ass", "nt2"');
    expect(["hoogbegaafd", "gedrag", "sociaal-emotioneel", "dyslexie", "dyscalculie"].map((need) => cellOf(need, "31KH00"))).toEqual(["bestuur", "extra", "extra", "basis", "extra"]);
  });

  it("recognises the ondersteuningsadviesteam as the multidisciplinair overleg, its frequency in words, and the numbered headings", () => {
    const s = schoolOf(result, "31KH00");
    expect(statusMap(s, "BO-05.03")).toEqual({ "BO-05.03": "voldoet" });
    expect(statusMap(s, "BO-09.01")).toEqual({ "BO-09.01": "voldoet" });
  });
});

describe("an SO school with three levels, procedures and a near-miss heading (31SO00)", () => {
  it("has exactly these findings", () => {
    expect(pinned(schoolOf(result, "31SO00"))).toEqual([
      "2:1 error BO-01.22 niet aangetoond: tevredenheid.leerlingen.datum ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error BO-01.22-openbaar niet aangetoond: tevredenheid.leerlingen.openbaar ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error BO-01.23 niet aangetoond: tevredenheid.socialeVeiligheid.datum ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error BO-01.23-openbaar niet aangetoond: tevredenheid.socialeVeiligheid.openbaar ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error BO-01.27 niet aangetoond: tevredenheid.ouders.datum ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error BO-01.27-openbaar niet aangetoond: tevredenheid.ouders.openbaar ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error BO-03.02 niet aangetoond: publicatie.website ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 warning BO-09.03 niet aangetoond: vaststelling.datum ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error BO-12.01 niet aangetoond: publicatie.schoolgids ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error BO-12.01-waarde niet aangetoond: publicatie.schoolgids ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error BO-12.03 niet aangetoond: vaststelling.mrAdvies ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 warning BO-12.04-deskundigheid niet aangetoond: deskundigheid ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error BO-12.05 niet aangetoond: ontwikkelpunten ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error MEI-01 niet aangetoond: inspectie.toezicht ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 warning MEI-01-aanwezig niet aangetoond: inspectie.toezicht ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error MKS-DM.03 niet aangetoond: middelen.budgethouder ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error MKS-DM.03-verantwoord niet aangetoond: middelen.verantwoord ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 warning MKS-PR.01 niet aangetoond: ontwikkelpunten ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 warning MKS-TO.08 niet aangetoond: publicatie.website of publicatie.swvWebsite of publicatie.schoolgids ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 warning MKS-TO.09 niet aangetoond: vaststelling.datum ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error WET-01 niet aangetoond: vaststelling.datum ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error WET-01-door niet aangetoond: vaststelling.door ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error WET-02 niet aangetoond: vaststelling.mrAdvies.datum ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error WET-03 niet aangetoond: publicatie.website of publicatie.schoolgids ontbreekt of is leeg; vul het in bovenaan het document",
      "2:1 error WET-03-waarde niet aangetoond: publicatie ontbreekt of is leeg; vul het in bovenaan het document",
      "8:1 error BO-01.09 niet aangetoond: ondersteuningsstructuur.protocollen ontbreekt of is leeg; vul het in onder ondersteuningsstructuur",
      "8:1 error BO-01.10 niet aangetoond: ondersteuningsstructuur.functionarissen ontbreekt of is leeg; vul het in onder ondersteuningsstructuur",
      "8:1 error BO-01.13 niet aangetoond: ondersteuningsstructuur.protocollen ontbreekt of is leeg; vul het in onder ondersteuningsstructuur",
      "8:1 warning BO-01.14 niet aangetoond: ondersteuningsstructuur.functionarissen ontbreekt of is leeg; vul het in onder ondersteuningsstructuur",
      "8:1 error BO-01.17 niet aangetoond: ondersteuningsstructuur.functionarissen ontbreekt of is leeg; vul het in onder ondersteuningsstructuur",
      "8:1 error BO-01.18 niet aangetoond: ondersteuningsstructuur.protocollen ontbreekt of is leeg; vul het in onder ondersteuningsstructuur",
      "8:1 warning BO-01.20 niet aangetoond: ondersteuningsstructuur.functionarissen ontbreekt of is leeg; vul het in onder ondersteuningsstructuur",
      "8:1 warning BO-03.02-beschrijving niet aangetoond: ondersteuningsstructuur.beschrijving ontbreekt of is leeg; vul het in onder ondersteuningsstructuur",
      "8:1 error BO-05.02 niet aangetoond: ondersteuningsstructuur.protocollen ontbreekt of is leeg; vul het in onder ondersteuningsstructuur",
      "8:1 error MEI-02 niet aangetoond: ondersteuningsstructuur.contactpersoonSwv ontbreekt of is leeg; vul het in onder ondersteuningsstructuur",
      "8:1 error MKS-TO.05 niet aangetoond: ondersteuningsstructuur.kernpartners ontbreekt of is leeg; vul het in onder ondersteuningsstructuur",
      "10:7 warning BO-03.05-uren niet aangetoond: ondersteuningsstructuur.coordinatoren[].urenPerWeek ontbreekt of is leeg; vul het in onder ondersteuningsstructuur.coordinatoren[0]",
      "13:5 error BO-03.08 ondersteuningsstructuur.ondersteuningsteam.rollen mist \"jeugdverpleegkundige\", \"ouder-kindadviseur\", \"leerplichtambtenaar\"",
      "14:21 warning schema/normalised ondersteuningsstructuur.ondersteuningsteam.overlegPerJaar: \"maandelijks\" gelezen als 10",
      "15:1 error MEI-04 aanbod[].behoefte (of voorzieningen[].behoeften) mist \"medisch\", \"sociaal-emotioneel\" (niet gevraagd voor SO: \"hoogbegaafd\")",
      "41:1 warning BO-09.01-visie de kop \"Visie op ondersteuning\" ontbreekt in het Markdown-deel; bedoelde je \"2 Visie op ondersteunning\"?",
    ]);
  });

  it("is not asked the basic offer of a regular school, counts a commissie van begeleiding as the overleg, and reads plaatsing in het (v)so as specialistisch", () => {
    const s = schoolOf(result, "31SO00");
    expect(statusMap(s, "BO-03.11")).toEqual({ "BO-03.11": "voldoet" });
    expect(statusMap(s, "BO-05.03")).toEqual({ "BO-05.03": "voldoet" });
    expect(statusMap(s, "BO-09.11")).toEqual({ "BO-09.11": "voldoet" });
    expect(cellOf("lvb", "31SO00")).toBe("specialistisch");
  });
});
