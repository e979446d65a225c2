/**
 * The dekkend-aanbod report (domain.md §8): per support need and group of
 * schools how many schools offer it at the minimum's level, the highest
 * level and the places; the white spots and weak spots in words, one
 * sentence each; and apart from them the groups where one school is all
 * there can be.
 *
 * coverage-verdicts.ts reaches the verdicts (and says what each means); this
 * module words them for the renderers, in the run's language. Each school's
 * own offer stays in the data (`rows[].cells`, the CSV and the JSON).
 */
import type { AuditResult, CoverageMinimum, Lang } from "../core/types.js";
import { reportMeta, type ReportMeta, regimeText } from "./common.js";
import {
  coverageVerdicts,
  SCOPES,
  VERDICT_SEVERITY,
  type CapacityKnown,
  type CoverageCell,
  type CoverageColumn,
  type CoverageGroupKey,
  type CoverageLevel,
  type CoverageScope,
  type CoverageVerdicts,
  type GroupCount,
  type NeedVerdicts,
  type ScopeVerdict,
  type UnclassifiedTerm,
  type Verdict,
} from "./coverage-verdicts.js";
import { termNames, type TermNames } from "./term-names.js";
import { t } from "../i18n/messages.js";

export type { CoverageCell, CoverageColumn, CoverageGroupKey, CoverageLevel, CoverageScope, Verdict } from "./coverage-verdicts.js";
export const VERDICTS: readonly Verdict[] = ["gedekt", "hoogst-haalbaar", "kwetsbaar", "niet-gedekt"];
export const VERDICT_SYMBOL: Record<Verdict, string> = { gedekt: "✓", "hoogst-haalbaar": "(✓)", kwetsbaar: "!", "niet-gedekt": "✗" };

