/**
 * A hand-built AuditResult for the report tests: three schools, two
 * onderwijstypen, a kwetsbaar and a niet-gedekt row in the coverage matrix, a
 * zelfevaluatie trend over three schooljaren, and a school whose name tries
 * to break out of HTML and Markdown.
 */
import type { AuditResult, Finding, SchoolResult } from "../../src/core/types.js";

export const NASTY = `<script>alert("x")</script> & "Zon"|*`;

const range = (line: number, column = 1) => ({ line, column, endLine: line, endColumn: column + 5 });

function finding(p: Partial<Finding> & Pick<Finding, "ruleId" | "severity" | "message" | "file">, line: number): Finding {
  return { range: range(line), ...p };
}

const zon: SchoolResult = {
  id: "01AA00",
  dir: "scholen/01AA00",
  naam: "Het Zonnecollege",
  bestuur: "Stichting Voorbeeld",
  sector: "VO",
  onderwijstypen: ["havo", "vmbo-gt"],
  gemeente: "Zwolle",
  kring: "Noord",
  documents: [],
  sop: {
    file: "scholen/01AA00/sop-2024-2025.yaml",
    schooljaar: "2024-2025",
    vastgesteld: "2024-09-15",
    mrAdvies: "2024-09-01",
    website: "https://zonnecollege.example/sop",
    aanbod: [
      { behoefte: "dyslexie", niveau: "extra", capaciteit: 20, onderwijstypen: [] },
      { behoefte: "dyslexie", niveau: "basis", onderwijstypen: ["havo"] },
      { behoefte: "ass", niveau: "arrangement", capaciteit: 8, onderwijstypen: [], toelichting: "Prikkelarm lokaal" },
      { behoefte: "hoogbegaafd", niveau: "basis", onderwijstypen: ["havo"] },
    ],
    grenzen: ["Geen verpleegkundige handelingen"],
    ontwikkelpunten: [
      { omschrijving: "Pestprotocol herzien", standaard: "BO-01", streefdatum: "2025-06-01" },
      { omschrijving: "Scholing mentoren", standaard: "BO-04", streefdatum: "2025-01-31" },
    ],
  },
  zelfevaluaties: [
    { schooljaar: "2024-2025", file: "scholen/01AA00/zelfevaluatie-2024-2025.yaml", scores: { "BO-01.01": "voldoet", "BO-01.02": "voldoet", "BO-12.01": "voldoet niet" } },
    { schooljaar: "2022-2023", file: "scholen/01AA00/zelfevaluatie-2022-2023.yaml", scores: { "BO-01.01": "voldoet", "BO-01.02": "voldoet deels", "BO-12.01": "voldoet" } },
    { schooljaar: "2023-2024", file: "scholen/01AA00/zelfevaluatie-2023-2024.yaml", scores: { "BO-01.01": "voldoet niet", "BO-01.02": "voldoet", "BO-12.01": "voldoet", "BO-12.02": "n.v.t." } },
  ],
  visitaties: [
    {
      schooljaar: "2019-2020",
      datum: "2019-11-12",
      file: "scholen/01AA00/visitatie-2019-2020.yaml",
      commissie: ["A. Oud"],
      oordeel: "voldoet deels",
      bevindingen: [{ standaard: "BO-01", oordeel: "voldoet niet", toelichting: "Oud" }],
      afspraken: [{ omschrijving: "Oude afspraak" }],
    },
    {
      schooljaar: "2023-2024",
      datum: "2024-03-05",
      file: "scholen/01AA00/visitatie-2023-2024.yaml",
      commissie: ["J. de Vries", "M. Bakker"],
      oordeel: "voldoet",
      bevindingen: [
        { standaard: "BO-01", oordeel: "voldoet", toelichting: "Veilig klimaat, goed pestbeleid" },
        { standaard: "BO-12", indicator: "BO-12.01", oordeel: "voldoet deels", aanbeveling: "Publiceer het SOP in de schoolgids" },
      ],
      afspraken: [{ omschrijving: "SOP in de schoolgids", termijn: "2024-10-01" }],
    },
  ],
  statuses: [
    { item: "BO-01.01", status: "voldoet", rules: ["BO-01.01"] },
    { item: "BO-01.02", status: "voldoet", rules: ["BO-01.02"] },
    { item: "BO-12.01", status: "voldoet-niet", rules: ["BO-12.01"], reason: "niet in de schoolgids" },
    { item: "WET-01", status: "voldoet", rules: ["WET-01"] },
    { item: "VO2203-02", status: "voldoet", rules: ["VO2203-02"] },
  ],
  findings: [
    finding({ ruleId: "BO-12.01", severity: "error", message: "SOP staat niet in de schoolgids", hint: "Neem het SOP op in de schoolgids.", file: "scholen/01AA00/sop-2024-2025.yaml", school: "01AA00", standard: "BO-12", indicator: "BO-12.01" }, 12),
    finding({ ruleId: "BO-01.02", severity: "info", message: "Tip: noem de anti-pestcoördinator", file: "scholen/01AA00/sop-2024-2025.yaml", school: "01AA00" }, 30),
  ],
  waivedFindings: [],
  waivers: [
    {
      rule: "BO-03.08",
      reason: "Politie neemt deel via de wijkagent",
      owner: "kwaliteit@swv.example",
      granted: "2024-01-10",
      expires: "2025-07-31",
      state: "actief",
      file: "scholen/01AA00/uitzonderingen.yaml",
      range: range(5),
      waived: 1,
    },
  ],
};

