/**
 * The verdicts of the dekkend-aanbod matrix, as data: per support need the
 * highest level each school offers, per group of schools how many offer it
 * at the minimum's level and with how many places, and per scope and group
 * whether that is enough. No display text: coverage.ts words the verdicts.
 *
 * Verdicts, per group (c schools offer the need at the level, k schools of
 * the group could, m the minimum):
 * - `niet-gedekt`: no school offers it (c = 0), a white spot;
 * - `hoogst-haalbaar`: every school that could offers it, and that is one
 *   school or fewer than the minimum (c = k, c = 1 or c < m): one school of
 *   its type is all the group has, so it is not counted as vulnerable;
 * - `kwetsbaar`: it hangs on one school where more could offer it, or fewer
 *   schools than the minimum offer it;
 * - `gedekt`: at least the minimum, and at least two schools.
 *
 * The schools that could offer a level (k) are the group's schools of the
 * onderwijstypen that offer that level anywhere in the SWV: where only sbo
 * schools offer "specialistisch", the one sbo school is all there is.
 */
import type { AanbodEntry, AuditResult, CoverageMinimum, SchoolResult, VocabTerm } from "../core/types.js";
import { cmp, cmpName } from "./common.js";
import { termNames } from "./term-names.js";

export type CoverageGroupKey = "onderwijstype" | "kring" | "gemeente";
export type CoverageScope = CoverageGroupKey | "swv";
export type Verdict = "gedekt" | "hoogst-haalbaar" | "kwetsbaar" | "niet-gedekt";
export const SCOPES: readonly CoverageScope[] = ["onderwijstype", "kring", "gemeente", "swv"];
export const VERDICT_SEVERITY: Record<Verdict, number> = { gedekt: 0, "hoogst-haalbaar": 1, kwetsbaar: 2, "niet-gedekt": 3 };

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
  /** Places at that level, when any entry states them (an offer written under both aanbod and voorzieningen counts once). */
  capaciteit?: number;
  /** Offered at a level that counts for the row's own minimum. */
  counts: boolean;
}

/** How many places the offering schools of a group state: known for all of them, for some, or for none. */
export type CapacityKnown = "bekend" | "deels" | "onbekend";

/** One group of one scope for one need: who offers it at the level, the highest level present and the places. */
export interface GroupCount {
  scope: CoverageScope;
  /** Group value ("" for swv-wide or a group not filled in). */
  group: string;
  /** The level counted: the minimum's, or for a scope without one the lowest real level. */
  niveau: string;
  /** The schools in the group offering at ≥ niveau; how many schools the group has. */
  schools: string[];
  total: number;
  /** Schools of the group that could offer the level: those of the onderwijstypen that offer it in the SWV. */
  kandidaten: number;
  /** The onderwijstypen that alone offer the level in the SWV, when not every type does (in list order). */
  soort?: string[];
  /** The group's one school, when it has one. */
  enige?: string;
  /** The highest level any school of the group offers ("geen" when none; "?" when every school is silent). */
  hoogste: string;
  hoogsteRank: number;
  /** Sum of the places at ≥ niveau that the offering schools state, and whether all, some or none of them state any. */
  capaciteit?: number;
  capaciteitBekend: CapacityKnown;
}

/** Whether one group of one scope is covered for one need. */
export interface ScopeVerdict extends GroupCount {
  verdict: Verdict;
  /** The schools the minimum asks for. */
  minimum: number;
}

export interface NeedVerdicts {
  behoefte: string;
  naam: string;
  /** One cell per column, in column order (over all groups). */
  cells: CoverageCell[];
  /** Where each column group's cells start in `cells`, and where the last ends. */
  groupStarts: number[];
  /** Per group of the display grouping, in group order: its count, with its verdict when a minimum applies. */
  groupCounts: (GroupCount | ScopeVerdict)[];
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
  const couldOffer = candidates(schools, rankOf, (id) => names.rank("onderwijstypen", id));

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
    const count = (scope: CoverageScope, g: string, list: readonly number[], rank: number): GroupCount => {
      const need = Math.max(rank, 1);
      const offering = list.filter((i) => bestRankIn(forNeed[i]!, scope, g, rankOf) >= need);
      const known = offering.map((i) => placesIn(forNeed[i]!, scope, g, need, rankOf)).filter((c): c is number => c !== undefined);
      let top = 0;
      for (const i of list) top = Math.max(top, bestRankIn(forNeed[i]!, scope, g, rankOf));
      const could = couldOffer(list, need);
      return {
        scope,
        group: g,
        niveau: niveaus[need]?.id ?? niveaus[niveaus.length - 1]?.id ?? "basis",
        schools: offering.map((i) => schools[i]!.id),
        total: list.length,
        kandidaten: could.count,
        ...(could.soort ? { soort: could.soort } : {}),
        ...(list.length === 1 ? { enige: schools[list[0]!]!.id } : {}),
        hoogste: top > 0 ? niveaus[top]!.id : list.every((i) => silent[i]) ? "?" : (niveaus[0]?.id ?? "geen"),
        hoogsteRank: top,
        ...(known.length > 0 ? { capaciteit: known.reduce((a, c) => a + c, 0) } : {}),
        capaciteitBekend: offering.length > 0 && known.length === offering.length ? "bekend" : known.length > 0 ? "deels" : "onbekend",
      };
    };
    const verdicts: ScopeVerdict[] = [];
    for (const scope of SCOPES) {
      const min = applying.get(scope);
      if (!min) continue;
      for (const [g, list] of members[scope]) {
        const c = count(scope, g, list, rankOf.get(min.niveau) ?? 0);
        verdicts.push({ ...c, verdict: verdictOf(c.schools.length, c.kandidaten, min.scholen), minimum: min.scholen });
      }
    }
    const own = new Map(verdicts.filter((v) => v.scope === groupBy).map((v) => [v.group, v]));
    const groupCounts = [...members[groupBy]].map(([g, list]) => own.get(g) ?? count(groupBy, g, list, displayRank));
    const worst = verdicts.reduce<Verdict>((w, v) => (VERDICT_SEVERITY[v.verdict] > VERDICT_SEVERITY[w] ? v.verdict : w), "gedekt");
    return { behoefte: b.id, naam: names.naam("behoeften", b.id), cells, groupStarts, groupCounts, verdicts, worst };
  });
  const unclassified = schools.flatMap((s) => unclassifiedOf(s, names.knows));
  return { groupBy, niveaus, minima, schools, groups, needs, unclassified, compareGroups };
}

