import * as z from "zod";
import { defineKind } from "../kind.js";

import { matchesWhere, notShown, RulePath, SHARED_MESSAGES, Where, WhereIn } from "./_shared.js";

const Params = z.strictObject({
  path: RulePath,
  min: z.number().int().nonnegative(),
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
      matchingSelection: () => " die voldoen aan de selectie",
    },
    en: {
      ...SHARED_MESSAGES.en,
      tooFew: (v) => `${v.path} has ${v.count} ${Number(v.count) === 1 ? "item" : "items"}${v.filter}, at least ${v.min} required`,
      matchingSelection: () => " matching the selection",
    },
  },
  params: Params,
  needsDocument: true,
  atLeastAsStrict: (base, next) => next.min >= base.min && next.path === base.path,
  evaluate(ctx, message) {
    const doc = ctx.document(ctx.rule.document!);
    if (!doc) return [{ verdict: "unknown", reason: message("documentMissing") }];
    const p = ctx.params;
    const hits = ctx.resolve(doc.doc, p.path);
    let count = 0;
    let anchor: (string | number)[] = [];
    for (const hit of hits) {
      anchor = hit.path;
      const v = hit.value;
      if (Array.isArray(v)) count += v.filter((el) => matchesWhere(el, p.where, p.whereIn, ctx.canonical)).length;
      else if (v && typeof v === "object") count += Object.keys(v).length;
      else if (v !== undefined && v !== null && matchesWhere(v, p.where, p.whereIn, ctx.canonical)) count += 1;
    }
    if (count >= p.min) return [{ verdict: "pass" }];
    // No list at all says nothing about how many there are.
    if (hits.every((h) => h.value === undefined || h.value === null)) return [notShown(message, doc.doc, p.path, anchor)];
    const filter = p.where || p.whereIn ? message("matchingSelection") : "";
    return [
      {
        verdict: "fail",
        problems: [
          {
            path: anchor,
            key: true,
            message: message("tooFew", { path: p.path, count, filter, min: p.min }),
            expected: `>= ${p.min}`,
            found: String(count),
          },
        ],
      },
    ];
  },
});
