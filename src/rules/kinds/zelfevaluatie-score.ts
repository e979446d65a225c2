import * as z from "zod";
import type { ZelfevaluatieDoc } from "../../documents/schemas.js";
import { defineKind, type Outcome } from "../kind.js";
import { SCORE_ORDER } from "./_shared.js";

const Params = z.strictObject({
  minimum: z.enum(["voldoet", "voldoet deels"]).default("voldoet"),
  deelsSeverity: z.enum(["error", "warning", "info"]).default("warning"),
  nvtToegestaan: z.boolean().default(true),
});

export default defineKind({
  name: "zelfevaluatie-score",
  summary: { nl: "elke indicator is gescoord in de zelfevaluatie, met minstens het minimum", en: "every indicator is scored in the self-evaluation, at least at the minimum" },
  params: Params,
  needsDocument: false,
  perIndicator: true,
  atLeastAsStrict: (base, next) => SCORE_ORDER[next.minimum]! >= SCORE_ORDER[base.minimum]! && (base.nvtToegestaan || !next.nvtToegestaan),
  evaluate(ctx) {
    const doc = ctx.document("zelfevaluatie");
    if (!doc) return ctx.indicators.map((indicator) => ({ verdict: "unknown", indicator, reason: ctx.say("geen zelfevaluatie", "no self-evaluation") }));
    const ze = doc.doc as ZelfevaluatieDoc;
    const p = ctx.params;
    const outcomes: Outcome[] = [];
    for (const indicator of ctx.indicators) {
      const entry = ze.scores[indicator];
      if (entry === undefined) {
        outcomes.push({
          verdict: "unknown",
          indicator,
          reason: ctx.say("niet gescoord", "not scored"),
          problems: [
            {
              path: ["scores"],
              key: true,
              message: ctx.say(`${indicator} is niet gescoord in de zelfevaluatie ${ze.schooljaar}`, `${indicator} is not scored in the self-evaluation ${ze.schooljaar}`),
              expected: ctx.say("een score", "a score"),
              found: ctx.say("geen", "none"),
            },
          ],
        });
        continue;
      }
      const score = typeof entry === "string" ? entry : entry.score;
      const toelichting = typeof entry === "string" ? undefined : entry.toelichting;
      const path = typeof entry === "string" ? ["scores", indicator] : ["scores", indicator, "score"];
      if (score === "n.v.t.") {
        if (p.nvtToegestaan) outcomes.push({ verdict: "nvt", indicator, reason: ctx.say("school scoorde n.v.t.", "school scored n/a") });
        else
          outcomes.push({
            verdict: "fail",
            indicator,
            problems: [{ path, message: ctx.say(`${indicator} mag niet als n.v.t. gescoord worden`, `${indicator} may not be scored n/a`), expected: p.minimum, found: score }],
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
            message: ctx.say(
              `${indicator} is gescoord als "${score}" in de zelfevaluatie ${ze.schooljaar} (minimaal "${p.minimum}")${why}`,
              `${indicator} is scored "${score}" in the self-evaluation ${ze.schooljaar} (minimum "${p.minimum}")${why}`,
            ),
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

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