/**
 * Which schools of a group could offer a level: those of the onderwijstypen
 * that offer it (for any need) somewhere in the SWV. A school without
 * onderwijstypen could offer anything; where one of them offers the level,
 * or every type does, the level belongs to no type.
 */
function candidates(
  schools: readonly SchoolResult[],
  rankOf: ReadonlyMap<string, number>,
  typeRank: (id: string) => number | undefined,
): (list: readonly number[], rank: number) => { count: number; soort?: string[] } {
  const allTypes = new Set(schools.flatMap((s) => s.onderwijstypen));
  const bestOf = schools.map((s) => {
    let best = 0;
    for (const e of s.sop?.aanbod ?? []) if (e.niveau !== undefined) best = Math.max(best, rankOf.get(e.niveau) ?? 0);
    return best;
  });
  const soortOf = new Map<number, string[] | undefined>();
  const soort = (rank: number): string[] | undefined => {
    if (soortOf.has(rank)) return soortOf.get(rank);
    const reaching = schools.filter((_, i) => bestOf[i]! >= rank);
    const types = new Set(reaching.flatMap((s) => s.onderwijstypen));
    const bound = reaching.length > 0 && reaching.every((s) => s.onderwijstypen.length > 0) && types.size < allTypes.size;
    const out = bound ? [...types].sort((a, b) => (typeRank(a) ?? Number.MAX_SAFE_INTEGER) - (typeRank(b) ?? Number.MAX_SAFE_INTEGER) || cmp(a, b)) : undefined;
    soortOf.set(rank, out);
    return out;
  };
  return (list, rank) => {
    const types = soort(rank);
    if (!types) return { count: list.length };
    const count = list.filter((i) => schools[i]!.onderwijstypen.length === 0 || schools[i]!.onderwijstypen.some((t) => types.includes(t))).length;
    return { count, soort: types };
  };
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

/** `offering` schools offer it, `could` schools of the group could, the minimum asks `minimum` (at least 1). */
export function verdictOf(offering: number, could: number, minimum: number): Verdict {
  if (offering === 0) return "niet-gedekt";
  if (offering >= minimum && offering >= 2) return "gedekt";
  // One school, or fewer than the minimum: all the group has, or a weak spot.
  return offering >= could ? "hoogst-haalbaar" : "kwetsbaar";
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
  const capaciteit = rank > 0 ? places(entries.filter((e) => e.niveau !== undefined && (rankOf.get(e.niveau) ?? 0) === rank)) : undefined;
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

/** The places a school states at ≥ rank for one need in the group: undefined when none is stated. */
function placesIn(all: readonly AanbodEntry[], scope: CoverageScope, group: string, rank: number, rankOf: ReadonlyMap<string, number>): number | undefined {
  return places(all.filter((e) => countsIn(e, scope, group) && e.niveau !== undefined && (rankOf.get(e.niveau) ?? 0) >= rank));
}

/**
 * The places of one school's entries. A school may describe one offer twice,
 * under aanbod and as a voorziening: a voorziening at the same level with
 * the same number of places, or one the aanbod entry names in its
 * toelichting, is that offer again and counts once (the larger number).
 * Other voorzieningen are more places, and add up.
 */
function places(entries: readonly AanbodEntry[]): number | undefined {
  let total: number | undefined;
  const add = (n: number) => (total = (total ?? 0) + n);
  const own = entries.filter((e) => e.voorziening === undefined && e.capaciteit !== undefined);
  const paired = new Set<AanbodEntry>();
  for (const v of entries) {
    if (v.voorziening === undefined || v.capaciteit === undefined) continue;
    const naam = v.voorziening.toLowerCase();
    const twin = own.find((a) => !paired.has(a) && a.niveau === v.niveau && (a.capaciteit === v.capaciteit || (a.toelichting ?? "").toLowerCase().includes(naam)));
    if (twin) paired.add(twin);
    add(twin ? Math.max(twin.capaciteit!, v.capaciteit) : v.capaciteit);
  }
  for (const a of own) if (!paired.has(a)) add(a.capaciteit!);
  return total;
}
