/**
 * A hand-made AuditResult for the format tests: two schools (listed out of
 * order), findings of each severity, one finding for the whole repository,
 * statuses of all five kinds, a waiver with the finding it waived, and text
 * with characters every format has to escape. `fixture()` gives a fresh copy
 * each call, so a test may change it.
 */
import type { AuditResult, Finding } from "../../src/core/types.js";

export const SPECIAL = `tekst "50% klaar, <nog invullen> & TODO" | bij aanbod[0]: toelichting`;

export function fixture(): AuditResult {
  const topLevel: Finding = {
    ruleId: "schema/unknown-key",
    severity: "warning",
    message: `onbekend veld "peildatun"; bedoelde je "peildatum"?`,
    hint: `Hernoem "peildatun" naar "peildatum".`,
    file: "sop-audit.yaml",
    range: { line: 7, column: 1, endLine: 7, endColumn: 10 },
    path: "peildatun",
  };

  const brugProtocol: Finding = {
    ruleId: "BO-01.09",
    severity: "error",
    message: `ondersteuningsstructuur.protocollen mist "pestprotocol"`,
    hint: `Voeg onder ondersteuningsstructuur.protocollen een protocol met soort "pestprotocol" toe.`,
    file: "scholen/12AB00/sop-2025-2026.yaml",
    range: { line: 12, column: 3, endLine: 12, endColumn: 40 },
    school: "12AB00",
    standard: "BO-01",
    indicator: "BO-01.09",
    expected: "pestprotocol",
    found: "verzuimprotocol, meldcode",
    path: "ondersteuningsstructuur.protocollen",
    source: "basisondersteuning",
  };
  const brugScore: Finding = {
    ruleId: "BO-ZE",
    severity: "warning",
    message: `BO-03.05 is gescoord als "voldoet deels"; minimaal "voldoet"`,
    hint: "Verbeter de ondersteuning op dit punt of licht de score toe in het ontwikkelpunt.",
    file: "scholen/12AB00/zelfevaluatie-2025-2026.yaml",
    range: { line: 30, column: 5, endLine: 30, endColumn: 20 },
    school: "12AB00",
    standard: "BO-03",
    indicator: "BO-03.05",
    path: "scores.BO-03\\.05",
    source: "swv-vo-2203",
  };
  const brugUnknownKey: Finding = {
    ruleId: "schema/unknown-key",
    severity: "info",
    message: `onbekend veld "opmerking"`,
    file: "scholen/12AB00/sop-2025-2026.yaml",
    range: { line: 3, column: 1, endLine: 3, endColumn: 10 },
    school: "12AB00",
    path: "opmerking",
  };
  const brugWaived: Finding = {
    ruleId: "WET-01",
    severity: "error",
    message: "het SOP is vastgesteld op 2021-06-01, meer dan 4 jaar voor de peildatum",
    hint: "Laat het bestuur het SOP opnieuw vaststellen.",
    file: "scholen/12AB00/sop-2025-2026.yaml",
    range: { line: 5, column: 3, endLine: 5, endColumn: 20 },
    school: "12AB00",
    standard: "WET",
    indicator: "WET-01",
    path: "vaststelling.datum",
    source: "wettelijke-basis",
  };

  const kompasSection: Finding = {
    ruleId: "BO-12.01",
    severity: "warning",
    message: `sectie "Publicatie" heeft geen echte inhoud`,
    hint: `Schrijf onder "## Publicatie" waar het SOP staat, met een webadres.`,
    file: "scholen/34CD01/sop-2025-2026.md",
    range: { line: 20, column: 1, endLine: 24, endColumn: 1 },
    school: "34CD01",
    standard: "BO-12",
    indicator: "BO-12.01",
    source: "basisondersteuning",
  };
  const kompasSpecial: Finding = {
    ruleId: "MKS-TO.09",
    severity: "info",
    message: SPECIAL,
    hint: "Vul de toelichting in: wat biedt de school, voor wie?\nEn met wie?",
    file: "scholen/34CD01/sop-2025-2026.md",
    range: { line: 8, column: 3, endLine: 8, endColumn: 30 },
    school: "34CD01",
    standard: "MKS-TO",
    indicator: "MKS-TO.09",
    path: "aanbod[0].toelichting",
    source: "minimaal-kritieke-specificaties",
  };

  return {
    formatVersion: 1,
    tool: { name: "sop-audit", version: "0.1.0" },
    repo: {
      swv: { code: "VO 22.03", naam: "SWV VO Voorbeeldregio" },
      profile: "swv-vo-2203",
      lang: "nl",
      peildatum: "2026-01-15",
      schooljaar: "2025-2026",
      rulesetHash: "sha256-0123abcd",
    },
    standards: [
      { id: "BO-01", title: "De leerlingen ontwikkelen zich in een veilige omgeving", source: "basisondersteuning" },
      { id: "BO-02", title: "Voor leerlingen die een passend curriculum nodig hebben is een ontwikkelingsperspectief (OPP) vastgesteld", source: "basisondersteuning" },
      { id: "BO-03", title: "De scholen hebben een effectieve interne onderwijsondersteuningsstructuur", source: "basisondersteuning" },
      { id: "BO-12", title: "De scholen hebben een ondersteuningsprofiel (SOP) vastgesteld", source: "basisondersteuning" },
      { id: "MKS-TO", title: "Toelating en ondersteuningsaanbod", source: "minimaal-kritieke-specificaties" },
      { id: "WET", title: "Wettelijke basis", source: "wettelijke-basis" },
    ],
    items: [
      { id: "BO-01.09", standard: "BO-01", text: "Er is een pestprotocol aanwezig", source: "basisondersteuning", sectors: [] },
      { id: "BO-02.13", standard: "BO-02", text: "Het OPP wordt minstens twee keer per schooljaar geëvalueerd", source: "basisondersteuning", sectors: [] },
      { id: "BO-03.05", standard: "BO-03", text: "Er is minstens één ondersteuningscoördinator, voldoende gefaciliteerd", source: "basisondersteuning", sectors: [] },
      { id: "BO-03.10", standard: "BO-03", text: "Er is een aanbod voor onderwijskansen", source: "basisondersteuning", sectors: ["PO"] },
      { id: "BO-12.01", standard: "BO-12", text: "Het SOP is gepubliceerd in of opgenomen in de schoolgids", source: "basisondersteuning", sectors: [] },
      { id: "MKS-TO.09", standard: "MKS-TO", text: "Ouders zijn geïnformeerd over het ondersteuningsaanbod", source: "minimaal-kritieke-specificaties", sectors: [] },
      { id: "WET-01", standard: "WET", text: "Het SOP is in de laatste vier jaar vastgesteld", source: "wettelijke-basis", sectors: [] },
    ],
    rules: [
      { id: "BO-01.09", titel: "Het SOP noemt een pestprotocol", kind: "list-includes", severity: "error", source: "basisondersteuning", indicator: "BO-01.09", document: "sop", cadence: false },
      { id: "WET-01", titel: "Het SOP is de afgelopen vier jaar vastgesteld", kind: "date-max-age", severity: "error", source: "wettelijke-basis", indicator: "WET.01", document: "sop", cadence: true },
    ],
    vocab: {
      behoeften: [{ id: "dyslexie", naam: "Dyslexie" }],
      niveaus: [{ id: "basis" }, { id: "extra" }],
      onderwijstypen: [{ id: "havo" }, { id: "vwo" }],
    },
    dekkendAanbod: { minima: [{ niveau: "extra", scholen: 1, per: "onderwijstype" }], groeperen: ["onderwijstype"] },
    // Out of order on purpose: formats sort schools by id.
    schools: [
      {
        id: "34CD01",
        dir: "scholen/34CD01",
        naam: "Het Kompas",
        sector: "PO",
        onderwijstypen: [],
        gemeente: "Zwolle",
        documents: [{ file: "scholen/34CD01/sop-2025-2026.md", kind: "Schoolondersteuningsprofiel", schooljaar: "2025-2026", valid: true }],
        zelfevaluaties: [],
        visitaties: [],
        statuses: [
          { item: "BO-01.09", status: "voldoet", rules: ["BO-01.09"] },
          { item: "BO-12.01", status: "voldoet-niet", rules: ["BO-12.01"] },
          { item: "BO-02.13", status: "nvt", rules: ["BO-ZE"], reason: `de school scoorde "n.v.t."` },
        ],
        // Out of order on purpose: formats sort findings.
        findings: [kompasSection, kompasSpecial],
        waivedFindings: [],
        waivers: [],
      },
      {
        id: "12AB00",
        dir: "scholen/12AB00",
        naam: "De Brug",
        bestuur: "Stichting Voorbeeld",
        sector: "VO",
        onderwijstypen: ["havo", "vwo"],
        gemeente: "Zwolle",
        kring: "Noord",
        documents: [
          { file: "scholen/12AB00/zelfevaluatie-2025-2026.yaml", kind: "Zelfevaluatie", schooljaar: "2025-2026", datum: "2025-11-01", valid: true },
          { file: "scholen/12AB00/sop-2025-2026.yaml", kind: "Schoolondersteuningsprofiel", schooljaar: "2025-2026", valid: false },
          { file: "scholen/12AB00/uitzonderingen.yaml", kind: "Uitzonderingen", valid: true },
        ],
        sop: {
          file: "scholen/12AB00/sop-2025-2026.yaml",
          schooljaar: "2025-2026",
          vastgesteld: "2021-06-01",
          aanbod: [{ behoefte: "dyslexie", niveau: "extra", onderwijstypen: ["havo", "vwo"] }],
          grenzen: ["geen plaats voor leerlingen die 1-op-1 begeleiding nodig hebben"],
          ontwikkelpunten: [],
        },
        zelfevaluaties: [{ schooljaar: "2025-2026", datum: "2025-11-01", file: "scholen/12AB00/zelfevaluatie-2025-2026.yaml", scores: { "BO-03.05": "voldoet deels" } }],
        visitaties: [],
        statuses: [
          { item: "BO-01.09", status: "voldoet-niet", rules: ["BO-01.09"] },
          { item: "BO-02.13", status: "niet-aangetoond", rules: [], reason: "geen zelfevaluatiescore voor BO-02.13" },
          { item: "BO-03.05", status: "voldoet-niet", rules: ["BO-ZE"] },
          { item: "BO-03.10", status: "nvt", rules: [], reason: "geldt niet voor sector VO" },
          { item: "BO-12.01", status: "voldoet", rules: ["BO-12.01"] },
          { item: "WET-01", status: "uitgezonderd", rules: ["WET-01"], reason: "uitzondering tot 2026-07-31" },
        ],
        findings: [brugScore, brugProtocol, brugUnknownKey],
        waivedFindings: [brugWaived],
        waivers: [
          {
            rule: "WET-01",
            reason: "Nieuw SOP in voorbereiding; vaststelling in maart",
            owner: "J. de Vries",
            granted: "2025-09-01",
            expires: "2026-07-31",
            state: "actief",
            file: "scholen/12AB00/uitzonderingen.yaml",
            range: { line: 4, column: 5, endLine: 8, endColumn: 1 },
            waived: 1,
          },
        ],
      },
    ],
    findings: [topLevel],
    summary: {
      schoolFolders: 2,
      unreadableSchoolFolders: 0,
      schools: 2,
      files: 6,
      errors: 1,
      warnings: 3,
      infos: 2,
      waived: 1,
      statuses: { voldoet: 2, "voldoet-niet": 3, "niet-aangetoond": 1, uitgezonderd: 1, nvt: 2 },
    },
  };
}

export const CTX = { lang: "nl", version: "0.1.0" } as const;
export const CTX_EN = { lang: "en", version: "0.1.0" } as const;

/** Every finding of a result, top-level and per school. */
export function everyFinding(result: AuditResult): Finding[] {
  return [...result.findings, ...result.schools.flatMap((s) => s.findings)];
}
