/**
 * Commander's own texts (help headings, usage errors) in the run's language,
 * from the one message catalogue: commander writes them in English, and
 * this puts them in the words of i18n/messages.ts before they are shown.
 */
import type { Lang } from "../core/types.js";
import { t, type MessageKey } from "../i18n/messages.js";

const TITLES = new Set(["Usage:", "Options:", "Commands:", "Arguments:", "Global Options:"]);

/** A help heading in the run's language. */
export function helpTitle(lang: Lang, title: string): string {
  return TITLES.has(title) ? t(lang, `cli.title.${title}` as MessageKey) : title;
}

/** Commander's placeholders in a usage line, in the run's language. */
export function usageWords(lang: Lang, usage: string): string {
  return usage.replace("[options]", t(lang, "cli.usage.options")).replace("[command]", t(lang, "cli.usage.command"));
}

/**
 * What commander adds after a description: "(choices: …, default: …)", in
 * the run's language. Only the added part is touched, never the description.
 */
export function helpExtras(lang: Lang, text: string, description: string): string {
  if (!text.startsWith(description)) return text;
  const extras = text.slice(description.length).replace(/(\(|, )(choices|default): /g, (_m, before: string, word: "choices" | "default") => `${before}${t(lang, `cli.help.${word}`)}: `);
  return description + extras;
}

/** The usage errors commander gives, each with what it says in the catalogue. */
const ERRORS: [RegExp, (m: RegExpExecArray, lang: Lang) => string][] = [
  [/^unknown option '([^']*)'/, (m, lang) => t(lang, "cli.unknownOption", { name: `'${m[1]}'` })],
  [/^unknown command '([^']*)'/, (m, lang) => t(lang, "cli.unknownCommand", { name: `'${m[1]}'` })],
  [/^option '([^']*)' argument missing/, (m, lang) => t(lang, "cli.argumentMissing", { name: `'${m[1]}'` })],
  [/^missing required argument '([^']*)'/, (m, lang) => t(lang, "cli.missingArgument", { name: `'${m[1]}'` })],
  [/^too many arguments.*?Expected (\d+) arguments? but got (\d+)/, (m, lang) => t(lang, "cli.tooManyArguments", { expected: m[1], got: m[2] })],
  [/^option '([^']*)' cannot be used with option '([^']*)'/, (m, lang) => t(lang, "cli.conflictingOption", { name: `'${m[1]}'`, other: `'${m[2]}'` })],
  [/^option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are (.*)\.$/, (m, lang) => t(lang, "cli.invalidChoice", { name: `'${m[1]}'`, value: `'${m[2]}'`, choices: m[3] })],
];

/** Commander's error output (`error: …` and a suggestion line) in the run's language; other text as it is. */
export function commanderError(lang: Lang, text: string): string {
  return text
    .split("\n")
    .map((line) => {
      const error = /^error: (.*)$/.exec(line);
      if (error) {
        for (const [pattern, say] of ERRORS) {
          const m = pattern.exec(error[1]!);
          if (m) return t(lang, "cli.error", { text: say(m, lang) });
        }
        return t(lang, "cli.error", { text: error[1] });
      }
      const suggestion = /^\(Did you mean (.*)\?\)$/.exec(line);
      return suggestion ? t(lang, "cli.didYouMean", { name: suggestion[1] }) : line;
    })
    .join("\n");
}

/** The language of commander's texts: --lang when given, else Dutch (sop-audit.yaml is read only later). */
export function argvLang(argv: readonly string[]): Lang {
  const at = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const value = at < 0 ? undefined : argv[at]!.includes("=") ? argv[at]!.slice("--lang=".length) : argv[at + 1];
  return value === "en" ? "en" : "nl";
}
