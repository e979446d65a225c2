/**
 * One vocabulary, as a property: for every term of every list a shipped rule
 * reads, written in every way the vocabulary promises to know (id, name,
 * each synonym; in capitals, without or with accents, with other
 * punctuation, with an abbreviation in brackets), the rule counts the term,
 * and for needs and levels the coverage matrix shows the level the rule
 * counted. The cases come from the loaded rulesets, so a synonym or a rule
 * added to standards/ later is tested without touching this file.
 *
 * Many spellings share one school: school k writes every term of every list
 * in its k-th spelling, each term once, so a spelling read as another term
 * leaves its own term missing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AuditResult, Finding, SchoolResult } from "../../src/core/types.js";
import { checkSchool } from "../../src/engine/check-school.js";
import { compileRuleset, type CompiledRuleset } from "../../src/engine/compiled-ruleset.js";
import { loadSchool } from "../../src/engine/school.js";
import { buildCoverage } from "../../src/report/coverage.js";
import type { EffectiveRule, Ruleset } from "../../src/rules/ruleset-model.js";
import { loadRuleset } from "../../src/ruleset/load.js";
import { fixture } from "../report/fixture.js";
import { PROJECT } from "./helpers.js";

const PROFILES = readdirSync(join(PROJECT, "standards", "profiles"))
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => f.replace(/\.yaml$/, ""))
  .sort();
const env = { lang: "nl" as const, peildatum: "2026-06-01", schooljaar: "2025-2026", detail: "coverage" as const };

/** Every way of writing an alias the vocabulary should read as the alias itself. */
function variants(alias: string, others: readonly string[]): string[] {
  const bare = alias.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  const out = [
    alias,
    alias.toUpperCase(),
    alias.toLowerCase(),
    // Accents dropped, and a hyphen for a space or a space for a hyphen.
    bare.replace(/[\s-]/g, (c) => (c === "-" ? " " : "-")),
    // An accent where none belongs, and a full stop after.
    `${alias.replace(/e/, "ë")}.`,
    // The term with another of its spellings as the abbreviation, as in "intern begeleider (IB'er)".
    `${alias} (${others.find((o) => o !== alias && !o.includes("(")) ?? "afk."})`,
  ];
  // Only the abbreviation known, as in "de spin in het web (IB)".
  if (!alias.includes("(")) out.push(`onbekende omschrijving (${alias})`);
  return out;
}

/** For each term of a list, every spelling (aliases × variants). */
function spellings(ruleset: Ruleset, list: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const term of ruleset.lijsten[list] ?? []) {
    const aliases = [term.id, term.naam, ...(term.synoniemen ?? [])].filter((a): a is string => !!a);
    out.set(term.id, [...new Set(aliases.flatMap((a) => variants(a, aliases)))]);
  }
  return out;
}

interface ListRead {
  rule: EffectiveRule;
  list: string;
  path: string;
  keys: boolean;
}

/** Every place a rule reads a list: list-includes and value-matches with `list`, a consistency condition with `list`, and the lists a where/whereIn names terms of. */
function listReads(ruleset: Ruleset): ListRead[] {
  const reads: ListRead[] = [];
  for (const rule of ruleset.rules) {
    if (rule.severity === "off") continue;
    // A rule reading several paths (aanbod and voorzieningen) is tried on its first; test/engine/markdown-first.test.ts has the voorzieningen.
    const given = rule.params as Record<string, unknown>;
    const p: Record<string, unknown> = Array.isArray(given.path) ? { ...given, path: given.path[0] } : given;
    if ((rule.kind === "list-includes" || rule.kind === "value-matches") && typeof p.list === "string") {
      reads.push({ rule, list: p.list, path: p.path as string, keys: p.keys === true });
    }
    if (rule.kind === "list-includes" && (p.where || p.whereIn)) {
      const prefix = (p.path as string).slice(0, (p.path as string).lastIndexOf("[]") + 2);
      const fields = { ...(p.where as Record<string, unknown>), ...(p.whereIn as Record<string, unknown>) };
      for (const [field, wanted] of Object.entries(fields)) {
        const values = ([] as unknown[]).concat(wanted).map(String);
        const list = Object.keys(ruleset.lijsten).find((l) => values.every((v) => ruleset.lijsten[l]!.some((t) => t.id === v)));
        if (list) reads.push({ rule, list, path: `${prefix}.${field}`, keys: false });
      }
    }
    if (rule.kind === "consistency") {
      const cond = p.if as Record<string, unknown>;
      if (cond.document === "sop" && typeof cond.list === "string") reads.push({ rule, list: cond.list, path: cond.path as string, keys: false });
    }
  }
  return reads;
}

/** What school k wrote, per data path: the term placed at each element (or in each list entry). */
type Written = Map<string, { id: string; spelling: string }[]>;

/**
 * The SOP of school k: every list a rule reads, at every path it reads it,
 * each term in its k-th spelling. Fields of the same list of objects
 * (aanbod[].behoefte and aanbod[].niveau) share the elements; a shorter
 * list cycles, shifted by k, so every need meets every level.
 */
