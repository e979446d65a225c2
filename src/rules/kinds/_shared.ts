/** Small helpers the kinds share. */
import * as z from "zod";
import { formatPath, valueAt, type PathSegment } from "../../documents/source.js";
import type { KindMessage, KindMessages, Outcome } from "../kind.js";
import { isValidRulePath } from "../path.js";

export const RulePath = z.string().refine(isValidRulePath, { message: "param.notAPath" });

/** One path, or several that count together (an offer is written under aanbod[] or under voorzieningen[].behoeften). */
export const RulePaths = z.union([RulePath, z.array(RulePath).min(1)]);

export function pathsOf(path: string | readonly string[]): readonly string[] {
  return typeof path === "string" ? [path] : path;
}

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
    notShown: (v) => `niet aangetoond: ${v.path} ontbreekt of is leeg; vul het in ${v.under ? `onder ${v.under}` : "bovenaan het document"}`,
    none: () => "geen",
    nothing: () => "niets",
  },
  en: {
    documentMissing: () => "document missing",
    pathMissing: (v) => `${v.path} is missing`,
    notShown: (v) => `not demonstrated: ${v.path} is missing or empty; fill it in ${v.under ? `under ${v.under}` : "at the top of the document"}`,
    none: () => "none",
    nothing: () => "nothing",
  },
} satisfies KindMessages<"documentMissing" | "pathMissing" | "notShown" | "none" | "nothing">;

/**
 * The document says nothing of `what`: niet aangetoond, never voldoet niet.
 * The finding points at the deepest part of the path that is there, and
 * says where to add the rest; it is about `fact` (the data path other
 * findings on the same value share).
 */
export function notShown(
  message: KindMessage<"pathMissing" | "notShown" | "nothing">,
  data: unknown,
  what: string,
  path: readonly PathSegment[],
  fact: string = what,
): Outcome {
  // The finding points at the key itself when it is written (empty), else at the deepest part that is there.
  // A plain dotted fact names every step; a resolved path stops where the data stops.
  const steps: readonly PathSegment[] = /^[\w-]+(\.[\w-]+)*$/.test(fact) ? fact.split(".") : path;
  const at = writtenPrefix(data, steps);
  const under = at.length === steps.length ? at.slice(0, -1) : at;
  return {
    verdict: "unknown",
    reason: message("pathMissing", { path: what }),
    problems: [
      {
        path: at,
        key: at.length > 0,
        about: fact,
        message: message("notShown", { path: what, under: under.length > 0 ? formatPath(under) : undefined }),
        expected: what,
        found: message("nothing"),
      },
    ],
  };
}

/** The longest start of `path` whose keys are all written in `data` (the last one may hold nothing). */
function writtenPrefix(data: unknown, path: readonly PathSegment[]): PathSegment[] {
  const out: PathSegment[] = [];
  for (const seg of path) {
    const parent = valueAt(data, out);
    if (parent === null || typeof parent !== "object" || !Object.hasOwn(parent, seg)) break;
    out.push(seg);
  }
  return out;
}
