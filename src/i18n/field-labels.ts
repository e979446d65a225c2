/**
 * A field in words, for reports people read: `vaststelling.datum` in an SOP
 * is "Vaststelling: datum van vaststelling", `aanbod[2].niveau` is "Aanbod
 * per ondersteuningsbehoefte 3: niveau". The titles come from the zod schemas
 * (generated/field-titles.ts, kept current by `npm run schemas`), English
 * from field-titles-en.ts.
 */
import type { Lang } from "../core/types.js";
import { FIELD_TITLES_EN } from "./field-titles-en.js";
import { FIELD_TITLES } from "./generated/field-titles.js";

interface Pattern {
  regex: RegExp;
  /** Per step: a key (`.name`), an array element (`[]`) or a record key (`*`). */
  steps: ("key" | "[]" | "*")[];
  titles: readonly (string | null)[];
}

const PATTERNS = new Map<string, Pattern[]>();

/** The patterns of a kind, most steps first, so `scores.*.score` wins over `scores.*`. */
function patternsOf(kind: string): Pattern[] {
  let list = PATTERNS.get(kind);
  if (!list) {
    list = Object.entries(FIELD_TITLES[kind] ?? {})
      .map(([pattern, titles]) => toPattern(pattern, titles))
      .sort((a, b) => b.steps.length - a.steps.length);
    PATTERNS.set(kind, list);
  }
  return list;
}

function toPattern(pattern: string, titles: readonly (string | null)[]): Pattern {
  const steps: Pattern["steps"] = [];
  let source = "";
  for (const token of pattern.match(/\[\]|\.?[^.[\]]+/g) ?? []) {
    if (token === "[]") {
      steps.push("[]");
      // A finding may carry a rule's own path (`aanbod[].niveau`) where no element is there to number.
      source += String.raw`\[(\d*)\]`;
    } else if (token === ".*") {
      steps.push("*");
      source += String.raw`\.(.+)`;
    } else {
      steps.push("key");
      source += token.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }
  }
  return { regex: new RegExp(`^${source}$`), steps, titles };
}

/** A title in the run's language; lower case inside a label, unless it starts with an abbreviation (SOP, MR). */
function titleIn(lang: Lang, title: string, inside: boolean): string {
  const worded = lang === "en" ? (FIELD_TITLES_EN[title] ?? title) : title;
  return inside && /^\p{Lu}\p{Ll}/u.test(worded) ? worded[0]!.toLowerCase() + worded.slice(1) : worded;
}

/**
 * The field at `path` of a document of `kind` in words, or undefined when the
 * schema has no such field (a misspelt key is shown as written). Without a
 * kind, every kind is tried and a label given only when they agree.
 */
export function fieldLabel(lang: Lang, kind: string | undefined, path: string): string | undefined {
  if (kind === undefined) {
    const labels = new Set(Object.keys(FIELD_TITLES).map((k) => fieldLabel(lang, k, path)));
    labels.delete(undefined);
    return labels.size === 1 ? [...labels][0] : undefined;
  }
  for (const p of patternsOf(kind)) {
    const m = p.regex.exec(path);
    if (!m) continue;
    // Each step as people name it: the field's title, an element as the list's title with its number, a record key as written.
    const words: string[] = [];
    let capture = 1;
    p.steps.forEach((step, i) => {
      if (step === "key") {
        const title = p.titles[i];
        if (title) words.push(titleIn(lang, title, words.length > 0));
        return;
      }
      const value = m[capture++]!;
      if (value === "") return;
      const suffix = step === "[]" ? String(Number(value) + 1) : value;
      if (words.length > 0) words[words.length - 1] += ` ${suffix}`;
      else words.push(suffix);
    });
    if (words.length === 0) return undefined;
    const [first, ...rest] = words;
    return rest.length === 0 ? first : `${first}: ${rest.join(", ")}`;
  }
  return undefined;
}

/** Every title of every kind, for the test that each has its English. */
export function allFieldTitles(): string[] {
  const titles = new Set<string>();
  for (const kind of Object.values(FIELD_TITLES)) for (const list of Object.values(kind)) for (const t of list) if (t) titles.add(t);
  return [...titles].sort();
}