function sopOf(k: number, reads: readonly ListRead[], spelled: (list: string) => Map<string, string[]>): { sop: Record<string, unknown>; written: Written } {
  const sop: Record<string, unknown> = { apiVersion: "sop-audit/v1", kind: "Schoolondersteuningsprofiel", schooljaar: "2025-2026" };
  const written: Written = new Map();
  const paths = new Map(reads.map((r) => [`${r.path}\0${r.keys}`, r]));
  // Fields of a list of objects: the longest list decides how many elements there are.
  const elements = new Map<string, number>();
  for (const r of paths.values()) {
    const at = r.path.indexOf("[]");
    if (at >= 0) elements.set(r.path.slice(0, at), Math.max(elements.get(r.path.slice(0, at)) ?? 0, spelled(r.list).size));
  }
  for (const r of paths.values()) {
    const terms = [...spelled(r.list).entries()];
    const at = r.path.indexOf("[]");
    const count = at >= 0 ? elements.get(r.path.slice(0, at))! : terms.length;
    const placed = Array.from({ length: count }, (_, i) => {
      const [id, forms] = terms[(i + (count > terms.length ? k : 0)) % terms.length]!;
      return { id, spelling: forms[k % forms.length]! };
    });
    written.set(r.path, placed);
    if (at >= 0) {
      const list = ensure(sop, r.path.slice(0, at).split("."), () => Array.from({ length: count }, () => ({}))) as Record<string, unknown>[];
      const field = r.path.slice(at + 3);
      placed.forEach((p, i) => (list[i]![field] = p.spelling));
    } else {
      const segments = r.path.split(".");
      const parent = ensure(sop, segments.slice(0, -1), () => ({})) as Record<string, unknown>;
      if (isText(r.path)) {
        // One text field (the team's name): the school writes the term the rule asks, in its k-th spelling.
        const wanted = (r.rule.params as { values?: string[] }).values?.[0] ?? placed[0]!.id;
        const forms = spelled(r.list).get(wanted)!;
        placed.splice(0, placed.length, { id: wanted, spelling: forms[k % forms.length]! });
        parent[segments.at(-1)!] = placed[0]!.spelling;
      } else parent[segments.at(-1)!] = r.keys ? Object.fromEntries(placed.map((p) => [p.spelling, "A. de Vries"])) : placed.map((p) => p.spelling);
    }
  }
  return { sop, written };
}

const SOP_SCHEMA = JSON.parse(readFileSync(join(PROJECT, "schemas/sop.schema.json"), "utf8")) as JsonSchema;
interface JsonSchema { type?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema }

/** Whether a dotted path (no `[]`) of the SOP is one text, not a list or map of them. */
function isText(path: string): boolean {
  let node: JsonSchema | undefined = SOP_SCHEMA;
  for (const seg of path.split(".")) node = node?.properties?.[seg];
  return node?.type === "string";
}

function ensure(root: Record<string, unknown>, segments: readonly string[], make: () => unknown): unknown {
  let node = root;
  segments.forEach((seg, i) => {
    node[seg] ??= i === segments.length - 1 ? make() : {};
    node = node[seg] as Record<string, unknown>;
  });
  return node;
}

/** A zelfevaluatie scoring every indicator a consistency rule asks of it as "voldoet niet", so a condition that holds shows. */
function zelfevaluatieFor(reads: readonly ListRead[]): Record<string, unknown> {
  const scores: Record<string, string> = {};
  for (const r of reads) {
    const then = (r.rule.params as { then?: { document?: string; indicator?: string } }).then;
    if (r.rule.kind === "consistency" && then?.document === "zelfevaluatie" && then.indicator) scores[then.indicator] = "voldoet niet";
  }
  return { apiVersion: "sop-audit/v1", kind: "Zelfevaluatie", schooljaar: "2025-2026", datum: "2026-05-01", scores };
}

function check(compiled: CompiledRuleset, sop: Record<string, unknown>, zelfevaluatie: Record<string, unknown>): SchoolResult {
  // JSON is YAML: the documents are written as such, every text quoted.
  const files = new Map([
    ["sop-2025-2026.yaml", Buffer.from(JSON.stringify(sop, null, 2))],
    ["zelfevaluatie-2025-2026.yaml", Buffer.from(JSON.stringify(zelfevaluatie, null, 2))],
  ]);
  return checkSchool(loadSchool("", "scholen/40AA00", "40AA00", "nl", files), compiled, env);
}

/** The required values a list-includes rule counted: all when it passes, else those its finding says it found. */
function counted(rule: EffectiveRule, findings: readonly Finding[]): Set<string> {
  const values = (rule.params as { values: string[] }).values;
  const lacks = findings.find((f) => f.ruleId === rule.id && f.severity !== "info");
  if (!lacks) return new Set(values);
  return new Set((lacks.found ?? "").split(", ").filter((v) => values.includes(v)));
}

