/**
 * Privacy guard (AVG art. 5 and 6): personal data in any file of a school.
 * BSNs that pass the 11-proef, personal e-mail addresses, mobile numbers and
 * a name next to a date of birth, in every string of the data and in the
 * Markdown text. A finding shows the value masked only, so no output format
 * (nor a CI log) repeats what it warns about.
 */
import { DUTCH_MONTHS } from "../../core/dates.js";
import * as z from "zod";
import type { SourceRange } from "../../core/types.js";
import { lineStartsOf, spanRange } from "../../documents/position-map.js";
import { formatPath, type PathSegment, type SourceFile } from "../../documents/source.js";
import { defineKind, type KindMessage, type KindMessages, type Problem, type RuleContext } from "../kind.js";

const Words = z.array(z.string().min(1)).default([]);

const Params = z.strictObject({
  /** Mail providers of private persons: an address there is personal. */
  priveDomeinen: Words,
  /** Local parts (before the @) that name a function, not a person: info, zorg, ib. */
  algemeneAdressen: Words,
  /** The SWV's own addresses, numbers and domains (`@swv.nl`) that may stay. */
  toegestaan: Words,
});
export type PersoonsgegevensParams = z.infer<typeof Params>;

export type Soort = "bsn" | "e-mail" | "telefoon" | "geboortedatum";

/** One piece of personal data in a text: where (offsets, end exclusive) and how it may be shown. */
export interface Hit {
  soort: Soort;
  start: number;
  end: number;
  masked: string;
}

/** 9 digits, written whole or as 1234.56.782 / 123 456 782; not part of a longer number. */
const BSN = /(?<!\d)(?<!\d[ .,-])(?:\d{9}|\d{4}([ .])\d{2}\1\d{3}|\d{3}([ .])\d{3}\2\d{3})(?!\d)(?![ .,-]\d)/gu;
/** 06-12345678, 06 1234 5678, (06) 12345678, +31 6 12345678, +31 (0)6 …, 0031612345678. */
const MOBILE = /(?<![\d+])(?:(?:\+|00)31[ .-]?(?:\(0\)[ .-]?)?|\(?0)6\)?(?:[ .-]?\d){8}(?!\d)/gu;
const EMAIL = /(?<![\p{L}\p{N}._%+-])([\p{L}\p{N}._%+-]+)@((?:[\p{L}\p{N}-]+\.)+\p{L}{2,})/gu;
// Longest first, so that a full month name is matched whole.
const MONTHS = Object.keys(DUTCH_MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");
const DATE = `(?:\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.](?:\\d{4}|\\d{2})|\\d{1,2}\\s+(?:${MONTHS})\\.?\\s+\\d{4})(?!\\d)`;
const BIRTH = new RegExp(`\\b(geboren(?:\\s+op)?|geb\\.?\\s*datum|geboortedatum|geb\\.?)\\s*(?::\\s*)?(${DATE})`, "giu");
const NAME_WORD = "\\p{Lu}\\p{Ll}+(?:[-'’]\\p{Lu}?\\p{Ll}+)*";
const PARTICLE = "(?:van|de|der|den|het|ter|ten|te|in|op|la|le|da|di|du|von|'t)";
/** Capitalised at the start of a sentence, never the first word of a name. */
const NOT_A_NAME = "(?:Aan|Bij|Bel|Dat|De|Deze|Dit|Door|Een|En|Het|In|Mail|Met|Na|Nu|Ook|Op|Over|Sinds|Van|Voor|Wij|Zij)\\s";
/** Between the words of a name: spaces, or one line break (a blank line ends it). */
const GAP = "(?:[^\\S\\n]+|[^\\S\\n]*\\n[^\\S\\n]*)";
/** A first name and a surname, with particles between: Daan de Vries, Noor van den Berg. */
const NAME = new RegExp(`(?!${NOT_A_NAME})${NAME_WORD}(?:${GAP}(?:${PARTICLE}${GAP})*${NAME_WORD})+`, "gu");
/** How far a name may stand from "geboren …", without a sentence ending between. */
const NEAR = 30;

/** The privacy rule's lists, made ready to test against: compiled once per run. */
export interface Detector {
  privateDomains: string[];
  generic: Set<string>;
  /** Generic words long enough to count as the start of a compound (zorgteam, ondersteuningsteam). */
  genericStems: string[];
  allowedAddresses: Set<string>;
  allowedDomains: string[];
  allowedNumbers: Set<string>;
}

export function compileDetector(params: Partial<PersoonsgegevensParams>): Detector {
  const lower = (xs: string[] | undefined) => (xs ?? []).map((x) => x.trim().toLowerCase());
  const allowed = lower(params.toegestaan);
  const generic = lower(params.algemeneAdressen);
  return {
    privateDomains: lower(params.priveDomeinen),
    generic: new Set(generic),
    genericStems: generic.filter((g) => g.length >= 4),
    allowedAddresses: new Set(allowed.filter((a) => a.includes("@") && !a.startsWith("@"))),
    allowedDomains: allowed.filter((a) => a.startsWith("@")).map((a) => a.slice(1)),
    allowedNumbers: new Set(allowed.filter((a) => !a.includes("@")).map(numberKey)),
  };
}

/** A number by its digits, a Dutch phone number in national form: +31 6 … and 0031 6 … are 06 …. */
function numberKey(s: string): string {
  const digits = s.replace(/\D/g, "");
  if (digits.startsWith("0031")) return `0${digits.slice(4)}`;
  if (digits.startsWith("31") && digits.length === 11) return `0${digits.slice(2)}`;
  return digits;
}

/** The 11-proef of a BSN: weights 9 … 2 and -1 for the last digit, a multiple of 11, not all zeros. */
export function elfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  return (sum - Number(digits[8])) % 11 === 0;
}

