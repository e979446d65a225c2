import * as z from "zod";
import { defineKind } from "../kind.js";

import { matchesWhere, notShown, pathsOf, RulePaths, SHARED_MESSAGES, Where, WhereIn } from "./_shared.js";

const Params = z.strictObject({
  path: RulePaths,
  min: z.number().int().nonnegative(),
  /** Count different values (through the vocabulary), not entries. */
  distinct: z.boolean().optional(),
  where: Where.optional(),
  whereIn: WhereIn.optional(),
});

export default defineKind({
  name: "count-at-least",
  summary: { nl: "een lijst heeft minstens zoveel elementen", en: "a list has at least this many items" },
  messages: {
    nl: {
      ...SHARED_MESSAGES.nl,
      tooFew: (v) => `${v.path} heeft ${v.count} ${Number(v.count) === 1 ? "element" : "elementen"}${v.filter}, minimaal ${v.min} vereist`,
      tooFewDifferent: (v) => `${v.path} noemt ${v.count} verschillende ${Number(v.count) === 1 ? "waarde" : "waarden"}${v.filter}, minimaal ${v.min} vereist`,
      matchingSelection: () => " die voldoen aan de selectie",
    },
    en: {
      ...SHARED_MESSAGES.en,
      tooFew: (v) => `${v.path} has ${v.count} ${Number(v.count) === 1 ? "item" : "items"}${v.filter}, at least ${v.min} required`,
      tooFewDifferent: (v) => `${v.path} names ${v.count} different ${Number(v.count) === 1 ? "value" : "values"}${v.filter}, at least ${v.min} required`,
      matchingSelection: () => " matching the selection",
    },
  },
  params: Params,
  needsDocument: true,
  atLeastAsStrict: (base, next) => next.min >= base.min && JSON.stringify(next.path) === JSON.stringify(base.path) && (next.distinct ?? false) === (base.distinct ?? false),
  evaluate(ctx, message) {
    const doc = ctx.document(ctx.rule.document!);
    if (!doc) return [{ verdict: "unknown", reason: message("documentMissing") }];
    const p = ctx.params;
    const paths = pathsOf(p.path);
    const hits = paths.flatMap((path) => ctx.resolve(doc.doc, path));
    let count = 0;
    const values = new Set<string>();
    const counted = (el: unknown) => {
      count += 1;
      values.add(typeof el === "string" ? ctx.canonical(el) : JSON.stringify(el));
    };
    let anchor: (string | number)[] = [];
    for (const hit of hits) {
      const v = hit.value;
      if (v !== undefined && v !== null) anchor = hit.path;
      if (Array.isArray(v)) for (const el of v) matchesWhere(el, p.where, p.whereIn, ctx.canonical) && counted(el);
      else if (v && typeof v === "object") for (const k of Object.keys(v)) counted(k);
      else if (v !== undefined && v !== null && matchesWhere(v, p.where, p.whereIn, ctx.canonical)) counted(v);
    }
    if (p.distinct) count = values.size;
    if (count >= p.min) return [{ verdict: "pass" }];
    // No list at all says nothing about how many there are.
    if (hits.every((h) => h.value === undefined || h.value === null)) return [notShown(message, doc.doc, paths[0]!, hits[0]?.path ?? [])];
    const filter = p.where || p.whereIn ? message("matchingSelection") : "";
    return [
      {
        verdict: "fail",
        problems: [
          {
            path: anchor,
            key: true,
            message: message(p.distinct ? "tooFewDifferent" : "tooFew", { path: paths.join(" + "), count, filter, min: p.min }),
            expected: `>= ${p.min}`,
            found: String(count),
          },
        ],
      },
    ];
  },
});
