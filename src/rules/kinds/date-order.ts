import * as z from "zod";
import { daysBetween } from "../../core/dates.js";
import { isRealDate } from "../../documents/formats.js";
import { defineKind } from "../kind.js";
import { resolvePath } from "../path.js";
import { RulePath } from "./_shared.js";

const Params = z.strictObject({ before: RulePath, after: RulePath, minDays: z.number().int().nonnegative().optional() });

export default defineKind({
  name: "date-order",
  summary: { nl: "twee datums staan in de goede volgorde", en: "two dates are in order" },
  params: Params,
  needsDocument: true,
  atLeastAsStrict: (base, next) => next.before === base.before && next.after === base.after && (next.minDays ?? 0) >= (base.minDays ?? 0),
  evaluate(ctx) {
    const doc = ctx.document(ctx.rule.document!);
    if (!doc) return [{ verdict: "unknown", reason: ctx.say("document ontbreekt", "document missing") }];
    const p = ctx.params;
    const a = resolvePath(doc.doc, p.before)[0];
    const b = resolvePath(doc.doc, p.after)[0];
    const valid = (v: unknown): v is string => typeof v === "string" && isRealDate(v);
    if (!a || !b || !valid(a.value) || !valid(b.value)) return [{ verdict: "unknown", reason: ctx.say("een van de datums ontbreekt", "one of the dates is missing") }];
    const gap = daysBetween(a.value, b.value);
    const min = p.minDays ?? 0;
    if (gap >= min && (min > 0 || a.value <= b.value)) return [{ verdict: "pass" }];
    return [
      {
        verdict: "fail",
        problems: [
          {
            path: a.path,
            message:
              min > 0
                ? ctx.say(`${p.before} (${a.value}) moet minstens ${min} dagen vóór ${p.after} (${b.value}) liggen`, `${p.before} (${a.value}) must be at least ${min} days before ${p.after} (${b.value})`)
                : ctx.say(`${p.before} (${a.value}) ligt na ${p.after} (${b.value})`, `${p.before} (${a.value}) is after ${p.after} (${b.value})`),
            ...(min > 0 && gap >= 0
              ? { expected: `>= ${min} ${ctx.say("dagen", "days")}`, found: `${gap} ${ctx.say(gap === 1 ? "dag" : "dagen", gap === 1 ? "day" : "days")}` }
              : { expected: `${p.before} <= ${p.after}`, found: `${a.value} > ${b.value}` }),
          },
        ],
      },
    ];
  },
});
