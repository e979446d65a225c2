import * as z from "zod";
import { formatPath } from "../../documents/source.js";
import { defineKind } from "../kind.js";
import { isEmptyValue, resolvePath } from "../path.js";
import { RulePath } from "./_shared.js";

const Params = z
  .strictObject({ path: RulePath.optional(), anyOf: z.array(RulePath).min(1).optional() })
  .refine((p) => (p.path === undefined) !== (p.anyOf === undefined), { message: "param.pathOrAnyOf" });

export default defineKind({
  name: "field-present",
  summary: { nl: "een veld is aanwezig en niet leeg", en: "a field is present and not empty" },
  params: Params,
  needsDocument: true,
  evaluate(ctx) {
    const doc = ctx.document(ctx.rule.document!);
    if (!doc) return [{ verdict: "unknown", reason: ctx.say("document ontbreekt", "document missing") }];
    const paths = ctx.params.anyOf ?? [ctx.params.path!];
    let deepest: (string | number)[] = [];
    for (const p of paths) {
      const hits = resolvePath(doc.doc, p);
      if (hits.length > 0 && hits.every((h) => !isEmptyValue(h.value))) return [{ verdict: "pass" }];
      const hit = hits.find((h) => isEmptyValue(h.value));
      if (hit && hit.path.length >= deepest.length) deepest = hit.path;
    }
    const shown = paths.join(ctx.say(" of ", " or "));
    return [
      {
        verdict: "fail",
        problems: [
          {
            message: ctx.say(`${shown} ontbreekt of is leeg`, `${shown} is missing or empty`),
            path: deepest,
            key: deepest.length > 0,
            expected: shown,
            found: deepest.length ? ctx.say(`leeg bij ${formatPath(deepest)}`, `empty at ${formatPath(deepest)}`) : ctx.say("niets", "nothing"),
          },
        ],
      },
    ];
  },
});