/** Nine digits or more, separators allowed: what a BSN or a mobile number needs (a date has eight). */
const NINE_DIGITS = /\d(?:[ .()+-]{0,2}\d){8}/u;
const NONE: Hit[] = [];

/** Every piece of personal data in `text`, in order of appearance. */
export function findPersonalData(text: string, d: Detector): Hit[] {
  // Most strings have no digit, no @ and no "geb": one scan, and nothing else runs for them.
  if (!/[\d@]|geb/i.test(text)) return NONE;
  const hasAt = text.includes("@");
  const numbers = NINE_DIGITS.test(text);
  const birth = /geb/i.test(text);
  if (!hasAt && !numbers && !birth) return NONE;
  const hits: Hit[] = [];
  if (numbers) {
    for (const m of text.matchAll(BSN)) {
      const digits = m[0].replace(/\D/g, "");
      if (elfproef(digits) && !d.allowedNumbers.has(digits)) hits.push(hit("bsn", m, `${digits.slice(0, 4)}*****`));
    }
    for (const m of text.matchAll(MOBILE)) {
      if (!d.allowedNumbers.has(numberKey(m[0]))) hits.push(hit("telefoon", m, maskPhone(m[0])));
    }
  }
  if (hasAt) {
    for (const m of text.matchAll(EMAIL)) {
      const [address, local, domain] = [m[0].toLowerCase(), m[1]!, m[2]!.toLowerCase()];
      if (d.allowedAddresses.has(address) || d.allowedDomains.some((a) => sameOrSub(domain, a))) continue;
      if (isPersonalAddress(local.toLowerCase(), domain, d)) hits.push(hit("e-mail", m, `${local.slice(0, Math.min(3, Math.floor(local.length / 2)))}*****@${m[2]!}`));
    }
  }
  if (birth) hits.push(...namesWithBirthDate(text));
  return hits.length > 1 ? hits.sort((a, b) => a.start - b.start || a.end - b.end) : hits;
}

function hit(soort: Soort, m: RegExpMatchArray, masked: string): Hit {
  return { soort, start: m.index!, end: m.index! + m[0].length, masked };
}

const sameOrSub = (domain: string, d: string) => domain === d || domain.endsWith(`.${d}`);

/** Personal: not a generic function address, and at a private provider or written like a person (j.jansen, loes.brekelmans). */
function isPersonalAddress(local: string, domain: string, d: Detector): boolean {
  const words = local.split(/[._+-]+/).filter(Boolean);
  if (d.generic.has(local) || words.some((w) => d.generic.has(w) || d.genericStems.some((g) => w.startsWith(g)))) return false;
  if (d.privateDomains.some((p) => sameOrSub(domain, p))) return true;
  return words.length >= 2 && words.every((w) => /^\p{L}+$/u.test(w));
}

/** The prefix up to the first digit of the subscriber number, then stars: 06-1*******. */
function maskPhone(s: string): string {
  let seen = 0;
  const total = s.replace(/\D/g, "").length;
  for (let i = 0; i < s.length; i++) {
    if (!/\d/.test(s[i]!)) continue;
    if (++seen === total - 7) return `${s.slice(0, i + 1)}*******`;
  }
  return "**********";
}

/** "Daan de Vries (geb. 12-03-2015)", "geboortedatum: 2015-03-12, Daan de Vries": a name close to a date of birth. */
function namesWithBirthDate(text: string): Hit[] {
  const hits: Hit[] = [];
  for (const m of text.matchAll(BIRTH)) {
    const at = m.index!;
    const end = at + m[0].length;
    const before = text.slice(Math.max(0, at - NEAR - 60), at);
    let name: { start: number; text: string } | undefined;
    for (const n of before.matchAll(NAME)) {
      if (/^[^.!?\n]*$/.test(before.slice(n.index! + n[0].length)) && before.length - n.index! - n[0].length <= NEAR) {
        name = { start: at - before.length + n.index!, text: n[0] };
      }
    }
    const after = name ? undefined : new RegExp(`^[^.!?\\n]{0,${NEAR}}?(${NAME.source})`, "u").exec(text.slice(end));
    const masked = (who: string) => `${maskName(who)} (${m[1]} ${m[2]!.replace(/\d/g, "*").replace(new RegExp(MONTHS, "iu"), "***")})`;
    if (name) hits.push({ soort: "geboortedatum", start: name.start, end, masked: masked(name.text) });
    else if (after) hits.push({ soort: "geboortedatum", start: at, end: end + after[0].length, masked: masked(after[1]!) });
  }
  return hits;
}

