/**
 * A ruleset made ready for checking many schools: everything about it that
 * is the same for every school is worked out here, once per run (and once
 * per worker thread, from the ruleset it is sent), and handed to the engine.
 * The engine keeps nothing about a ruleset anywhere else.
 */
import type { ItemStatus } from "../core/types.js";
import { REGIMES, type RegimeNaam } from "../core/regime.js";
import { coversSector, partsOfSector } from "../core/sector.js";
import { closest, normaliseTerm } from "../core/similar.js";
import type { RuleKind } from "../rules/kind.js";
import { pathResolver, type PathHit } from "../rules/path.js";
import type { Detector } from "../rules/kinds/persoonsgegevens.js";
import { KIND_BY_NAME } from "../rules/registry.js";
import type { EffectiveRule, Ruleset } from "../rules/ruleset-model.js";
import { privacyDetector } from "./mask-personal-data.js";
import { VerdictTable } from "./verdict-table.js";

/** The known term a text not in a list is nearest to. */
export interface NearestTerm {
  id: string;
  /** The id, name or synonym the text is nearest to, as the list writes it. */
  alias: string;
}

/** A rule that applies to the schools of a sector, with what it needs per school. */
export interface PlannedRule {
  rule: EffectiveRule;
  kind: RuleKind<unknown, unknown>;
  /** The items a per-indicator rule judges in this sector, in ruleset order. */
  indicators: string[];
  /** What the kind made of the rule's params (its `compile`): a pattern, a validator. */
  compiled: unknown;
}

/** What is the same for every school of a sector. */
export interface SectorPlan {
  /** The items that apply to the sector. */
  applicable: ReadonlySet<string>;
  /** The rules that apply, in rule order: on, for this sector, judging an item it has. */
  rules: readonly PlannedRule[];
  /** Items that apply but whose own rules are all for other sectors, with those sectors: n.v.t., not unproven. */
  ruledOut: ReadonlyMap<string, readonly string[]>;
  /** Items whose every rule the profile switched off (an optional legal rule): n.v.t., not unproven. */
  switchedOff: ReadonlySet<string>;
}

export interface CompiledRuleset {
  readonly ruleset: Ruleset;
  /** Where each item is in ruleset.items. */
  readonly itemIndex: ReadonlyMap<string, number>;
  /** The one vocabulary service: a term's id in a list (id, name or synonym, however written), or undefined. Rules, the coverage matrix and reports all see terms through it. */
  readonly term: (list: string, value: string) => string | undefined;
  /** A term's id in whichever list knows it; else the text normalised. */
  canonical(value: string): string;
  /** For a text the list does not know: the term it is nearest to (its id, and the spelling it is nearest), if any is close enough to be a likely slip. */
  readonly nearestTerm: (list: string, value: string) => NearestTerm | undefined;
  /** The lists of the privacy rule, compiled: every text of a result is masked by them. */
  readonly privacy: Detector;
  /** Every value a rule path reaches, each path parsed once per run. */
  readonly resolve: (data: unknown, path: string) => PathHit[];
  /** The plan for the schools of a sector under a regime; sector undefined: not known (every item of the regime applies). */
  planFor(sector: string | undefined, regime: RegimeNaam): SectorPlan;
  /**
   * Work space that one school's check fills and the next one's clears:
   * a thread checks one school at a time, and each thread compiles its own.
   */
  readonly verdicts: VerdictTable;
  /** The status each item got last, by the item's place: the next school mostly gives the same. */
  readonly lastStatuses: (ItemStatus | undefined)[];
}

export function compileRuleset(ruleset: Ruleset): CompiledRuleset {
  const compiledRules = new Map<EffectiveRule, PlannedRule>();
  for (const rule of ruleset.rules) {
    if (rule.severity === "off") continue;
    const kind = KIND_BY_NAME.get(rule.kind)! as RuleKind<unknown, unknown>;
    compiledRules.set(rule, { rule, kind, indicators: [], compiled: kind.compile?.(rule.params) });
  }
  const plansOf = (regime: RegimeNaam) => {
    const plan = (sector: string | undefined): SectorPlan => planSector(ruleset, compiledRules, sector, regime);
    // A sector no item or rule names has the plan of any other such sector.
    const plans = new Map([...namedSectors(ruleset)].map((s) => [s, plan(s)]));
    const other = plan(unnamedSector(plans));
    return { plans, unknown: plan(undefined), other };
  };
  const byRegime = new Map(REGIMES.map((r) => [r, plansOf(r)]));
  const terms = termIndex(ruleset);
  return {
    ruleset,
    itemIndex: new Map(ruleset.items.map((it, i) => [it.id, i])),
    term: (list, value) => lookUpTerm(terms.get(list), value),
    canonical(value) {
      const key = normaliseTerm(value);
      for (const index of terms.values()) {
        const id = lookUpTerm(index, value, key);
        if (id) return id;
      }
      return key;
    },
    nearestTerm: (list, value) => nearestTerm(ruleset, list, value),
    privacy: privacyDetector(ruleset),
    resolve: pathResolver(),
    planFor(sector, regime) {
      const { plans, unknown, other } = byRegime.get(regime)!;
      return sector ? (plans.get(sector) ?? other) : unknown;
    },
    verdicts: new VerdictTable(ruleset.items.length),
    lastStatuses: new Array(ruleset.items.length).fill(undefined),
  };
}

