import type { SchoolRegime } from "./regime.js";
/**
 * Plain result data shared by the engine, the renderers and the CLI.
 * Everything here is serialisable: no class instances, no functions.
 */

export type Severity = "error" | "warning" | "info";
export type SeverityOrOff = Severity | "off";
export const SEVERITY_ORDER: Record<SeverityOrOff, number> = { off: 0, info: 1, warning: 2, error: 3 };

export type Lang = "nl" | "en";

/** A 1-based source range. `endLine`/`endColumn` point just past the last character. */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The status an item (indicator, specificatie, rule of a profile) gets for one school. */
export type Status = "voldoet" | "voldoet-niet" | "niet-aangetoond" | "uitgezonderd" | "nvt";
export const STATUSES: readonly Status[] = ["voldoet", "voldoet-niet", "niet-aangetoond", "uitgezonderd", "nvt"];

export interface Finding {
  /** Rule id (`BO-03.05`, `WET-01`) or a built-in check (`schema/type`, `yaml/syntax`). */
  ruleId: string;
  severity: Severity;
  /** One line, in the requested language. */
  message: string;
  /** One-line fix hint, in the requested language. */
  hint?: string;
  /** Repository-relative POSIX path of the file concerned. */
  file: string;
  range: SourceRange;
  /** School location id, `12AB00`; absent for repository-wide findings. */
  school?: string;
  /** Standard id, `BO-03`, or theme id for specificaties. */
  standard?: string;
  /** Item id (indicator, specificatie) the finding is evidence against. */
  indicator?: string;
  expected?: string;
  found?: string;
  /** Dotted data path of the value concerned, `vaststelling.datum`. */
  path?: string;
  /** Where the rule came from: catalog or profile id. */
  source?: string;
  /**
   * Findings about the same value (same file and path, or range) share it:
   * `g-` and ten letters (core/finding-groups.ts). The engine sets it on every
   * finding of a result.
   */
  group?: string;
}

export interface ItemStatus {
  item: string;
  status: Status;
  /** Rules that decided the status, sorted. */
  rules: string[];
  /** Why, in one line (for niet-aangetoond / nvt / uitgezonderd). */
  reason?: string;
}

export interface WaiverResult {
  rule: string;
  scope?: string;
  reason: string;
  owner: string;
  granted: string;
  expires: string;
  state: "actief" | "verlopen" | "ongebruikt";
  file: string;
  range: SourceRange;
  /** How many findings it waived. */
  waived: number;
}

export interface DocumentSummary {
  file: string;
  kind: string;
  schooljaar?: string;
  datum?: string;
  valid: boolean;
}

export interface AanbodEntry {
  /** The need's id in the list; as written when the list does not know it. */
  behoefte: string;
  /** Likewise the level. */
  niveau?: string;
  capaciteit?: number;
  onderwijstypen: string[];
  toelichting?: string;
  /** The voorziening that offers it, when the offer comes from `voorzieningen[]`. */
  voorziening?: string;
  /** For a need or level the list does not know: the id of the term it is nearest to, for "bedoelde u …?". */
  bedoeld?: { behoefte?: string; niveau?: string };
}

export interface ScoreSummary {
  schooljaar?: string;
  datum?: string;
  file: string;
  /** Per item id the score given. */
  scores: Record<string, string>;
  /** Per item id the school's explanation of its score, whole, where it gave one. */
  toelichtingen?: Record<string, string>;
}

export interface VisitatieSummary {
  schooljaar?: string;
  datum?: string;
  file: string;
  commissie: string[];
  /** The committee as the file names it, for the signatures under the report. */
  leden?: { naam?: string; rol?: string }[];
  oordeel?: string;
  vastgesteld?: string;
  /** The school's reaction to the report as a whole. */
  reactie?: string;
  bevindingen: {
    standaard?: string;
    indicator?: string;
    oordeel: string;
    toelichting?: string;
    sterkePunten?: string[];
    ontwikkelpunten?: string[];
    aanbeveling?: string;
    reactie?: string;
  }[];
  afspraken: { omschrijving: string; standaard?: string; termijn?: string; eigenaar?: string; status?: "open" | "in uitvoering" | "afgerond"; voortgang?: string }[];
}