const maskName = (name: string) => name.split(/\s+/).map((w) => `${w[0]}***`).join(" ");

/** One message per kind of personal data (its Soort), and the places it can be in. */
const MESSAGES = {
  nl: {
    bsn: (v) => `mogelijk burgerservicenummer (BSN) in ${v.where}: ${v.masked}`,
    "e-mail": (v) => `persoonlijk e-mailadres in ${v.where}: ${v.masked}`,
    telefoon: (v) => `mobiel telefoonnummer in ${v.where}: ${v.masked}`,
    geboortedatum: (v) => `naam met geboortedatum in ${v.where}: ${v.masked}`,
    noPersonalData: () => "geen persoonsgegevens in een openbaar document",
    inKey: () => "een sleutel",
    belowKey: () => "de gegevens",
    inText: () => "de tekst",
  },
  en: {
    bsn: (v) => `possible citizen service number (BSN) in ${v.where}: ${v.masked}`,
    "e-mail": (v) => `personal e-mail address in ${v.where}: ${v.masked}`,
    telefoon: (v) => `mobile phone number in ${v.where}: ${v.masked}`,
    geboortedatum: (v) => `name with a date of birth in ${v.where}: ${v.masked}`,
    noPersonalData: () => "no personal data in a public document",
    inKey: () => "a key",
    belowKey: () => "the data",
    inText: () => "the text",
  },
} satisfies KindMessages<Soort | "noPersonalData" | "inKey" | "belowKey" | "inText">;
type Message = KindMessage<keyof typeof MESSAGES.nl>;

export default defineKind({
  name: "persoonsgegevens",
  summary: {
    nl: "geen persoonsgegevens (BSN, persoonlijk e-mailadres, mobiel nummer, naam met geboortedatum) in de bestanden van de school",
    en: "no personal data (BSN, personal e-mail address, mobile number, name with date of birth) in the school's files",
  },
  messages: MESSAGES,
  params: Params,
  needsDocument: false,
  compile: (params: PersoonsgegevensParams) => compileDetector(params),
  evaluate(ctx, message) {
    const problems: Problem[] = [];
    for (const file of ctx.school.files) {
      scanData({ ctx, message, file, out: problems }, file.data, [], undefined);
      if (file.body) scanMarkdown(ctx, message, file, file.body, problems);
    }
    return [problems.length ? { verdict: "fail", problems } : { verdict: "pass" }];
  },
});

function problem(message: Message, h: Hit, file: SourceFile, where: string, at: { path: PathSegment[] } | { range: SourceRange }): Problem {
  return {
    file,
    ...at,
    message: message(h.soort, { where, masked: h.masked }),
    expected: message("noPersonalData"),
    found: h.masked,
  };
}

/** One file's data being scanned: where findings go. */
interface DataScan {
  ctx: RuleContext<PersoonsgegevensParams, Detector>;
  message: Message;
  file: SourceFile;
  out: Problem[];
}

/**
 * Every string (and whole number) of the data, keys included. Below a key
 * that itself holds personal data, a finding has no path: the path would
 * print the key.
 */
function scanData(scan: DataScan, value: unknown, path: PathSegment[], hidden: string | undefined): void {
  if (typeof value === "string") report(scan, value, path, false, hidden);
  else if (typeof value === "number") {
    if (Number.isInteger(value) && Math.abs(value) >= 1e8) report(scan, String(value), path, false, hidden);
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      scanData(scan, value[i], path, hidden);
      path.pop();
    }
  } else if (value !== null && typeof value === "object") {
    for (const k in value) {
      if (!Object.hasOwn(value, k)) continue;
      path.push(k);
      const keyHit = report(scan, k, path, true, hidden);
      scanData(scan, (value as Record<string, unknown>)[k], path, hidden ?? (keyHit ? scan.message("belowKey") : undefined));
      path.pop();
    }
  }
}

/** Reports what `text` at `path` holds; true when it held something. */
function report(scan: DataScan, text: string, path: PathSegment[], key: boolean, hidden: string | undefined): boolean {
  const { ctx, message, file, out } = scan;
  const hits = findPersonalData(text, ctx.compiled);
  for (const h of hits) {
    const where = key ? message("inKey") : (hidden ?? formatPath(path));
    const at = key || hidden ? { range: file.locate(path, { key }) } : { path: [...path] };
    out.push(problem(message, h, file, where, at));
  }
  return hits.length > 0;
}

/** The Markdown text as written, headings included: positions are exact, and nothing above the first heading is skipped. */
function scanMarkdown(ctx: RuleContext<PersoonsgegevensParams, Detector>, message: Message, file: SourceFile, body: { text: string; line: number }, out: Problem[]): void {
  const hits = findPersonalData(body.text, ctx.compiled);
  if (hits.length === 0) return;
  const where = message("inText");
  const lines = { lineStarts: lineStartsOf(body.text), lineOffset: body.line - 1 };
  for (const h of hits) out.push(problem(message, h, file, where, { range: spanRange(lines, h.start, h.end) }));
}
