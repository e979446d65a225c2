/**
 * Personal data a school wrote never leaves the engine unmasked: every text
 * of a school's result (summaries the reports quote, messages that cite a
 * value) is masked as the privacy rule masks what it finds, so a report or
 * a CI log cannot repeat what that rule warns about.
 */
import type { SchoolResult } from "../core/types.js";
import type { Ruleset } from "../rules/ruleset-model.js";
import { compileDetector, findPersonalData, type Detector, type PersoonsgegevensParams } from "../rules/kinds/persoonsgegevens.js";

/** The lists of the ruleset's privacy rule (an SWV's own allowed addresses among them), compiled; empty lists when it has none. */
export function privacyDetector(ruleset: Ruleset): Detector {
  const rule = ruleset.rules.find((r) => r.kind === "persoonsgegevens" && r.severity !== "off") ?? ruleset.rules.find((r) => r.kind === "persoonsgegevens");
  return compileDetector((rule?.params ?? {}) as Partial<PersoonsgegevensParams>);
}

export function maskPersonalData(result: SchoolResult, detector: Detector): void {
  // Statuses hold only the ruleset's own ids: nothing a school wrote.
  maskIn(result as unknown as Record<string, unknown>, detector, "statuses");
}

function maskIn(value: Record<string, unknown> | unknown[], detector: Detector, skip?: string): void {
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, item] of entries) {
    if (key === skip) continue;
    if (typeof item === "string") {
      const masked = maskText(item, detector);
      if (masked !== item) (value as Record<string | number, unknown>)[key] = masked;
    } else if (item !== null && typeof item === "object") maskIn(item as Record<string, unknown>, detector);
  }
}

export function maskText(text: string, detector: Detector): string {
  const hits = findPersonalData(text, detector);
  if (hits.length === 0) return text;
  let out = "";
  let at = 0;
  for (const h of hits) {
    if (h.start < at) continue;
    // A name with a birth date is masked where it stands, so the sentence around it still reads.
    const span = text.slice(h.start, h.end);
    out += text.slice(at, h.start) + (h.soort === "geboortedatum" ? span.replace(/(\p{L})(\p{L}*)/gu, (_, first: string, rest: string) => first + "*".repeat(rest.length)).replace(/\d/g, "*") : h.masked);
    at = h.end;
  }
  return out + text.slice(at);
}
