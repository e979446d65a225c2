/**
 * The JSON Schema of a document kind as an editor uses it: zod's schema with
 * Dutch hover texts (markdownDescription), examples, Dutch messages for
 * patterns and choices, and the terms of the SWV's lists as choices where a
 * field names its list (`meta({ lijst })` in schemas.ts).
 *
 * The choices are hints for the editor only: the engine still reads a term
 * the list does not know, and names the nearest one.
 */
import * as z from "zod";
import type { Lang } from "../core/types.js";
import { t, type MessageKey } from "../i18n/messages.js";

/** One term of a list, as a ruleset's `lijsten` holds it. */
export interface ListTerm {
  readonly id: string;
  readonly naam?: string | undefined;
  readonly synoniemen?: readonly string[] | undefined;
}

export type Lists = Readonly<Record<string, readonly ListTerm[] | undefined>>;

type Node = Record<string, unknown>;

export function editorJsonSchema(schema: z.ZodType, lists: Lists, lang: Lang = "nl"): Node {
  const json = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io: "input",
    override(ctx) {
      const fmt = formatOf(ctx.zodSchema);
      // An editor shows the pattern's message instead of the regular expression itself.
      if (fmt) (ctx.jsonSchema as Node).patternErrorMessage = t(lang, `schema.${fmt}.hint` as MessageKey, {});
    },
  }) as Node;
  annotate(json, lists, lang);
  return json;
}

/** The format code a string schema's check reports (`fmt:brin` → brin), as the engine's own findings name it. */
function formatOf(schema: unknown): string | undefined {
  const checks = (schema as { _zod: { def: { checks?: { _zod: { def: { error?: () => unknown } } }[] } } })._zod.def.checks ?? [];
  for (const check of checks) {
    const code = check._zod.def.error?.();
    if (typeof code === "string" && code.startsWith("fmt:")) return code.slice(4);
  }
  return undefined;
}

function annotate(node: unknown, lists: Lists, lang: Lang): void {
  if (Array.isArray(node)) {
    for (const n of node) annotate(n, lists, lang);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const n = node as Node;
  for (const [key, value] of Object.entries(n)) {
    // `properties` maps names to schemas; every other object-valued keyword is a schema or a list of them.
    if (key === "properties" && value && typeof value === "object") for (const sub of Object.values(value)) annotate(sub, lists, lang);
    else if (key !== "enum" && key !== "examples" && key !== "const") annotate(value, lists, lang);
  }
  const lijst = typeof n.lijst === "string" ? n.lijst : undefined;
  const terms = lijst ? lists[lijst] : undefined;
  if (lijst && terms && terms.length > 0) withTerms(n, lijst, terms, lang);
  else if (Array.isArray(n.enum) && n.errorMessage === undefined) n.errorMessage = t(lang, "schema.enum.hint", { expected: n.enum.map(String).join(", ") });
  else if (n.const !== undefined && n.errorMessage === undefined) n.errorMessage = t(lang, "schema.enum.hint", { expected: String(n.const) });
  // The editor shows this text on hover and beside a completion; a title alone is better than nothing there.
  const text = typeof n.description === "string" ? n.description : typeof n.title === "string" ? n.title : undefined;
  if (text !== undefined || lijst) {
    const listLine = lijst ? t(lang, "editor.listTerms", { list: lijst }) : undefined;
    n.markdownDescription = [text, listLine].filter((s) => s !== undefined).join("\n\n");
  }
  if (n.examples === undefined) {
    const example = exampleOf(n);
    if (example !== undefined) n.examples = [example];
  }
}

/**
 * One choice of spellings: the ids first, each with its name, then every
 * other spelling the engine reads as a term, named after it. One enum, not
 * alternatives: yaml-language-server would replace the message of several
 * failing enums by its own English list of values.
 */
function withTerms(n: Node, lijst: string, terms: readonly ListTerm[], lang: Lang): void {
  const values = terms.map((term) => term.id);
  const descriptions = terms.map((term) => term.naam ?? term.id);
  const seen = new Set(values);
  for (const term of terms) {
    for (const spelling of spellings(term)) {
      if (seen.has(spelling)) continue;
      seen.add(spelling);
      values.push(spelling);
      descriptions.push(t(lang, "editor.spellingOf", { id: term.id, naam: term.naam ?? term.id }));
    }
  }
  n.enum = values;
  n.markdownEnumDescriptions = descriptions;
  n.errorMessage = t(lang, "editor.notInList", { list: lijst });
  if (n.examples === undefined) n.examples = terms.slice(0, 2).map((term) => term.id);
}

/**
 * Spellings as the list writes them, in small letters too, and the id with a
 * capital: the engine ignores case, accents and punctuation, an enum does
 * not, and these are the variants people type (a capital where a line starts).
 */
function spellings(term: ListTerm): string[] {
  const out: string[] = [];
  for (const s of [term.naam, ...(term.synoniemen ?? [])]) if (s !== undefined) out.push(s, s.toLowerCase());
  out.push(term.id.charAt(0).toUpperCase() + term.id.slice(1));
  return out;
}

/** An example where the kind of value says what one looks like. */
function exampleOf(n: Node): unknown {
  if (n.const !== undefined) return n.const;
  if (Array.isArray(n.enum)) return n.enum[0];
  if (n.format === "date") return "2025-10-01";
  if (n.format === "uri") return "https://www.voorbeeldschool.nl/ondersteuning";
  if (n.type === "boolean") return true;
  return undefined;
}
