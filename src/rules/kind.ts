/**
 * The shape every rule kind has. A kind is one small module in
 * `rules/kinds/`, registered in `rules/registry.ts`.
 */
import type { z } from "zod";
import type { SchoolRegime } from "../core/regime.js";
import type { Lang, Severity, SourceRange } from "../core/types.js";
import type { Msg, Vals } from "../i18n/messages.js";
import type { PathSegment, SourceFile } from "../documents/source.js";
import type { PathHit } from "./path.js";
import type { DocumentRefName } from "./ruleset-schema.js";
import type { EffectiveRule, Ruleset } from "./ruleset-model.js";
import type { LoadedDocument, SchoolDocuments } from "../documents/school-documents.js";

export type Verdict = "pass" | "fail" | "unknown" | "nvt";

/** What is wrong, with where; the engine turns it into a Finding. */
export interface Problem {
  message: string;
  /** Data path in `file` of the value concerned. */
  path?: PathSegment[];
  /** Point at the key rather than the value. */
  key?: boolean;
  /** The data path the finding is about, when it points elsewhere (a missing field points at its parent). */
  about?: string;
  /** The file; default: the document the rule read. */
  file?: SourceFile;
  /** An explicit range (Markdown headings); otherwise located from `path`. */
  range?: SourceRange;
  expected?: string;
  found?: string;
  /** Overrides the rule's severity for this problem (e.g. "voldoet deels"). */
  severity?: Severity;
}

export interface Outcome {
  verdict: Verdict;
  /** For rules that work per indicator; default: the rule's indicator. */
  indicator?: string;
  /** Why (for unknown / nvt), one line. */
  reason?: string;
  problems?: Problem[];
}

export interface RuleContext<P, C = unknown> {
  rule: EffectiveRule;
  params: P;
  /** What the kind's `compile` made of the params, once per run. */
  compiled: C;
  lang: Lang;
  peildatum: string;
  schooljaar: string;
  school: SchoolDocuments;
  ruleset: Ruleset;
  /** The school's sector as its SOP gives it; undefined: the SOP does not say, and everything is asked. */
  sector: string | undefined;
  /** Which law judges the school this schooljaar. */
  regime: SchoolRegime;
  /** The newest valid document of that kind up to the audited schooljaar. */
  document(ref: DocumentRefName): LoadedDocument | undefined;
  /** Indicators this per-indicator rule covers that apply to the school. */
  indicators: string[];
  /** Canonical id of a term in a vocabulary (ids, names, synonyms), or undefined. */
  term(list: string, value: string): string | undefined;
  /** Every value a rule path (`aanbod[].behoefte`) reaches in `data`; the run parses each path once. */
  resolve(data: unknown, path: string): PathHit[];
  /** Canonical id of a term in whichever vocabulary knows it; else the normalised text. */
  canonical(value: string): string;
  /** For a text a list does not know: the known term it is nearest to, for "bedoelde je …?". */
  nearestTerm(list: string, value: string): { id: string; alias: string } | undefined;
}

/** The values of a rule a school of one sector is not asked: their terms' `sectoren` leave the sector out. */
export interface NotAsked {
  list: string;
  /** Each value left out, with the sectors its term names. */
  values: { value: string; sectoren: readonly string[] }[];
  /** The values that are still asked. */
  asked: string[];
}

/**
 * A kind's own texts, as ESLint's `meta.messages`: per language, by message
 * id. Both languages must have the same ids (the type of `defineKind` holds that).
 */
export type KindMessages<Id extends string = string> = Record<Lang, Record<Id, Msg>>;

/** One of the kind's messages, in the run's language, with its values filled in. */
export type KindMessage<Id extends string = string> = (id: Id, data?: Vals) => string;

export interface RuleKind<P = unknown, C = unknown, Id extends string = string> {
  name: string;
  summary: { nl: string; en: string };
  /** Every text the kind's findings and reasons show, by id. */
  messages: KindMessages<Id>;
  params: z.ZodType<P>;
  /** Which document the rule must name (`document:`), if any. */
  needsDocument: boolean;
  /** Works per indicator through the rule's `indicatoren` selector. */
  perIndicator?: boolean;
  /**
   * For legal-minimum rules: is `next` at least as strict as `base`? A kind
   * without this allows no parameter change on such rules.
   */
  atLeastAsStrict?(base: P, next: P): boolean;
  /**
   * Ruleset-level checks beyond the params schema (paths, lists exist).
   * `shipped`: the parameters come from sop-audit's own standards/, which
   * its test suite checks; expensive checks may be skipped for them.
   */
  check?(params: P, rule: EffectiveRule, ruleset: Ruleset, origin: { shipped: boolean; lang: Lang }): { message: string; param?: string }[];
  /**
   * What the rule does not ask of a school of `sector` (the values whose list
   * terms are for other sectors); undefined: it asks everything. `evaluate`
   * and `explain` both go by it.
   */
  notAsked?(params: P, ruleset: Ruleset, sector: string): NotAsked | undefined;
  /** What evaluating needs of the params alone (a pattern, a validator): made once per run, not per school. */
  compile?(params: P): C;
  evaluate(ctx: RuleContext<P, C>): Outcome[];
}

/** A kind as its module writes it: `evaluate` gets the kind's messages in the run's language. */
export interface KindDefinition<P, C, Id extends string> extends Omit<RuleKind<P, C, Id>, "evaluate"> {
  evaluate(ctx: RuleContext<P, C>, message: KindMessage<Id>): Outcome[];
}

/** The text of one of a kind's messages: the one place a kind's message ids become words. */
export function kindMessage<Id extends string>(messages: KindMessages<Id>, lang: Lang, id: Id, data: Vals = {}): string {
  return messages[lang][id](data);
}

export function defineKind<P, C = unknown, Id extends string = string>(definition: KindDefinition<P, C, Id>): RuleKind<P, C, Id> {
  // One lookup function per language, made once: evaluate runs for every school.
  const inLang = (lang: Lang): KindMessage<Id> => (id, data) => kindMessage(definition.messages, lang, id, data);
  const byLang: Record<Lang, KindMessage<Id>> = { nl: inLang("nl"), en: inLang("en") };
  return { ...definition, evaluate: (ctx) => definition.evaluate(ctx, byLang[ctx.lang]) };
}