describe.each(PROFILES)("one vocabulary, every spelling of every term (%s)", (profile) => {
  const ruleset = loadRuleset({ profile });
  const compiled = compileRuleset(ruleset);
  const reads = listReads(ruleset);
  const byList = new Map<string, Map<string, string[]>>();
  const spelled = (list: string) => byList.get(list) ?? byList.set(list, spellings(ruleset, list)).get(list)!;
  const schools = Math.max(...reads.map((r) => Math.max(...[...spelled(r.list).values()].map((s) => s.length))));

  it("finds the rules that read a list in the ruleset", () => {
    expect(reads.map((r) => r.rule.kind)).toEqual(expect.arrayContaining(["list-includes", "value-matches", "consistency"]));
    expect(new Set(reads.map((r) => r.list))).toEqual(new Set(["ondersteuningsbehoeften", "niveaus", "rollen", "protocollen", "functionarissen", "kernpartners", "procedures", "teams"]));
  });

  it("reads every spelling as its term in the vocabulary service", () => {
    let cases = 0;
    for (const list of new Set(reads.map((r) => r.list))) {
      for (const [id, forms] of spelled(list)) {
        for (const form of forms) {
          expect(compiled.term(list, form), `${list}: ${form}`).toBe(id);
          cases++;
        }
      }
    }
    expect(cases).toBeGreaterThan(1500);
  });

  it("every rule counts every spelling of every term it reads, and the matrix shows the level the rule counted", () => {
    const vocab = {
      behoeften: ruleset.lijsten.ondersteuningsbehoeften!.map((t) => ({ id: t.id, naam: t.naam })),
      niveaus: ruleset.lijsten.niveaus!.map((t) => ({ id: t.id, naam: t.naam })),
      onderwijstypen: (ruleset.lijsten.onderwijstypen ?? []).map((t) => ({ id: t.id, naam: t.naam })),
    };
    const zelfevaluatie = zelfevaluatieFor(reads);
    let cases = 0;
    for (let k = 0; k < schools; k++) {
      const { sop, written } = sopOf(k, reads, spelled);
      const school = check(compiled, sop, zelfevaluatie);
      const said = (f: Finding) => `school ${k}, ${f.ruleId}: ${f.message}`;
      expect(school.documents.every((d) => d.valid), JSON.stringify(school.findings.filter((f) => f.ruleId.startsWith("schema")).map(said))).toBe(true);
      for (const r of reads) {
        const own = school.findings.filter((f) => f.ruleId === r.rule.id);
        // No spelling is an unknown term: no info finding, no "staat niet in de lijst".
        expect(own.filter((f) => f.severity === "info" || /niet in de lijst/.test(f.message)).map(said)).toEqual([]);
        cases += written.get(r.path)!.length;
        if (r.rule.kind === "value-matches") expect(own.map(said)).toEqual([]);
        if (r.rule.kind === "consistency") expect(own.map((f) => f.message), `school ${k}`).toEqual([expect.stringMatching(/^tegenstrijdig: /)]);
      }

      // Needs and levels: the rule counts a need exactly when the matrix shows it at a level the rule asks for.
      const aanbod = (sop.aanbod ?? []) as { behoefte: string; niveau: string }[];
      const needs = written.get("aanbod[].behoefte")!;
      const levels = written.get("aanbod[].niveau")!;
      const result: AuditResult = { ...fixture(), vocab, dekkendAanbod: { minima: [], groeperen: [] }, schools: [school] };
      const matrix = buildCoverage(result);
      expect(matrix.nietIngedeeld).toEqual([]);
      aanbod.forEach((_, i) => {
        const row = matrix.rows.find((r) => r.behoefte === needs[i]!.id)!;
        expect(row.cells.map((c) => c.niveau), `school ${k}: ${needs[i]!.spelling} / ${levels[i]!.spelling}`).toEqual([levels[i]!.id]);
        cases++;
      });
      for (const r of reads.filter((x) => x.rule.kind === "list-includes" && x.path === "aanbod[].behoefte")) {
        const whereIn = (r.rule.params as { whereIn?: { niveau?: string[] } }).whereIn?.niveau;
        const got = counted(r.rule, school.findings);
        for (const value of (r.rule.params as { values: string[] }).values) {
          const cell = matrix.rows.find((x) => x.behoefte === value)!.cells[0]!;
          expect(got.has(value), `school ${k}, ${r.rule.id}: ${value} at ${cell.niveau}`).toBe(!whereIn || whereIn.includes(cell.niveau));
          cases++;
        }
      }
      // Every other list: the rule counts each required term, whatever the spelling.
      for (const r of reads.filter((x) => x.rule.kind === "list-includes" && x.path !== "aanbod[].behoefte" && !x.path.startsWith("aanbod[]."))) {
        expect([...counted(r.rule, school.findings)].sort(), `school ${k}, ${r.rule.id}`).toEqual([...(r.rule.params as { values: string[] }).values].sort());
        cases++;
      }
    }
    expect(cases).toBeGreaterThan(2000);
  });
});
