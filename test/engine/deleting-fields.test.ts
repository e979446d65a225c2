/**
 * Issue 22, item 2. Real documents are partial: where the source is silent
 * an item is niet aangetoond, never voldoet. So deleting any one field from
 * any document of the examples never turns an item into voldoet, never
 * loses the school, and leaves every item exactly one status.
 *
 * What is mutated: every document of every school that parses (YAML, or a
 * Markdown file's front matter; the body is kept as written), and in it
 * every field: each key at every depth and each list element, one at a
 * time, all of them (about 9,900 deletions, no sampling needed): the data is
 * written back with `yaml`'s stringify. In process, without the CLI: the
 * ruleset is loaded and compiled once per example, and each deletion is one
 * loadSchool (with the mutated bytes) and one checkSchool, some 5 ms; the
 * file runs in about 45 s on two cores.
 *
 * The exceptions, each with its reason, are in `excused` and above the
 * check of the current document.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { prepareAudit } from "../../src/audit/audit.js";
import type { Finding, ItemStatus } from "../../src/core/types.js";
import { splitFrontMatter } from "../../src/documents/front-matter.js";
import { parseSource } from "../../src/documents/parse.js";
import { formatPath, type PathSegment } from "../../src/documents/source.js";
import { currentDocument, type CheckEnv } from "../../src/engine/check-env.js";
import { checkSchool } from "../../src/engine/check-school.js";
import { compileRuleset, type CompiledRuleset } from "../../src/engine/compiled-ruleset.js";
import { listSchoolFiles, loadSchool, type LoadedDocument, type SchoolDocuments } from "../../src/engine/school.js";
import { discoverSchools } from "../../src/repo/discover.js";
import { repoInputs } from "../../src/repo/inputs.js";
import type { EffectiveRule } from "../../src/rules/ruleset-model.js";
import { EXAMPLES } from "./helpers.js";

const EXAMPLE_NAMES = ["swv-vo-2203", "swv-meierij-po", "swv-vlietmonde-po"] as const;

interface Example {
  root: string;
  compiled: CompiledRuleset;
  env: CheckEnv;
  schools: { id: string; dir: string }[];
  /** Every rule by id: its kind and params tell what a failure was about. */
  rules: Map<string, EffectiveRule>;
}

function prepareExample(name: string): Example {
  const { root, ruleset, env, config, lang } = prepareAudit({ cwd: join(EXAMPLES, name), repo: "." });
  const { schoolsRel } = repoInputs(root, config.config, lang);
  return {
    root,
    compiled: compileRuleset(ruleset),
    // Statuses do not depend on how much detail a result carries: the least is fastest.
    env: { ...env, detail: "check" },
    schools: discoverSchools(root, schoolsRel, lang).schools,
    rules: new Map(ruleset.rules.map((r) => [r.id, r])),
  };
}

/** Every field of the data: each key at every depth and each list element, parents before children. */
function fieldPaths(data: unknown, at: PathSegment[] = []): PathSegment[][] {
  if (data === null || typeof data !== "object") return [];
  const keys: PathSegment[] = Array.isArray(data) ? data.map((_, i) => i) : Object.keys(data);
  return keys.flatMap((k) => [[...at, k], ...fieldPaths((data as Record<PathSegment, unknown>)[k], [...at, k])]);
}

/** A copy of `data` without the field at `path` (a list element is spliced out, so the list closes up). */
function withoutField(data: unknown, path: PathSegment[]): unknown {
  const copy = structuredClone(data);
  const parent = path.slice(0, -1).reduce<unknown>((v, seg) => (v as Record<PathSegment, unknown>)[seg], copy);
  const last = path.at(-1)!;
  if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete (parent as Record<PathSegment, unknown>)[last];
  return copy;
}

/** The document's text with `data` written as its YAML, a Markdown file keeping its body as written. */
function documentText(name: string, original: string, data: unknown): string {
  const yaml = stringify(data);
  if (!/\.md$/i.test(name)) return yaml;
  const split = splitFrontMatter(original);
  return `---\n${yaml}---\n${original.slice(split.bodyOffset)}`;
}

/** Is `a` the same field as `b`, or a field that holds it? Paths as Finding.path writes them. */
const holds = (a: string, b: string) => a === b || b.startsWith(`${a}.`) || b.startsWith(`${a}[`);

const DOCUMENT_REFS = ["sop", "zelfevaluatie", "visitatie", "uitzonderingen"] as const;

function documentsOf(docs: SchoolDocuments, ref: (typeof DOCUMENT_REFS)[number]): LoadedDocument[] {
  return ref === "sop" ? docs.sops : ref === "zelfevaluatie" ? docs.zelfevaluaties : ref === "visitatie" ? docs.visitaties : docs.uitzonderingen;
}

