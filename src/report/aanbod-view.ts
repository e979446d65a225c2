/**
 * A school's offer as people read it: per need the level, the capacity, the
 * onderwijstypen and what the school says about it, with the names of the
 * SWV's lists (term-names.ts), in the lists' order. The school page shows
 * it; any report that shows one school's offer can take the same rows.
 */
import type { AanbodEntry, AuditResult, Lang } from "../core/types.js";
import { t } from "../i18n/messages.js";
import { cmp } from "./common.js";
import { termNames } from "./term-names.js";

export interface AanbodView {
  behoefte: string;
  behoefteNaam: string;
  niveau: string;
  niveauNaam: string;
  capaciteit?: number;
  /** Names of the onderwijstypen, or "alle" where the entry names none. */
  onderwijstypen: string;
  /** The voorziening that offers it (`voorzieningen[]`), by its name. */
  voorziening?: string;
  /** The school's explanation, whole. */
  toelichting?: string;
}

export function aanbodViews(lang: Lang, vocab: AuditResult["vocab"], aanbod: readonly AanbodEntry[]): AanbodView[] {
  const names = termNames(vocab);
  const last = Number.MAX_SAFE_INTEGER;
  return [...aanbod]
    .sort(
      (a, b) =>
        (names.rank("behoeften", a.behoefte) ?? last) - (names.rank("behoeften", b.behoefte) ?? last) ||
        cmp(a.behoefte, b.behoefte) ||
        (names.rank("niveaus", b.niveau ?? "") ?? -1) - (names.rank("niveaus", a.niveau ?? "") ?? -1) ||
        cmp(a.onderwijstypen.join(","), b.onderwijstypen.join(",")) ||
        cmp(a.voorziening ?? "", b.voorziening ?? ""),
    )
    .map((e) => ({
      behoefte: e.behoefte,
      behoefteNaam: names.naam("behoeften", e.behoefte),
      niveau: e.niveau ?? "?",
      niveauNaam: e.niveau === undefined ? "?" : names.naam("niveaus", e.niveau),
      ...(e.capaciteit !== undefined ? { capaciteit: e.capaciteit } : {}),
      onderwijstypen: e.onderwijstypen.length > 0 ? e.onderwijstypen.map((o) => names.naam("onderwijstypen", o)).join(", ") : t(lang, "word.all"),
      ...(e.voorziening !== undefined ? { voorziening: e.voorziening } : {}),
      ...(e.toelichting !== undefined ? { toelichting: e.toelichting } : {}),
    }));
}
