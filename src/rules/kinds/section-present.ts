import { shortLine } from "../../core/short-line.js";
import * as z from "zod";
import { closest, normaliseTerm } from "../../core/similar.js";
import type { MarkdownSection } from "../../documents/source.js";
import { defineKind } from "../kind.js";
import { t } from "../../i18n/messages.js";
import { SHARED_MESSAGES } from "./_shared.js";

const Params = z
  .strictObject({
    // A section is a term of a list (its name and synonyms are the headings that count), or headings written out.
    section: z.string().min(1).optional(),
    list: z.string().min(1).default("koppen"),
    heading: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    minWords: z.number().int().nonnegative().default(10),
    placeholders: z.array(z.string()).default([]),
  })
  .refine((p) => p.section !== undefined || p.heading !== undefined, { message: "param.sectionOrHeading" });

/** The headings that count for the rule: the term's name and synonyms, then the headings written in the rule. */
function headingsOf(params: z.infer<typeof Params>, ruleset: { lijsten: Record<string, readonly { id: string; naam?: string; synoniemen?: readonly string[] }[]> }): string[] {
  const term = params.section === undefined ? undefined : ruleset.lijsten[params.list]?.find((t) => t.id === params.section);
  const own = params.heading === undefined ? [] : Array.isArray(params.heading) ? params.heading : [params.heading];
  return [...(term ? [term.naam ?? term.id, ...(term.synoniemen ?? [])] : []), ...own];
}

/** Text that stands in for content that was never written. */
const PLACEHOLDERS = [/\bTODO\b/i, /\bTBD\b/, /nog (in )?te vullen/i, /nog invullen/i, /lorem ipsum/i, /^\s*(\.\.\.|…|-|n\.?v\.?t\.?)\s*$/i, /\bxxx\b/i];

export default defineKind({
  name: "section-present",
  summary: { nl: "een Markdown-kop bestaat en heeft echte inhoud", en: "a Markdown heading exists and has real content" },
  messages: {
    nl: {
      ...SHARED_MESSAGES.nl,
      notMarkdown: () => "geen Markdown-document",
      headingMissing: (v) => `de kop "${v.heading}" ontbreekt in het Markdown-deel${v.suggestion ? `; bedoelde je "${v.suggestion}"?` : ""}`,
      placeholder: (v) => `de tekst onder "${v.heading}" is nog niet ingevuld (${v.excerpt})`,
      tooShort: (v) => `de tekst onder "${v.heading}" is te kort: ${v.words} woorden, minimaal ${v.min}`,
      minWords: (v) => `minstens ${v.min} woorden`,
    },
    en: {
      ...SHARED_MESSAGES.en,
      notMarkdown: () => "not a Markdown document",
      headingMissing: (v) => `the heading "${v.heading}" is missing from the Markdown body${v.suggestion ? `; did you mean "${v.suggestion}"?` : ""}`,
      placeholder: (v) => `the text under "${v.heading}" is a placeholder (${v.excerpt})`,
      tooShort: (v) => `the text under "${v.heading}" is too short: ${v.words} words, at least ${v.min}`,
      minWords: (v) => `at least ${v.min} words`,
    },
  },
  params: Params,
  needsDocument: true,
  atLeastAsStrict: (base, next) => next.minWords >= base.minWords,
  check(params, _rule, ruleset, { lang }) {
    const out: { message: string; param?: string }[] = [];
    if (params.section !== undefined) {
      const vocab = ruleset.lijsten[params.list];
      if (!vocab) out.push({ message: t(lang, "param.listMissing", { list: params.list }), param: "list" });
      else if (!vocab.some((term) => term.id === params.section)) out.push({ message: t(lang, "param.notInList", { value: params.section, list: params.list }), param: "section" });
    }
    for (const p of params.placeholders) {
      try {
        new RegExp(p, "iu");
      } catch {
        out.push({ message: t(lang, "param.placeholderNotRegex", { value: p }), param: "placeholders" });
      }
    }
    return out;
  },
  evaluate(ctx, message) {
    const doc = ctx.document(ctx.rule.document!);
    if (!doc) return [{ verdict: "unknown", reason: message("documentMissing") }];
    if (doc.source.format !== "markdown") return [{ verdict: "nvt", reason: message("notMarkdown") }];
    const names = headingsOf(ctx.params, ctx.ruleset);
    const wanted = names.map(normaliseTerm);
    const section = (doc.source.sections ?? []).find((s) => wanted.some((w) => normaliseTerm(withoutNumbering(s.heading)).startsWith(w)));
    const label = names[0]!;
    // A Markdown SOP follows its own skeleton: a missing heading shows nothing, it does not show the opposite.
    if (!section) {
      const near = nearMiss(names, doc.source.sections ?? []);
      const text = message("headingMissing", { heading: label, suggestion: near?.heading });
      return [
        {
          verdict: "unknown",
          reason: text,
          problems: [
            {
              // A heading that is nearly the one asked for is where the person looks.
              range: near?.range ?? { line: 1, column: 1, endLine: 1, endColumn: 4 },
              message: text,
              expected: `## ${label}`,
              found: message("none"),
            },
          ],
        },
      ];
    }
    const patterns = [...PLACEHOLDERS, ...ctx.params.placeholders.map((p) => new RegExp(p, "iu"))];
    const placeholder = patterns.find((re) => re.test(section.body));
    const words = section.body.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (!placeholder && words >= ctx.params.minWords) return [{ verdict: "pass" }];
    // A placeholder ("TODO", "Nog invullen") says nothing yet: silence, not a text that falls short.
    if (placeholder) {
      const text = message("placeholder", { heading: section.heading, excerpt: JSON.stringify(excerpt(section.body)) });
      return [
        {
          verdict: "unknown",
          reason: text,
          problems: [{ range: section.range, message: text, expected: message("minWords", { min: ctx.params.minWords }), found: excerpt(section.body) }],
        },
      ];
    }
    return [
      {
        verdict: "fail",
        problems: [
          {
            range: section.range,
            message: message("tooShort", { heading: section.heading, words, min: ctx.params.minWords }),
            expected: message("minWords", { min: ctx.params.minWords }),
            found: String(words),
          },
        ],
      },
    ];
  },
});

/** The start of a section's text, for a message. */
function excerpt(s: string): string {
  return shortLine(s, 40);
}

/** Real SOPs number their chapters: `6 Grenzen`, `6.4 Bezwaar`, `IV. Visie`, `Hoofdstuk 3 Aanbod`. */
function withoutNumbering(heading: string): string {
  return heading.replace(/^\s*(?:hoofdstuk\s+)?(?:\d+(?:\.\d+)*\.?|[ivxlc]+\.)\s+/i, "");
}

/** The heading of the document closest to one of the names asked for, when it is a near miss (a typo, a word too many). */
function nearMiss(names: readonly string[], sections: readonly MarkdownSection[]): MarkdownSection | undefined {
  const byText = new Map(sections.map((s) => [withoutNumbering(s.heading), s]));
  for (const name of names) {
    const hit = closest(name, byText.keys());
    if (hit !== undefined) return byText.get(hit);
  }
  return undefined;
}