describe.each(EXAMPLE_NAMES)("voorbeeld %s: een veld weglaten maakt nooit iets 'voldoet'", (example) => {
  // Prepared while the tests are collected: each school is a test of its own.
  const ex = prepareExample(example);

  it.each(ex.schools)("school $id: elk document, elk veld", ({ id, dir }) => {
    // One line each: the school, file, deleted field, item, before → after, the item's rules before → after.
    const violations: string[] = [];
    const names = listSchoolFiles(join(ex.root, dir));
    const bytes = new Map(names.map((n) => [n, readFileSync(join(ex.root, dir, n))]));
    const audit = (files: Map<string, Buffer>) => {
      const docs = loadSchool(ex.root, dir, id, ex.env.lang, files);
      const result = checkSchool(docs, ex.compiled, ex.env);
      // Copied out: the engine reuses status objects from one check to the next.
      return { docs, result, statuses: result.statuses.map((s) => ({ ...s })) };
    };
    const { result: original, statuses: baseline } = audit(bytes);
    let mutations = 0;

    for (const name of names) {
      const file = `${dir}/${name}`;
      const text = bytes.get(name)!.toString("utf8");
      // What the engine reads; a file it cannot parse has no fields to delete.
      const data = parseSource(file, bytes.get(name)!).data;
      const paths = fieldPaths(data);
      if (paths.length === 0) continue;
      const written = (d: unknown) => new Map([...bytes, [name, Buffer.from(documentText(name, text, d))]]);
      // The document written back unchanged audits the same: what follows is about the deletion, not about how `yaml` writes.
      const reference = audit(written(data));
      expect(reference.statuses, `${file} written back`).toEqual(baseline);
      const before = new Map(reference.statuses.map((s) => [s.item, s]));
      const ref = DOCUMENT_REFS.find((r) => documentsOf(reference.docs, r).some((d) => d.source.file === file));
      const currentFile = (docs: SchoolDocuments) => (ref ? currentDocument(docs, ref, ex.env)?.source.file : undefined);
      const findingsOf = (item: string): Finding[] =>
        [...reference.result.findings, ...reference.result.waivedFindings].filter((f) => f.indicator === item && f.file === file);

      for (const path of paths) {
        mutations++;
        const where = `${id} ${name} −${formatPath(path)}`;
        const after = audit(written(withoutField(data, path)));
        // The school is still there, with one status for each item and no item twice.
        if (after.result.id !== original.id) violations.push(`${where}: the school is now ${after.result.id}, was ${original.id}`);
        const items = after.statuses.map((s) => s.item);
        if (items.join() !== baseline.map((s) => s.item).join() || new Set(items).size !== items.length) {
          violations.push(`${where}: ${items.length} statuses for ${baseline.length} items`);
        }
        // Without its kind or schooljaar the file is no longer a document of this year, and the audit reads the newest one it
        // can date: which document speaks changed, not what a document says (deleting the whole file does the same).
        if (currentFile(after.docs) !== currentFile(reference.docs)) continue;
        for (const now of after.statuses) {
          const was = before.get(now.item)!;
          if (now.status !== "voldoet" || was.status === "voldoet") continue;
          if (excused(was, now, formatPath(path), findingsOf(now.item), ex.rules)) continue;
          violations.push(`${where}: ${now.item} ${was.status} → ${now.status} [${was.rules.join(",") || "-"} → ${now.rules.join(",")}]`);
        }
      }
    }
    // Every school has a document with fields to delete.
    expect(mutations).toBeGreaterThan(50);
    expect(violations).toEqual([]);
  }, 60_000);
});

/** The list element a path lies in (`bevindingen[9].oordeel` → `bevindingen[9]`), if any. */
function entryOf(path: string): string | undefined {
  const end = path.lastIndexOf("]");
  return end < 0 ? undefined : path.slice(0, end + 1);
}

/** The fields a failing finding was judged on: its own value, and for a date order the other date too. */
function judgedOn(f: Finding, rules: Map<string, EffectiveRule>): string[] {
  const rule = rules.get(f.ruleId);
  const fields = f.path === undefined ? [] : [f.path];
  if (rule?.kind === "date-order") {
    const { before, after } = rule.params as { before: string; after: string };
    fields.push(before, after);
  }
  return fields;
}

/** The principled exceptions to "never becomes voldoet". */
function excused(was: ItemStatus, now: ItemStatus, deleted: string, findings: Finding[], rules: Map<string, EffectiveRule>): boolean {
  // Personal data deleted makes the privacy rule pass: that is the whole point of deleting it.
  if (now.rules.length > 0 && now.rules.every((r) => rules.get(r)?.kind === "persoonsgegevens")) return true;
  // Only an item that failed on a value may pass once that value is gone; silence never excuses anything.
  if (was.status !== "voldoet-niet" && was.status !== "uitgezonderd") return false;
  const fields = findings.flatMap((f) => judgedOn(f, rules));
  // The wrong value deleted, or what holds it: the failure was about that value, not about silence.
  if (fields.some((field) => holds(deleted, field) || holds(field, deleted))) return true;
  // A field of the same list entry as the wrong value: the entry is one statement (an aanbod with its niveau, a bevinding
  // with its standaard and oordeel); without that field it no longer says anything (salvage drops an entry that lacks a
  // required field, a bevinding without its standaard judges no standard), so its wrong value is gone with it.
  return fields.some((field) => entryOf(field) !== undefined && holds(entryOf(field)!, deleted));
}
