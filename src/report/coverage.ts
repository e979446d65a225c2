/**
 * The dekkend-aanbod matrix (domain.md §8): per support need (rows) and school
 * (columns, grouped) the highest level offered, and per row whether the
 * region is covered against the SWV's minima.
 *
 * Verdicts, per group of schools:
 * - `gedekt`: at least the minimum number of schools offer the need at the
 *   required level, and at least two do;
 * - `kwetsbaar`: the minimum is met, but by exactly one school;
 * - `niet-gedekt`: fewer schools than the minimum.
 *
 * coverage-verdicts.ts reaches the verdicts; this module words them for the
 * renderers, in the run's language.
 */
import type { AuditResult, CoverageMinimum, Lang } from "../core/types.js";
import { reportMeta, type ReportMeta, regimeText } from "./common.js";
import {
  coverageVerdicts,
  SCOPES,
  VERDICT_SEVERITY,
  type CoverageCell,
  type CoverageColumn,
  type CoverageGroupKey,
  type CoverageLevel,
  type CoverageScope,
  type CoverageVerdicts,
  type NeedVerdicts,
  type ScopeVerdict,
  type UnclassifiedTerm,
  type Verdict,
} from "./coverage-verdicts.js";
import { termNames, type TermNames } from "./term-names.js";
import { t } from "../i18n/messages.js";

export type { CoverageCell, CoverageColumn, CoverageGroupKey, CoverageLevel, CoverageScope, Verdict } from "./coverage-verdicts.js";
export const VERDICTS: readonly Verdict[] = ["gedekt", "kwetsbaar", "niet-gedekt"];
export const VERDICT_SYMBOL: Record<Verdict, string> = { gedekt: "✓", kwetsbaar: "!", "niet-gedekt": "✗" };

export interface CoverageOptions {
  /** How the columns are grouped; default the profile's first `groeperen`, else onderwijstype. */
  group?: CoverageGroupKey;
  lang?: Lang;
}

export interface CoverageSchool {
  id: string;
  naam: string;
  onderwijstypen: string[];
  kring?: string;
  gemeente?: string;
  /** The document the school's offer was read from: the SOP, or under Wet 36 443 the schoolgids. */
  bron?: string;
  /** Which law judged the school, and why, in words. */
  regime?: string;
}

export interface CoverageColumnGroup {
  key: string;
  label: string;
  columns: CoverageColumn[];
}

export interface CoverageVerdict {
  scope: CoverageScope;
  /** Group value ("" for swv-wide or a group not filled in). */
  group: string;
  groupLabel: string;
  scopeLabel: string;
  /** Scope and group in words: "onderwijstype havo", "hele samenwerkingsverband". */
  where: string;
  verdict: Verdict;
  verdictLabel: string;
  symbol: string;
  /** The minimum that applied. */
  niveau: string;
  niveauNaam: string;
  minimum: number;
  /** Schools in the group offering at ≥ niveau, and how many schools the group has. */
  count: number;
  total: number;
  schools: string[];
  schoolNames: string[];
  /** "1 van 3". */
  countText: string;
  /** "1 van 3 scholen biedt extra of hoger (minimum 1)". */
  offeredText: string;
}

export interface CoverageRow {
  behoefte: string;
  naam: string;
  /** One cell per column, in column order (over all groups). */
  cells: CoverageCell[];
  verdicts: CoverageVerdict[];
  /** The verdicts for the display grouping, one per column group, in group order. */
  groupVerdicts: CoverageVerdict[];
  /** Cells and verdict per column group, in group order (what the matrix table shows). */
  byGroup: { group: string; cells: CoverageCell[]; verdict?: CoverageVerdict }[];
  /** The swv-wide verdict, when a minimum per swv applies. */
  swvVerdict?: CoverageVerdict;
  /** Worst verdict of the row over all scopes. */
  worst: Verdict;
  worstLabel: string;
  worstSymbol: string;
}

export interface AttentionRow {
  behoefte: string;
  naam: string;
  verdict: Verdict;
  verdictLabel: string;
  symbol: string;
  /** "Praktijkonderwijs (1 van 2 nodig)", one per group. */
  nietGedekt: string[];
  /** "hele samenwerkingsverband (alleen Het Zonnecollege)", one per group. */
  kwetsbaar: string[];
}

/** An aanbod term no list knows, worded: the school, what is written and the known term nearest to it. */
export interface UnclassifiedView {
  school: string;
  schoolNaam: string;
  veld: UnclassifiedTerm["veld"];
  /** "behoefte", "niveau bij Taal/lezen/dyslexie". */
  veldLabel: string;
  geschreven: string;
  /** The entry's need: its id and name, or as written (without a name) when that is what no list knows. */
  behoefte: string;
  behoefteNaam?: string;
  /** The nearest known term: its id and name, and "bedoelde u …?". */
  bedoeld?: string;
  bedoeldNaam?: string;
  bedoeldText?: string;
}

