import * as z from "zod";
import { daysBetween } from "../../core/dates.js";
import { isRealDate } from "../../documents/formats.js";
import { defineKind } from "../kind.js";

import { RulePath, SHARED_MESSAGES } from "./_shared.js";

const Params = z.strictObject({ before: RulePath, after: RulePath, minDays: z.number().int().nonnegative().optional() });

export default defineKind({
  name: "date-order",
  summary: { nl: "twee datums staan in de goede volgorde", en: "two dates are in order" },
  messages: {
    nl: {
      ...SHARED_MESSAGES.nl,
      dateMissing: () => "een van de datums ontbreekt",
      tooClose: (v) => `${v.before} (${v.beforeDate}) moet minstens ${v.min} dagen vóór ${v.after} (${v.afterDate}) liggen`,
      outOfOrder: (v) => `${v.before} (${v.beforeDate}) ligt na ${v.after} (${v.afterDate})`,
      days: (v) => `${v.n} ${Number(v.n) === 1 ? "dag" : "dagen"}`,
    },
    en: {
      ...SHARED_MESSAGES.en,
      dateMissing: () => "one of the dates is missing",
      tooClose: (v) => `${v.before} (${v.beforeDate}) must be at least ${v.min} days before ${v.after} (${v.afterDate})`,
      outOfOrder: (v) => `${v.before} (${v.beforeDate}) is after ${v.after} (${v.afterDate})`,
      days: (v) => `${v.n} ${Number(v.n) === 1 ? "day" : "days"}`,
    },
  },
  params: Params,
  needsDocument: true,
  atLeastAsStrict: (base, next) => next.before === base.before && next.after === base.after && (next.minDays ?? 0) >= (base.minDays ?? 0),
  evaluate(ctx, message) {
    const doc = ctx.document(ctx.rule.document!);
    if (!doc) return [{ verdict: "unknown", reason: message("documentMissing") }];
    const p = ctx.params;
    const a = ctx.resolve(doc.doc, p.before)[0];
    const b = ctx.resolve(doc.doc, p.after)[0];
    const valid = (v: unknown): v is string => typeof v === "string" && isRealDate(v);
    if (!a || !b || !valid(a.value) || !valid(b.value)) return [{ verdict: "unknown", reason: message("dateMissing") }];
    const gap = daysBetween(a.value, b.value);
    const min = p.minDays ?? 0;
    if (gap >= min && (min > 0 || a.value <= b.value)) return [{ verdict: "pass" }];
    return [
      {
        verdict: "fail",
        problems: [
          {
            path: a.path,
            message: message(min > 0 ? "tooClose" : "outOfOrder", { before: p.before, beforeDate: a.value, after: p.after, afterDate: b.value, min }),
            ...(min > 0 && gap >= 0
              ? { expected: `>= ${message("days", { n: min })}`, found: message("days", { n: gap }) }
              : { expected: `${p.before} <= ${p.after}`, found: `${a.value} > ${b.value}` }),
          },
        ],
      },
    ];
  },
});
