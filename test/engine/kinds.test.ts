/**
 * Every rule kind, on fixtures where it holds, where it fails and where the
 * data to judge it is missing.
 *
 * - test/fixtures/kinds/: one rule per kind (T-01 … T-12, indicator T.01 …)
 *   and three schools: 12AB00 meets everything, 12AC00 nothing, 12AD00 has
 *   only a concept SOP for next year and a zelfevaluatie that scores n.v.t.
 * - test/fixtures/kinds-params/: per kind the variants of its params, each
 *   rule with its own indicator (P-DE.01 …), on 14AA00 (meets everything),
 *   14AB00 (fails the variants) and 14AC00 (YAML SOP with little data, an
 *   invalid zelfevaluatie, no visitatie).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { checkSchool } from "../../src/engine/check-school.js";
import { compileRuleset } from "../../src/engine/compiled-ruleset.js";
import { loadSchool } from "../../src/engine/school.js";
import { loadRuleset } from "../../src/ruleset/load.js";
import { RULE_KINDS } from "../../src/rules/registry.js";
import type { AuditResult } from "../../src/core/types.js";
import { auditRepo, brief, findingsOf, fixture, schoolOf, statusMap } from "./helpers.js";

const SOP_ZWAK = "scholen/12AC00/sop-2024-2025.md";
const ZE_ZWAK = "scholen/12AC00/zelfevaluatie-2025-2026.yaml";

describe("één regel per soort (test/fixtures/kinds)", () => {
  let result: AuditResult;
  beforeAll(async () => {
    result = await auditRepo(fixture("kinds"));
  });

  it("het profiel heeft precies één regel voor elke geregistreerde soort", () => {
    const ruleset = loadRuleset({ profile: "test-soorten", paths: [fixture("kinds/regels")], root: fixture("kinds") });
    expect(ruleset.rules.map((r) => r.kind).sort()).toEqual(RULE_KINDS.map((k) => k.name).sort());
    expect(ruleset.rules.map((r) => r.id)).toEqual(["T-01", "T-02", "T-03", "T-04", "T-05", "T-06", "T-07", "T-08", "T-09", "T-10", "T-11", "T-12"]);
  });

  it("de repository zelf geeft geen meldingen", () => {
    expect(result.findings).toEqual([]);
    expect(result.repo.peildatum).toBe("2026-03-15");
    expect(result.repo.schooljaar).toBe("2025-2026");
  });

  it("12AB00 voldoet aan elke regel", () => {
    const s = schoolOf(result, "12AB00");
    expect(s.findings).toEqual([]);
    expect(s.waivedFindings).toEqual([]);
    expect(statusMap(s)).toEqual({
      "T.01": "voldoet", "T.02": "voldoet", "T.03": "voldoet", "T.04": "voldoet", "T.05": "voldoet", "T.06": "voldoet",
      "T.07": "voldoet", "T.08": "voldoet", "T.09": "voldoet", "T.10": "voldoet", "T.11": "voldoet", "T.12": "voldoet",
    });
  });

  it("12AC00 faalt op elke regel, met bestand, regel:kolom, ernst en melding", () => {
    const s = schoolOf(result, "12AC00");
    expect(s.findings.map(brief)).toEqual([
      { file: "scholen/12AC00", line: 1, column: 1, ruleId: "T-01", severity: "error", message: "er is geen SOP voor schooljaar 2025-2026" },
      { file: SOP_ZWAK, line: 16, column: 22, ruleId: "T-07", severity: "error", message: "vaststelling.mrAdvies.datum (2024-10-20) ligt na vaststelling.datum (2024-10-01)" },
      { file: SOP_ZWAK, line: 18, column: 3, ruleId: "T-02", severity: "error", message: "niet aangetoond: ondersteuningsstructuur.beschrijving ontbreekt of is leeg; vul het in onder ondersteuningsstructuur" },
      { file: SOP_ZWAK, line: 19, column: 3, ruleId: "T-05", severity: "error", message: "ondersteuningsstructuur.coordinatoren heeft 0 elementen, minimaal 1 vereist" },
      { file: SOP_ZWAK, line: 20, column: 3, ruleId: "T-04", severity: "error", message: 'ondersteuningsstructuur.protocollen[].soort mist "pestprotocol", "meldcode"' },
      { file: SOP_ZWAK, line: 24, column: 33, ruleId: "T-03", severity: "error", message: 'aanbod[1].niveau: "bassis" staat niet in de lijst niveaus; bedoelde je "basis"?' },
      { file: SOP_ZWAK, line: 26, column: 20, ruleId: "T-06", severity: "error", message: "tevredenheid.ouders.datum (2023-05-10) is ouder dan 2 jaar (peildatum 2026-03-15)" },
      { file: SOP_ZWAK, line: 32, column: 53, ruleId: "T-12", severity: "error", message: "persoonlijk e-mailadres in de tekst: j.d*****@gmail.com" },
      { file: SOP_ZWAK, line: 34, column: 1, ruleId: "T-09", severity: "error", message: 'de tekst onder "Grenzen aan de ondersteuning" is nog niet ingevuld ("TODO: nog invullen door de zorgcoördi...")' },
      { file: "scholen/12AC00/visitatie-2024-2025.yaml", line: 9, column: 33, ruleId: "T-11", severity: "error", message: 'de visitatie van 2025-02-18 oordeelt "voldoet niet" over T.11 (minimaal "voldoet deels")' },
      { file: ZE_ZWAK, line: 9, column: 9, ruleId: "T-08", severity: "error", message: 'T.08 is gescoord als "voldoet niet" in de zelfevaluatie 2025-2026 (minimaal "voldoet")' },
      { file: ZE_ZWAK, line: 9, column: 9, ruleId: "T-10", severity: "error", message: 'tegenstrijdig: het SOP noemt dyslexie onder aanbod[].behoefte, maar niet: de zelfevaluatie scoort T.08 minstens "voldoet deels"' },
    ]);
    // Every finding names the item it is evidence against and where the rule came from.
    expect(s.findings.map((f) => [f.ruleId, f.indicator, f.standard, f.source])).toEqual(
      s.findings.map((f) => [f.ruleId, `T.${f.ruleId.slice(2)}`, "T", "test-soorten"]),
    );
    expect(statusMap(s)).toEqual({
      "T.01": "voldoet-niet", "T.02": "niet-aangetoond", "T.03": "voldoet-niet", "T.04": "voldoet-niet", "T.05": "voldoet-niet", "T.06": "voldoet-niet",
      // T.09's section holds only a placeholder: reported, but nothing is written yet.
      "T.07": "voldoet-niet", "T.08": "voldoet-niet", "T.09": "niet-aangetoond", "T.10": "voldoet-niet", "T.11": "voldoet-niet", "T.12": "voldoet-niet",
    });
  });

  it("12AD00 zonder gegevens: document-exists meldt het ontbreken, de rest is niet aangetoond (n.v.t. gescoord: nvt)", () => {
    const s = schoolOf(result, "12AD00");
    // The SOP of 2026-2027 is newer than the audited year and does not count.
    expect(s.findings.map(brief)).toEqual([
      { file: "scholen/12AD00", line: 1, column: 1, ruleId: "T-01", severity: "error", message: "er is geen SOP voor schooljaar 2025-2026" },
    ]);
    expect(s.findings[0]!.found).toBe("2026-2027");
    expect(statusMap(s)).toEqual({
      "T.01": "voldoet-niet", "T.02": "niet-aangetoond", "T.03": "niet-aangetoond", "T.04": "niet-aangetoond", "T.05": "niet-aangetoond", "T.06": "niet-aangetoond",
      "T.07": "niet-aangetoond", "T.08": "nvt", "T.09": "niet-aangetoond", "T.10": "niet-aangetoond", "T.11": "niet-aangetoond",
      // No personal data in its files: that needs no SOP of this year.
      "T.12": "voldoet",
    });
    const reason = (item: string) => s.statuses.find((x) => x.item === item)?.reason;
    expect(reason("T.02")).toBe("document ontbreekt");
    expect(reason("T.08")).toBe("school scoorde n.v.t.");
    expect(reason("T.10")).toBe("gegevens ontbreken");
    expect(reason("T.11")).toBe("geen visitatie");
  });
});

describe("parameters van elke soort (test/fixtures/kinds-params)", () => {
  const SOP_B = "scholen/14AB00/sop-2024-2025.md";
  const ZE_B = "scholen/14AB00/zelfevaluatie-2025-2026.yaml";
  const SOP_C = "scholen/14AC00/sop-2025-2026.yaml";
  let result: AuditResult;
  beforeAll(async () => {
    result = await auditRepo(fixture("kinds-params"));
  });
  const A = () => schoolOf(result, "14AA00");
  const B = () => schoolOf(result, "14AB00");
  const C = () => schoolOf(result, "14AC00");

  it("14AA00 voldoet aan elke variant", () => {
    expect(A().findings).toEqual([]);
    expect(new Set(Object.values(statusMap(A())))).toEqual(new Set(["voldoet"]));
    expect(Object.keys(statusMap(A()))).toHaveLength(38);
  });

  it("een zelfevaluatie zonder ingevuldDoor (14AC00) wordt getoetst op wat er staat: geen schemamelding", () => {
    const schema = result.schools.flatMap((s) => s.findings).filter((f) => !/^[A-Z]/.test(f.ruleId));
    expect(schema.map(brief)).toEqual([]);
    expect(C().documents.find((d) => d.file === "scholen/14AC00/zelfevaluatie-2025-2026.yaml")?.valid).toBe(true);
  });

  describe("document-exists: schooljaar huidig/vorig/any, deadline", () => {
    it("vorig: de zelfevaluatie van 2024-2025 ontbreekt bij 14AB00", () => {
      expect(findingsOf(B(), "DE-01")).toEqual([
        { file: "scholen/14AB00", line: 1, column: 1, ruleId: "DE-01", severity: "error", message: "er is geen zelfevaluatie voor schooljaar 2024-2025" },
      ]);
      expect(B().findings.find((f) => f.ruleId === "DE-01")?.found).toBe("2025-2026");
    });

    it("na de deadline (1 maart) telt alleen het SOP van dit schooljaar", () => {
      expect(findingsOf(B(), "DE-03")).toEqual([
        { file: "scholen/14AB00", line: 1, column: 1, ruleId: "DE-03", severity: "error", message: "er is geen SOP voor schooljaar 2025-2026 (uiterlijk 2026-03-01)" },
      ]);
    });

    it("vóór de deadline volstaat het SOP van vorig schooljaar", async () => {
      const before = await auditRepo(fixture("kinds-params"), { peildatum: "2026-02-01" });
      const b = schoolOf(before, "14AB00");
      expect(findingsOf(b, "DE-03")).toEqual([]);
      expect(statusMap(b, "P-DE.03")).toEqual({ "P-DE.03": "voldoet" });
    });

    it("any: zonder enige visitatie; een onvolledige zelfevaluatie telt wel mee", () => {
      expect(findingsOf(C(), "DE-02", "DE-03", "DE-04")).toEqual([
        { file: "scholen/14AC00", line: 1, column: 1, ruleId: "DE-02", severity: "error", message: "er is geen visitatie" },
      ]);
    });

    it("vorig zonder enige zelfevaluatie (14AC00)", () => {
      expect(findingsOf(C(), "DE-01").map((f) => [f.file, f.line, f.column, f.severity])).toEqual([["scholen/14AC00", 1, 1, "error"]]);
      expect(findingsOf(C(), "DE-01")[0]!.message).toMatch(/^er is geen zelfevaluatie voor schooljaar 2024-2025/);
    });

    it("statussen", () => {
      expect(statusMap(B(), "P-DE")).toEqual({ "P-DE.01": "voldoet-niet", "P-DE.02": "voldoet", "P-DE.03": "voldoet-niet", "P-DE.04": "voldoet" });
      expect(statusMap(C(), "P-DE")).toEqual({ "P-DE.01": "voldoet-niet", "P-DE.02": "voldoet-niet", "P-DE.03": "voldoet", "P-DE.04": "voldoet" });
    });
  });

  describe("field-present: path, anyOf, false en spaties zijn leeg", () => {
    it("14AB00: ontbrekend veld, anyOf met schoolgids: false, alleen een spatie", () => {
      expect(findingsOf(B(), "FP-01", "FP-02", "FP-03")).toEqual([
        { file: SOP_B, line: 15, column: 3, ruleId: "FP-03", severity: "error", message: "niet aangetoond: vaststelling.door ontbreekt of is leeg; vul het in onder vaststelling" },
        { file: SOP_B, line: 19, column: 3, ruleId: "FP-02", severity: "error", message: "niet aangetoond: publicatie.swvWebsite of publicatie.schoolgids ontbreekt of is leeg; vul het in onder publicatie" },
        // The key is absent: the finding points at the block where it belongs.
        { file: SOP_B, line: 20, column: 1, ruleId: "FP-01", severity: "error", message: "niet aangetoond: ondersteuningsstructuur.contactpersoonSwv ontbreekt of is leeg; vul het in onder ondersteuningsstructuur" },
      ]);
    });

    it("a missing field is located at its parent, and the finding is about the field itself (its path and group)", () => {
      const [f] = B().findings.filter((x) => x.ruleId === "FP-01");
      expect([f!.path, f!.range.line, f!.range.column]).toEqual(["ondersteuningsstructuur.contactpersoonSwv", 20, 1]);
      const parent = B().findings.filter((x) => x.path === "ondersteuningsstructuur");
      expect(parent.map((x) => x.group)).not.toContain(f!.group);
    });

    it("14AC00: het hele blok ontbreekt", () => {
      expect(findingsOf(C(), "FP-01", "FP-02", "FP-03")).toEqual([
        { file: SOP_C, line: 1, column: 1, ruleId: "FP-01", severity: "error", message: "niet aangetoond: ondersteuningsstructuur.contactpersoonSwv ontbreekt of is leeg; vul het in bovenaan het document" },
        { file: SOP_C, line: 1, column: 1, ruleId: "FP-02", severity: "error", message: "niet aangetoond: publicatie.swvWebsite of publicatie.schoolgids ontbreekt of is leeg; vul het in bovenaan het document" },
      ]);
    });

    it("statussen: ontbreekt of leeg is niet aangetoond, nooit voldoet niet", () => {
      expect(statusMap(B(), "P-FP")).toEqual({ "P-FP.01": "niet-aangetoond", "P-FP.02": "niet-aangetoond", "P-FP.03": "niet-aangetoond" });
      expect(statusMap(C(), "P-FP")).toEqual({ "P-FP.01": "niet-aangetoond", "P-FP.02": "niet-aangetoond", "P-FP.03": "voldoet" });
    });
  });

  describe("value-matches: enum met suggestie, pattern, list met synoniemen, schema", () => {
    it("14AB00: elke waarde die niet past is een melding op die waarde", () => {
      expect(findingsOf(B(), "VM-01", "VM-02", "VM-03", "VM-04")).toEqual([
        {
          file: SOP_B, line: 9, column: 12, ruleId: "VM-01", severity: "error",
          message: 'school.bestuur moet een van "Stichting VO Dommeldal", "Stichting Kempenland Onderwijs" zijn, gevonden: "Stichting VO Domeldal"; bedoelde je "Stichting VO Dommeldal"?',
        },
        { file: SOP_B, line: 18, column: 12, ruleId: "VM-02", severity: "error", message: 'publicatie.website past niet bij het patroon ^https://, gevonden: "http://www.mavoderun.nl/sop"' },
        { file: SOP_B, line: 22, column: 39, ruleId: "VM-04", severity: "warning", message: 'ondersteuningsstructuur.coordinatoren[0].urenPerWeek voldoet niet aan {"minimum":4}, gevonden: 2' },
        { file: SOP_B, line: 31, column: 17, ruleId: "VM-03", severity: "error", message: 'aanbod[1].behoefte: "dyscalculi" staat niet in de lijst ondersteuningsbehoeften; bedoelde je "dyscalculie"?' },
        { file: SOP_B, line: 32, column: 17, ruleId: "VM-03", severity: "error", message: 'aanbod[2].behoefte: "paardrijden" staat niet in de lijst ondersteuningsbehoeften' },
      ]);
    });

    it("synoniemen uit de lijst tellen (EED, Rekenproblemen, hoogbegaafdheid bij 14AA00)", () => {
      expect(findingsOf(A(), "VM-03")).toEqual([]);
      expect(statusMap(A(), "P-VM.03")).toEqual({ "P-VM.03": "voldoet" });
    });

    it("statussen: een ontbrekend pad is niet aangetoond", () => {
      expect(statusMap(B(), "P-VM")).toEqual({ "P-VM.01": "voldoet-niet", "P-VM.02": "voldoet-niet", "P-VM.03": "voldoet-niet", "P-VM.04": "voldoet-niet" });
      expect(statusMap(C(), "P-VM")).toEqual({ "P-VM.01": "voldoet", "P-VM.02": "niet-aangetoond", "P-VM.03": "niet-aangetoond", "P-VM.04": "niet-aangetoond" });
      expect(C().statuses.find((x) => x.item === "P-VM.04")?.reason).toBe("ondersteuningsstructuur.coordinatoren[].urenPerWeek ontbreekt");
    });
  });

  describe("list-includes: synoniemen via list, keys: true, whereIn, zonder list", () => {
    it("14AB00", () => {
      expect(findingsOf(B(), "LI-01", "LI-02", "LI-03", "LI-04")).toEqual([
        // schoolarts is a synonym of jeugdarts, so only two roles are missing.
        { file: SOP_B, line: 24, column: 5, ruleId: "LI-01", severity: "error", message: 'ondersteuningsstructuur.ondersteuningsteam.rollen mist "ondersteuningscoordinator", "leerplichtambtenaar"' },
        // keys: pestcoördinator counts as antipestcoördinator.
        { file: SOP_B, line: 25, column: 3, ruleId: "LI-02", severity: "error", message: 'ondersteuningsstructuur.functionarissen mist "vertrouwenspersoon"' },
        // A term the list does not know is never silently dropped: an info finding, with the nearest term when there is one.
        { file: SOP_B, line: 27, column: 5, ruleId: "LI-02", severity: "info", message: '"decaan" staat niet in de lijst functionarissen en telt daarom niet mee' },
        { file: SOP_B, line: 28, column: 3, ruleId: "LI-04", severity: "error", message: 'ondersteuningsstructuur.kernpartners mist "J&G coach"' },
        // whereIn: dyslexie is offered at niveau "geen", which does not count.
        { file: SOP_B, line: 29, column: 1, ruleId: "LI-03", severity: "error", message: 'aanbod[].behoefte mist "dyslexie", "dyscalculie"' },
        { file: SOP_B, line: 31, column: 17, ruleId: "LI-03", severity: "info", message: '"dyscalculi" staat niet in de lijst ondersteuningsbehoeften en telt daarom niet mee; bedoelde je "dyscalculie"?' },
        { file: SOP_B, line: 32, column: 17, ruleId: "LI-03", severity: "info", message: '"paardrijden" staat niet in de lijst ondersteuningsbehoeften en telt daarom niet mee' },
      ]);
      const found = Object.fromEntries(B().findings.filter((f) => f.ruleId.startsWith("LI-") && f.severity === "error").map((f) => [f.ruleId, f.found]));
      expect(found).toEqual({ "LI-01": "jeugdarts, mentor", "LI-02": "antipestcoordinator, decaan", "LI-03": "dyscalculi, paardrijden", "LI-04": "ggd, leerplicht" });
    });

    it("14AC00: een ontbrekende lijst is niet aangetoond, en de melding zegt waar hij hoort", () => {
      expect(findingsOf(C(), "LI-01", "LI-02", "LI-03", "LI-04")).toEqual([
        { file: SOP_C, line: 1, column: 1, ruleId: "LI-01", severity: "error", message: "niet aangetoond: ondersteuningsstructuur.ondersteuningsteam.rollen ontbreekt of is leeg; vul het in bovenaan het document" },
        { file: SOP_C, line: 1, column: 1, ruleId: "LI-02", severity: "error", message: "niet aangetoond: ondersteuningsstructuur.functionarissen ontbreekt of is leeg; vul het in bovenaan het document" },
        { file: SOP_C, line: 1, column: 1, ruleId: "LI-03", severity: "error", message: "niet aangetoond: aanbod ontbreekt of is leeg; vul het in bovenaan het document" },
        { file: SOP_C, line: 1, column: 1, ruleId: "LI-04", severity: "error", message: "niet aangetoond: ondersteuningsstructuur.kernpartners ontbreekt of is leeg; vul het in bovenaan het document" },
      ]);
      expect(statusMap(C(), "P-LI")).toEqual({ "P-LI.01": "niet-aangetoond", "P-LI.02": "niet-aangetoond", "P-LI.03": "niet-aangetoond", "P-LI.04": "niet-aangetoond" });
    });

    // Regression: where/whereIn compare through the vocabularies: a synonym or capitalised niveau counts.
    it("whereIn herkent niveaus geschreven als synoniem of met hoofdletter", () => {
      const ruleset = loadRuleset({ profile: "test-parameters", paths: [fixture("kinds-params/regels")], root: fixture("kinds-params") });
      const sop = readFileSync(fixture("kinds-params/scholen/14AA00/sop-2025-2026.md"), "utf8")
        .replace("{ behoefte: EED, niveau: extra }", "{ behoefte: EED, niveau: Basis }")
        .replace("{ behoefte: Rekenproblemen, niveau: basis }", "{ behoefte: Rekenproblemen, niveau: breedteondersteuning }");
      const docs = loadSchool(fixture("kinds-params"), "scholen/14AA00", "14AA00", "nl", new Map([["sop-2025-2026.md", Buffer.from(sop)]]));
      const school = checkSchool(docs, compileRuleset(ruleset), { lang: "nl", peildatum: "2026-03-15", schooljaar: "2025-2026" });
      expect(findingsOf(school, "VM-03")).toEqual([]);
      expect(findingsOf(school, "LI-03")).toEqual([]);
    });

    it("statussen", () => {
      expect(statusMap(A(), "P-LI")).toEqual({ "P-LI.01": "voldoet", "P-LI.02": "voldoet", "P-LI.03": "voldoet", "P-LI.04": "voldoet" });
      expect(statusMap(B(), "P-LI")).toEqual({ "P-LI.01": "voldoet-niet", "P-LI.02": "voldoet-niet", "P-LI.03": "voldoet-niet", "P-LI.04": "voldoet-niet" });
    });
  });

  describe("count-at-least: min en where", () => {
    it("14AB00 en 14AC00", () => {
      expect(findingsOf(B(), "CA-01", "CA-02")).toEqual([
        { file: SOP_B, line: 29, column: 1, ruleId: "CA-02", severity: "error", message: "aanbod heeft 0 elementen die voldoen aan de selectie, minimaal 1 vereist" },
        { file: SOP_B, line: 33, column: 1, ruleId: "CA-01", severity: "error", message: "ontwikkelpunten heeft 1 element, minimaal 2 vereist" },
      ]);
      // No list at all: niet aangetoond, not "0 elements".
      expect(findingsOf(C(), "CA-01", "CA-02")).toEqual([
        { file: SOP_C, line: 1, column: 1, ruleId: "CA-01", severity: "error", message: "niet aangetoond: ontwikkelpunten ontbreekt of is leeg; vul het in bovenaan het document" },
        { file: SOP_C, line: 1, column: 1, ruleId: "CA-02", severity: "error", message: "niet aangetoond: aanbod ontbreekt of is leeg; vul het in bovenaan het document" },
      ]);
      expect(statusMap(C(), "P-CA")).toEqual({ "P-CA.01": "niet-aangetoond", "P-CA.02": "niet-aangetoond" });
      expect(statusMap(B(), "P-CA")).toEqual({ "P-CA.01": "voldoet-niet", "P-CA.02": "voldoet-niet" });
    });
  });

  describe("date-max-age: maxAge, schooljaar huidig, datum na de peildatum", () => {
    it("14AB00", () => {
      expect(findingsOf(B(), "DM-01", "DM-02", "DM-03")).toEqual([
        { file: SOP_B, line: 14, column: 10, ruleId: "DM-02", severity: "error", message: "vaststelling.datum (2024-10-01) valt niet in schooljaar 2025-2026" },
        { file: SOP_B, line: 37, column: 31, ruleId: "DM-01", severity: "error", message: "tevredenheid.socialeVeiligheid.datum (2024-11-01) is ouder dan 1 jaar (peildatum 2026-03-15)" },
        { file: SOP_B, line: 38, column: 26, ruleId: "DM-03", severity: "error", message: "middelen.verantwoord (2026-06-30) ligt na de peildatum 2026-03-15" },
      ]);
      const exp = Object.fromEntries(B().findings.filter((f) => f.ruleId.startsWith("DM-")).map((f) => [f.ruleId, f.expected]));
      expect(exp).toEqual({ "DM-01": ">= 2025-03-15", "DM-02": ">= 2025-08-01", "DM-03": "<= 2026-03-15" });
    });

    it("statussen: een ontbrekende datum is niet aangetoond", () => {
      expect(statusMap(B(), "P-DM")).toEqual({ "P-DM.01": "voldoet-niet", "P-DM.02": "voldoet-niet", "P-DM.03": "voldoet-niet" });
      expect(statusMap(C(), "P-DM")).toEqual({ "P-DM.01": "niet-aangetoond", "P-DM.02": "voldoet", "P-DM.03": "niet-aangetoond" });
      // Each missing date is a finding that says what to add.
      expect(findingsOf(C(), "DM-01", "DM-02", "DM-03")).toEqual([
        { file: SOP_C, line: 1, column: 1, ruleId: "DM-01", severity: "error", message: "niet aangetoond: tevredenheid.socialeVeiligheid.datum ontbreekt of is leeg; vul het in bovenaan het document" },
        { file: SOP_C, line: 1, column: 1, ruleId: "DM-03", severity: "error", message: "niet aangetoond: middelen.verantwoord ontbreekt of is leeg; vul het in bovenaan het document" },
      ]);
    });
  });

  describe("date-order: volgorde en minDays", () => {
    it("14AB00", () => {
      expect(findingsOf(B(), "DO-01", "DO-02")).toEqual([
        { file: SOP_B, line: 16, column: 22, ruleId: "DO-01", severity: "error", message: "vaststelling.mrAdvies.datum (2024-10-20) ligt na vaststelling.datum (2024-10-01)" },
        { file: SOP_B, line: 36, column: 20, ruleId: "DO-02", severity: "error", message: "tevredenheid.ouders.datum (2024-09-20) moet minstens 30 dagen vóór vaststelling.datum (2024-10-01) liggen" },
      ]);
      expect(statusMap(B(), "P-DO")).toEqual({ "P-DO.01": "voldoet-niet", "P-DO.02": "voldoet-niet" });
      expect(statusMap(C(), "P-DO")).toEqual({ "P-DO.01": "niet-aangetoond", "P-DO.02": "niet-aangetoond" });
    });

    // Regression: with minDays, found and expected speak of the shortfall in days, not of a wrong order.
    it("date-order met minDays: found en expected beschrijven het tekort aan dagen, niet een verkeerde volgorde", () => {
      const f = B().findings.find((x) => x.ruleId === "DO-02")!;
      expect(f.found).not.toBe("2024-09-20 > 2024-10-01");
      expect(f.expected).toContain("30");
    });
  });

  describe("zelfevaluatie-score: ontbrekende score, voldoet deels, voldoet niet, n.v.t.", () => {
    it("14AB00", () => {
      expect(findingsOf(B(), "ZE-01", "ZN-01")).toEqual([
        // Not scored: a finding at scores, but the item is niet aangetoond (no evidence either way).
        { file: ZE_B, line: 8, column: 1, ruleId: "ZE-01", severity: "error", message: "P-ZE.05 is niet gescoord in de zelfevaluatie 2025-2026" },
        // voldoet deels → deelsSeverity (default warning).
        { file: ZE_B, line: 10, column: 12, ruleId: "ZE-01", severity: "warning", message: 'P-ZE.02 is gescoord als "voldoet deels" in de zelfevaluatie 2025-2026 (minimaal "voldoet")' },
        // voldoet niet → the rule's severity, with the toelichting.
        { file: ZE_B, line: 12, column: 12, ruleId: "ZE-01", severity: "error", message: 'P-ZE.03 is gescoord als "voldoet niet" in de zelfevaluatie 2025-2026 (minimaal "voldoet") — Er is geen trainer meer sinds de bezuinigingen van 2025.' },
        // nvtToegestaan: false.
        { file: ZE_B, line: 15, column: 12, ruleId: "ZN-01", severity: "error", message: "P-ZN.01 mag niet als n.v.t. gescoord worden" },
        // deelsSeverity: info.
        { file: ZE_B, line: 16, column: 12, ruleId: "ZN-01", severity: "info", message: 'P-ZN.02 is gescoord als "voldoet deels" in de zelfevaluatie 2025-2026 (minimaal "voldoet")' },
      ]);
      expect(B().findings.filter((f) => f.ruleId === "ZE-01" || f.ruleId === "ZN-01").map((f) => f.indicator)).toEqual(["P-ZE.05", "P-ZE.02", "P-ZE.03", "P-ZN.01", "P-ZN.02"]);
    });

    it("statussen: n.v.t. toegestaan → nvt; geen score → niet aangetoond, ook in een onvolledige zelfevaluatie", () => {
      expect(statusMap(B(), "P-Z")).toEqual({
        "P-ZE.01": "voldoet", "P-ZE.02": "voldoet-niet", "P-ZE.03": "voldoet-niet", "P-ZE.04": "nvt", "P-ZE.05": "niet-aangetoond",
        "P-ZN.01": "voldoet-niet", "P-ZN.02": "voldoet-niet",
      });
      expect(statusMap(C(), "P-Z")).toEqual({
        "P-ZE.01": "voldoet", "P-ZE.02": "niet-aangetoond", "P-ZE.03": "niet-aangetoond", "P-ZE.04": "niet-aangetoond", "P-ZE.05": "niet-aangetoond",
        "P-ZN.01": "niet-aangetoond", "P-ZN.02": "niet-aangetoond",
      });
    });
  });

  describe("section-present: kop ontbreekt, TODO, te kort, eigen placeholder, YAML → nvt", () => {
    it("14AB00", () => {
      expect(findingsOf(B(), "SP-01", "SP-02", "SP-03", "SP-04")).toEqual([
        { file: SOP_B, line: 1, column: 1, ruleId: "SP-01", severity: "error", message: 'de kop "Grenzen aan de ondersteuning" ontbreekt in het Markdown-deel' },
        // A synonym of the heading is found ("Onze visie"), but it holds only TODO.
        { file: SOP_B, line: 42, column: 1, ruleId: "SP-02", severity: "error", message: 'de tekst onder "Onze visie" is nog niet ingevuld ("TODO")' },
        { file: SOP_B, line: 46, column: 1, ruleId: "SP-03", severity: "error", message: 'de tekst onder "Samenwerking met ketenpartners" is te kort: 6 woorden, minimaal 20' },
        { file: SOP_B, line: 50, column: 1, ruleId: "SP-04", severity: "error", message: 'de tekst onder "Ontwikkelpunten" is nog niet ingevuld ("De ontwikkelpunten voor dit schooljaa...")' },
      ]);
      // A missing heading or a placeholder shows nothing yet (niet aangetoond); a too short text is evidence against.
      expect(statusMap(B(), "P-SP")).toEqual({ "P-SP.01": "niet-aangetoond", "P-SP.02": "niet-aangetoond", "P-SP.03": "voldoet-niet", "P-SP.04": "niet-aangetoond" });
      expect(B().statuses.find((x) => x.item === "P-SP.02")?.reason).toBe('de tekst onder "Onze visie" is nog niet ingevuld ("TODO")');
    });

    it("een SOP in YAML heeft geen Markdown-deel: nvt", () => {
      expect(findingsOf(C(), "SP-01", "SP-02", "SP-03", "SP-04")).toEqual([]);
      expect(statusMap(C(), "P-SP")).toEqual({ "P-SP.01": "nvt", "P-SP.02": "nvt", "P-SP.03": "nvt", "P-SP.04": "nvt" });
      expect(C().statuses.find((x) => x.item === "P-SP.01")?.reason).toBe("geen Markdown-document");
    });
  });

  describe("consistency: SOP ↔ zelfevaluatie, in beide richtingen", () => {
    it("14AB00: de tegenspraak staat in het document van de then-voorwaarde", () => {
      expect(findingsOf(B(), "CO-01", "CO-02")).toEqual([
        { file: SOP_B, line: 21, column: 3, ruleId: "CO-02", severity: "warning", message: 'tegenstrijdig: de zelfevaluatie scoort P-CO.02 minstens "voldoet", maar niet: het SOP vult ondersteuningsstructuur.contactpersoonSwv in' },
        { file: ZE_B, line: 17, column: 12, ruleId: "CO-01", severity: "error", message: 'tegenstrijdig: het SOP noemt dyslexie onder aanbod[].behoefte, maar niet: de zelfevaluatie scoort P-CO.01 minstens "voldoet deels"' },
      ]);
      expect(statusMap(B(), "P-CO")).toEqual({ "P-CO.01": "voldoet-niet", "P-CO.02": "voldoet-niet" });
    });

    it("14AC00: voorwaarde geldt niet → nvt; gegevens ontbreken → niet aangetoond", () => {
      expect(findingsOf(C(), "CO-01", "CO-02")).toEqual([]);
      expect(statusMap(C(), "P-CO")).toEqual({ "P-CO.01": "nvt", "P-CO.02": "niet-aangetoond" });
    });
  });

  describe("visitatie-oordeel: indicator, standaard als terugval, nieuwste visitatie", () => {
    it("14AB00: de visitatie van 2025 telt, niet die van 2021", () => {
      expect(findingsOf(B(), "VI-01")).toEqual([
        { file: "scholen/14AB00/visitatie-2024-2025.yaml", line: 10, column: 36, ruleId: "VI-01", severity: "warning", message: 'de visitatie van 2025-04-08 oordeelt "voldoet niet" over P-VI.01 (minimaal "voldoet deels")' },
      ]);
      expect(statusMap(B(), "P-VI")).toEqual({ "P-VI.01": "voldoet-niet", "P-VI.02": "voldoet", "P-VI.03": "niet-aangetoond" });
      expect(B().statuses.find((x) => x.item === "P-VI.03")?.reason).toBe("de visitatie van 2025-04-08 oordeelt er niet over");
    });

    it("14AA00: een oordeel over de standaard geldt voor elke indicator zonder eigen oordeel", () => {
      expect(statusMap(A(), "P-VI")).toEqual({ "P-VI.01": "voldoet", "P-VI.02": "voldoet", "P-VI.03": "voldoet" });
      expect(statusMap(C(), "P-VI")).toEqual({ "P-VI.01": "niet-aangetoond", "P-VI.02": "niet-aangetoond", "P-VI.03": "niet-aangetoond" });
    });
  });

  it("14AB00 heeft geen andere meldingen dan die hierboven", () => {
    const covered = /^(DE|FP|VM|LI|CA|DM|DO|ZE|ZN|SP|CO|VI)-/;
    expect(B().findings.filter((f) => !covered.test(f.ruleId))).toEqual([]);
    expect(B().findings).toHaveLength(36);
    expect(C().findings.filter((f) => !covered.test(f.ruleId)).map((f) => f.ruleId)).toEqual([]);
    expect(C().findings).toHaveLength(21);
  });
});