export interface CoverageMatrix {
  meta: ReportMeta;
  groupBy: CoverageGroupKey;
  groupByLabel: string;
  niveaus: CoverageLevel[];
  /** What "?" in a cell means, when some school is silent about its offer. */
  silentLegend?: string;
  minima: (CoverageMinimum & { text: string })[];
  schools: CoverageSchool[];
  groups: CoverageColumnGroup[];
  rows: CoverageRow[];
  /** Rows per worst verdict. */
  totals: Record<Verdict, number>;
  countsText: string;
  /** Some row has a swv-wide verdict: the matrix gets a column for it. */
  showSwv: boolean;
  /** Per need with a problem (worst first, then in vocabulary order): where it is not covered, where it is vulnerable. */
  attentionRows: AttentionRow[];
  /** The verdicts that need the board's attention (kwetsbaar, niet-gedekt), worst first. */
  attention: (CoverageVerdict & { behoefte: string; naam: string })[];
  /** Aanbod the matrix cannot place, because its need or level is in no list: by school, then field and text. */
  nietIngedeeld: UnclassifiedView[];
}

export function buildCoverage(result: AuditResult, opts: CoverageOptions = {}): CoverageMatrix {
  const lang = opts.lang ?? result.repo.lang ?? "nl";
  const groupBy: CoverageGroupKey = opts.group ?? result.dekkendAanbod.groeperen[0] ?? "onderwijstype";
  const data = coverageVerdicts(result, groupBy);
  const words = coverageWords(result, data, lang);
  const rows = data.needs.map((need) => describeRow(need, data, words));
  const totals: Record<Verdict, number> = { gedekt: 0, kwetsbaar: 0, "niet-gedekt": 0 };
  for (const r of rows) totals[r.worst]++;
  return {
    meta: reportMeta(lang, result),
    groupBy,
    groupByLabel: t(lang, `coverage.group.${groupBy}`),
    niveaus: data.niveaus,
    ...(data.needs.some((n) => n.cells.some((c) => c.niveau === "?")) ? { silentLegend: t(lang, "coverage.silent") } : {}),
    minima: data.minima.map((m) => ({ ...m, text: words.minimum(m) })),
    schools: data.schools.map((s) => ({
      id: s.id,
      naam: s.naam ?? s.id,
      onderwijstypen: [...s.onderwijstypen],
      ...(s.kring !== undefined ? { kring: s.kring } : {}),
      ...(s.gemeente !== undefined ? { gemeente: s.gemeente } : {}),
      ...(s.sop ? { bron: s.sop.file } : {}),
      ...(s.regime ? { regime: regimeText(lang, s.regime) } : {}),
    })),
    groups: data.groups.map((g) => ({ key: g.key, label: words.groupLabel(groupBy, g.key), columns: g.columns })),
    rows,
    totals,
    countsText: t(lang, "coverage.counts", { total: rows.length, gedekt: totals.gedekt, kwetsbaar: totals.kwetsbaar, niet: totals["niet-gedekt"] }),
    showSwv: rows.some((r) => r.swvVerdict !== undefined),
    attentionRows: attentionRows(rows, words),
    attention: attention(rows, data, result),
    nietIngedeeld: data.unclassified.map((u) => describeUnclassified(u, words)),
  };
}

/** How the matrix words groups, levels, schools and verdicts in one language. */
interface CoverageWords {
  lang: Lang;
  names: TermNames;
  groupLabel(scope: CoverageScope, group: string): string;
  niveauNaam(id: string): string;
  schoolNaam(id: string): string;
  minimum(m: CoverageMinimum): string;
}

function coverageWords(result: AuditResult, data: CoverageVerdicts, lang: Lang): CoverageWords {
  const names = termNames(result.vocab);
  const nameOf = new Map(data.schools.map((s) => [s.id, s.naam ?? s.id]));
  const niveauNaam = (id: string) => names.naam("niveaus", id);
  return {
    lang,
    names,
    groupLabel: (scope, g) => {
      if (scope === "swv") return t(lang, "coverage.swv");
      if (g === "") return t(lang, "coverage.group.none");
      return scope === "onderwijstype" ? names.naam("onderwijstypen", g) : g;
    },
    niveauNaam,
    schoolNaam: (id) => nameOf.get(id) ?? id,
    minimum: (m) =>
      (m.behoefte !== undefined ? `${names.naam("behoeften", m.behoefte)}: ` : "") +
      t(lang, "coverage.minimum.text", {
        scholen: m.scholen,
        schoolWord: t(lang, m.scholen === 1 ? "word.school" : "word.schools"),
        niveau: niveauNaam(m.niveau),
        per: t(lang, `coverage.group.${m.per}`),
      }),
  };
}

