/** Small helpers the kinds share. */
import * as z from "zod";
import type { KindMessages } from "../kind.js";
import { isValidRulePath } from "../path.js";

export const RulePath = z.string().refine(isValidRulePath, { message: "param.notAPath" });

export const Where = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
export const WhereIn = z.record(z.string(), z.array(z.union([z.string(), z.number(), z.boolean()])));

/**
 * Does an element match `where` (equal) and `whereIn` (one of)? Strings are
 * compared through `canonical`, so a synonym or another spelling of a term
 * ("Basis", "breedteondersteuning") counts as the term itself.
 */
export function matchesWhere(
  element: unknown,
  where?: Record<string, unknown>,
  whereIn?: Record<string, unknown[]>,
  canonical: (value: string) => string = (v) => v,
): boolean {
  if (!where && !whereIn) return true;
  if (element === null || typeof element !== "object") return false;
  const rec = element as Record<string, unknown>;
  const same = (actual: unknown, wanted: unknown) =>
    actual === wanted || (typeof actual === "string" && typeof wanted === "string" && canonical(actual) === canonical(wanted));
  for (const [k, v] of Object.entries(where ?? {})) if (!same(rec[k], v)) return false;
  for (const [k, vs] of Object.entries(whereIn ?? {})) if (!vs.some((v) => same(rec[k], v))) return false;
  return true;
}

export function quoteList(values: readonly string[]): string {
  return values.map((v) => JSON.stringify(v)).join(", ");
}

export const SCORE_ORDER: Record<string, number> = { "voldoet niet": 0, "voldoet deels": 1, voldoet: 2 };

/** Texts several kinds show; a kind spreads them into its own `messages`. */
export const SHARED_MESSAGES = {
  nl: {
    documentMissing: () => "document ontbreekt",
    pathMissing: (v) => `${v.path} ontbreekt`,
    none: () => "geen",
    nothing: () => "niets",
  },
  en: {
    documentMissing: () => "document missing",
    pathMissing: (v) => `${v.path} is missing`,
    none: () => "none",
    nothing: () => "nothing",
  },
} satisfies KindMessages<"documentMissing" | "pathMissing" | "none" | "nothing">;
