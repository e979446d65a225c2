/**
 * Every rule that applies, on one school: the verdicts per item (in the
 * compiled ruleset's verdict table) and what the rules found, as found.
 */
import type { SchoolRegime } from "../core/regime.js";
import type { Lang } from "../core/types.js";
import { t } from "../i18n/messages.js";
import type { Outcome, Problem, RuleContext } from "../rules/kind.js";
import type { EffectiveRule } from "../rules/ruleset-model.js";
import { currentDocument, type CheckEnv } from "./check-env.js";
import type { CompiledRuleset, SectorPlan } from "./compiled-ruleset.js";
import type { LoadedDocument, SchoolDocuments } from "./school.js";
import type { VerdictTable } from "./verdict-table.js";

/** What a rule found, as it found it: one shape for all, made into findings after the loop. */
export interface Found {
  problem: Problem;
  rule: EffectiveRule;
  itemId: string | undefined;
  /** The document the rule read last, where a problem without a file of its own is. */
  read: LoadedDocument | undefined;
  failing: boolean;
  /** The document says nothing about it: the finding has the rule's niet-aangetoond severity. */
  unknown: boolean;
}

/**
 * A function of its own (as are the steps after it) so that the optimising
 * compiler handles each step separately: one big function was recompiled
 * whole each time any of its parts met new data.
 */
export function runRules(
  school: SchoolDocuments,
  compiled: CompiledRuleset,
  plan: SectorPlan,
  sector: string | undefined,
  regime: SchoolRegime,
  env: CheckEnv,
): { verdicts: VerdictTable; found: Found[] } {
  const { ruleset, itemIndex: index, verdicts } = compiled;
  verdicts.clear();
  const found: Found[] = [];

  let lastRead: LoadedDocument | undefined;
  // One context per school; the rule-specific fields are set for each rule.
  const ctx: RuleContext<unknown, unknown> = {
    rule: ruleset.rules[0]!,
    params: undefined,
    compiled: undefined,
    lang: env.lang,
    peildatum: env.peildatum,
    schooljaar: env.schooljaar,
    school,
    ruleset,
    sector,
    regime,
    document(ref) {
      lastRead = currentDocument(school, ref, env, regime);
      return lastRead;
    },
    indicators: [],
    resolve: compiled.resolve,
    term: compiled.term,
    canonical: compiled.canonical,
    nearestTerm: compiled.nearestTerm,
  };

  for (const { rule, kind, indicators, compiled: compiledParams } of plan.rules) {
    lastRead = undefined;
    ctx.rule = rule;
    ctx.params = rule.params;
    ctx.compiled = compiledParams;
    ctx.indicators = indicators;
    let outcomes: Outcome[];
    try {
      outcomes = (rule.als && whenNot(rule, ctx, env.lang)) || kind.evaluate(ctx);
    } catch (error) {
      // A crash here is a bug in sop-audit, not bad input: say which rule and school.
      throw new Error(`rule ${rule.id} (${rule.kind}) crashed on school ${school.id}: ${(error as Error).stack ?? error}`);
    }
    for (let k = 0; k < outcomes.length; k++) {
      const outcome = outcomes[k]!;
      const itemId = outcome.indicator ?? rule.indicator;
      // An id that is no item of the ruleset gets no status.
      const i = itemId === undefined ? undefined : index.get(itemId);
      const failing = outcome.verdict === "fail";
      if (i !== undefined) {
        verdicts.judge(i, rule.id);
        if (failing) verdicts.fail[i]!++;
        else if (outcome.verdict === "unknown") verdicts.unknown[i]!++;
        else if (outcome.verdict === "pass") verdicts.pass[i]!++;
        else verdicts.nvt[i]!++;
        if (outcome.reason) verdicts.addReason(i, outcome.reason);
      }
      const problems = outcome.problems;
      if (!problems) continue;
      for (const problem of problems) {
        if (failing && i !== undefined) verdicts.failFindings[i]!++;
        else if (outcome.verdict === "unknown" && i !== undefined) verdicts.unknownFindings[i]!++;
        found.push({ problem, rule, itemId, read: lastRead, failing, unknown: outcome.verdict === "unknown" });
      }
    }
  }
  return { verdicts, found };
}

/**
 * A rule that applies only when a field has one of some values (`als`): the
 * outcome when it does not (n.v.t.) or when the document does not say (niet
 * aangetoond whether it applies); undefined when the rule applies.
 */
function whenNot(rule: EffectiveRule, ctx: RuleContext<unknown, unknown>, lang: Lang): Outcome[] | undefined {
  const als = rule.als!;
  const doc = ctx.document(als.document ?? rule.document ?? "sop");
  const value = doc ? ctx.resolve(doc.doc, als.path).find((h) => h.value !== undefined)?.value : undefined;
  const wanted = als.in.map(String).join(", ");
  if (value === undefined) {
    const text = t(lang, "engine.whenUnknown", { path: als.path, values: wanted });
    return [{ verdict: "unknown", reason: text, problems: doc ? [{ path: [], message: text, expected: wanted, found: t(lang, "word.none") }] : [] }];
  }
  if (als.in.includes(value as never)) return undefined;
  return [{ verdict: "nvt", reason: t(lang, "engine.whenNot", { path: als.path, values: wanted, found: String(value) }) }];
}