function describeUnclassified(u: UnclassifiedTerm, words: CoverageWords): UnclassifiedView {
  const { lang, names } = words;
  const list = u.veld === "behoefte" ? "behoeften" : "niveaus";
  const bedoeldNaam = u.bedoeld !== undefined ? names.naam(list, u.bedoeld) : undefined;
  return {
    school: u.school,
    schoolNaam: words.schoolNaam(u.school),
    veld: u.veld,
    veldLabel: t(lang, `coverage.unclassified.field.${u.veld}`, { behoefte: names.naam("behoeften", u.behoefte) }),
    geschreven: u.geschreven,
    behoefte: u.behoefte,
    ...(names.knows("behoeften", u.behoefte) ? { behoefteNaam: names.naam("behoeften", u.behoefte) } : {}),
    ...(u.bedoeld !== undefined ? { bedoeld: u.bedoeld, bedoeldNaam, bedoeldText: t(lang, "coverage.unclassified.meant", { term: bedoeldNaam }) } : {}),
  };
}

function describeVerdict(v: ScopeVerdict, words: CoverageWords): CoverageVerdict {
  const { lang } = words;
  const count = v.schools.length;
  return {
    scope: v.scope,
    group: v.group,
    groupLabel: words.groupLabel(v.scope, v.group),
    scopeLabel: t(lang, `coverage.group.${v.scope}`),
    where: v.scope === "swv" ? t(lang, "coverage.where.swv") : `${t(lang, `coverage.group.${v.scope}`)} ${words.groupLabel(v.scope, v.group)}`,
    verdict: v.verdict,
    verdictLabel: t(lang, `verdict.${v.verdict}`),
    symbol: VERDICT_SYMBOL[v.verdict],
    niveau: v.niveau,
    niveauNaam: words.niveauNaam(v.niveau),
    minimum: v.minimum,
    count,
    total: v.total,
    schools: v.schools,
    schoolNames: v.schools.map(words.schoolNaam),
    countText: t(lang, "coverage.countText", { count, total: v.total }),
    offeredText: t(lang, "coverage.offered", {
      count,
      total: v.total,
      schoolWord: t(lang, v.total === 1 ? "word.school" : "word.schools"),
      niveau: words.niveauNaam(v.niveau),
      minimum: v.minimum,
    }),
  };
}

function describeRow(need: NeedVerdicts, data: CoverageVerdicts, words: CoverageWords): CoverageRow {
  const verdicts = need.verdicts.map((v) => describeVerdict(v, words));
  const swvVerdict = verdicts.find((v) => v.scope === "swv");
  const ownVerdicts = new Map(verdicts.filter((v) => v.scope === data.groupBy).map((v) => [v.group, v]));
  return {
    behoefte: need.behoefte,
    naam: need.naam,
    cells: need.cells,
    verdicts,
    groupVerdicts: data.groups.map((grp) => ownVerdicts.get(grp.key)).filter((v): v is CoverageVerdict => v !== undefined),
    byGroup: data.groups.map((grp, n) => {
      const v = ownVerdicts.get(grp.key);
      return { group: grp.key, cells: need.cells.slice(need.groupStarts[n], need.groupStarts[n + 1]), ...(v ? { verdict: v } : {}) };
    }),
    ...(swvVerdict ? { swvVerdict } : {}),
    worst: need.worst,
    worstLabel: t(words.lang, `verdict.${need.worst}`),
    worstSymbol: VERDICT_SYMBOL[need.worst],
  };
}

/** The verdicts that are not gedekt, worst first, then in vocabulary, scope and group order. */
function attention(rows: readonly CoverageRow[], data: CoverageVerdicts, result: AuditResult): CoverageMatrix["attention"] {
  const needOrder = (behoefte: string) => result.vocab.behoeften.findIndex((x) => x.id === behoefte);
  return rows
    .flatMap((r) => r.verdicts.filter((v) => v.verdict !== "gedekt").map((v) => ({ ...v, behoefte: r.behoefte, naam: r.naam })))
    .sort(
      (a, b) =>
        VERDICT_SEVERITY[b.verdict] - VERDICT_SEVERITY[a.verdict] ||
        needOrder(a.behoefte) - needOrder(b.behoefte) ||
        SCOPES.indexOf(a.scope) - SCOPES.indexOf(b.scope) ||
        data.compareGroups(a.scope)(a.group, b.group),
    );
}

/** Per need with a problem, worst first: where it is not covered and where it hangs on one school, in short. */
function attentionRows(rows: readonly CoverageRow[], words: CoverageWords): AttentionRow[] {
  const short = (v: CoverageVerdict): string => {
    const where = v.scope === "onderwijstype" ? v.groupLabel : v.where;
    return v.verdict === "kwetsbaar"
      ? t(words.lang, "coverage.short.kwetsbaar", { where, school: v.schoolNames[0] ?? "" })
      : t(words.lang, "coverage.short", { where, count: v.count, minimum: v.minimum });
  };
  return rows
    .filter((r) => r.worst !== "gedekt")
    .sort((a, b) => VERDICT_SEVERITY[b.worst] - VERDICT_SEVERITY[a.worst])
    .map((r) => ({
      behoefte: r.behoefte,
      naam: r.naam,
      verdict: r.worst,
      verdictLabel: r.worstLabel,
      symbol: r.worstSymbol,
      nietGedekt: r.verdicts.filter((v) => v.verdict === "niet-gedekt").map(short),
      kwetsbaar: r.verdicts.filter((v) => v.verdict === "kwetsbaar").map(short),
    }));
}
