/**
 * Every command's output in one language only: with --lang en no Dutch word
 * of sop-audit's own, with the default language (Dutch) no English one, on
 * both examples. The schools' data, the ruleset's texts (standards/ is
 * Dutch) and ids stay as written, so the test looks for words the catalogue
 * uses in one language that occur in no input file: each listed word is
 * checked to be such a word before the outputs are searched for it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en.js";
import { nl } from "../../src/i18n/nl.js";
import type { Msg } from "../../src/i18n/messages.js";
import { RULE_KINDS } from "../../src/rules/registry.js";
import { runInProcess } from "../cli/in-process.js";
import { ROOT } from "../cli/run.js";
import { EXAMPLES } from "../engine/helpers.js";

/** Dutch words of sop-audit's own texts (findings, labels, help); none may show under --lang en. */
const DUTCH = [
  "gevonden", "bedoelde", "mist", "niets", "leeg", "elementen", "patroon", "tegenstrijdig", "uiterlijk",
  "waarschuwingen", "oplossing", "herkomst", "allebei", "samenvatting", "grootste", "achterstallig", "betekenis",
  "inhoud", "pagina", "gegroepeerd", "dekking", "eindoordeel", "openstaande", "geldigheid", "vergelijking",
  "visitatierapport", "opties", "argumenten", "toon", "hieronder", "kleur", "uitvoerformaat", "schrijven",
];

/** English words of sop-audit's own texts; none may show with the default language. */
const ENGLISH = [
  "lacks", "older", "reference", "meets", "scored", "satisfy", "inconsistent", "judges", "placeholder",
  "circular", "overview", "vulnerable", "covered", "committee", "recommendation", "whole", "everywhere",
  "usage", "options", "arguments", "command", "choices", "show", "writing", "written", "waiting",
];

const EXAMPLE_NAMES = ["swv-vo-2203", "swv-meierij-po", "swv-vlietmonde-po"];
const CHECK_FORMATS = ["stylish", "json", "sarif", "junit", "github", "gitlab", "markdown"];
const COVERAGE_FORMATS = ["md", "html", "csv", "json"];
const HELP = [[], ["check"], ["report"], ["coverage"], ["visitatie"], ["ouders"], ["standards"], ["explain"], ["ruleset"], ["ruleset", "check"], ["help", "check"]];

function wordsOf(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/\p{L}+/gu) ?? []);
}

/** Every text of a language: the catalogue and the rule kinds' messages, placeholders left empty. */
function catalogueWords(lang: "nl" | "en"): Set<string> {
  const any = new Proxy({}, { get: () => "…" });
  const texts = [...Object.values(lang === "nl" ? nl : en), ...RULE_KINDS.flatMap((k) => Object.values(k.messages[lang]) as Msg[])].map((m) => m(any));
  return wordsOf(texts.join("\n"));
}

/** Every word of the input: the examples' files and the shipped ruleset. */
function inputWords(): Set<string> {
  const out = new Set<string>();
  for (const dir of [EXAMPLES, join(ROOT, "standards")]) {
    for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (e.isFile()) for (const w of wordsOf(readFileSync(join(e.parentPath, e.name), "utf8"))) out.add(w);
    }
  }
  return out;
}

type Content = "text" | "json" | "xml" | "html";

/**
 * The words a person reads in an output: JSON's values but not its keys
 * (the format's contract), HTML's text but not its styles and class names,
 * XML's text and attribute values but not element and attribute names.
 */
function readable(content: Content, text: string): string {
  if (content === "json") {
    const values: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === "string") values.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") Object.values(v).forEach(walk);
    };
    walk(JSON.parse(text));
    return values.join("\n");
  }
  if (content === "html") return text.replace(/<(style|script)[\s\S]*?<\/\1>/g, " ").replace(/<[^>]*>/g, " ");
  if (content === "xml") return text.replace(/<\/?[\w:-]+|\s[\w:-]+=/g, " ");
  return text;
}

const CHECK_CONTENT: Record<string, Content> = { json: "json", sarif: "json", gitlab: "json", junit: "xml" };
const COVERAGE_CONTENT: Record<string, Content> = { json: "json", html: "html" };

