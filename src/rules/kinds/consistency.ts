import * as z from "zod";
import { normaliseTerm } from "../../core/similar.js";
import type { ZelfevaluatieDoc } from "../../documents/schemas.js";
import type { PathSegment } from "../../documents/source.js";
import { defineKind, type RuleContext } from "../kind.js";
import { isEmptyValue, resolvePath } from "../path.js";
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

interface Holds {
  holds: boolean | undefined;
  document: "sop" | "zelfevaluatie";
  path: PathSegment[];
  text: string;
}

function evaluateCondition(ctx: RuleContext<P>, c: ConditionT): Holds {
  if (c.document === "zelfevaluatie") {
    const doc = ctx.document("zelfevaluatie");
    const text = ctx.say(`de zelfevaluatie scoort ${c.indicator} minstens "${c.minimum}"`, `the self-evaluation scores ${c.indicator} at least "${c.minimum}"`);
    if (!doc) return { holds: undefined, document: "zelfevaluatie", path: [], text };
    const entry = (doc.doc as ZelfevaluatieDoc).scores[c.indicator];
    if (entry === undefined) return { holds: undefined, document: "zelfevaluatie", path: ["scores"], text };
    const score = typeof entry === "string" ? entry : entry.score;
    return { holds: (SCORE_ORDER[score] ?? -1) >= SCORE_ORDER[c.minimum]!, document: "zelfevaluatie", path: ["scores", c.indicator], text };
  }
  const doc = ctx.document("sop");
  const hits = doc ? resolvePath(doc.doc, c.path) : [];
  if (c.includes) {
    const text = ctx.say(`het SOP noemt ${c.includes.join(", ")} onder ${c.path}`, `the SOP lists ${c.includes.join(", ")} under ${c.path}`);
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
  const text = ctx.say(`het SOP vult ${c.path} in`, `the SOP fills in ${c.path}`);
  if (!doc) return { holds: undefined, document: "sop", path: [], text };
  return { holds: hits.length > 0 && hits.every((h) => !isEmptyValue(h.value)), document: "sop", path: hits[0]?.path ?? [], text };
}

export default defineKind({
  name: "consistency",
  summary: { nl: "wat het SOP claimt klopt met de zelfevaluatie (of andersom)", en: "what the SOP claims agrees with the self-evaluation (or the other way round)" },
  params: Params,
  needsDocument: false,
  evaluate(ctx) {
    const cond = evaluateCondition(ctx, ctx.params.if);
    if (cond.holds === undefined) return [{ verdict: "unknown", reason: ctx.say("gegevens ontbreken", "data missing") }];
    if (!cond.holds) return [{ verdict: "nvt", reason: ctx.say("voorwaarde geldt niet", "condition does not apply") }];
    const then = evaluateCondition(ctx, ctx.params.then);
    if (then.holds === undefined) return [{ verdict: "unknown", reason: ctx.say("gegevens ontbreken", "data missing") }];
    if (then.holds) return [{ verdict: "pass" }];
    const at = then.document === "sop" ? ctx.document("sop")! : ctx.document("zelfevaluatie")!;
    return [
      {
        verdict: "fail",
        problems: [
          {
            file: at.source,
            path: then.path,
            message: ctx.say(`tegenstrijdig: ${cond.text}, maar niet: ${then.text}`, `inconsistent: ${cond.text}, but not: ${then.text}`),
            expected: then.text,
            found: ctx.say("niet zo", "not so"),
          },
        ],
      },
    ];
  },
});
