import * as z from "zod";
import { normaliseTerm } from "../../core/similar.js";
import type { ZelfevaluatieDoc } from "../../documents/schemas.js";
import type { PathSegment } from "../../documents/source.js";
import { defineKind, type KindMessage, type KindMessages, type RuleContext } from "../kind.js";
import { isEmptyValue } from "../path.js";
import { RulePath, SCORE_ORDER } from "./_shared.js";

const SopCondition = z.strictObject({
  document: z.literal("sop"),
  path: RulePath,
  present: z.literal(true).optional(),
  includes: z.array(z.string()).min(1).optional(),
  list: z.string().optional(),
});
const ScoreCondition = z.strictObject({
  document: z.literal("zelfevaluatie"),
  indicator: z.string(),
  minimum: z.enum(["voldoet", "voldoet deels"]),
});
const Condition = z.union([SopCondition, ScoreCondition]);
type ConditionT = z.infer<typeof Condition>;

const Params = z.strictObject({ if: Condition, then: Condition });
type P = z.infer<typeof Params>;

const MESSAGES = {
  nl: {
    scoresAtLeast: (v) => `de zelfevaluatie scoort ${v.indicator} minstens "${v.minimum}"`,
    sopLists: (v) => `het SOP noemt ${v.values} onder ${v.path}`,
    sopFillsIn: (v) => `het SOP vult ${v.path} in`,
    dataMissing: () => "gegevens ontbreken",
    conditionFalse: () => "voorwaarde geldt niet",
    inconsistent: (v) => `tegenstrijdig: ${v.condition}, maar niet: ${v.then}`,
    notSo: () => "niet zo",
  },
  en: {
    scoresAtLeast: (v) => `the self-evaluation scores ${v.indicator} at least "${v.minimum}"`,
    sopLists: (v) => `the SOP lists ${v.values} under ${v.path}`,
    sopFillsIn: (v) => `the SOP fills in ${v.path}`,
    dataMissing: () => "data missing",
    conditionFalse: () => "condition does not apply",
    inconsistent: (v) => `inconsistent: ${v.condition}, but not: ${v.then}`,
    notSo: () => "not so",
  },
} satisfies KindMessages;
type Message = KindMessage<keyof typeof MESSAGES.nl>;

interface Holds {
  holds: boolean | undefined;
  document: "sop" | "zelfevaluatie";
  path: PathSegment[];
  text: string;
}

function evaluateCondition(ctx: RuleContext<P>, message: Message, c: ConditionT): Holds {
  if (c.document === "zelfevaluatie") {
    const doc = ctx.document("zelfevaluatie");
    const text = message("scoresAtLeast", { indicator: c.indicator, minimum: c.minimum });
    if (!doc) return { holds: undefined, document: "zelfevaluatie", path: [], text };
    const entry = (doc.doc as ZelfevaluatieDoc).scores?.[c.indicator];
    if (entry === undefined) return { holds: undefined, document: "zelfevaluatie", path: ["scores"], text };
    const score = typeof entry === "string" ? entry : entry.score;
    return { holds: (SCORE_ORDER[score] ?? -1) >= SCORE_ORDER[c.minimum]!, document: "zelfevaluatie", path: ["scores", c.indicator], text };
  }
  const doc = ctx.document("sop");
  const hits = doc ? ctx.resolve(doc.doc, c.path) : [];
  if (c.includes) {
    const text = message("sopLists", { values: c.includes.join(", "), path: c.path });
    if (!doc) return { holds: undefined, document: "sop", path: [], text };
    const found = new Map<string, PathSegment[]>();
    for (const h of hits) {
      const values = Array.isArray(h.value) ? h.value.map((v, i) => ({ v, p: [...h.path, i] })) : [{ v: h.value, p: h.path }];
      for (const { v, p } of values) {
        if (typeof v !== "string") continue;
        found.set(c.list ? (ctx.term(c.list, v) ?? normaliseTerm(v)) : normaliseTerm(v), p);
      }
    }
    const keys = c.includes.map((i) => (c.list ? i : normaliseTerm(i)));
    const all = keys.every((k) => found.has(k));
    return { holds: all, document: "sop", path: found.get(keys[0]!) ?? hits[0]?.path ?? [], text };
  }
  const text = message("sopFillsIn", { path: c.path });
  if (!doc) return { holds: undefined, document: "sop", path: [], text };
  return { holds: hits.length > 0 && hits.every((h) => !isEmptyValue(h.value)), document: "sop", path: hits[0]?.path ?? [], text };
}

export default defineKind({
  name: "consistency",
  summary: { nl: "wat het SOP claimt klopt met de zelfevaluatie (of andersom)", en: "what the SOP claims agrees with the self-evaluation (or the other way round)" },
  messages: MESSAGES,
  params: Params,
  needsDocument: false,
  evaluate(ctx, message) {
    const cond = evaluateCondition(ctx, message, ctx.params.if);
    if (cond.holds === undefined) return [{ verdict: "unknown", reason: message("dataMissing") }];
    if (!cond.holds) return [{ verdict: "nvt", reason: message("conditionFalse") }];
    const then = evaluateCondition(ctx, message, ctx.params.then);
    if (then.holds === undefined) return [{ verdict: "unknown", reason: message("dataMissing") }];
    if (then.holds) return [{ verdict: "pass" }];
    const at = then.document === "sop" ? ctx.document("sop")! : ctx.document("zelfevaluatie")!;
    return [
      {
        verdict: "fail",
        problems: [
          {
            file: at.source,
            path: then.path,
            message: message("inconsistent", { condition: cond.text, then: then.text }),
            expected: then.text,
            found: message("notSo"),
          },
        ],
      },
    ];
  },
});
