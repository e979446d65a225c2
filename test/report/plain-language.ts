/**
 * The B1 check of the parents' version: the tool's own sentences are short
 * and free of jargon and codes. What the school wrote is shown as its own
 * words between “ ” and is not the tool's to shorten: it counts as one word.
 */

/** At most this many words in one sentence of the tool's own. */
export const MAX_WORDS = 20;
/** And on average no more than this. */
export const MAX_AVERAGE = 10;

export interface Banned {
  pattern: RegExp;
  why: string;
}

const CODES: Banned[] = [
  // BO-03, BO-03.05, WET-01, MKS-TO.09, VO2203-02, WSG.06, schema/type, waiver/expired.
  { pattern: /\b[A-Z]{2,}[0-9]*[-.][A-Z0-9]{2,}(\.\d+)?\b/, why: "a rule code" },
  { pattern: /\b(schema|waiver|file|yaml|config|school|repo|parse|input|ruleset|identity|link)\/[a-z-]+\b/, why: "a built-in check's code" },
  { pattern: /\.(ya?ml|md|json)\b|scholen\//i, why: "a file or path" },
  { pattern: /\b[a-z]+[A-Z][A-Za-z]*\b|\w+\[\]/, why: "a field name" },
];

export const BANNED: Record<"nl" | "en", Banned[]> = {
  nl: [
    ...CODES,
    { pattern: /\bSOP('s)?\b/, why: "SOP, an abbreviation" },
    { pattern: /\bSWV('s)?\b/, why: "SWV, an abbreviation" },
    { pattern: /\bBRIN\b/i, why: "BRIN" },
    { pattern: /\bindicator(en)?\b/i, why: "indicator" },
    { pattern: /arrangement/i, why: "arrangement, not explained" },
    { pattern: /\bOPP\b|ontwikkelingsperspectiefplan/i, why: "OPP, not explained" },
    { pattern: /\bTLV\b|toelaatbaarheidsverklaring/i, why: "TLV, not explained" },
    { pattern: /niet aangetoond|niet-aangetoond/i, why: "an auditor's verdict" },
    { pattern: /voldoet( niet)?\b/i, why: "an auditor's verdict" },
    { pattern: /\bbasisondersteuning\b|\bschoolondersteuningsprofiel\b|\bzorgplicht\b|\bpeildatum\b|\bvisitatie\b/i, why: "jargon" },
    { pattern: /\b(SBO|SO|VSO|LWOO|PrO)\b/, why: "a school type's abbreviation" },
  ],
  en: [
    ...CODES,
    { pattern: /\bSOP('s)?\b/, why: "SOP, an abbreviation" },
    { pattern: /\bSWV('s)?\b/, why: "SWV, an abbreviation" },
    { pattern: /\bBRIN\b/i, why: "BRIN" },
    { pattern: /\bindicators?\b/i, why: "indicator" },
    { pattern: /arrangement/i, why: "arrangement, not explained" },
    { pattern: /\bOPP\b|\bTLV\b/, why: "OPP or TLV, not explained" },
    { pattern: /not (shown|proven)|niet aangetoond|does not (meet|comply)|voldoet/i, why: "an auditor's verdict" },
    { pattern: /\bbasic support\b|\bduty of care\b|\breference date\b|\bpeer review\b/i, why: "jargon" },
  ],
};

/** The tool's own text of a Markdown page: the school's words (between “ ”), its name, addresses and markup left out. */
export function ownText(markdown: string, names: readonly string[] = []): string {
  let text = markdown;
  for (const name of names) text = text.split(name).join("…");
  return text
    .replace(/“[^”]*”/g, "“…”")
    .replace(/https?:\/\/\S+/g, "(adres)")
    .replace(/\*\*(.+?)\*\*/g, "$1.\n")
    .replace(/^(#+|>|-{3,}|- )\s*/gm, "")
    .replace(/[*_]/g, "");
}

/** Sentences: a line, a list item or a heading ends one, as does . ! ? or a colon at the end of a line. */
export function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?])\s+/))
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\d]/u.test(s));
}

export const wordCount = (sentence: string): number => sentence.split(/\s+/).filter((w) => /[\p{L}\d…]/u.test(w)).length;

/** Every breach of B1 in one page; none: it holds. */
export function plainLanguageProblems(markdown: string, lang: "nl" | "en", names: readonly string[] = []): string[] {
  const own = ownText(markdown, names);
  const all = sentences(own);
  const problems: string[] = [];
  for (const s of all) if (wordCount(s) > MAX_WORDS) problems.push(`${wordCount(s)} words: ${s}`);
  const average = all.reduce((n, s) => n + wordCount(s), 0) / Math.max(all.length, 1);
  if (average > MAX_AVERAGE) problems.push(`average ${average.toFixed(1)} words a sentence`);
  for (const { pattern, why } of BANNED[lang]) {
    const hit = pattern.exec(own);
    if (hit) problems.push(`${why}: "${hit[0]}" in "${own.slice(Math.max(0, hit.index - 40), hit.index + 40).replace(/\n/g, " ")}"`);
  }
  return problems;
}

export function averageWords(markdown: string): number {
  const all = sentences(ownText(markdown));
  return all.reduce((n, s) => n + wordCount(s), 0) / Math.max(all.length, 1);
}
