/**
 * The verdicts of the dekkend-aanbod matrix, as data: per support need the
 * highest level each school offers, and per scope and group whether enough
 * schools offer it. No display text: coverage.ts words the verdicts.
 */
import type { AanbodEntry, AuditResult, CoverageMinimum, SchoolResult, VocabTerm } from "../core/types.js";
import { cmp, cmpName } from "./common.js";
import { termNames } from "./term-names.js";

export type CoverageGroupKey = "onderwijstype" | "kring" | "gemeente";
export type CoverageScope = CoverageGroupKey | "swv";
export type Verdict = "gedekt" | "kwetsbaar" | "niet-gedekt";
export const SCOPES: readonly CoverageScope[] = ["onderwijstype", "kring", "gemeente", "swv"];
export const VERDICT_SEVERITY: Record<Verdict, number> = { gedekt: 0, kwetsbaar: 1, "niet-gedekt": 2 };

export interface CoverageLevel {
  id: string;
  naam: string;
  /** Position in `vocab.niveaus`: 0 is the lowest (geen). */
  rank: number;
}

export interface CoverageColumn {
  /** Group key value (an onderwijstype id, a kring, a gemeente; "" when not filled in). */
  group: string;
  school: string;
  naam: string;
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

/** Whether one group of one scope is covered for one need. */
export interface ScopeVerdict {
  scope: CoverageScope;
  /** Group value ("" for swv-wide or a group not filled in). */
  group: string;
  verdict: Verdict;
  /** The minimum that applied. */
  niveau: string;
  minimum: number;
  /** The schools in the group offering at ≥ niveau; how many schools the group has. */
  schools: string[];
  total: number;
}

export interface NeedVerdicts {
  behoefte: string;
  naam: string;
  /** One cell per column, in column order (over all groups). */
  cells: CoverageCell[];
  /** Where each column group's cells start in `cells`, and where the last ends. */
  groupStarts: number[];
  verdicts: ScopeVerdict[];
  /** Worst verdict of the need over all scopes. */
  worst: Verdict;
}

/** A term of an aanbod entry that its list does not know: the matrix cannot place it, and says so. */
export interface UnclassifiedTerm {
  school: string;
  /** Which of the entry's terms the list does not know. */
  veld: "behoefte" | "niveau";
  /** The term as written. */
  geschreven: string;
  /** The entry's need: its id, or as written when that is what is unknown. */
  behoefte: string;
  /** The id of the known term nearest to what is written, when one is close. */
  bedoeld?: string;
}

export interface CoverageVerdicts {
  groupBy: CoverageGroupKey;
  niveaus: CoverageLevel[];
  /** The minima that apply: the profile's, else the default. */
  minima: CoverageMinimum[];
  /** By name, then id. */
  schools: SchoolResult[];
  /** The columns, grouped by `groupBy`, groups in display order. */
  groups: { key: string; columns: CoverageColumn[] }[];
  needs: NeedVerdicts[];
  /** Needs and levels no list knows, by school (in school order), field and text: counted nowhere, and so listed. */
  unclassified: UnclassifiedTerm[];
  /** Group values of a scope in display order: "not filled in" last, onderwijstypen in vocabulary order. */
  compareGroups(scope: CoverageScope): (a: string, b: string) => number;
}

/** The minimum a need gets when the profile sets none: one school at the lowest real level, per onderwijstype. */
function defaultMinima(niveaus: readonly VocabTerm[]): CoverageMinimum[] {
  const niveau = niveaus[1]?.id ?? niveaus[0]?.id ?? "basis";
  return [{ niveau, scholen: 1, per: "onderwijstype" }];
}

const NONE: readonly AanbodEntry[] = [];

export function coverageVerdicts(result: AuditResult, groupBy: CoverageGroupKey): CoverageVerdicts {
  const names = termNames(result.vocab);
  const niveaus: CoverageLevel[] = result.vocab.niveaus.map((n, i) => ({ id: n.id, naam: names.naam("niveaus", n.id), rank: i }));
  const rankOf = new Map(niveaus.map((n) => [n.id, n.rank]));
  const schools = [...result.schools].sort((a, b) => cmpName(a.naam ?? a.id, b.naam ?? b.id) || cmp(a.id, b.id));
  const compareGroups = groupOrder(result);
  const members = Object.fromEntries(SCOPES.map((scope) => [scope, membersOf(schools, scope, compareGroups(scope))])) as Record<CoverageScope, Map<string, number[]>>;
  const minima = result.dekkendAanbod.minima.length > 0 ? result.dekkendAanbod.minima : defaultMinima(result.vocab.niveaus);
  const needsOf = schools.map(aanbodByNeed);
  // A school without an SOP, or whose SOP lists no aanbod, is silent about its offer: "?" in its cells, never "geen".
  const silent = schools.map((s) => !s.sop || s.sop.aanbodOntbreekt === true);
  const groups = [...members[groupBy].entries()].map(([g, list]) => ({
    key: g,
    columns: list.map((i) => ({ group: g, school: schools[i]!.id, naam: schools[i]!.naam ?? schools[i]!.id })),
  }));
  const columnIndexes = [...members[groupBy].values()];
  const levels = { niveaus, rankOf };

  const needs = result.vocab.behoeften.map((b): NeedVerdicts => {
    const applying = minimaFor(minima, b.id, rankOf);
    const displayMin = applying.get(groupBy) ?? applying.get("swv") ?? [...applying.values()][0];
    const displayRank = displayMin ? (rankOf.get(displayMin.niveau) ?? 0) : 1;
    const forNeed = needsOf.map((needs) => needs.get(b.id) ?? NONE);
    const cells: CoverageCell[] = [];
    const groupStarts: number[] = [];
    groups.forEach((grp, n) => {
      groupStarts.push(cells.length);
      for (const i of columnIndexes[n]!) cells.push(cellOf(forNeed[i]!, groupBy, grp.key, schools[i]!.id, displayRank, levels, silent[i]!));
    });
    groupStarts.push(cells.length);
    const verdicts: ScopeVerdict[] = [];
    for (const scope of SCOPES) {
      const min = applying.get(scope);
      if (!min) continue;
      const need = Math.max(rankOf.get(min.niveau) ?? 0, 1);
      for (const [g, list] of members[scope]) {
        const offering = list.filter((i) => bestRankIn(forNeed[i]!, scope, g, rankOf) >= need).map((i) => schools[i]!.id);
        verdicts.push({ scope, group: g, verdict: verdictOf(offering.length, min.scholen), niveau: min.niveau, minimum: min.scholen, schools: offering, total: list.length });
      }
    }
    const worst = verdicts.reduce<Verdict>((w, v) => (VERDICT_SEVERITY[v.verdict] > VERDICT_SEVERITY[w] ? v.verdict : w), "gedekt");
    return { behoefte: b.id, naam: names.naam("behoeften", b.id), cells, groupStarts, verdicts, worst };
  });
  const unclassified = schools.flatMap((s) => unclassifiedOf(s, names.knows));
  return { groupBy, niveaus, minima, schools, groups, needs, unclassified, compareGroups };
}

/** A school's aanbod terms its lists do not know, each once, by field and text. */
function unclassifiedOf(s: SchoolResult, knows: (list: "behoeften" | "niveaus", id: string) => boolean): UnclassifiedTerm[] {
  const out = new Map<string, UnclassifiedTerm>();
  const add = (u: UnclassifiedTerm) => out.set(JSON.stringify([u.veld, u.geschreven, u.behoefte]), u);
  for (const e of s.sop?.aanbod ?? []) {
    if (!knows("behoeften", e.behoefte)) add({ school: s.id, veld: "behoefte", geschreven: e.behoefte, behoefte: e.behoefte, ...(e.bedoeld?.behoefte ? { bedoeld: e.bedoeld.behoefte } : {}) });
    if (e.niveau !== undefined && !knows("niveaus", e.niveau)) add({ school: s.id, veld: "niveau", geschreven: e.niveau, behoefte: e.behoefte, ...(e.bedoeld?.niveau ? { bedoeld: e.bedoeld.niveau } : {}) });
  }
  return [...out.values()].sort((a, b) => cmp(a.veld, b.veld) || cmpName(a.geschreven, b.geschreven) || cmp(a.behoefte, b.behoefte));
}

function verdictOf(count: number, minimum: number): Verdict {
  return count < minimum ? "niet-gedekt" : count >= 2 || count === 0 ? "gedekt" : "kwetsbaar";
}

function groupOrder(result: AuditResult): (scope: CoverageScope) => (a: string, b: string) => number {
  const names = termNames(result.vocab);
  return (scope) => (a, b) => {
    if (a === "" || b === "") return a === b ? 0 : a === "" ? 1 : -1; // "not filled in" last
    if (scope === "onderwijstype") {
      const ia = names.rank("onderwijstypen", a) ?? Number.MAX_SAFE_INTEGER;
      const ib = names.rank("onderwijstypen", b) ?? Number.MAX_SAFE_INTEGER;
      return ia - ib || cmp(a, b);
    }
    return cmpName(a, b);
  };
}

function groupValues(s: SchoolResult, scope: CoverageScope): string[] {
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
}

/** Schools per group value, for one scope, as positions in `schools`, groups in display order. */
function membersOf(schools: readonly SchoolResult[], scope: CoverageScope, order: (a: string, b: string) => number): Map<string, number[]> {
  const m = new Map<string, number[]>();
  schools.forEach((s, i) => {
    for (const g of groupValues(s, scope)) {
      const list = m.get(g) ?? [];
      list.push(i);
      m.set(g, list);
    }
  });
  return new Map([...m.entries()].sort((a, b) => order(a[0], b[0])));
}

/**
 * A school's aanbod by need, made once per school; each need then takes its
 * entries of every school once. Every need asks for every school in every
 * group of every scope: looking the entries up each time (and filtering them
 * into new lists) made the matrix of 10,000 schools take seconds.
 */
function aanbodByNeed(s: SchoolResult): Map<string, AanbodEntry[]> {
  const needs = new Map<string, AanbodEntry[]>();
  for (const e of s.sop?.aanbod ?? []) {
    const list = needs.get(e.behoefte);
    if (list) list.push(e);
    else needs.set(e.behoefte, [e]);
  }
  return needs;
}

/** The minima for one need: per scope the need's own minimum, else the general one; of several, the strictest. */
function minimaFor(minima: readonly CoverageMinimum[], behoefte: string, rankOf: ReadonlyMap<string, number>): Map<CoverageScope, CoverageMinimum> {
  const out = new Map<CoverageScope, CoverageMinimum>();
  for (const scope of SCOPES) {
    const own = minima.filter((m) => m.per === scope && m.behoefte === behoefte);
    const general = minima.filter((m) => m.per === scope && m.behoefte === undefined);
    const pick = own.length > 0 ? own : general;
    const strictest = [...pick].sort((a, b) => (rankOf.get(b.niveau) ?? 0) - (rankOf.get(a.niveau) ?? 0) || b.scholen - a.scholen)[0];
    if (strictest) out.set(scope, strictest);
  }
  return out;
}

/** Does an entry count in a group of the given scope? Only onderwijstype groups leave entries out. */
function countsIn(e: AanbodEntry, scope: CoverageScope, group: string): boolean {
  return scope !== "onderwijstype" || group === "" || e.onderwijstypen.length === 0 || e.onderwijstypen.includes(group);
}

/** The highest level among the entries that count in the group (0: none). */
function bestRankIn(all: readonly AanbodEntry[], scope: CoverageScope, group: string, rankOf: ReadonlyMap<string, number>): number {
  let max = 0;
  for (const e of all) if (countsIn(e, scope, group) && e.niveau !== undefined) max = Math.max(max, rankOf.get(e.niveau) ?? 0);
  return max;
}

/** One school's cell for one need: the highest level it offers in the column's group, with its capacity. */
function cellOf(
  all: readonly AanbodEntry[],
  scope: CoverageScope,
  group: string,
  school: string,
  displayRank: number,
  { niveaus, rankOf }: { niveaus: readonly CoverageLevel[]; rankOf: ReadonlyMap<string, number> },
  silent: boolean,
): CoverageCell {
  const entries = all.every((e) => countsIn(e, scope, group)) ? all : all.filter((e) => countsIn(e, scope, group));
  const rank = bestRankIn(entries, scope, group, rankOf);
  const top = rank > 0 ? entries.filter((e) => e.niveau !== undefined && (rankOf.get(e.niveau) ?? 0) === rank) : NONE;
  let capaciteit: number | undefined;
  for (const e of top) if (e.capaciteit !== undefined) capaciteit = (capaciteit ?? 0) + e.capaciteit;
  // Offered at a level the list does not know, or at no level given: shown as written (or as "?"), never as none.
  const unranked = entries.find((e) => e.niveau === undefined || !rankOf.has(e.niveau));
  const niveau = rank > 0 ? niveaus[rank]!.id : unranked ? (unranked.niveau ?? "?") : silent ? "?" : (niveaus[0]?.id ?? "geen");
  return {
    group,
    school,
    niveau,
    niveauNaam: niveaus.find((n) => n.id === niveau)?.naam ?? niveau,
    rank,
    ...(capaciteit !== undefined ? { capaciteit } : {}),
    counts: rank > 0 && rank >= displayRank,
  };
}
