import * as z from "zod";
import { formatPath } from "../../documents/source.js";
import { defineKind } from "../kind.js";
import { isEmptyValue } from "../path.js";
import { notShown, RulePath, SHARED_MESSAGES } from "./_shared.js";

const Params = z
  .strictObject({ path: RulePath.optional(), anyOf: z.array(RulePath).min(1).optional() })
  .refine((p) => (p.path === undefined) !== (p.anyOf === undefined), { message: "param.pathOrAnyOf" });

export default defineKind({
  name: "field-present",
  summary: { nl: "een veld is aanwezig en niet leeg", en: "a field is present and not empty" },
  messages: {
    nl: {
      ...SHARED_MESSAGES.nl,
      or: () => " of ",
    },
    en: {
      ...SHARED_MESSAGES.en,
      or: () => " or ",
    },
  },
  params: Params,
  needsDocument: true,
  evaluate(ctx, message) {
    const doc = ctx.document(ctx.rule.document!);
    if (!doc) return [{ verdict: "unknown", reason: message("documentMissing") }];
    const paths = ctx.params.anyOf ?? [ctx.params.path!];
    let deepest: (string | number)[] = [];
    for (const p of paths) {
      const hits = ctx.resolve(doc.doc, p);
      if (hits.length > 0 && hits.every((h) => !isEmptyValue(h.value))) return [{ verdict: "pass" }];
      const hit = hits.find((h) => isEmptyValue(h.value));
      if (hit && hit.path.length >= deepest.length) deepest = hit.path;
    }
    // Absent or empty: the document does not show it (niet aangetoond), it does not show the opposite.
    // Of several alternatives, the finding is about the one written empty, if any.
    const fact = paths.length > 1 && deepest.length > 0 ? formatPath(deepest) : paths[0]!;
    return [notShown(message, doc.doc, paths.join(message("or")), deepest, fact)];
  },
});
