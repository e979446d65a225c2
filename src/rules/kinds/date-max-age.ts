import * as z from "zod";
import { describeDuration, durationDays, type Duration, parseDuration, schooljaarEnd, schooljaarStart, subtractDuration } from "../../core/dates.js";
import { isRealDate } from "../../documents/formats.js";
import { formatPath } from "../../documents/source.js";
import { defineKind } from "../kind.js";

import { notShown, RulePath, SHARED_MESSAGES } from "./_shared.js";

const Params = z
  .strictObject({
    path: RulePath,
    maxAge: z.string().refine((s) => parseDuration(s) !== undefined, { message: "param.notADuration" }).optional(),
    schooljaar: z.literal("huidig").optional(),
  })
  .refine((p) => (p.maxAge === undefined) !== (p.schooljaar === undefined), { message: "param.maxAgeOrSchooljaar" });

export default defineKind({
  name: "date-max-age",
  summary: { nl: "een datum is hoogstens zo oud, gerekend vanaf de peildatum", en: "a date is at most this old, counted from the reference date" },
  messages: {
    nl: {
      ...SHARED_MESSAGES.nl,
      afterPeildatum: (v) => `${v.where} (${v.date}) ligt na de peildatum ${v.peildatum}`,
      notInSchooljaar: (v) => `${v.where} (${v.date}) valt niet in schooljaar ${v.schooljaar}`,
      tooOld: (v) => `${v.where} (${v.date}) is ouder dan ${v.age} (peildatum ${v.peildatum})`,
    },
    en: {
      ...SHARED_MESSAGES.en,
      afterPeildatum: (v) => `${v.where} (${v.date}) is after the reference date ${v.peildatum}`,
      notInSchooljaar: (v) => `${v.where} (${v.date}) is not in school year ${v.schooljaar}`,
      tooOld: (v) => `${v.where} (${v.date}) is older than ${v.age} (reference date ${v.peildatum})`,
    },
  },
  params: Params,
  needsDocument: true,
  compile: (p: z.infer<typeof Params>): Duration | undefined => (p.maxAge === undefined ? undefined : parseDuration(p.maxAge)),
  atLeastAsStrict(base, next) {
    if (next.path !== base.path) return false;
    if (next.schooljaar) return true;
    if (base.schooljaar) return false;
    return durationDays(parseDuration(next.maxAge!)!) <= durationDays(parseDuration(base.maxAge!)!);
  },
  evaluate(ctx, message) {
    const doc = ctx.document(ctx.rule.document!);
    if (!doc) return [{ verdict: "unknown", reason: message("documentMissing") }];
    const p = ctx.params;
    const hits = ctx.resolve(doc.doc, p.path).filter((h) => typeof h.value === "string" && isRealDate(h.value));
    if (hits.length === 0) return [notShown(message, doc.doc, p.path, ctx.resolve(doc.doc, p.path)[0]?.path ?? [])];
    // With several dates (a list), the newest counts.
    const newest = hits.reduce((a, b) => ((b.value as string) > (a.value as string) ? b : a));
    const date = newest.value as string;
    const where = formatPath(newest.path);
    if (date > ctx.peildatum) {
      return [{ verdict: "fail", problems: [{ path: newest.path, message: message("afterPeildatum", { where, date, peildatum: ctx.peildatum }), expected: `<= ${ctx.peildatum}`, found: date }] }];
    }
    if (p.schooljaar) {
      const from = schooljaarStart(ctx.schooljaar);
      if (date >= from && date <= schooljaarEnd(ctx.schooljaar)) return [{ verdict: "pass" }];
      return [
        {
          verdict: "fail",
          problems: [{ path: newest.path, message: message("notInSchooljaar", { where, date, schooljaar: ctx.schooljaar }), expected: `>= ${from}`, found: date }],
        },
      ];
    }
    const duration = ctx.compiled!;
    const oldest = subtractDuration(ctx.peildatum, duration);
    if (date >= oldest) return [{ verdict: "pass" }];
    const age = describeDuration(duration, ctx.lang);
    return [
      {
        verdict: "fail",
        problems: [
          {
            path: newest.path,
            message: message("tooOld", { where, date, age, peildatum: ctx.peildatum }),
            expected: `>= ${oldest}`,
            found: date,
          },
        ],
      },
    ];
  },
});
