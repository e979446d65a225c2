import { shortLine } from "../../core/short-line.js";
import * as z from "zod";
import type { ZelfevaluatieDoc } from "../../documents/schemas.js";
import { defineKind, type Outcome } from "../kind.js";
import { SCORE_ORDER, SHARED_MESSAGES } from "./_shared.js";

const Params = z.strictObject({
  minimum: z.enum(["voldoet", "voldoet deels"]).default("voldoet"),
  deelsSeverity: z.enum(["error", "warning", "info"]).default("warning"),
  nvtToegestaan: z.boolean().default(true),
});

export default defineKind({
  name: "zelfevaluatie-score",
  summary: { nl: "elke indicator is gescoord in de zelfevaluatie, met minstens het minimum", en: "every indicator is scored in the self-evaluation, at least at the minimum" },
  messages: {
    nl: {
      ...SHARED_MESSAGES.nl,
      noZelfevaluatie: () => "geen zelfevaluatie",
      notScored: () => "niet gescoord",
      notScoredIn: (v) => `${v.indicator} is niet gescoord in de zelfevaluatie ${v.schooljaar}`,
      aScore: () => "een score",
      scoredNvt: () => "school scoorde n.v.t.",
      nvtNotAllowed: (v) => `${v.indicator} mag niet als n.v.t. gescoord worden`,
      belowMinimum: (v) => `${v.indicator} is gescoord als "${v.score}" in de zelfevaluatie ${v.schooljaar} (minimaal "${v.minimum}")${v.why}`,
    },
    en: {
      ...SHARED_MESSAGES.en,
      noZelfevaluatie: () => "no self-evaluation",
      notScored: () => "not scored",
      notScoredIn: (v) => `${v.indicator} is not scored in the self-evaluation ${v.schooljaar}`,
      aScore: () => "a score",
      scoredNvt: () => "school scored n/a",
      nvtNotAllowed: (v) => `${v.indicator} may not be scored n/a`,
      belowMinimum: (v) => `${v.indicator} is scored "${v.score}" in the self-evaluation ${v.schooljaar} (minimum "${v.minimum}")${v.why}`,
    },
  },
  params: Params,
  needsDocument: false,
  perIndicator: true,
  atLeastAsStrict: (base, next) => SCORE_ORDER[next.minimum]! >= SCORE_ORDER[base.minimum]! && (base.nvtToegestaan || !next.nvtToegestaan),
  evaluate(ctx, message) {
    const doc = ctx.document("zelfevaluatie");
    if (!doc) return ctx.indicators.map((indicator) => ({ verdict: "unknown", indicator, reason: message("noZelfevaluatie") }));
    const ze = doc.doc as ZelfevaluatieDoc;
    const p = ctx.params;
    const outcomes: Outcome[] = [];
    for (const indicator of ctx.indicators) {
      const entry = ze.scores?.[indicator];
      if (entry === undefined) {
        outcomes.push({
          verdict: "unknown",
          indicator,
          reason: message("notScored"),
          problems: [
            {
              path: ["scores"],
              key: true,
              message: message("notScoredIn", { indicator, schooljaar: ze.schooljaar }),
              expected: message("aScore"),
              found: message("none"),
            },
          ],
        });
        continue;
      }
      const score = typeof entry === "string" ? entry : entry.score;
      const toelichting = typeof entry === "string" ? undefined : entry.toelichting;
      const path = typeof entry === "string" ? ["scores", indicator] : ["scores", indicator, "score"];
      if (score === "n.v.t.") {
        if (p.nvtToegestaan) outcomes.push({ verdict: "nvt", indicator, reason: message("scoredNvt") });
        else
          outcomes.push({
            verdict: "fail",
            indicator,
            problems: [{ path, message: message("nvtNotAllowed", { indicator }), expected: p.minimum, found: score }],
          });
        continue;
      }
      if (SCORE_ORDER[score]! >= SCORE_ORDER[p.minimum]!) {
        outcomes.push({ verdict: "pass", indicator });
        continue;
      }
      const why = toelichting ? ` — ${oneLine(toelichting)}` : "";
      outcomes.push({
        verdict: "fail",
        indicator,
        problems: [
          {
            path,
            message: message("belowMinimum", { indicator, score, schooljaar: ze.schooljaar, minimum: p.minimum, why }),
            expected: p.minimum,
            found: score,
            ...(score === "voldoet deels" ? { severity: p.deelsSeverity } : {}),
          },
        ],
      });
    }
    return outcomes;
  },
});

/** A terminal line stays short; reports for people show the toelichting whole (report/plain.ts). */
function oneLine(s: string): string {
  return shortLine(s, 80);
}