/** The sectors the ruleset's items and rules are limited to, and those they reach with them (VO: PrO). */
function namedSectors(ruleset: Ruleset): Set<string> {
  const sectors = new Set<string>();
  const add = (s: string) => {
    sectors.add(s);
    for (const part of partsOfSector(s)) sectors.add(part);
  };
  for (const item of ruleset.items) for (const s of item.sectoren ?? []) add(s);
  for (const rule of ruleset.rules) for (const s of rule.sectoren ?? []) add(s);
  return sectors;
}

function unnamedSector(named: ReadonlyMap<string, unknown>): string {
  let sector = "?";
  while (named.has(sector)) sector += "?";
  return sector;
}

/**
 * Whether a rule is off, is for another sector or judges an item the sector
 * does not have is the same for every school of the sector.
 */
function planSector(ruleset: Ruleset, compiledRules: ReadonlyMap<EffectiveRule, PlannedRule>, sector: string | undefined, regime: RegimeNaam): SectorPlan {
  const applicable = new Set(
    ruleset.items.filter((it) => (!it.regime || it.regime === regime) && (!sector || !it.sectoren || coversSector(it.sectoren, sector))).map((it) => it.id),
  );
  const rules: PlannedRule[] = [];
  const ruledOut = new Map<string, string[]>();
  const ruledIn = new Set<string>();
  for (const planned of compiledRules.values()) {
    const { rule, kind } = planned;
    const item = rule.indicator ? ruleset.itemById.get(rule.indicator) : undefined;
    const sectors = rule.sectoren ?? item?.sectoren;
    if (rule.indicator && !applicable.has(rule.indicator)) continue;
    if (sector && sectors && !coversSector(sectors, sector)) {
      if (rule.indicator) ruledOut.set(rule.indicator, [...new Set([...(ruledOut.get(rule.indicator) ?? []), ...sectors])]);
      continue;
    }
    if (rule.indicator) ruledIn.add(rule.indicator);
    rules.push(kind.perIndicator ? { ...planned, indicators: select(rule, ruleset, applicable) } : planned);
  }
  for (const id of ruledIn) ruledOut.delete(id);
  const judged = new Set(rules.flatMap((r) => [...(r.rule.indicator ? [r.rule.indicator] : []), ...r.indicators]));
  const switchedOff = new Set(
    ruleset.rules.filter((r) => r.optioneel && r.severity === "off" && r.indicator && applicable.has(r.indicator) && !judged.has(r.indicator)).map((r) => r.indicator!),
  );
  return { applicable, rules, ruledOut, switchedOff };
}

/** The applicable items a per-indicator rule's selector picks. */
function select(rule: EffectiveRule, ruleset: Ruleset, applicable: ReadonlySet<string>): string[] {
  const sel = rule.indicatoren;
  if (!sel) return [];
  return ruleset.items
    .filter((it) => applicable.has(it.id))
    .filter((it) => !sel.catalog || it.source === sel.catalog)
    .filter((it) => !sel.standaard || sel.standaard.includes(it.standaard))
    .filter((it) => !sel.evaluatie || it.evaluatie.includes(sel.evaluatie))
    .map((it) => it.id);
}

/**
 * A term's id in one list: the text as written, else without what it says
 * between brackets ("intern begeleider (IB'er)"), else what it says between
 * them ("(IB'er)").
 */
function lookUpTerm(index: ReadonlyMap<string, string> | undefined, value: string, key = normaliseTerm(value)): string | undefined {
  if (!index) return undefined;
  const exact = index.get(key);
  if (exact !== undefined || !value.includes("(")) return exact;
  // Drop the brackets from the end one by one: a name may have brackets of its own ("Extra ondersteuning (bestuur)").
  let shorter = value;
  while (/\([^)]*\)\s*$/.test(shorter)) {
    shorter = shorter.replace(/\([^)]*\)\s*$/, "");
    const outside = index.get(normaliseTerm(shorter));
    if (outside !== undefined) return outside;
  }
  const outside = index.get(normaliseTerm(value.replace(/\([^)]*\)/g, " ")));
  if (outside !== undefined) return outside;
  for (const m of value.matchAll(/\(([^)]*)\)/g)) {
    const inside = index.get(normaliseTerm(m[1]!));
    if (inside !== undefined) return inside;
  }
  return undefined;
}

/** Every spelling of every term is a candidate: a slip is as likely in a synonym as in the id. */
function nearestTerm(ruleset: Ruleset, list: string, value: string): NearestTerm | undefined {
  const idOf = new Map<string, string>();
  for (const term of ruleset.lijsten[list] ?? []) for (const alias of [term.id, term.naam, ...(term.synoniemen ?? [])]) if (alias && !idOf.has(alias)) idOf.set(alias, term.id);
  const alias = closest(value, idOf.keys());
  return alias === undefined ? undefined : { id: idOf.get(alias)!, alias };
}

function termIndex(ruleset: Ruleset): Map<string, Map<string, string>> {
  const index = new Map<string, Map<string, string>>();
  for (const [name, vocab] of Object.entries(ruleset.lijsten)) {
    const m = new Map<string, string>();
    for (const term of vocab) {
      for (const alias of [term.id, term.naam, ...(term.synoniemen ?? [])]) if (alias) m.set(normaliseTerm(alias), term.id);
    }
    index.set(name, m);
  }
  return index;
}
