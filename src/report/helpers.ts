/**
 * The Handlebars helpers of the report templates, registered in one place.
 *
 * HTML templates rely on Handlebars' own escaping of `{{ }}`; Markdown
 * templates are compiled without it and pass every value through `md`.
 */
import type Handlebars from "handlebars";
import type { HelperOptions } from "handlebars";
import type { Lang } from "../core/types.js";
import { isMessageKey, t } from "../i18n/messages.js";
import { streamOf } from "./stream.js";

/**
 * Escapes text for Markdown, inline and in table cells: backslash-escapes the
 * characters that start markup (`\ | * _ < > ` [ ] # ~ !`), a `&` that would
 * start an entity, and turns line breaks into spaces so a cell stays one row.
 */
export function escapeMd(value: unknown): string {
  if (value === undefined || value === null) return "";
  return String(value)
    .replace(/\r\n?|\n|\u2028|\u2029/g, " ")
    .replace(/[\\|*_<>`[\]#~!]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[a-zA-Z0-9]+;)/g, "\\&");
}

/** A safe CSS class fragment from an id: lower-case letters, digits and dashes only. */
export function cssClass(value: unknown): string {
  return String(value ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

interface RootData {
  meta?: { lang?: Lang };
}

function rootOf(options: HelperOptions): RootData {
  return ((options.data as { root?: RootData } | undefined)?.root ?? {}) as RootData;
}

function langOf(options: HelperOptions): Lang {
  return rootOf(options).meta?.lang ?? "nl";
}

/** Handlebars passes its options object as the last argument; the rest are the helper's own. */
function split(args: unknown[]): { params: unknown[]; options: HelperOptions } {
  return { params: args.slice(0, -1), options: args[args.length - 1] as HelperOptions };
}

export function registerHelpers(hb: typeof Handlebars): void {
  /** `{{t "id" name=value}}`: a text of the message catalogue in the report's language. */
  hb.registerHelper("t", function (this: unknown, ...args: unknown[]) {
    const { params, options } = split(args);
    const key = String(params[0]);
    const lang = langOf(options);
    if (!isMessageKey(key)) throw new Error(t(lang, "report.unknownLabel", { key }));
    const vals: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(options.hash as Record<string, unknown>)) vals[k] = typeof v === "number" ? v : String(v ?? "");
    return t(lang, key, vals);
  });
  hb.registerHelper("md", (value: unknown) => escapeMd(value));
  hb.registerHelper("cls", (value: unknown) => cssClass(value));
  /** A value as one URL path segment (`school-{{url id}}.html`). */
  hb.registerHelper("url", (value: unknown) => encodeURIComponent(String(value ?? "")));
  hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  hb.registerHelper("ne", (a: unknown, b: unknown) => a !== b);
  hb.registerHelper("gt", (a: unknown, b: unknown) => Number(a) > Number(b));
  hb.registerHelper("not", (a: unknown) => !a || (Array.isArray(a) && a.length === 0));
  hb.registerHelper("or", (...args: unknown[]) => split(args).params.some((x) => (Array.isArray(x) ? x.length > 0 : Boolean(x))));
  hb.registerHelper("and", (...args: unknown[]) => split(args).params.every((x) => (Array.isArray(x) ? x.length > 0 : Boolean(x))));
  hb.registerHelper("inc", (n: unknown) => Number(n) + 1);
  hb.registerHelper("array", (...args: unknown[]) => split(args).params);
  hb.registerHelper("len", (list: unknown) => (Array.isArray(list) ? list.length : 0));
  hb.registerHelper("join", (list: unknown, sep: unknown) =>
    Array.isArray(list) ? list.map((x) => String(x)).join(typeof sep === "string" ? sep : ", ") : "",
  );
  /** `{{#withId "prefix"}}…{{@id}}…{{/withId}}`: a fresh element id, numbered per report so output is stable. */
  hb.registerHelper("withId", function (this: unknown, ...args: unknown[]) {
    const { params, options } = split(args);
    const data = hb.createFrame(options.data ?? {}) as Record<string, unknown>;
    const stream = streamOf(options);
    if (stream === undefined) throw new Error("withId: a report template rendered outside createRenderer");
    // Numbered as the report is written, where the block begins (see stream.ts).
    const { begins, number } = stream.newId();
    data.id = `${cssClass(params[0] ?? "id") || "id"}-${number}`;
    return begins + options.fn(this, { data });
  });
}
