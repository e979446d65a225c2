/** Exactly one status per item of the ruleset, from what the rules said of it on one school. */
import type { SchoolRegime } from "../core/regime.js";
import type { ItemStatus, Lang, Status } from "../core/types.js";
import { t } from "../i18n/messages.js";
import type { CompiledRuleset, SectorPlan } from "./compiled-ruleset.js";
import { sameList, SHARED, stringList } from "./intern.js";
import type { VerdictTable } from "./verdict-table.js";

const NO_RULES: string[] = stringList();

/**
 * Evidence against beats all; a fact a document is silent about beats evidence
 * for (niet aangetoond); evidence for beats a document that is not there.
 */
export function itemStatuses(
  compiled: CompiledRuleset,
  plan: SectorPlan,
  verdicts: VerdictTable,
  sector: string | undefined,
  regime: SchoolRegime,
  lang: Lang,
): ItemStatus[] {
  const items = compiled.ruleset.items;
  const { applicable, ruledOut, switchedOff } = plan;
  const statuses: ItemStatus[] = new Array(items.length);
  const last = compiled.lastStatuses;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const id = item.id;
    let status: Status;
    let rules: string[] = NO_RULES;
    let reason: string | undefined;
    if (!applicable.has(id)) {
      status = "nvt";
      reason =
        item.regime && item.regime !== regime.naam
          ? regime.overgang
            ? t(lang, "engine.transitionYear", { schooljaar: regime.eersteSchooljaar, sop: regime.overgang.sop, vastgesteld: regime.overgang.vastgesteld })
            : t(lang, item.regime === "sop" ? "engine.onlyUnderSop" : "engine.onlyUnderSchoolgids", { eerste: regime.eersteSchooljaar, datum: regime.datum })
          : t(lang, "engine.notForSector", { sector, sectoren: item.sectoren?.join(", ") });
    } else if (!verdicts.isJudged(i) && ruledOut.has(id)) {
      status = "nvt";
      reason = t(lang, "engine.rulesNotForSector", { sector, sectoren: ruledOut.get(id)!.join(", ") });
    } else if (!verdicts.isJudged(i) && switchedOff.has(id)) {
      status = "nvt";
      reason = t(lang, "engine.switchedOff");
    } else if (!verdicts.isJudged(i)) {
      status = "niet-aangetoond";
      reason = t(lang, "engine.noRule");
    } else {
      if (verdicts.fail[i]! > 0) status = verdicts.failFindings[i]! > verdicts.failWaived[i]! ? "voldoet-niet" : "uitgezonderd";
      // A fact a document is silent about keeps the item from voldoet; what the SWV waived counts as waived.
      else if (verdicts.unknownFindings[i]! > 0) status = verdicts.unknownWaived[i] === verdicts.unknownFindings[i] ? "uitgezonderd" : "niet-aangetoond";
      // A document that is not there yet (no visitatie so far) leaves the evidence of the others standing.
      else if (verdicts.pass[i]! > 0) status = "voldoet";
      else if (verdicts.unknown[i]! > 0) status = "niet-aangetoond";
      else status = "nvt";
      if (status === "niet-aangetoond" || status === "nvt") reason = reasonOf(verdicts.reasons[i]);
      // Rules are evaluated in id order (the ruleset is sorted), so the list already is.
      rules = verdicts.rules[i]!;
    }
    // The school before mostly gave this item the same status: cheaper to compare than to look up.
    const before = last[i];
    if (before !== undefined && before.status === status && before.reason === reason && sameList(before.rules, rules)) statuses[i] = before;
    else statuses[i] = last[i] = SHARED.status(id, status, rules, reason);
  }
  return statuses;
}

/** The reasons of an item, each once, sorted. */
function reasonOf(reasons: string[] | undefined): string | undefined {
  if (!reasons) return undefined;
  if (reasons.length === 1) return reasons[0] || undefined;
  return [...new Set(reasons)].sort().join("; ") || undefined;
}