interface Output {
  name: string;
  content: Content;
  text: string;
}

const tmp = mkdtempSync(join(tmpdir(), "sop-audit-languages-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every command's output on one example in one language (`lang` undefined: the default). */
async function allOutputs(example: string, lang: "en" | undefined): Promise<Output[]> {
  const repo = join(EXAMPLES, example);
  const langArgs = lang ? ["--lang", lang] : [];
  const outputs: Output[] = [];
  const run = async (name: string, args: string[], content: Content = "text") => {
    const r = await runInProcess(args, { cwd: repo });
    expect(r.code, `${name}: ${r.stderr}`).toBeLessThan(2);
    outputs.push({ name, content, text: r.stdout }, { name: `${name} (stderr)`, content: "text", text: r.stderr });
  };
  for (const format of CHECK_FORMATS) await run(`check --format ${format}`, ["check", "--format", format, ...langArgs], CHECK_CONTENT[format]);
  for (const format of COVERAGE_FORMATS) await run(`coverage --format ${format}`, ["coverage", "--format", format, ...langArgs], COVERAGE_CONTENT[format]);
  const out = join(tmp, `${example}-${lang ?? "default"}`);
  await run("report", ["report", "--out", join(out, "report"), ...langArgs]);
  await run("visitatie", ["visitatie", "--all", "--out", join(out, "visitatie"), ...langArgs]);
  await run("ouders", ["ouders", "--all", "--out", join(out, "ouders"), ...langArgs]);
  for (const e of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) outputs.push({ name: e.name, content: e.name.endsWith(".html") ? "html" : "text", text: readFileSync(join(e.parentPath, e.name), "utf8") });
  }
  await run("standards", ["standards", ...langArgs]);
  await run("standards --kinds", ["standards", "--kinds", ...langArgs]);
  await run("ruleset check", ["ruleset", "check", ...langArgs]);
  // A rule with its item, and a check of sop-audit itself, from this example's ruleset.
  const listed = JSON.parse((await runInProcess(["standards", "--json"], { cwd: repo })).stdout) as { rules: { id: string; indicator?: string }[] };
  const rule = listed.rules.find((r) => r.indicator !== undefined)!;
  for (const id of [rule.id, rule.indicator!, "yaml/syntax"]) await run(`explain ${id}`, ["explain", id, ...langArgs]);
  for (const args of HELP) await run(`${args.join(" ")} --help`, [...args, "--help", ...langArgs]);
  return outputs;
}

/** Where in the outputs any of `words` stands, as "output: word". */
function found(outputs: Output[], words: readonly string[]): string[] {
  const hits: string[] = [];
  for (const { name, content, text } of outputs) {
    const present = wordsOf(readable(content, text));
    for (const w of words) if (present.has(w)) hits.push(`${name}: ${w}`);
  }
  return hits;
}

describe("the word lists", () => {
  let input: Set<string>;
  beforeAll(() => {
    input = inputWords();
  });
  it.each([
    ["Dutch", DUTCH, "nl", "en"],
    ["English", ENGLISH, "en", "nl"],
  ] as const)("%s: words of that catalogue only, in no input file", (_name, words, own, other) => {
    const ownWords = catalogueWords(own);
    const otherWords = catalogueWords(other);
    const misfits = {
      notInOwnCatalogue: words.filter((w) => !ownWords.has(w)),
      inOtherCatalogue: words.filter((w) => otherWords.has(w)),
      inInput: words.filter((w) => input.has(w)),
    };
    expect(misfits).toEqual({ notInOwnCatalogue: [], inOtherCatalogue: [], inInput: [] });
  });
});

for (const example of EXAMPLE_NAMES) {
  describe(`every command on ${example}`, () => {
    it("--lang en: no Dutch word of sop-audit's own", async () => {
      const outputs = await allOutputs(example, "en");
      expect(outputs.length).toBeGreaterThan(40);
      expect(found(outputs, DUTCH)).toEqual([]);
    });

    it("the default language: no English word of sop-audit's own", async () => {
      const outputs = await allOutputs(example, undefined);
      expect(found(outputs, ENGLISH)).toEqual([]);
    });
  });
}
