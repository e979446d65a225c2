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
 */
import type { AanbodEntry, AuditResult, CoverageMinimum, Lang, SchoolResult, VocabTerm } from "../core/types.js";
import { cmp, cmpName, reportMeta, type ReportMeta } from "./common.js";
import { label } from "./labels.js";

export type CoverageGroupKey = "onderwijstype" | "kring" | "gemeente";
export type CoverageScope = CoverageGroupKey | "swv";
export type Verdict = "gedekt" | "kwetsbaar" | "niet-gedekt";
export const VERDICTS: readonly Verdict[] = ["gedekt", "kwetsbaar", "niet-gedekt"];
export const VERDICT_SYMBOL: Record<Verdict, string> = { gedekt: "✓", kwetsbaar: "!", "niet-gedekt": "✗" };
const SCOPES: readonly CoverageScope[] = ["onderwijstype", "kring", "gemeente", "swv"];

export interface CoverageOptions {
  /** How the columns are grouped; default the profile's first `groeperen`, else onderwijstype. */
  group?: CoverageGroupKey;
  lang?: Lang;
}

export interface CoverageLevel {
  id: string;
  naam: string;
  /** Position in `vocab.niveaus`: 0 is the lowest (geen). */
  rank: number;
}

export interface CoverageSchool {
  id: string;
  naam: string;
  onderwijstypen: string[];
  kring?: string;
  gemeente?: string;
}

export interface CoverageColumn {
  /** Group key value (an onderwijstype id, a kring, a gemeente; "" when not filled in). */
  group: string;
  school: string;
  naam: string;
}

export interface CoverageColumnGroup {
  key: string;
  label: string;
  columns: CoverageColumn[];
}

