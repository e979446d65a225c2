import * as z from "zod";
import { normaliseTerm } from "../../core/similar.js";
import { defineKind } from "../kind.js";
import { listPrefix } from "../path.js";
import { matchesWhere, notShown, quoteList, RulePath, SHARED_MESSAGES, Where, WhereIn } from "./_shared.js";
import { t } from "../../i18n/messages.js";

const Params = z.strictObject({
  path: RulePath,
  values: z.array(z.string().min(1)).min(1),
  list: z.string().optional(),
  keys: z.boolean().optional(),
  where: Where.optional(),
  whereIn: WhereIn.optional(),
});

export default defineKind({
  name: "list-includes",
  summary: { nl: "een lijst bevat al deze waarden", en: "a list contains all of these values" },
  messages: {
    nl: { ...SHARED_MESSAGES.nl, lacks: (v) => `${v.path} mist ${v.missing}` },
    en: { ...SHARED_MESSAGES.en, lacks: (v) => `${v.path} lacks ${v.missing}` },
  },
  params: Params,
  needsDocument: true,
  // Stricter means: requires at least everything the base required.
  atLeastAsStrict: (base, next) => base.values.every((v) => next.values.includes(v)) && base.path === next.path && base.list === next.list,
  check(params, _rule, ruleset, { lang }) {
    const out: { message: string; param?: string }[] = [];
    if (params.list) {
      const vocab = ruleset.lijsten[params.list];
      if (!vocab) out.push({ message: t(lang, "param.listMissing", { list: params.list }), param: "list" });
      else {
        const ids = new Set(vocab.map((t) => t.id));
        for (const v of params.values) if (!ids.has(v)) out.push({ message: t(lang, "param.notInList", { value: v, list: params.list }), param: "values" });
      }
    }
    return out;
  },
  evaluate(ctx, message) {
    const doc = ctx.document(ctx.rule.document!);
    if (!doc) return [{ verdict: "unknown", reason: message("documentMissing") }];
    const p = ctx.params;
    const present = new Set<string>();
    const canonical = (s: string) => (p.list ? (ctx.term(p.list, s) ?? normaliseTerm(s)) : normaliseTerm(s));
    // Where-filters apply to the elements of the list before the last `[]`.
    const split = listPrefix(p.path);
    // A missing value is reported at the list (or its deepest existing parent).
    const anchor = ctx.resolve(doc.doc, split ? split.list : p.path)[0]?.path ?? [];
    if (split && (p.where || p.whereIn)) {
      for (const el of ctx.resolve(doc.doc, `${split.list}[]`)) {
        if (!matchesWhere(el.value, p.where, p.whereIn, ctx.canonical)) continue;
        const values = split.rest ? ctx.resolve(el.value, split.rest).map((h) => h.value) : [el.value];
        for (const v of values) if (typeof v === "string") present.add(canonical(v));
      }
    } else {
      for (const hit of ctx.resolve(doc.doc, p.path)) {
        if (hit.value === undefined) continue;
        const v = hit.value;
        const items = p.keys && v && typeof v === "object" && !Array.isArray(v) ? Object.keys(v) : Array.isArray(v) ? v : [v];
        for (const item of items) if (typeof item === "string") present.add(canonical(item));
      }
    }
    const missing = p.values.filter((v) => !present.has(p.list ? v : normaliseTerm(v)));
    if (missing.length === 0) return [{ verdict: "pass" }];
    // No list at all says nothing about what is on it.
    const list = ctx.resolve(doc.doc, split ? split.list : p.path);
    if (list.every((h) => h.value === undefined || h.value === null)) return [notShown(message, doc.doc, split ? split.list : p.path, anchor)];
    return [
      {
        verdict: "fail",
        problems: [
          {
            path: anchor,
            key: true,
            message: message("lacks", { path: p.path, missing: quoteList(missing) }),
            expected: p.values.join(", "),
            found: [...present].sort().join(", ") || message("nothing"),
          },
        ],
      },
    ];
  },
});
