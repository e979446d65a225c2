/**
 * A profile's `maxNietAangetoond`: a school whose share of niet-aangetoond
 * items (out of those that apply) is above it gets one finding, at its folder.
 * Items without evidence bring no finding of their own when their rules say
 * so; this keeps a school full of them from passing unnoticed.
 */
import { nietAangetoondOf, schoolStatusCounts } from "../core/status-counts.js";
import type { Finding, ItemStatus, Lang } from "../core/types.js";
import { FILE_START } from "../documents/source.js";
import { t } from "../i18n/messages.js";
import type { Ruleset } from "../rules/ruleset-model.js";

export const UNPROVEN_SHARE_RULE = "school/niet-aangetoond";

export function unprovenShareFinding(
  school: { id: string; dir: string },
  statuses: readonly ItemStatus[],
  ruleset: Pick<Ruleset, "maxNietAangetoond">,
  lang: Lang,
): Finding | undefined {
  const max = ruleset.maxNietAangetoond;
  if (max === undefined) return undefined;
  const unproven = nietAangetoondOf(schoolStatusCounts({ statuses }));
  if (unproven.share <= max.aandeel) return undefined;
  return {
    ruleId: UNPROVEN_SHARE_RULE,
    severity: max.severity,
    file: school.dir,
    range: FILE_START,
    school: school.id,
    message: t(lang, "check.maxNietAangetoond", { count: unproven.count, total: unproven.total, percent: percent(unproven.share), max: percent(max.aandeel) }),
    hint: t(lang, "check.maxNietAangetoond.hint"),
    found: String(unproven.count),
    expected: `≤ ${Math.floor(max.aandeel * unproven.total)}`,
  };
}

/** 0.25 → "25", 0.125 → "12.5": a share as people read a percentage. */
function percent(share: number): string {
  return String(Math.round(share * 1000) / 10);
}
