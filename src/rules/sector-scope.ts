/**
 * Why an item or rule does or does not apply to a school of one sector: the
 * item's `sectoren`, a rule's `sectoren`, or the list terms a rule leaves
 * out. `explain` shows it; the engine goes by the same fields and hooks.
 */
import { coversSector } from "../core/sector.js";
import type { NotAsked } from "./kind.js";
import { KIND_BY_NAME } from "./registry.js";
import type { EffectiveItem, EffectiveRule, Ruleset } from "./ruleset-model.js";

export interface RuleScope {
  id: string;
  /** The rule asks something of the sector's schools. */
  applies: boolean;
  /** The sectors the rule (or its item) is limited to, when they leave the sector out. */
  sectoren?: readonly string[];
  /** The values the rule does not ask of the sector. */
  notAsked?: NotAsked;
}

export interface SectorScope {
  sector: string;
  /** The item applies to the sector (true when there is no item). */
  applies: boolean;
  /** The item's sectors, when they leave the sector out. */
  itemSectoren?: readonly string[];
  rules: RuleScope[];
}

export function sectorScope(ruleset: Ruleset, item: EffectiveItem | undefined, rules: readonly EffectiveRule[], sector: string): SectorScope {
  const applies = !item?.sectoren || coversSector(item.sectoren, sector);
  return {
    sector,
    applies,
    ...(applies ? {} : { itemSectoren: item!.sectoren! }),
    rules: rules.map((rule) => ruleScope(ruleset, rule, sector)),
  };
}

function ruleScope(ruleset: Ruleset, rule: EffectiveRule, sector: string): RuleScope {
  const sectoren = rule.sectoren ?? (rule.indicator ? ruleset.itemById.get(rule.indicator)?.sectoren : undefined);
  if (sectoren && !coversSector(sectoren, sector)) return { id: rule.id, applies: false, sectoren };
  const notAsked = KIND_BY_NAME.get(rule.kind)?.notAsked?.(rule.params, ruleset, sector);
  return notAsked ? { id: rule.id, applies: notAsked.asked.length > 0, notAsked } : { id: rule.id, applies: true };
}
