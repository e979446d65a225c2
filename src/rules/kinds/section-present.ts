import * as z from "zod";
import { normaliseTerm } from "../../core/similar.js";
import { defineKind } from "../kind.js";
import { t } from "../../i18n/messages.js";

const Params = z.strictObject({
  heading: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  minWords: z.number().int().nonnegative().default(10),
  placeholders: z.array(z.string()).default([]),
});

/** Text that stands in for content that was never written. */
const PLACEHOLDERS = [/\bTODO\b/i, /\bTBD\b/, /nog (in )?te vullen/i, /nog invullen/i, /lorem ipsum/i, /^\s*(\.\.\.|…|-|n\.?v\.?t\.?)\s*$/i, /\bxxx\b/i];

export default defineKind({
  name: "section-present",
  summary: { nl: "een Markdown-kop bestaat en heeft echte inhoud", en: "a Markdown heading exists and has real content" },
  params: Params,
  needsDocument: true,
  atLeastAsStrict: (base, next) => next.minWords >= base.minWords,
  check(params, _rule, _ruleset, { lang }) {
    const out: { message: string; param?: string }[] = [];
    for (const p of params.placeholders) {
      try {
        new RegExp(p, "iu");
      } catch {
        out.push({ message: t(lang, "param.placeholderNotRegex", { value: p }), param: "placeholders" });
      }
    }
    return out;
  },
  evaluate(ctx) {
    const doc = ctx.document(ctx.rule.document!);
    if (!doc) return [{ verdict: "unknown", reason: ctx.say("document ontbreekt", "document missing") }];
    if (doc.source.format !== "markdown") return [{ verdict: "nvt", reason: ctx.say("geen Markdown-document", "not a Markdown document") }];
    const names = Array.isArray(ctx.params.heading) ? ctx.params.heading : [ctx.params.heading];
    const wanted = names.map(normaliseTerm);
    const section = (doc.source.sections ?? []).find((s) => wanted.some((w) => normaliseTerm(s.heading).startsWith(w)));
    const label = names[0]!;
    if (!section) {
      return [
        {
          verdict: "fail",
          problems: [
            {
              range: { line: 1, column: 1, endLine: 1, endColumn: 4 },
              message: ctx.say(`de kop "${label}" ontbreekt in het Markdown-deel`, `the heading "${label}" is missing from the Markdown body`),
              expected: `## ${label}`,
              found: ctx.say("geen", "none"),
            },
          ],
        },
      ];
    }
    const patterns = [...PLACEHOLDERS, ...ctx.params.placeholders.map((p) => new RegExp(p, "iu"))];
    const placeholder = patterns.find((re) => re.test(section.body));
    const words = section.body.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (!placeholder && words >= ctx.params.minWords) return [{ verdict: "pass" }];
    return [
      {
        verdict: "fail",
        problems: [
          {
            range: section.range,
            message: placeholder
              ? ctx.say(`de tekst onder "${section.heading}" is nog niet ingevuld (${JSON.stringify(excerpt(section.body))})`, `the text under "${section.heading}" is a placeholder (${JSON.stringify(excerpt(section.body))})`)
              : ctx.say(`de tekst onder "${section.heading}" is te kort: ${words} woorden, minimaal ${ctx.params.minWords}`, `the text under "${section.heading}" is too short: ${words} words, at least ${ctx.params.minWords}`),
            expected: ctx.say(`minstens ${ctx.params.minWords} woorden`, `at least ${ctx.params.minWords} words`),
            found: placeholder ? excerpt(section.body) : String(words),
          },
        ],
      },
    ];
  },
});

function excerpt(s: string): string {
  const flat = s.replace(/\s+/g, " ").trim();
  return flat.length > 40 ? `${flat.slice(0, 37)}...` : flat;
}