const nasty: SchoolResult = {
  id: "02BB00",
  dir: "scholen/02BB00",
  naam: NASTY,
  sector: "VO",
  onderwijstypen: ["vmbo-gt"],
  gemeente: "Kampen",
  kring: "Noord",
  documents: [],
  sop: {
    file: "scholen/02BB00/sop-2024-2025.md",
    schooljaar: "2024-2025",
    aanbod: [{ behoefte: "dyslexie", niveau: "basis", onderwijstypen: [], toelichting: "regel 1\nregel | 2 *vet* [link](x)" }],
    grenzen: [],
    ontwikkelpunten: [],
  },
  zelfevaluaties: [],
  visitaties: [],
  statuses: [
    { item: "BO-01.01", status: "niet-aangetoond", rules: ["BO-01.01"], reason: "geen zelfevaluatie" },
    { item: "BO-01.02", status: "uitgezonderd", rules: ["BO-01.02"] },
    { item: "BO-12.01", status: "voldoet-niet", rules: ["BO-12.01"] },
    { item: "WET-01", status: "voldoet-niet", rules: ["WET-01"], reason: "SOP niet vastgesteld" },
    { item: "VO2203-02", status: "niet-aangetoond", rules: ["VO2203-02"], reason: "geen vaststellingsdatum" },
  ],
  findings: [
    finding({ ruleId: "BO-12.01", severity: "warning", message: "SOP noemt geen <aanbod> | *let op*", file: "scholen/02BB00/sop-2024-2025.md", school: "02BB00" }, 8),
    finding({ ruleId: "WET-01", severity: "error", message: "SOP is niet vastgesteld", hint: "Vul vaststelling.datum in.", file: "scholen/02BB00/sop-2024-2025.md", school: "02BB00", indicator: "WET-01" }, 20),
    finding({ ruleId: "VO2203-02", severity: "error", message: "vaststellingsdatum ontbreekt", file: "scholen/02BB00/sop-2024-2025.md", school: "02BB00" }, 3),
  ],
  waivedFindings: [
    finding({ ruleId: "BO-01.02", severity: "warning", message: "geen anti-pestcoördinator", file: "scholen/02BB00/sop-2024-2025.md", school: "02BB00" }, 40),
  ],
  waivers: [
    {
      rule: "BO-01.02",
      scope: "02BB00",
      reason: "Nieuwe coördinator start in januari",
      owner: "directie",
      granted: "2023-09-01",
      expires: "2024-08-31",
      state: "verlopen",
      file: "scholen/02BB00/uitzonderingen.yaml",
      range: range(4),
      waived: 1,
    },
  ],
};

const brug: SchoolResult = {
  id: "03CC00",
  dir: "scholen/03CC00",
  naam: "Atheneum De Brug",
  sector: "VO",
  onderwijstypen: ["havo"],
  gemeente: "Zwolle",
  kring: "Zuid",
  documents: [],
  sop: {
    file: "scholen/03CC00/sop-2024-2025.yaml",
    schooljaar: "2024-2025",
    vastgesteld: "2024-10-01",
    aanbod: [
      { behoefte: "dyslexie", niveau: "specialistisch", capaciteit: 4, onderwijstypen: [] },
      { behoefte: "hoogbegaafd", niveau: "extra", capaciteit: 15, onderwijstypen: [] },
    ],
    grenzen: [],
    ontwikkelpunten: [],
  },
  zelfevaluaties: [],
  visitaties: [],
  statuses: [
    { item: "BO-01.01", status: "voldoet", rules: ["BO-01.01"] },
    { item: "BO-01.02", status: "voldoet", rules: ["BO-01.02"] },
    { item: "BO-12.01", status: "voldoet", rules: ["BO-12.01"] },
    { item: "WET-01", status: "voldoet", rules: ["WET-01"] },
    { item: "VO2203-02", status: "nvt", rules: ["VO2203-02"], reason: "geldt niet voor deze school" },
  ],
  findings: [],
  waivedFindings: [],
  waivers: [],
};