export interface CoverageCell {
  group: string;
  school: string;
  niveau: string;
  niveauNaam: string;
  rank: number;
  /** Total capacity of the entries at that level, when any states one. */
  capaciteit?: number;
  /** Offered at a level that counts for the row's own minimum. */
  counts: boolean;
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

export interface CoverageMatrix {
  meta: ReportMeta;
  groupBy: CoverageGroupKey;
  groupByLabel: string;
  niveaus: CoverageLevel[];
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
}

/** The minimum a need gets when the profile sets none: one school at the lowest real level, per onderwijstype. */
function defaultMinima(niveaus: readonly VocabTerm[]): CoverageMinimum[] {
  const niveau = niveaus[1]?.id ?? niveaus[0]?.id ?? "basis";
  return [{ niveau, scholen: 1, per: "onderwijstype" }];
}

const NONE: readonly AanbodEntry[] = [];

export function buildCoverage(result: AuditResult, opts: CoverageOptions = {}): CoverageMatrix {
  const lang = opts.lang ?? result.repo.lang ?? "nl";
  const groupBy: CoverageGroupKey = opts.group ?? result.dekkendAanbod.groeperen[0] ?? "onderwijstype";
  const niveaus: CoverageLevel[] = result.vocab.niveaus.map((n, i) => ({ id: n.id, naam: n.naam ?? n.id, rank: i }));
  const rankOf = new Map(niveaus.map((n) => [n.id, n.rank]));
  const niveauNaam = (id: string) => niveaus.find((n) => n.id === id)?.naam ?? id;
  const geen = niveaus[0]?.id ?? "geen";
  const typeOrder = new Map(result.vocab.onderwijstypen.map((t, i) => [t.id, i]));
  const typeNaam = new Map(result.vocab.onderwijstypen.map((t) => [t.id, t.naam ?? t.id]));

  const schools = [...result.schools].sort((a, b) => cmpName(a.naam ?? a.id, b.naam ?? b.id) || cmp(a.id, b.id));
  const nameOf = new Map(schools.map((s) => [s.id, s.naam ?? s.id]));

  const groupValues = (s: SchoolResult, scope: CoverageScope): string[] => {
    switch (scope) {
      case "onderwijstype":
        return s.onderwijstypen.length > 0 ? [...new Set(s.onderwijstypen)] : [""];
      case "kring":
        return [s.kring ?? ""];
      case "gemeente":
        return [s.gemeente ?? ""];
      case "swv":
        return [""];
    }
  };
  const cmpGroup = (scope: CoverageScope) => (a: string, b: string): number => {
    if (a === "" || b === "") return a === b ? 0 : a === "" ? 1 : -1; // "not filled in" last
    if (scope === "onderwijstype") {
      const ia = typeOrder.get(a) ?? Number.MAX_SAFE_INTEGER;
      const ib = typeOrder.get(b) ?? Number.MAX_SAFE_INTEGER;
      return ia - ib || cmp(a, b);
    }
    return cmpName(a, b);
  };
  const groupLabel = (scope: CoverageScope, g: string): string => {
    if (scope === "swv") return label(lang, "coverage.swv");
    if (g === "") return label(lang, "coverage.group.none");
    return scope === "onderwijstype" ? (typeNaam.get(g) ?? g) : g;
  };
  /** Schools per group value, for one scope, as positions in `schools`. */
  const membersOf = (scope: CoverageScope): Map<string, number[]> => {
    const m = new Map<string, number[]>();
    schools.forEach((s, i) => {
      for (const g of groupValues(s, scope)) {
        const list = m.get(g) ?? [];
        list.push(i);
        m.set(g, list);
      }
    });
    return new Map([...m.entries()].sort((a, b) => cmpGroup(scope)(a[0], b[0])));
  };
  const members: Record<CoverageScope, Map<string, number[]>> = {
    onderwijstype: membersOf("onderwijstype"),
    kring: membersOf("kring"),
    gemeente: membersOf("gemeente"),
    swv: membersOf("swv"),
  };

  /**
   * Each school's aanbod by need, made once per school (in the order of
   * `schools`); each row then takes its need's entries of every school once.
   * Every need asks for every school in every group of every scope: looking
   * the entries up each time (and filtering them into new lists) made the
   * matrix of 10,000 schools take seconds.
   */
  const needsOf = schools.map((s) => {
    const needs = new Map<string, AanbodEntry[]>();
    for (const e of s.sop?.aanbod ?? []) {
      const list = needs.get(e.behoefte);
      if (list) list.push(e);
      else needs.set(e.behoefte, [e]);
    }
    return needs;
  });
  /** Does an entry count in a group of the given scope? Only onderwijstype groups leave entries out. */
  const countsIn = (e: AanbodEntry, scope: CoverageScope, group: string): boolean =>
    scope !== "onderwijstype" || group === "" || e.onderwijstypen.length === 0 || e.onderwijstypen.includes(group);
  /** Entries of one need that count in a group of the given scope. */
  const entriesIn = (all: readonly AanbodEntry[], scope: CoverageScope, group: string): readonly AanbodEntry[] =>
    all.every((e) => countsIn(e, scope, group)) ? all : all.filter((e) => countsIn(e, scope, group));
  /** The highest level among the entries that count in the group (0: none). */
  const bestRankIn = (all: readonly AanbodEntry[], scope: CoverageScope, group: string): number => {
    let max = 0;
    for (const e of all) if (countsIn(e, scope, group)) max = Math.max(max, rankOf.get(e.niveau) ?? 0);
    return max;
  };

  const minima = result.dekkendAanbod.minima.length > 0 ? result.dekkendAanbod.minima : defaultMinima(result.vocab.niveaus);
  /** The minima for one need: per scope the need's own minimum, else the general one. */
  const minimaFor = (behoefte: string): Map<CoverageScope, CoverageMinimum> => {
    const out = new Map<CoverageScope, CoverageMinimum>();
    for (const scope of SCOPES) {
      const own = minima.filter((m) => m.per === scope && m.behoefte === behoefte);
      const general = minima.filter((m) => m.per === scope && m.behoefte === undefined);
      const pick = own.length > 0 ? own : general;
      // Several for one scope: the strictest counts.
      const strictest = [...pick].sort(
        (a, b) => (rankOf.get(b.niveau) ?? 0) - (rankOf.get(a.niveau) ?? 0) || b.scholen - a.scholen,
      )[0];
      if (strictest) out.set(scope, strictest);
    }
    return out;
  };

  const groups: CoverageColumnGroup[] = [...members[groupBy].entries()].map(([g, list]) => ({
    key: g,
    label: groupLabel(groupBy, g),
    columns: list.map((i) => ({ group: g, school: schools[i]!.id, naam: schools[i]!.naam ?? schools[i]!.id })),
  }));
  const columnIndexes = [...members[groupBy].values()];

  const verdictOf = (count: number, minimum: number): Verdict =>
    count < minimum ? "niet-gedekt" : count >= 2 || count === 0 ? "gedekt" : "kwetsbaar";
  const severity: Record<Verdict, number> = { gedekt: 0, kwetsbaar: 1, "niet-gedekt": 2 };

  const rows: CoverageRow[] = result.vocab.behoeften.map((b) => {
    const applying = minimaFor(b.id);
    const displayMin = applying.get(groupBy) ?? applying.get("swv") ?? [...applying.values()][0];
    const displayRank = displayMin ? (rankOf.get(displayMin.niveau) ?? 0) : 1;
    const forNeed = needsOf.map((needs) => needs.get(b.id) ?? NONE);
    const cells: CoverageCell[] = [];
    // Where each group's cells start in `cells` (they are made group by group).
    const groupStarts: number[] = [];
    groups.forEach((grp, n) => {
      groupStarts.push(cells.length);
      for (const i of columnIndexes[n]!) {
        const entries = entriesIn(forNeed[i]!, groupBy, grp.key);
        const rank = bestRankIn(entries, groupBy, grp.key);
        const top = rank > 0 ? entries.filter((e) => (rankOf.get(e.niveau) ?? 0) === rank) : NONE;
        let capaciteit: number | undefined;
        for (const e of top) if (e.capaciteit !== undefined) capaciteit = (capaciteit ?? 0) + e.capaciteit;
        const niveau = rank > 0 ? niveaus[rank]!.id : (entries.find((e) => !rankOf.has(e.niveau))?.niveau ?? geen);
        cells.push({
          group: grp.key,
          school: schools[i]!.id,
          niveau,
          niveauNaam: niveauNaam(niveau),
          rank,
          ...(capaciteit !== undefined ? { capaciteit } : {}),
          counts: rank > 0 && rank >= displayRank,
        });
      }
    });
    groupStarts.push(cells.length);
    const verdicts: CoverageVerdict[] = [];
    for (const scope of SCOPES) {
      const min = applying.get(scope);
      if (!min) continue;
      const need = rankOf.get(min.niveau) ?? 0;
      for (const [g, list] of members[scope]) {
        const offering = list.filter((i) => bestRankIn(forNeed[i]!, scope, g) >= Math.max(need, 1)).map((i) => schools[i]!.id);
        const verdict = verdictOf(offering.length, min.scholen);
        verdicts.push({
          scope,
          group: g,
          groupLabel: groupLabel(scope, g),
          scopeLabel: label(lang, `coverage.group.${scope}`),
          where: scope === "swv" ? label(lang, "coverage.where.swv") : `${label(lang, `coverage.group.${scope}`)} ${groupLabel(scope, g)}`,
          verdict,
          verdictLabel: label(lang, `verdict.${verdict}`),
          symbol: VERDICT_SYMBOL[verdict],
          niveau: min.niveau,
          niveauNaam: niveauNaam(min.niveau),
          minimum: min.scholen,
          count: offering.length,
          total: list.length,
          schools: offering,
          schoolNames: offering.map((id) => nameOf.get(id) ?? id),
          countText: label(lang, "coverage.countText", { count: offering.length, total: list.length }),
          offeredText: label(lang, "coverage.offered", {
            count: offering.length,
            total: list.length,
            schoolWord: label(lang, list.length === 1 ? "word.school" : "word.schools"),
            niveau: niveauNaam(min.niveau),
            minimum: min.scholen,
          }),
        });
      }
    }
    const worst = verdicts.reduce<Verdict>((w, v) => (severity[v.verdict] > severity[w] ? v.verdict : w), "gedekt");
    const swvVerdict = verdicts.find((v) => v.scope === "swv");
    const ownVerdicts = new Map(verdicts.filter((v) => v.scope === groupBy).map((v) => [v.group, v]));
    const groupVerdict = (g: string) => ownVerdicts.get(g);
    return {
      behoefte: b.id,
      naam: b.naam ?? b.id,
      cells,
      verdicts,
      groupVerdicts: groups.map((grp) => groupVerdict(grp.key)).filter((v): v is CoverageVerdict => v !== undefined),
      byGroup: groups.map((grp, n) => {
        const v = groupVerdict(grp.key);
        return { group: grp.key, cells: cells.slice(groupStarts[n], groupStarts[n + 1]), ...(v ? { verdict: v } : {}) };
      }),
      ...(swvVerdict ? { swvVerdict } : {}),
      worst,
      worstLabel: label(lang, `verdict.${worst}`),
      worstSymbol: VERDICT_SYMBOL[worst],
    };
  });

  const totals: Record<Verdict, number> = { gedekt: 0, kwetsbaar: 0, "niet-gedekt": 0 };
  for (const r of rows) totals[r.worst]++;

  const attention = rows
    .flatMap((r) => r.verdicts.filter((v) => v.verdict !== "gedekt").map((v) => ({ ...v, behoefte: r.behoefte, naam: r.naam })))
    .sort(
      (a, b) =>
        severity[b.verdict] - severity[a.verdict] ||
        result.vocab.behoeften.findIndex((x) => x.id === a.behoefte) - result.vocab.behoeften.findIndex((x) => x.id === b.behoefte) ||
        SCOPES.indexOf(a.scope) - SCOPES.indexOf(b.scope) ||
        cmpGroup(a.scope)(a.group, b.group),
    );

  const short = (v: CoverageVerdict): string => {
    const where = v.scope === "onderwijstype" ? v.groupLabel : v.where;
    return v.verdict === "kwetsbaar"
      ? label(lang, "coverage.short.kwetsbaar", { where, school: v.schoolNames[0] ?? "" })
      : label(lang, "coverage.short", { where, count: v.count, minimum: v.minimum });
  };
  const attentionRows: AttentionRow[] = rows
    .filter((r) => r.worst !== "gedekt")
    .sort((a, b) => severity[b.worst] - severity[a.worst])
    .map((r) => ({
      behoefte: r.behoefte,
      naam: r.naam,
      verdict: r.worst,
      verdictLabel: r.worstLabel,
      symbol: r.worstSymbol,
      nietGedekt: r.verdicts.filter((v) => v.verdict === "niet-gedekt").map(short),
      kwetsbaar: r.verdicts.filter((v) => v.verdict === "kwetsbaar").map(short),
    }));

  return {
    meta: reportMeta(lang, result),
    groupBy,
    groupByLabel: label(lang, `coverage.group.${groupBy}`),
    niveaus,
    minima: minima.map((m) => ({
      ...m,
      text:
        (m.behoefte !== undefined ? `${result.vocab.behoeften.find((b) => b.id === m.behoefte)?.naam ?? m.behoefte}: ` : "") +
        label(lang, "coverage.minimum.text", {
          scholen: m.scholen,
          schoolWord: label(lang, m.scholen === 1 ? "word.school" : "word.schools"),
          niveau: niveauNaam(m.niveau),
          per: label(lang, `coverage.group.${m.per}`),
        }),
    })),
    schools: schools.map((s) => ({
      id: s.id,
      naam: s.naam ?? s.id,
      onderwijstypen: [...s.onderwijstypen],
      ...(s.kring !== undefined ? { kring: s.kring } : {}),
      ...(s.gemeente !== undefined ? { gemeente: s.gemeente } : {}),
    })),
    groups,
    rows,
    totals,
    countsText: label(lang, "coverage.counts", { total: rows.length, gedekt: totals.gedekt, kwetsbaar: totals.kwetsbaar, niet: totals["niet-gedekt"] }),
    showSwv: rows.some((r) => r.swvVerdict !== undefined),
    attentionRows,
    attention,
  };
}
