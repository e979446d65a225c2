import * as z from "zod";
import { normaliseTerm } from "../../core/similar.js";
import type { PathSegment } from "../../documents/source.js";
import { coversSector } from "../../core/sector.js";
import { defineKind, type NotAsked, type Problem } from "../kind.js";
import type { Ruleset } from "../ruleset-model.js";
import { listPrefix } from "../path.js";
import { matchesWhere, notShown, pathsOf, quoteList, RulePaths, SHARED_MESSAGES, Where, WhereIn } from "./_shared.js";
import { t } from "../../i18n/messages.js";

const Params = z.strictObject({
  path: RulePaths,
  values: z.array(z.string().min(1)).min(1),
  list: z.string().optional(),
  keys: z.boolean().optional(),
  where: Where.optional(),
  whereIn: WhereIn.optional(),
  // "Unless the profile says so": a profile may ask a school the values its sector's offer leaves out.
  alleSectoren: z.boolean().optional().meta({
    description: "true: vraag alle waarden, ook die waarvan de term in de lijst (sectoren) niet bij de sector van de school hoort; standaard false.",
  }),
});

type ListIncludesParams = z.infer<typeof Params>;

/** The values whose list terms name sectors that do not reach `sector`, unless the rule asks all sectors. */
function notAsked(params: ListIncludesParams, ruleset: Ruleset, sector: string): NotAsked | undefined {
  const vocab = params.list && !params.alleSectoren ? ruleset.lijsten[params.list] : undefined;
  if (!vocab) return undefined;
  const values: NotAsked["values"] = [];
  const asked: string[] = [];
  for (const value of params.values) {
    const sectoren = vocab.find((term) => term.id === value)?.sectoren;
    if (sectoren && !coversSector(sectoren, sector)) values.push({ value, sectoren });
    else asked.push(value);
  }
  return values.length > 0 ? { list: params.list!, values, asked } : undefined;
}

export default defineKind({
  name: "list-includes",
  summary: { nl: "een lijst bevat al deze waarden", en: "a list contains all of these values" },
  messages: {
    nl: {
      ...SHARED_MESSAGES.nl,
      lacks: (v) => `${v.path} mist ${v.missing}`,
      orPaths: (v) => `${v.first} (of ${v.rest})`,
      lacksNotAsked: (v) => `${v.path} mist ${v.missing} (niet gevraagd voor ${v.sector}: ${v.notAsked})`,
      notForSector: (v) => `volgens de lijst ${v.list} gelden ${v.notAsked} niet voor ${v.sector}`,
      unknownTerm: (v) => `${JSON.stringify(v.value)} staat niet in de lijst ${v.list} en telt daarom niet mee${v.suggestion ? `; bedoelde je "${v.suggestion}"?` : ""}`,
    },
    en: {
      ...SHARED_MESSAGES.en,
      lacks: (v) => `${v.path} lacks ${v.missing}`,
      orPaths: (v) => `${v.first} (or ${v.rest})`,
      lacksNotAsked: (v) => `${v.path} lacks ${v.missing} (not asked of ${v.sector}: ${v.notAsked})`,
      notForSector: (v) => `by the list ${v.list}, ${v.notAsked} do not apply to ${v.sector}`,
      unknownTerm: (v) => `${JSON.stringify(v.value)} is not in the list ${v.list} and so does not count${v.suggestion ? `; did you mean "${v.suggestion}"?` : ""}`,
    },
  },
  params: Params,
  needsDocument: true,
  // Stricter means: requires at least everything the base required.
  atLeastAsStrict: (base, next) =>
    base.values.every((v) => next.values.includes(v)) && JSON.stringify(base.path) === JSON.stringify(next.path) && base.list === next.list && (!base.alleSectoren || next.alleSectoren === true),
  notAsked,
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
    const p = ctx.params;
    // A school silent about its sector is asked everything: never n.v.t. from silence.
    const leftOut = ctx.sector === undefined ? undefined : notAsked(p, ctx.ruleset, ctx.sector);
    const notAskedText = leftOut && quoteList(leftOut.values.map((l) => l.value));
    if (leftOut && leftOut.asked.length === 0) return [{ verdict: "nvt", reason: message("notForSector", { sector: ctx.sector, list: leftOut.list, notAsked: notAskedText }) }];
    const wanted = leftOut?.asked ?? p.values;
    if (!doc) return [{ verdict: "unknown", reason: message("documentMissing") }];
    const present = new Set<string>();
    // A term the list does not know is never dropped without a word: it gets an info finding naming the nearest known term.
    const unknown: Problem[] = [];
    const canonical = (s: string, at: PathSegment[], key = false) => {
      if (!p.list) return normaliseTerm(s);
      const id = ctx.term(p.list, s);
      if (id === undefined && !unknown.some((u) => u.found === s)) {
        const suggestion = ctx.nearestTerm(p.list, s)?.alias;
        unknown.push({ path: at, key, severity: "info", message: message("unknownTerm", { value: s, list: p.list, suggestion }), found: s });
      }
      return id ?? normaliseTerm(s);
    };
    const paths = pathsOf(p.path);
    for (const path of paths) {
      // Where-filters apply to the elements of the list before the last `[]`.
      const split = listPrefix(path);
      if (split && (p.where || p.whereIn)) {
        for (const el of ctx.resolve(doc.doc, `${split.list}[]`)) {
          // An element the filter leaves out is still read, so an unknown term in it is named too.
          const counts = matchesWhere(el.value, p.where, p.whereIn, ctx.canonical);
          const values = split.rest ? ctx.resolve(el.value, split.rest).map((h) => ({ v: h.value, at: [...el.path, ...h.path] })) : [{ v: el.value, at: el.path }];
          // A path may end at a list of terms (voorzieningen[].behoeften): each counts.
          const terms = values.flatMap(({ v, at }) => (Array.isArray(v) ? v.map((item, i) => ({ v: item as unknown, at: [...at, i] })) : [{ v, at }]));
          for (const { v, at } of terms) {
            if (typeof v !== "string") continue;
            const id = canonical(v, at);
            if (counts) present.add(id);
          }
        }
        continue;
      }
      for (const hit of ctx.resolve(doc.doc, path)) {
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
    const missing = wanted.filter((v) => !present.has(p.list ? v : normaliseTerm(v)));
    if (missing.length === 0) return [unknown.length > 0 ? { verdict: "pass", problems: unknown } : { verdict: "pass" }];
    // The first path is where the finding points; a missing value is reported at its list (or its deepest existing parent).
    const listOf = (path: string) => listPrefix(path)?.list ?? path;
    const first = paths[0]!;
    const anchor = ctx.resolve(doc.doc, listOf(first))[0]?.path ?? [];
    // No list at all says nothing about what is on it.
    if (paths.every((path) => ctx.resolve(doc.doc, listOf(path)).every((h) => h.value === undefined || h.value === null))) return [notShown(message, doc.doc, listOf(first), anchor)];
    const where = paths.length === 1 ? first : message("orPaths", { first, rest: paths.slice(1).join(", ") });
    return [
      {
        verdict: "fail",
        problems: [
          {
            path: anchor,
            key: true,
            message: leftOut
              ? message("lacksNotAsked", { path: where, missing: quoteList(missing), sector: ctx.sector, notAsked: notAskedText })
              : message("lacks", { path: where, missing: quoteList(missing) }),
            expected: wanted.join(", "),
            found: [...present].sort().join(", ") || message("nothing"),
          },
          ...unknown,
        ],
      },
    ];
  },
});
