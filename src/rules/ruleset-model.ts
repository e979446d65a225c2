/** The effective ruleset after layering: what the engine evaluates. */
import type { CoverageMinimum, Lang, Severity, SeverityOrOff, SourceRange } from "../core/types.js";
import type { DocumentRefName, IndicatorDef, RuleDef, StandaardDef, Vocab } from "./ruleset-schema.js";

export interface Provenance {
  file: string;
  range: SourceRange;
  /** Which catalog, profile or config made this change. */
  layer: string;
  /** `tightened`: a layer added a stricter rule of its own beside this legal minimum (named in `detail`). */
  action: "defined" | "override" | "tightened";
  /** What changed, for overrides: `severity: warning`, `params.maxAge: P1Y`. */
  detail?: string;
}

export interface EffectiveRule {
  id: string;
  titel: string;
  kind: string;
  indicator?: string;
  indicatoren?: RuleDef["indicatoren"];
  severity: SeverityOrOff;
  /** The severity of a finding when the document says nothing (niet aangetoond); default the rule's. */
  nietAangetoond?: SeverityOrOff;
  document?: DocumentRefName;
  params: unknown;
  sectoren?: string[];
  /** Off where it is defined: a rule a profile may switch on (its item is n.v.t. while it is off). */
  optioneel?: true;
  /** The rule applies only when a value of the school's document is one of these. */
  als?: RuleDef["als"];
  hint?: string;
  hintEn?: string;
  legalMinimum: boolean;
  /**
   * Set on a layer's stricter judgement beside a legal minimum (`WET-01+swv-vo-2203`):
   * the id of that legal rule, which keeps the law's terms.
   */
  tightens?: string;
  /** Catalog or profile id that defined it. */
  source: string;
  provenance: Provenance[];
}

export interface EffectiveItem extends IndicatorDef {
  source: string;
  file: string;
  range: SourceRange;
}

export interface EffectiveStandard extends StandaardDef {
  source: string;
}

export interface RulesetLayer {
  id: string;
  kind: "Catalog" | "Profile" | "Config";
  titel: string;
  bron: string;
  file: string;
  /** A profile's `extends`, as written: the layers it builds on. */
  extends?: string[];
}

export interface Ruleset {
  profile: string;
  layers: RulesetLayer[];
  standards: EffectiveStandard[];
  items: EffectiveItem[];
  itemById: Map<string, EffectiveItem>;
  rules: EffectiveRule[];
  lijsten: Record<string, Vocab>;
  sectoren?: string[];
  dekkendAanbod: { minima: CoverageMinimum[]; groeperen: ("onderwijstype" | "kring" | "gemeente")[] };
  /** The share of a school's applicable items that may be niet aangetoond before it is a finding (school/niet-aangetoond). */
  maxNietAangetoond?: { aandeel: number; severity: Severity };
  /** Content hash of everything that changes results, for the cache. */
  hash: string;
}

/** A rule's fix hint in the run's language: rules written by an SWV may give only the Dutch one. */
export function ruleHint(rule: Pick<EffectiveRule, "hint" | "hintEn">, lang: Lang): string | undefined {
  return lang === "en" ? (rule.hintEn ?? rule.hint) : rule.hint;
}