export interface CoverageOptions {
  /** How the matrix groups the schools; default the profile's first `groeperen`, else onderwijstype. */
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

/** One group of one scope for one need, worded: what a cell of the matrix shows. */
export interface CoverageCount {
  scope: CoverageScope;
  /** Group value ("" for swv-wide or a group not filled in). */
  group: string;
  groupLabel: string;
  scopeLabel: string;
  /** Scope and group in words: "onderwijstype havo", "hele samenwerkingsverband". */
  where: string;
  /** The level counted, and its name. */
  niveau: string;
  niveauNaam: string;
  /** Schools offering at ≥ niveau, and how many schools the group has. */
  count: number;
  total: number;
  /** Schools of the group that could offer the level (see coverage-verdicts.ts). */
  kandidaten: number;
  soort?: string[];
  /** The group's one school, when it has one. */
  enige?: string;
  schools: string[];
  schoolNames: string[];
  /** "1 van 3". */
  countText: string;
  /** The highest level any school of the group offers. */
  hoogste: string;
  hoogsteNaam: string;
  hoogsteRank: number;
  capaciteit?: number;
  capaciteitBekend: CapacityKnown;
  /** "45 plaatsen", "≥ 12 plaatsen" (not every school states them), "plaatsen onbekend"; absent when nobody offers it. */
  capaciteitText?: string;
  /** A verdict, when a minimum applies to the scope. */
  verdict?: Verdict;
  verdictLabel?: string;
  symbol?: string;
  minimum?: number;
  /** "1 van 3 scholen biedt extra of hoger (minimum 1)". */
  offeredText: string;
}

export interface CoverageVerdict extends CoverageCount {
  verdict: Verdict;
  verdictLabel: string;
  symbol: string;
  minimum: number;
}

export interface CoverageRow {
  behoefte: string;
  naam: string;
  /** One cell per school, in column order (over all groups): the data, not shown in the report. */
  cells: CoverageCell[];
  verdicts: CoverageVerdict[];
  /** Per group of the matrix, in group order: the count, with its verdict when the grouping has a minimum. */
  groupCells: CoverageCount[];
  /** The swv-wide verdict, when a minimum per swv applies. */
  swvVerdict?: CoverageVerdict;
  /** Worst verdict of the row over all scopes. */
  worst: Verdict;
  worstLabel: string;
  worstSymbol: string;
}

/** A matrix for a scope other than the grouping and the swv that has minima: only the needs it judges. */
export interface CoverageScopeMatrix {
  scope: CoverageScope;
  label: string;
  caption: string;
  groups: { key: string; label: string }[];
  rows: { behoefte: string; naam: string; cells: CoverageVerdict[] }[];
}

/** A white spot or a weak spot, in one sentence. */
export interface AttentionItem {
  behoefte: string;
  naam: string;
  scope: CoverageScope;
  group: string;
  verdict: Verdict;
  verdictLabel: string;
  symbol: string;
  text: string;
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
  /** The verdicts with their symbol, name and meaning: the matrix's legend. */
  verdictLegend: { verdict: Verdict; symbol: string; label: string; text: string }[];
  /** What "?" in a cell means, when some school is silent about its offer. */
  silentLegend?: string;
  minima: (CoverageMinimum & { text: string })[];
  schools: CoverageSchool[];
  groups: CoverageColumnGroup[];
  rows: CoverageRow[];
  /** Rows per worst verdict. */
  totals: Record<Verdict, number>;
  /** The headline: how many needs are covered (one school where one is all there can be counts as covered), vulnerable, or have a white spot. */
  countsText: string;
  /** Some row has a swv-wide verdict: the matrix gets a column for it. */
  showSwv: boolean;
  /** The other scopes with minima (a kring, a gemeente), each its own small matrix. */
  scopeMatrices: CoverageScopeMatrix[];
  /** Where one school is all a group has: one sentence per group and school, with the needs. Not counted as vulnerable. */
  hoogstHaalbaar: string[];
  /** White spots (no school offers it), heaviest first, one sentence each. */
  witteVlekken: AttentionItem[];
  /** Weak spots (one school where more could, or fewer than the minimum), heaviest first, one sentence each. */
  kwetsbaar: AttentionItem[];
  /** Aanbod the matrix cannot place, because its need or level is in no list: by school, then field and text. */
  nietIngedeeld: UnclassifiedView[];
}

export function buildCoverage(result: AuditResult, opts: CoverageOptions = {}): CoverageMatrix {
  const lang = opts.lang ?? result.repo.lang ?? "nl";
  const groupBy: CoverageGroupKey = opts.group ?? result.dekkendAanbod.groeperen[0] ?? "onderwijstype";
  const data = coverageVerdicts(result, groupBy);
  const words = coverageWords(result, data, lang);
  const rows = data.needs.map((need) => describeRow(need, words));
  const totals: Record<Verdict, number> = { gedekt: 0, "hoogst-haalbaar": 0, kwetsbaar: 0, "niet-gedekt": 0 };
  for (const r of rows) totals[r.worst]++;
  const spots = attention(rows, data, words);
  const gaps = spots.filter((a) => a.verdict === "niet-gedekt");
  const weak = spots.filter((a) => a.verdict === "kwetsbaar");
  return {
    meta: reportMeta(lang, result),
    groupBy,
    groupByLabel: t(lang, `coverage.group.${groupBy}`),
    niveaus: data.niveaus,
    verdictLegend: VERDICTS.map((v) => ({ verdict: v, symbol: VERDICT_SYMBOL[v], label: t(lang, `verdict.${v}`), text: t(lang, `coverage.legend.${v}`) })),
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
    countsText: t(lang, "coverage.counts", {
      total: rows.length,
      gedekt: totals.gedekt + totals["hoogst-haalbaar"],
      gaps: gaps.length,
      gapNeeds: new Set(gaps.map((a) => a.behoefte)).size,
      weak: weak.length,
      weakNeeds: new Set(weak.map((a) => a.behoefte)).size,
    }),
    showSwv: rows.some((r) => r.swvVerdict !== undefined),
    scopeMatrices: scopeMatrices(rows, data, words),
    hoogstHaalbaar: onlyOfTheirKind(rows, words),
    witteVlekken: gaps,
    kwetsbaar: weak,
    nietIngedeeld: data.unclassified.map((u) => describeUnclassified(u, words)),
  };
}

/** How the report words groups, levels, schools and verdicts in one language. */
interface CoverageWords {
  lang: Lang;
  names: TermNames;
  groupLabel(scope: CoverageScope, group: string): string;
  /** "in gemeente Oosterhei", "bij Havo", "in het hele samenwerkingsverband". */
  where(scope: CoverageScope, group: string): string;
  niveauNaam(id: string): string;
  /** A level's name inside a sentence: "basisondersteuning", "extra ondersteuning (school)". */
  niveauInText(id: string): string;
  schoolNaam(id: string): string;
  /** "A, B en C". */
  list(items: readonly string[]): string;
  minimum(m: CoverageMinimum): string;
}

/** The first letter in lower case, unless the word is an abbreviation (SBO, VSO). */
function lowerFirst(s: string): string {
  return /^\p{Lu}\p{Ll}/u.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s;
}

function coverageWords(result: AuditResult, data: CoverageVerdicts, lang: Lang): CoverageWords {
  const names = termNames(result.vocab);
  const nameOf = new Map(data.schools.map((s) => [s.id, s.naam ?? s.id]));
  const niveauNaam = (id: string) => names.naam("niveaus", id);
  const groupLabel = (scope: CoverageScope, g: string) => {
    if (scope === "swv") return t(lang, "coverage.swv");
    if (g === "") return t(lang, "coverage.group.none");
    return scope === "onderwijstype" ? names.naam("onderwijstypen", g) : g;
  };
  return {
    lang,
    names,
    groupLabel,
    where: (scope, g) => {
      if (scope === "swv") return t(lang, "coverage.in.swv");
      if (g === "") return t(lang, "coverage.in.none", { scope: t(lang, `coverage.group.${scope}`) });
      return t(lang, `coverage.in.${scope}`, { group: scope === "onderwijstype" ? lowerFirst(groupLabel(scope, g)) : groupLabel(scope, g) });
    },
    niveauNaam,
    niveauInText: (id) => lowerFirst(niveauNaam(id)),
    schoolNaam: (id) => nameOf.get(id) ?? id,
    list: (items) => (items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${t(lang, "coverage.and")} ${items[items.length - 1]!}`),
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

function capacityText(c: GroupCount, lang: Lang): string | undefined {
  if (c.schools.length === 0) return undefined;
  if (c.capaciteit === undefined) return t(lang, "coverage.places.unknown");
  return t(lang, c.capaciteitBekend === "bekend" ? "coverage.places" : "coverage.places.partly", { n: c.capaciteit });
}

function describeCount(c: GroupCount & { verdict?: Verdict; minimum?: number }, words: CoverageWords): CoverageCount {
  const { lang } = words;
  const count = c.schools.length;
  const capaciteitText = capacityText(c, lang);
  return {
    scope: c.scope,
    group: c.group,
    groupLabel: words.groupLabel(c.scope, c.group),
    scopeLabel: t(lang, `coverage.group.${c.scope}`),
    where: c.scope === "swv" ? t(lang, "coverage.where.swv") : `${t(lang, `coverage.group.${c.scope}`)} ${words.groupLabel(c.scope, c.group)}`,
    niveau: c.niveau,
    niveauNaam: words.niveauNaam(c.niveau),
    count,
    total: c.total,
    kandidaten: c.kandidaten,
    ...(c.soort ? { soort: c.soort } : {}),
    ...(c.enige !== undefined ? { enige: c.enige } : {}),
    schools: c.schools,
    schoolNames: c.schools.map(words.schoolNaam),
    countText: t(lang, "coverage.countText", { count, total: c.total }),
    hoogste: c.hoogste,
    hoogsteNaam: c.hoogste === "?" ? c.hoogste : words.niveauNaam(c.hoogste),
    hoogsteRank: c.hoogsteRank,
    ...(c.capaciteit !== undefined ? { capaciteit: c.capaciteit } : {}),
    capaciteitBekend: c.capaciteitBekend,
    ...(capaciteitText !== undefined ? { capaciteitText } : {}),
    ...(c.verdict !== undefined ? { verdict: c.verdict, verdictLabel: t(lang, `verdict.${c.verdict}`), symbol: VERDICT_SYMBOL[c.verdict] } : {}),
    ...(c.minimum !== undefined ? { minimum: c.minimum } : {}),
    offeredText: t(lang, "coverage.offered", {
      count,
      total: c.total,
      schoolWord: t(lang, c.total === 1 ? "word.school" : "word.schools"),
      niveau: words.niveauNaam(c.niveau),
      minimum: c.minimum ?? "–",
    }),
  };
}

function describeVerdict(v: ScopeVerdict, words: CoverageWords): CoverageVerdict {
  const { lang } = words;
  return { ...describeCount(v, words), verdict: v.verdict, verdictLabel: t(lang, `verdict.${v.verdict}`), symbol: VERDICT_SYMBOL[v.verdict], minimum: v.minimum };
}

function describeRow(need: NeedVerdicts, words: CoverageWords): CoverageRow {
  const verdicts = need.verdicts.map((v) => describeVerdict(v, words));
  const swvVerdict = verdicts.find((v) => v.scope === "swv");
  return {
    behoefte: need.behoefte,
    naam: need.naam,
    cells: need.cells,
    verdicts,
    groupCells: need.groupCounts.map((c) => describeCount(c, words)),
    ...(swvVerdict ? { swvVerdict } : {}),
    worst: need.worst,
    worstLabel: t(words.lang, `verdict.${need.worst}`),
    worstSymbol: VERDICT_SYMBOL[need.worst],
  };
}

/** A small matrix per scope that has minima but is neither the grouping nor the swv: only the needs it judges. */
function scopeMatrices(rows: readonly CoverageRow[], data: CoverageVerdicts, words: CoverageWords): CoverageScopeMatrix[] {
  return SCOPES.filter((s) => s !== data.groupBy && s !== "swv").flatMap((scope) => {
    const judged = rows.filter((r) => r.verdicts.some((v) => v.scope === scope));
    if (judged.length === 0) return [];
    const keys = [...new Set(judged.flatMap((r) => r.verdicts.filter((v) => v.scope === scope).map((v) => v.group)))].sort(data.compareGroups(scope));
    const label = t(words.lang, `coverage.group.${scope}`);
    return [
      {
        scope,
        label,
        caption: t(words.lang, "coverage.scope.caption", { group: label }),
        groups: keys.map((key) => ({ key, label: words.groupLabel(scope, key) })),
        rows: judged.map((r) => ({ behoefte: r.behoefte, naam: r.naam, cells: keys.map((k) => r.verdicts.find((v) => v.scope === scope && v.group === k)!) })),
      },
    ];
  });
}

/** The white spots and the weak spots, heaviest first: worst verdict, the whole SWV before a group, larger groups first. */
function attention(rows: readonly CoverageRow[], data: CoverageVerdicts, words: CoverageWords): AttentionItem[] {
  const needOrder = new Map(rows.map((r, i) => [r.behoefte, i]));
  return rows
    .flatMap((r) => r.verdicts.filter((v) => v.verdict === "niet-gedekt" || v.verdict === "kwetsbaar").map((v) => ({ r, v })))
    .sort(
      ({ r: ra, v: a }, { r: rb, v: b }) =>
        VERDICT_SEVERITY[b.verdict] - VERDICT_SEVERITY[a.verdict] ||
        Number(b.scope === "swv") - Number(a.scope === "swv") ||
        b.total - a.total ||
        needOrder.get(ra.behoefte)! - needOrder.get(rb.behoefte)! ||
        SCOPES.indexOf(a.scope) - SCOPES.indexOf(b.scope) ||
        data.compareGroups(a.scope)(a.group, b.group),
    )
    .map(({ r, v }) => ({
      behoefte: r.behoefte,
      naam: r.naam,
      scope: v.scope,
      group: v.group,
      verdict: v.verdict,
      verdictLabel: v.verdictLabel,
      symbol: v.symbol,
      text: spotText(r.naam, v, words),
    }));
}

/** One white or weak spot in a sentence: the need, the level, the group and the schools. */
function spotText(need: string, v: CoverageVerdict, words: CoverageWords): string {
  const { lang } = words;
  const base = { need, where: words.where(v.scope, v.group), niveau: words.niveauInText(v.niveau) };
  if (v.count === 0) {
    // The one school the group has, by name, when that is the group.
    return t(lang, v.total === 1 ? "coverage.spot.none.one" : "coverage.spot.none", { ...base, total: v.total, school: v.enige !== undefined ? words.schoolNaam(v.enige) : "" });
  }
  if (v.count === 1 && v.minimum <= 1) {
    return t(lang, v.total === 2 ? "coverage.spot.one.other" : "coverage.spot.one", { ...base, school: v.schoolNames[0], others: v.total - 1 });
  }
  return t(lang, v.count === 1 ? "coverage.spot.under.one" : "coverage.spot.under", { ...base, count: v.count, minimum: v.minimum, schools: words.list(v.schoolNames) });
}

/**
 * The groups where one school (or every school that could) is all there can
 * be: one sentence per group and school, with the needs it covers so.
 */
function onlyOfTheirKind(rows: readonly CoverageRow[], words: CoverageWords): string[] {
  const { lang } = words;
  const situations = new Map<string, { v: CoverageVerdict; needs: string[] }>();
  for (const r of rows) {
    for (const v of r.verdicts) {
      if (v.verdict !== "hoogst-haalbaar") continue;
      const typeBound = v.scope !== "onderwijstype" && v.soort !== undefined && v.kandidaten < v.total;
      const key = JSON.stringify([v.scope, v.group, v.schools, typeBound ? v.niveau : "", typeBound ? v.soort : []]);
      const s = situations.get(key) ?? { v, needs: [] };
      s.needs.push(r.naam);
      situations.set(key, s);
    }
  }
  return [...situations.values()].map(({ v, needs }) => {
    const needsText = needs.length <= 3 ? words.list(needs) : t(lang, "coverage.needs", { n: needs.length });
    const school = v.schoolNames[0] ?? "";
    const where = words.where(v.scope, v.group);
    if (v.kandidaten >= 2) {
      return t(lang, "coverage.best.all", { where, count: v.kandidaten, minimum: v.minimum, needs: needsText });
    }
    if (v.scope === "onderwijstype") {
      return t(lang, "coverage.best.type", { school, type: lowerFirst(words.groupLabel(v.scope, v.group)), needs: needsText });
    }
    if (v.soort !== undefined && v.kandidaten < v.total) {
      const types = words.list(v.soort.map((s) => lowerFirst(words.names.naam("onderwijstypen", s))));
      return t(lang, "coverage.best.level", { school, where, types, niveau: words.niveauInText(v.niveau), needs: needsText });
    }
    return t(lang, "coverage.best.group", { school, where, needs: needsText });
  });
}
