/** Small helpers the kinds share. */
import { z } from "zod";
import { isValidRulePath } from "../path.js";

export const RulePath = z.string().refine(isValidRulePath, { message: "geen geldig pad (bijvoorbeeld aanbod[].behoefte)" });

export const Where = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
export const WhereIn = z.record(z.string(), z.array(z.union([z.string(), z.number(), z.boolean()])));

/** Does an element match `where` (equal) and `whereIn` (one of)? */
export function matchesWhere(element: unknown, where?: Record<string, unknown>, whereIn?: Record<string, unknown[]>): boolean {
  if (!where && !whereIn) return true;
  if (element === null || typeof element !== "object") return false;
  const rec = element as Record<string, unknown>;
  for (const [k, v] of Object.entries(where ?? {})) if (rec[k] !== v) return false;
  for (const [k, vs] of Object.entries(whereIn ?? {})) if (!vs.includes(rec[k] as never)) return false;
  return true;
}

export function quoteList(values: readonly string[]): string {
  return values.map((v) => JSON.stringify(v)).join(", ");
}

export const SCORE_ORDER: Record<string, number> = { "voldoet niet": 0, "voldoet deels": 1, voldoet: 2 };
