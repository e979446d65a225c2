import * as z from "zod";
import type { VisitatieDoc } from "../../documents/schemas.js";
import { defineKind, type Outcome } from "../kind.js";
import { SCORE_ORDER } from "./_shared.js";

const Params = z.strictObject({ minimum: z.enum(["voldoet", "voldoet deels"]).default("voldoet deels") });

export default defineKind({
  name: "visitatie-oordeel",
  summary: { nl: "de laatste visitatie oordeelt minstens het minimum over de indicator (of zijn standaard)", en: "the latest peer review judges the indicator (or its standard) at least at the minimum" },
  messages: {
    nl: {
      noVisitatie: () => "geen visitatie",
      notJudged: (v) => `de visitatie van ${v.datum} oordeelt er niet over`,
      belowMinimum: (v) => `de visitatie van ${v.datum} oordeelt "${v.oordeel}" over ${v.subject} (minimaal "${v.minimum}")`,
    },
    en: {
      noVisitatie: () => "no peer review",
      notJudged: (v) => `the peer review of ${v.datum} does not judge it`,
      belowMinimum: (v) => `the peer review of ${v.datum} judges ${v.subject} "${v.oordeel}" (minimum "${v.minimum}")`,
    },
  },
  params: Params,
  needsDocument: false,
  perIndicator: true,
  atLeastAsStrict: (base, next) => SCORE_ORDER[next.minimum]! >= SCORE_ORDER[base.minimum]!,
  evaluate(ctx, message) {
    const doc = ctx.document("visitatie");
    if (!doc) return ctx.indicators.map((indicator) => ({ verdict: "unknown", indicator, reason: message("noVisitatie") }));
    const v = doc.doc as VisitatieDoc;
    const bevindingen = v.bevindingen ?? [];
    // A finding about the indicator itself counts first, else one about its whole standard.
    const byIndicator = new Map<string, number>();
    const byStandard = new Map<string | undefined, number>();
    bevindingen.forEach((b, i) => {
      if (b.indicator) {
        if (!byIndicator.has(b.indicator)) byIndicator.set(b.indicator, i);
      } else if (!byStandard.has(b.standaard)) byStandard.set(b.standaard, i);
    });
    let notJudged: string | undefined;
    const out: Outcome[] = [];
    for (const indicator of ctx.indicators) {
      const index = byIndicator.get(indicator) ?? byStandard.get(ctx.ruleset.itemById.get(indicator)?.standaard) ?? -1;
      const b = bevindingen[index];
      if (!b) {
        notJudged ??= message("notJudged", { datum: v.datum ?? doc.source.file });
        out.push({ verdict: "unknown", indicator, reason: notJudged });
        continue;
      }
      if (SCORE_ORDER[b.oordeel]! >= SCORE_ORDER[ctx.params.minimum]!) {
        out.push({ verdict: "pass", indicator });
        continue;
      }
      out.push({
        verdict: "fail",
        indicator,
        problems: [
          {
            path: ["bevindingen", index, "oordeel"],
            message: message("belowMinimum", { datum: v.datum, oordeel: b.oordeel, subject: b.indicator ?? b.standaard, minimum: ctx.params.minimum }),
            expected: ctx.params.minimum,
            found: b.oordeel,
          },
        ],
      });
    }
    return out;
  },
});
