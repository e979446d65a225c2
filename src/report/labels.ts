/**
 * The report's labels live in the one message catalogue (i18n/nl.ts and
 * i18n/en.ts); this keeps the name `label` for the view models that still
 * import it from here.
 */
import type { Lang } from "../core/types.js";
import { t, type MessageKey, type Vals } from "../i18n/messages.js";

export type LabelKey = MessageKey;

/** A text of the catalogue, with its values filled in from `vals`. */
export function label(lang: Lang, key: MessageKey, vals: Vals = {}): string {
  return t(lang, key, vals);
}