export function fixture(): AuditResult {
  // A fresh deep copy each time, so a test that mutates cannot disturb another.
  return structuredClone(BASE);
}

const BASE: AuditResult = {
  formatVersion: 1,
  tool: { name: "sop-audit", version: "0.1.0" },
  repo: {
    swv: { code: "VO 22.03", naam: "SWV VO Voorbeeldregio" },
    profile: "swv-vo-2203",
    lang: "nl",
    peildatum: "2025-01-15",
    schooljaar: "2024-2025",
    rulesetHash: "abc123",
  },
  standards: [
    { id: "BO-01", title: "De leerlingen ontwikkelen zich in een veilige omgeving", source: "basisondersteuning" },
    { id: "BO-12", title: "De scholen hebben een ondersteuningsprofiel (SOP) vastgesteld", source: "basisondersteuning" },
    { id: "WET", title: "Wettelijke eisen", source: "wet" },
    { id: "VO2203", title: "Afspraken SWV VO 22.03", source: "swv-vo-2203" },
  ],
  items: [
    { id: "BO-01.01", standard: "BO-01", text: "Sociale vaardigheden en welbevinden worden actief versterkt", source: "basisondersteuning", sectors: [] },
    { id: "BO-01.02", standard: "BO-01", text: "Er is een anti-pestcoördinator", source: "basisondersteuning", sectors: [] },
    { id: "BO-12.01", standard: "BO-12", text: "Het SOP is opgenomen in de schoolgids", source: "basisondersteuning", sectors: [] },
    { id: "WET-01", standard: "WET", text: "Het SOP is ten minste eens per vier jaar vastgesteld", source: "wet", sectors: [] },
    { id: "VO2203-02", standard: "VO2203", text: "Het SOP wordt elk jaar vastgesteld", source: "swv-vo-2203", sectors: ["VO"] },
  ],
  rules: [
    { id: "BO-01.02", titel: "Het SOP noemt een anti-pestcoördinator", kind: "list-includes", severity: "error", source: "basisondersteuning", indicator: "BO-01.02", document: "sop", cadence: false },
    { id: "BO-12.01", titel: "Het SOP staat in de schoolgids", kind: "field-present", severity: "error", source: "basisondersteuning", indicator: "BO-12.01", document: "sop", cadence: false },
    { id: "VO2203-02", titel: "Het SOP is dit schooljaar vastgesteld", kind: "date-max-age", severity: "error", source: "swv-vo-2203", indicator: "VO2203-02", document: "sop", cadence: true },
    { id: "WET-01", titel: "Het SOP is de afgelopen vier jaar vastgesteld", kind: "date-max-age", severity: "error", source: "wet", indicator: "WET-01", document: "sop", cadence: true },
  ],
  vocab: {
    behoeften: [
      { id: "dyslexie", naam: "Taal/lezen/dyslexie" },
      { id: "hoogbegaafd", naam: "(Hoog)begaafdheid" },
      { id: "ass", naam: "Autismespectrumstoornis (ASS)" },
      { id: "nt2", naam: "NT2/nieuwkomers" },
    ],
    niveaus: [
      { id: "geen", naam: "Geen aanbod" },
      { id: "basis", naam: "Basisondersteuning" },
      { id: "extra", naam: "Extra ondersteuning (school)" },
      { id: "arrangement", naam: "Arrangement (SWV)" },
      { id: "specialistisch", naam: "Specialistisch (SBO, SO, VSO)" },
    ],
    onderwijstypen: [
      { id: "vmbo-gt", naam: "vmbo gemengd/theoretisch" },
      { id: "havo", naam: "havo" },
    ],
  },
  dekkendAanbod: {
    minima: [
      { niveau: "basis", scholen: 1, per: "onderwijstype" },
      { behoefte: "ass", niveau: "extra", scholen: 1, per: "swv" },
    ],
    groeperen: ["onderwijstype", "gemeente"],
  },
  schools: [zon, nasty, brug],
  findings: [
    { ruleId: "config/unknown-rule", severity: "warning", message: "regel BO-99 bestaat niet", file: "sop-audit.yaml", range: range(9, 5) },
  ],
  summary: {
    schoolFolders: 3,
    unreadableSchoolFolders: 0,
    schools: 3,
    files: 9,
    errors: 3,
    warnings: 2,
    infos: 1,
    waived: 1,
    statuses: { voldoet: 8, "voldoet-niet": 3, "niet-aangetoond": 2, uitgezonderd: 1, nvt: 1 },
  },
};
