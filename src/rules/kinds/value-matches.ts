import * as z from "zod";
import { formatPath } from "../../documents/source.js";
import { describe } from "../../documents/validate.js";
import { closest } from "../../core/similar.js";
import { defineKind } from "../kind.js";

import { notShown, quoteList, RulePath, SHARED_MESSAGES } from "./_shared.js";
import { compileFragment, fragmentErrors } from "../schema-fragments.js";
import { t } from "../../i18n/messages.js";

const Params = z
  .strictObject({
    path: RulePath,
    enum: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1).optional(),
    pattern: z.string().refine(isRegex, { message: "param.notARegex" }).optional(),
    list: z.string().optional(),
    schema: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((p) => p.enum || p.pattern || p.list || p.schema, { message: "param.oneTest" });

function isRegex(s: string): boolean {
  try {
    new RegExp(s, "u");
    return true;
  } catch {
    return false;
  }
}

export default defineKind({
  name: "value-matches",
  summary: { nl: "elke waarde op het pad past (enum, patroon, lijst of JSON Schema)", en: "every value at the path matches (enum, pattern, list or JSON Schema)" },
  messages: {
    nl: {
      ...SHARED_MESSAGES.nl,
      notOneOf: (v) => `${v.where} moet een van ${v.options} zijn, gevonden: ${v.found}${v.suggestion ? `; bedoelde je "${v.suggestion}"?` : ""}`,
      notPattern: (v) => `${v.where} past niet bij het patroon ${v.pattern}, gevonden: ${v.found}`,
      notInList: (v) => `${v.where}: ${v.found} staat niet in de lijst ${v.list}${v.suggestion ? `; bedoelde je "${v.suggestion}"?` : ""}`,
      notSchema: (v) => `${v.where} voldoet niet aan ${v.schema}, gevonden: ${v.found}`,
    },
    en: {
      ...SHARED_MESSAGES.en,
      notOneOf: (v) => `${v.where} must be one of ${v.options}, found: ${v.found}${v.suggestion ? `; did you mean "${v.suggestion}"?` : ""}`,
      notPattern: (v) => `${v.where} does not match ${v.pattern}, found: ${v.found}`,
      notInList: (v) => `${v.where}: ${v.found} is not in the list ${v.list}${v.suggestion ? `; did you mean "${v.suggestion}"?` : ""}`,
      notSchema: (v) => `${v.where} does not satisfy ${v.schema}, found: ${v.found}`,
    },
  },
  params: Params,
  needsDocument: true,
  check(params, _rule, ruleset, { shipped, lang }) {
    const out: { message: string; param?: string }[] = [];
    if (params.list && !ruleset.lijsten[params.list]) out.push({ message: t(lang, "param.listMissing", { list: params.list }), param: "list" });
    if (params.schema) {
      try {
        const invalid = shipped ? undefined : fragmentErrors(params.schema);
        if (invalid) out.push({ message: t(lang, "param.schemaInvalid", { detail: invalid }), param: "schema" });
        else compileFragment(params.schema);
      } catch (e) {
        out.push({ message: t(lang, "param.schemaInvalid", { detail: (e as Error).message }), param: "schema" });
      }
    }
    return out;
  },
  compile: (p) => ({ pattern: p.pattern === undefined ? undefined : new RegExp(p.pattern, "u"), validate: p.schema && compileFragment(p.schema) }),
  evaluate(ctx, message) {
    const doc = ctx.document(ctx.rule.document!);
    if (!doc) return [{ verdict: "unknown", reason: message("documentMissing") }];
    const p = ctx.params;
    const { pattern, validate } = ctx.compiled;
    const all = ctx.resolve(doc.doc, p.path);
    const hits = all.filter((h) => h.value !== undefined);
    if (hits.length === 0) return [notShown(message, doc.doc, p.path, all[0]?.path ?? [])];
    // An entry of a list that lacks the value does not show it: without evidence against, that is niet aangetoond.
    const absent = all.find((h) => h.value === undefined);
    const problems = [];
    for (const hit of hits) {
      const v = hit.value;
      const valid =
        (!p.enum || p.enum.includes(v as never)) &&
        (!pattern || (typeof v === "string" && pattern.test(v))) &&
        (!p.list || (typeof v === "string" && ctx.term(p.list, v) !== undefined)) &&
        (!validate || validate(v));
      if (valid) continue;
      const where = formatPath(hit.path);
      const found = describe(v, ctx.lang);
      if (p.enum && !p.enum.includes(v as never)) {
        const options = p.enum.map(String);
        const suggestion = typeof v === "string" ? closest(v, options) : undefined;
        problems.push({
          path: hit.path,
          message: message("notOneOf", { where, options: quoteList(options), found, suggestion }),
          expected: options.join(" | "),
          found,
        });
        continue;
      }
      if (pattern && !(typeof v === "string" && pattern.test(v))) {
        problems.push({ path: hit.path, message: message("notPattern", { where, pattern: p.pattern, found }), expected: p.pattern, found });
        continue;
      }
      if (p.list) {
        const id = typeof v === "string" ? ctx.term(p.list, v) : undefined;
        if (!id) {
          const ids = (ctx.ruleset.lijsten[p.list] ?? []).map((t) => t.id);
          // The nearest of every spelling, as list-includes names it: "dsylexie" and "leesprobleem" both get an answer.
          const suggestion = typeof v === "string" ? ctx.nearestTerm(p.list, v)?.alias : undefined;
          problems.push({
            path: hit.path,
            message: message("notInList", { where, found, list: p.list, suggestion }),
            expected: ids.join(" | "),
            found,
          });
          continue;
        }
      }
      if (validate) {
        if (!validate(v)) {
          const err = validate.errors?.[0];
          const detail = err ? `${err.keyword} ${JSON.stringify(err.params)}` : "";
          problems.push({
            path: hit.path,
            message: message("notSchema", { where, schema: JSON.stringify(p.schema), found }),
            expected: JSON.stringify(p.schema),
            found: detail ? `${found} (${detail})` : found,
          });
        }
      }
    }
    if (problems.length > 0) return [{ verdict: "fail", problems }];
    return [absent ? notShown(message, doc.doc, formatPath(absent.path), absent.path) : { verdict: "pass" }];
  },
});
