import * as z from "zod";
import { closest, normaliseTerm } from "../../core/similar.js";
import type { PathSegment } from "../../documents/source.js";
import { defineKind, type Problem } from "../kind.js";
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
    nl: {
      ...SHARED_MESSAGES.nl,
      lacks: (v) => `${v.path} mist ${v.missing}`,
      unknownTerm: (v) => `${JSON.stringify(v.value)} staat niet in de lijst ${v.list} en telt daarom niet mee${v.suggestion ? `; bedoelde je "${v.suggestion}"?` : ""}`,
    },
    en: {
      ...SHARED_MESSAGES.en,
      lacks: (v) => `${v.path} lacks ${v.missing}`,
      unknownTerm: (v) => `${JSON.stringify(v.value)} is not in the list ${v.list} and so does not count${v.suggestion ? `; did you mean "${v.suggestion}"?` : ""}`,
    },
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
    // A term the list does not know is never dropped without a word: it gets an info finding naming the nearest known term.
    const unknown: Problem[] = [];
    const canonical = (s: string, at: PathSegment[], key = false) => {
      if (!p.list) return normaliseTerm(s);
      const id = ctx.term(p.list, s);
      if (id === undefined && !unknown.some((u) => u.found === s)) {
        const vocab = ctx.ruleset.lijsten[p.list] ?? [];
        const suggestion = closest(s, vocab.flatMap((term) => [term.id, term.naam, ...(term.synoniemen ?? [])].filter((a): a is string => !!a)));
        unknown.push({ path: at, key, severity: "info", message: message("unknownTerm", { value: s, list: p.list, suggestion }), found: s });
      }
      return id ?? normaliseTerm(s);
    };
    // Where-filters apply to the elements of the list before the last `[]`.
    const split = listPrefix(p.path);
    // A missing value is reported at the list (or its deepest existing parent).
    const anchor = ctx.resolve(doc.doc, split ? split.list : p.path)[0]?.path ?? [];
    if (split && (p.where || p.whereIn)) {
      for (const el of ctx.resolve(doc.doc, `${split.list}[]`)) {
        // An element the filter leaves out is still read, so an unknown term in it is named too.
        const counts = matchesWhere(el.value, p.where, p.whereIn, ctx.canonical);
        const values = split.rest ? ctx.resolve(el.value, split.rest).map((h) => ({ v: h.value, at: [...el.path, ...h.path] })) : [{ v: el.value, at: el.path }];
        for (const { v, at } of values) {
          if (typeof v !== "string") continue;
          const id = canonical(v, at);
          if (counts) present.add(id);
        }
      }
    } else {
      for (const hit of ctx.resolve(doc.doc, p.path)) {
        if (hit.value === undefined) continue;
        const v = hit.value;
        const keys = p.keys === true && v !== null && typeof v === "object" && !Array.isArray(v);
        const items: [unknown, PathSegment[]][] = keys
          ? Object.keys(v as object).map((k) => [k, [...hit.path, k]])
          : Array.isArray(v)
            ? v.map((item, i) => [item, [...hit.path, i]])
            : [[v, hit.path]];
        for (const [item, at] of items) if (typeof item === "string") present.add(canonical(item, at, keys));
      }
    }
    const missing = p.values.filter((v) => !present.has(p.list ? v : normaliseTerm(v)));
    if (missing.length === 0) return [unknown.length > 0 ? { verdict: "pass", problems: unknown } : { verdict: "pass" }];
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
          ...unknown,
        ],
      },
    ];
  },
});