export interface SchoolResult {
  id: string;
  /** Repository-relative folder. */
  dir: string;
  naam?: string;
  bestuur?: string;
  sector?: string;
  onderwijstypen: string[];
  gemeente?: string;
  kring?: string;
  /** Which law judged the school this schooljaar, and from which date. */
  regime?: SchoolRegime;
  documents: DocumentSummary[];
  /** The support document of the schooljaar under audit (or the newest): the SOP, or under the schoolgids regime the newer of SOP and schoolgids. */
  sop?: {
    file: string;
    schooljaar?: string;
    vastgesteld?: string;
    mrAdvies?: string;
    website?: string;
    aanbod: AanbodEntry[];
    /** The SOP has no aanbod list at all: its offer is not shown (niet aangetoond), not empty. */
    aanbodOntbreekt?: true;
    grenzen: string[];
    ontwikkelpunten: { omschrijving: string; standaard?: string; streefdatum?: string }[];
    /** The school's own website (not the SOP's page). */
    schoolWebsite?: string;
    /** Whom parents can ask, by role only: a person's name is never kept here. */
    rollen?: {
      /** How many ondersteuningscoördinatoren the document lists, and the functions it gives them. */
      coordinatoren: number;
      coordinatorFuncties: RolNaam[];
      /** The support team's name (ZAT, commissie van begeleiding, …) and the roles in it. */
      team?: string;
      teamRollen: RolNaam[];
    };
    /** From a schoolgids (Wet 36 443). */
    ouderJeugdsteunpunt?: Steunpunt;
  };
  zelfevaluaties: ScoreSummary[];
  visitaties: VisitatieSummary[];
  statuses: ItemStatus[];
  findings: Finding[];
  /** Findings that a waiver matched: kept so reports can show them. */
  waivedFindings: Finding[];
  waivers: WaiverResult[];
}

export interface ItemInfo {
  id: string;
  /** Standard or theme id. */
  standard: string;
  text: string;
  source: string;
  sectors: string[];
}

export interface RuleInfo {
  id: string;
  titel: string;
  kind: string;
  severity: SeverityOrOff;
  /** Catalog or profile that defined it. */
  source: string;
  indicator?: string;
  document?: string;
  /**
   * A cadence rule: it checks that the SOP, the zelfevaluatie or the
   * visitatie is there, or recent enough (reports list these as overdue).
   */
  cadence: boolean;
}

export interface StandardInfo {
  id: string;
  title: string;
  source: string;
}

export interface Summary {
  /** Folders under the schools folder: every one is a school. */
  schoolFolders: number;
  /** Of those, the ones that could not be audited (a link that points nowhere or out of the repository). */
  unreadableSchoolFolders: number;
  /** Schools audited in this run (a selection audits fewer than were found). */
  schools: number;
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  waived: number;
  statuses: Record<Status, number>;
}

export interface VocabTerm {
  id: string;
  naam?: string;
  /** The term in plain words, for parents (the list's `uitleg`). */
  uitleg?: { naam?: string; tekst?: string; naamEn?: string; tekstEn?: string };
}

/** A role as the list of roles names it, or as the school wrote it (`eigen`) when the list does not know it. */
export interface RolNaam {
  naam: string;
  eigen?: true;
}

/** The SWV's ouder- en jeugdsteunpunt: where parents and young people can go. */
export interface Steunpunt {
  naam?: string;
  website?: string;
}

export interface CoverageMinimum {
  /** Applies to this need only; absent: every need. */
  behoefte?: string;
  /** Lowest level that counts (an id from `vocab.niveaus`). */
  niveau: string;
  scholen: number;
  per: "onderwijstype" | "kring" | "gemeente" | "swv";
}

export interface AuditResult {
  /** Version of this result shape; bumped on breaking change. */
  formatVersion: 1;
  tool: { name: "sop-audit"; version: string };
  repo: {
    /** The code is absent when sop-audit.yaml gives none (a warning). */
    swv: { code?: string; naam: string; website?: string; ouderJeugdsteunpunt?: Steunpunt };
    profile: string;
    /** Language of the messages in this result. */
    lang: Lang;
    peildatum: string;
    schooljaar: string;
    rulesetHash: string;
  };
  standards: StandardInfo[];
  items: ItemInfo[];
  /** The effective rules of the profile, sorted by id. */
  rules: RuleInfo[];
  /** Vocabularies the reports need (from the ruleset's lijsten). */
  vocab: { behoeften: VocabTerm[]; niveaus: VocabTerm[]; onderwijstypen: VocabTerm[] };
  /** Minimums for the dekkend-aanbod matrix (from the profile). */
  dekkendAanbod: { minima: CoverageMinimum[]; groeperen: ("onderwijstype" | "kring" | "gemeente")[] };
  schools: SchoolResult[];
  /** Findings not tied to one school (configuration, ruleset, stray files). */
  findings: Finding[];
  summary: Summary;
}
