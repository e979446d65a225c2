/**
 * Loads catalogs and profiles, validates them with positions, and layers the
 * chosen profile into one effective ruleset. Every problem is collected and
 * thrown together as a RulesetError, so an SWV sees all of them at once.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { RulesetError, UsageError } from "../core/errors.js";
import { closest } from "../core/similar.js";
import { SEVERITY_ORDER, type Finding, type Lang, type SeverityOrOff, type SourceRange } from "../core/types.js";
import { TOOL_VERSION } from "../core/version.js";
import { sortFindings } from "../core/finding-order.js";
import { failureCheck, readInputFile } from "../core/read-input.js";
import { inputFailure, isMessageKey, t } from "../i18n/messages.js";
import { parseSource } from "../documents/parse.js";
import { formatPath, valueAt, type PathSegment, type SourceFile } from "../documents/source.js";
import { describe, issuesToFindings, parseFindings } from "../documents/validate.js";
import type { z } from "zod";
import { KIND_BY_NAME } from "../rules/registry.js";
import type { RuleKind } from "../rules/kind.js";
import { agreementRuleId } from "../core/agreement-rule.js";
import type { EffectiveItem, EffectiveRule, EffectiveStandard, Provenance, Ruleset, RulesetLayer } from "../rules/ruleset-model.js";
import { RulesetFile, type RuleDef, type RulesetFileDoc, type Vocab } from "../rules/ruleset-schema.js";
import { deferredSource, fromSnapshot, rulesetSnapshot, snapshotDoc, type RulesetSnapshot } from "../rules/snapshot.js";
import { compareStrings } from "../core/similar.js";

/** What a profile or sop-audit.yaml may change of a rule. */
type RuleOverrideDef = { severity?: SeverityOrOff; nietAangetoond?: SeverityOrOff; params?: Record<string, unknown> };

/** The shipped catalogs and profiles. */
export const BUILTIN_STANDARDS = fileURLToPath(new URL("../../standards/", import.meta.url));

interface LoadedRulesetFile {
  doc: RulesetFileDoc;
  source: SourceFile;
  /** Path as shown in messages. */
  display: string;
  /** Shipped with sop-audit (standards/): checked by its own test suite. */
  shipped: boolean;
}

export interface ConfigOverrides {
  file: SourceFile;
  rules: Record<string, RuleOverrideDef>;
}

export interface LoadRulesetOptions {
  profile: string;
  /** Extra folders or files with catalogs and profiles (absolute). */
  paths?: string[];
  /** Where display paths are relative to (the repository root). */
  root?: string;
  config?: ConfigOverrides;
  lang?: Lang;
  /** Skip the shipped standards (tests of a ruleset in isolation). */
  noBuiltin?: boolean;
  /** Files read ahead at build time (snapshot.ts); default: the build's own, null: none. */
  snapshot?: RulesetSnapshot | null;
}

export class Problems {
  readonly list: Finding[] = [];
  /** The language of every message added. */
  constructor(readonly lang: Lang = "nl") {}
  /** Ids of catalogs and profiles whose file has errors (reported already). */
  readonly invalidIds = new Set<string>();
  add(file: SourceFile, path: readonly PathSegment[], message: string, opts: { key?: boolean; hint?: string; ruleId?: string } = {}): void {
    this.list.push({
      ruleId: opts.ruleId ?? "ruleset/invalid",
      severity: "error",
      file: file.file,
      range: file.locate(path, { key: opts.key }),
      path: formatPath(path) || undefined,
      message,
      ...(opts.hint ? { hint: opts.hint } : {}),
    });
  }
}

function isShipped(abs: string): boolean {
  return !relative(BUILTIN_STANDARDS, abs).startsWith("..");
}

function displayPath(abs: string, root: string | undefined): string {
  const base = root && !relative(root, abs).startsWith("..") ? root : resolve(BUILTIN_STANDARDS, "..");
  return relative(base, abs).split(sep).join("/");
}

/**
 * The .yaml files under `path`. What cannot be read as one (a FIFO, a loop
 * of links, a folder without permission) is listed all the same, so that
 * reading it reports why; a folder reached twice through links is read once.
 */
function collectYaml(path: string, out: string[], seen = new Set<string>()): void {
  const yamlName = /\.ya?ml$/i.test(path);
  let st;
  try {
    // An own path that does not exist is reported by loadRuleset (missingPaths).
    st = statSync(path, { throwIfNoEntry: false });
  } catch {
    if (yamlName) out.push(path);
    return;
  }
  if (st === undefined) return;
  if (!st.isDirectory()) {
    if (yamlName) out.push(path);
    return;
  }
  const real = realpathSync(path);
  if (seen.has(real)) return;
  seen.add(real);
  let entries: string[];
  try {
    entries = readdirSync(path).sort();
  } catch {
    out.push(path);
    return;
  }
  for (const entry of entries) collectYaml(join(path, entry), out, seen);
}

/**
 * Own paths that do not exist: a problem at their place in sop-audit.yaml
 * (ruleset.paths), or a usage error for a path given on the command line.
 */
function missingPaths(options: LoadRulesetOptions, problems: Problems, lang: Lang): void {
  const named = (options.config?.file.data as { ruleset?: { paths?: unknown } } | undefined)?.ruleset?.paths;
  const list: unknown[] = Array.isArray(named) ? named : [];
  for (const abs of options.paths ?? []) {
    if (existsSync(abs)) continue;
    const root = options.root;
    const at = root !== undefined ? list.findIndex((p) => typeof p === "string" && resolve(root, p) === abs) : -1;
    if (at < 0 || options.config === undefined) throw new UsageError(t(lang, "ruleset.pathMissing", { path: abs }));
    const given = JSON.stringify(list[at]);
    problems.add(options.config.file, ["ruleset", "paths", at], t(lang, "ruleset.pathsNamesMissing", { given }), { hint: t(lang, "ruleset.pathsNamesMissing.hint") });
  }
}

/** Reads and validates the given ruleset files (see rulesetFiles). */
export function readRulesetFiles(
  files: string[],
  root: string | undefined,
  lang: Lang,
  problems: Problems,
  snapshot: RulesetSnapshot | null = rulesetSnapshot(),
): LoadedRulesetFile[] {
  const out: LoadedRulesetFile[] = [];
  for (const abs of files) {
    const display = displayPath(abs, root);
    const read = readInputFile(abs);
    if (read.failure) {
      problems.list.push({ ruleId: failureCheck(read.failure), severity: "error", file: display, range: { line: 1, column: 1, endLine: 1, endColumn: 1 }, message: t(lang, "file.unreadable", { reason: inputFailure(lang, read.failure) }) });
      continue;
    }
    const bytes = read.bytes;
    const known = fromSnapshot(snapshot, bytes);
    if (known) {
      out.push({ doc: snapshotDoc(known), source: deferredSource(display, bytes, known.positions), display, shipped: isShipped(abs) });
      continue;
    }
    const source = parseSource(display, bytes);
    const parseProblems = parseFindings(source, { lang });
    problems.list.push(...parseProblems);
    if (source.data === undefined || parseProblems.some((p) => p.ruleId === "yaml/syntax")) continue;
    const result = RulesetFile.safeParse(source.data);
    if (!result.success) {
      problems.list.push(...issuesToFindings(result.error.issues, RulesetFile, source.data, source, { lang }, "ruleset"));
      const id = (source.data as { id?: unknown } | null)?.id;
      if (typeof id === "string") problems.invalidIds.add(id);
      continue;
    }
    out.push({ doc: result.data, source, display, shipped: isShipped(abs) });
  }
  return out;
}

/** The files a ruleset is read from, in the order they are read. */
export function rulesetFiles(options: Pick<LoadRulesetOptions, "noBuiltin" | "paths">): string[] {
  const files: string[] = [];
  for (const dir of [...(options.noBuiltin ? [] : [BUILTIN_STANDARDS]), ...(options.paths ?? [])]) collectYaml(dir, files);
  return files;
}

export function loadRuleset(options: LoadRulesetOptions): Ruleset {
  const lang = options.lang ?? "nl";
  const problems = new Problems(lang);
  missingPaths(options, problems, lang);
  const files = readRulesetFiles(rulesetFiles(options), options.root, lang, problems, options.snapshot);

  const byId = new Map<string, LoadedRulesetFile>();
  for (const f of files) {
    const other = byId.get(f.doc.id);
    if (other) {
      problems.add(f.source, ["id"], t(lang, "ruleset.duplicateId", { id: f.doc.id, other: other.display }), { hint: t(lang, "ruleset.duplicateId.hint") });
      continue;
    }
    byId.set(f.doc.id, f);
  }

  const layers = linearise(options.profile, byId, problems, options.config);
  if (problems.list.length > 0 || !layers) throw new RulesetError(rulesetMessage(lang, problems.list.length), sortProblems(problems.list));

  const ruleset = layer(layers, options, problems, lang);
  if (problems.list.length > 0) throw new RulesetError(rulesetMessage(lang, problems.list.length), sortProblems(problems.list));
  return ruleset;
}

function rulesetMessage(lang: Lang, n: number): string {
  return t(lang, "ruleset.errors", { n });
}

function sortProblems(list: Finding[]): Finding[] {
  return sortFindings(list);
}

/** Depth-first over `extends`: each layer after everything it builds on. */
function linearise(profile: string, byId: Map<string, LoadedRulesetFile>, problems: Problems, config?: ConfigOverrides): LoadedRulesetFile[] | undefined {
  const root = byId.get(profile);
  // A profile whose file has errors exists: those errors are the news.
  if (!root && problems.invalidIds.has(profile)) return undefined;
  if (!root) {
    const suggestion = closest(profile, [...byId.values()].filter((f) => f.doc.kind === "Profile").map((f) => f.doc.id));
    const profiles = [...byId.values()].filter((f) => f.doc.kind === "Profile").map((f) => f.doc.id).sort();
    if (config) {
      problems.add(config.file, ["ruleset", "profile"], t(problems.lang, "ruleset.profileMissing", { profile, suggestion }), { hint: t(problems.lang, "ruleset.profileMissing.hint", { profiles: profiles.join(", ") }) });
    } else {
      problems.list.push({ ruleId: "ruleset/invalid", severity: "error", file: "sop-audit.yaml", range: { line: 1, column: 1, endLine: 1, endColumn: 1 }, message: t(problems.lang, "ruleset.profileMissing", { profile }) });
    }
    return undefined;
  }
  const order: LoadedRulesetFile[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (f: LoadedRulesetFile, trail: string[]): void => {
    if (state.get(f.doc.id) === "done") return;
    if (state.get(f.doc.id) === "visiting") {
      problems.add(f.source, ["extends"], t(problems.lang, "ruleset.extendsCycle", { trail: [...trail, f.doc.id].join(" → ") }));
      return;
    }
    state.set(f.doc.id, "visiting");
    if (f.doc.kind === "Profile") {
      f.doc.extends.forEach((id, i) => {
        const next = byId.get(id);
        if (!next && problems.invalidIds.has(id)) return;
        if (!next) {
          const s = closest(id, byId.keys());
          problems.add(f.source, ["extends", i], t(problems.lang, "ruleset.extendsMissing", { id, suggestion: s }));
          return;
        }
        visit(next, [...trail, f.doc.id]);
      });
    }
    state.set(f.doc.id, "done");
    order.push(f);
  };
  visit(root, []);
  return order;
}

interface RuleOrigin {
  rule: EffectiveRule;
  def: RuleDef;
  file: SourceFile;
  index: number;
  shipped: boolean;
}

function layer(files: LoadedRulesetFile[], options: LoadRulesetOptions, problems: Problems, lang: Lang): Ruleset {
  const standards: EffectiveStandard[] = [];
  const standardIds = new Map<string, string>();
  const items: EffectiveItem[] = [];
  const itemById = new Map<string, EffectiveItem>();
  const rules = new Map<string, RuleOrigin>();
  const lijsten: Record<string, Vocab> = {};
  let dekkendAanbod: Ruleset["dekkendAanbod"] = { minima: [], groeperen: ["onderwijstype", "kring", "gemeente"] };
  let sectoren: string[] | undefined;
  let maxNietAangetoond: Ruleset["maxNietAangetoond"];
  const layers: RulesetLayer[] = [];

  for (const f of files) {
    const doc = f.doc;
    layers.push({ id: doc.id, kind: doc.kind, titel: doc.titel, bron: doc.bron, file: f.display, ...(doc.kind === "Profile" && doc.extends.length > 0 ? { extends: doc.extends } : {}) });
    doc.standaarden?.forEach((s, i) => {
      const prev = standardIds.get(s.id);
      if (prev) return problems.add(f.source, ["standaarden", i, "id"], t(lang, "ruleset.standardDuplicate", { id: s.id, other: prev }));
      standardIds.set(s.id, doc.id);
      standards.push({ ...s, source: doc.id });
    });
    doc.indicatoren?.forEach((ind, i) => {
      const prev = itemById.get(ind.id);
      if (prev) return problems.add(f.source, ["indicatoren", i, "id"], t(lang, "ruleset.indicatorDuplicate", { id: ind.id, other: prev.source }));
      const item: EffectiveItem = { ...ind, source: doc.id, file: f.display, range: f.source.locate(["indicatoren", i]) };
      items.push(item);
      itemById.set(ind.id, item);
    });
    for (const [name, vocab] of Object.entries(doc.lijsten ?? {})) if (vocab) lijsten[name] = vocab;
    doc.rules?.forEach((def, index) => {
      const prev = rules.get(def.id);
      if (prev) return problems.add(f.source, ["rules", index, "id"], t(lang, "ruleset.ruleDuplicate", { id: def.id, other: prev.rule.source }), { hint: t(lang, "ruleset.ruleDuplicate.hint") });
      const rule: EffectiveRule = {
        id: def.id,
        titel: def.titel,
        kind: def.kind,
        ...(def.indicator ? { indicator: def.indicator } : {}),
        ...(def.indicatoren ? { indicatoren: def.indicatoren } : {}),
        severity: def.severity,
        ...(def.nietAangetoond ? { nietAangetoond: def.nietAangetoond } : {}),
        ...(def.document ? { document: def.document } : {}),
        params: def.params,
        ...(def.sectoren ? { sectoren: def.sectoren } : {}),
        ...(def.als ? { als: def.als } : {}),
        ...(def.severity === "off" ? { optioneel: true as const } : {}),
        ...(def.hint ? { hint: def.hint } : {}),
        ...(def.hintEn ? { hintEn: def.hintEn } : {}),
        legalMinimum: def.legalMinimum === true,
        source: doc.id,
        provenance: [{ file: f.display, range: f.source.locate(["rules", index]), layer: doc.id, action: "defined" }],
      };
      rules.set(def.id, { rule, def, file: f.source, index, shipped: f.shipped });
    });
    if (doc.kind === "Profile") {
      if (doc.sectoren) sectoren = doc.sectoren;
      if (doc.dekkendAanbod) dekkendAanbod = { minima: doc.dekkendAanbod.minima, groeperen: doc.dekkendAanbod.groeperen ?? dekkendAanbod.groeperen };
      // The last profile that sets it decides, as for dekkendAanbod.
      const max = doc.maxNietAangetoond;
      if (max !== undefined) maxNietAangetoond = typeof max === "number" ? { aandeel: max, severity: "warning" } : { aandeel: max.aandeel, severity: max.severity ?? "warning" };
    }
  }

  // Structural checks need every layer's definitions, so they run after.
  for (const { rule, file, index, shipped } of rules.values()) checkRule(rule, file, index, shipped, { standardIds, itemById, lijsten, problems });

  // Overrides, in layer order, then the SWV config last.
  for (const f of files) {
    if (f.doc.kind !== "Profile" || !f.doc.overrides) continue;
    for (const [id, o] of Object.entries(f.doc.overrides)) applyOverride(rules, id, o, f.source, ["overrides", id], f.doc.id, problems, { lijsten, itemById, shipped: f.shipped });
  }
  if (options.config) {
    for (const [id, o] of Object.entries(options.config.rules)) {
      applyOverride(rules, id, o, options.config.file, ["ruleset", "rules", id], "sop-audit.yaml", problems, { lijsten, itemById, shipped: false });
    }
    if (Object.keys(options.config.rules).length > 0) layers.push({ id: "sop-audit.yaml", kind: "Config", titel: "Configuratie van het SWV", bron: options.config.file.file, file: options.config.file.file });
  }

  for (const m of dekkendAanbod.minima) {
    if (lijsten.niveaus && !lijsten.niveaus.some((n) => n.id === m.niveau)) {
      const f = files.findLast((x) => x.doc.kind === "Profile" && x.doc.dekkendAanbod)!;
      problems.add(f.source, ["dekkendAanbod"], t(lang, "ruleset.niveauUnknown", { niveau: m.niveau }));
    }
  }

  const effective = [...rules.values()].map((r) => r.rule).sort((a, b) => compareStrings(a.id, b.id));
  const ruleset: Ruleset = {
    profile: options.profile,
    layers,
    standards,
    items,
    itemById,
    rules: effective,
    lijsten,
    ...(sectoren ? { sectoren } : {}),
    dekkendAanbod,
    ...(maxNietAangetoond ? { maxNietAangetoond } : {}),
    hash: "",
  };
  ruleset.hash = createHash("sha256")
    .update(JSON.stringify({ v: TOOL_VERSION, lang, standards, items, rules: effective.map(({ provenance, ...r }) => r), lijsten, dekkendAanbod, sectoren, maxNietAangetoond }))
    .digest("hex");
  return ruleset;
}

/**
 * Params of one shape for every rule of a kind: each key of the kind's schema,
 * in its order, undefined when not given. The kind's code then meets one
 * object layout instead of one per combination of options, and V8 does not
 * throw its optimised code away when a rule with another combination comes by.
 * Serialised (hash, explain, JSON), undefined keys do not appear.
 */
function uniformParams(schema: z.ZodType, data: unknown): unknown {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  if (!shape || data === null || typeof data !== "object" || Array.isArray(data)) return data;
  const given = data as Record<string, unknown>;
  if (Object.keys(given).some((k) => !(k in shape))) return data;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape)) out[key] = given[key];
  return out;
}

function checkRule(
  rule: EffectiveRule,
  file: SourceFile,
  index: number,
  shipped: boolean,
  ctx: { standardIds: Map<string, string>; itemById: Map<string, EffectiveItem>; lijsten: Record<string, Vocab>; problems: Problems },
): void {
  const at = (...path: PathSegment[]) => ["rules", index, ...path];
  const lang = ctx.problems.lang;
  const kind = KIND_BY_NAME.get(rule.kind);
  if (!kind) {
    const s = closest(rule.kind, KIND_BY_NAME.keys());
    ctx.problems.add(file, at("kind"), t(lang, "ruleset.kindUnknown", { kind: rule.kind, suggestion: s }), { hint: t(lang, "ruleset.kindUnknown.hint", { kinds: [...KIND_BY_NAME.keys()].join(", ") }) });
    return;
  }
  if (kind.perIndicator) {
    if (!rule.indicatoren) ctx.problems.add(file, at(), t(lang, "ruleset.needsSelection", { id: rule.id, kind: rule.kind }), { key: true, hint: t(lang, "ruleset.needsSelection.hint") });
  } else if (!rule.indicator) {
    ctx.problems.add(file, at(), t(lang, "ruleset.needsIndicator", { id: rule.id }), { key: true, hint: t(lang, "ruleset.needsIndicator.hint") });
  }
  if (rule.indicator && !ctx.itemById.has(rule.indicator)) {
    const s = closest(rule.indicator, ctx.itemById.keys());
    ctx.problems.add(file, at("indicator"), t(lang, "ruleset.indicatorMissing", { id: rule.indicator, suggestion: s }));
  }
  const sel = rule.indicatoren;
  if (sel?.standaard) {
    sel.standaard.forEach((s, i) => {
      if (!ctx.standardIds.has(s)) ctx.problems.add(file, at("indicatoren", "standaard", i), t(lang, "ruleset.standardMissing", { id: s }));
    });
  }
  if (sel?.catalog && ![...ctx.itemById.values()].some((it) => it.source === sel.catalog)) {
    ctx.problems.add(file, at("indicatoren", "catalog"), t(lang, "ruleset.catalogEmpty", { catalog: sel.catalog }));
  }
  if (kind.needsDocument && !rule.document) ctx.problems.add(file, at(), t(lang, "ruleset.needsDocument", { id: rule.id, kind: rule.kind }), { key: true });
  const parsed = kind.params.safeParse(rule.params);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const p = issue.path.filter((x): x is string | number => typeof x !== "symbol");
      ctx.problems.add(file, at("params", ...p), `params${p.length ? `.${formatPath(p)}` : ""}: ${paramMessage(issue, rule.params, lang)}`, { hint: t(lang, "ruleset.params.hint", { kind: rule.kind }) });
    }
    return;
  }
  rule.params = uniformParams(kind.params, parsed.data);
  const ruleset = { lijsten: ctx.lijsten, itemById: ctx.itemById } as unknown as Ruleset;
  for (const c of kind.check?.(parsed.data, rule, ruleset, { shipped, lang }) ?? []) {
    ctx.problems.add(file, c.param ? at("params", c.param) : at("params"), c.message);
  }
}

/** Parameter problems in the run's language (the kinds' own refinement messages are Dutch only). */
function paramMessage(issue: z.core.$ZodIssue, params: unknown, lang: Lang): string {
  const value = valueAt(params, issue.path.filter((p): p is string | number => typeof p !== "symbol"));
  const found = describe(value, lang);
  switch (issue.code) {
    case "unrecognized_keys":
      return t(lang, "param.unknown", { keys: issue.keys.map((k) => `"${k}"`).join(", ") });
    case "invalid_type":
      return value === undefined ? t(lang, "param.required") : t(lang, "param.type", { expected: TYPE_NAMES[lang][issue.expected] ?? issue.expected, found });
    case "invalid_value":
      return t(lang, "param.oneOf", { values: issue.values.map((v) => JSON.stringify(v)).join(", "), found });
    case "too_small":
      return issue.origin === "array" ? t(lang, "param.minItems", { min: Number(issue.minimum) }) : t(lang, "param.min", { min: Number(issue.minimum), found });
    case "too_big":
      return t(lang, "param.max", { max: Number(issue.maximum), found });
    case "invalid_union":
      return t(lang, "param.shape", { found });
    default:
      // The kinds' own refinements name their message by id.
      return isMessageKey(issue.message) ? t(lang, issue.message) : issue.message;
  }
}

const TYPE_NAMES: Record<Lang, Record<string, string>> = {
  nl: { string: "tekst", number: "een getal", int: "een geheel getal", boolean: "true of false", object: "een groep velden", array: "een lijst", record: "een groep velden" },
  en: { string: "a text", number: "a number", int: "a whole number", boolean: "true or false", object: "a group of fields", array: "a list", record: "a group of fields" },
};

function applyOverride(
  rules: Map<string, RuleOrigin>,
  id: string,
  o: RuleOverrideDef,
  file: SourceFile,
  path: PathSegment[],
  layerId: string,
  problems: Problems,
  ctx: { lijsten: Record<string, Vocab>; itemById: Map<string, EffectiveItem>; shipped: boolean },
): void {
  const origin = rules.get(id);
  if (!origin) {
    const s = closest(id, rules.keys());
    problems.add(file, path, t(problems.lang, "ruleset.ruleMissing", { id, suggestion: s }), { key: true });
    return;
  }
  const rule = origin.rule;
  const kind = KIND_BY_NAME.get(rule.kind);
  if (rule.legalMinimum && o.params && kind && changesParams(rule, o.params, kind)) {
    addAgreement(rules, origin, kind, o as { severity?: SeverityOrOff; params: Record<string, unknown> }, file, path, layerId, problems, ctx);
    return;
  }
  const details: string[] = [];
  // Both severities follow the same law: a legal minimum's may be raised, never lowered.
  for (const field of ["severity", "nietAangetoond"] as const) {
    const asked = o[field];
    const current = field === "severity" ? rule.severity : (rule.nietAangetoond ?? rule.severity);
    if (asked === undefined || asked === current) continue;
    if (rule.legalMinimum && SEVERITY_ORDER[asked] < SEVERITY_ORDER[current]) {
      problems.add(file, [...path, field], t(problems.lang, "ruleset.legalSeverity", { id, severity: current, asked }), {
        hint: t(problems.lang, "ruleset.legal.hint"),
        ruleId: "ruleset/legal-minimum",
      });
    } else {
      details.push(`${field}: ${asked}`);
      rule[field] = asked;
    }
  }
  if (o.params && kind) {
    const merged = { ...(rule.params as Record<string, unknown>), ...o.params };
    const parsed = kind.params.safeParse(merged);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const p = issue.path.filter((x): x is string | number => typeof x !== "symbol");
        problems.add(file, [...path, "params", ...p], `params${p.length ? `.${formatPath(p)}` : ""}: ${paramMessage(issue, merged, problems.lang)}`);
      }
    } else if (rule.legalMinimum && !(kind.atLeastAsStrict?.(rule.params, parsed.data) ?? JSON.stringify(parsed.data) === JSON.stringify(rule.params))) {
      problems.add(file, [...path, "params"], t(problems.lang, "ruleset.legalParams", { id, params: JSON.stringify(rule.params) }), {
        hint: t(problems.lang, "ruleset.legal.hint"),
        ruleId: "ruleset/legal-minimum",
      });
    } else {
      // The new parameters get the same checks as a definition (lists exist, a schema fragment is JSON Schema).
      const ruleset = { lijsten: ctx.lijsten, itemById: ctx.itemById } as unknown as Ruleset;
      const problemsBefore = problems.list.length;
      for (const c of kind.check?.(parsed.data, rule, ruleset, { shipped: ctx.shipped, lang: problems.lang }) ?? []) {
        problems.add(file, c.param && c.param in o.params ? [...path, "params", c.param] : [...path, "params"], c.message);
      }
      if (problems.list.length === problemsBefore) {
        for (const [k, v] of Object.entries(o.params)) details.push(`params.${k}: ${JSON.stringify(v)}`);
        rule.params = uniformParams(kind.params, parsed.data);
      }
    }
  }
  const range: SourceRange = file.locate(path, { key: true });
  rule.provenance.push({ file: file.file, range, layer: layerId, action: "override", ...(details.length ? { detail: details.join(", ") } : {}) });
}

/** Whether these override params, laid over the rule's, give other parameters (that also fit the kind). */
function changesParams(rule: EffectiveRule, params: Record<string, unknown>, kind: RuleKind): boolean {
  const parsed = kind.params.safeParse({ ...(rule.params as Record<string, unknown>), ...params });
  return parsed.success && JSON.stringify(uniformParams(kind.params, parsed.data)) !== JSON.stringify(rule.params);
}

/**
 * A layer that makes a legal minimum stricter: the legal rule keeps the law's
 * parameters, severity and message, and the layer's agreement becomes a rule
 * of its own beside it (`WET-01+swv-vo-2203`, core/agreement-rule.ts), with the
 * stricter parameters and the override's severity. Both judge the same value.
 */
function addAgreement(
  rules: Map<string, RuleOrigin>,
  origin: RuleOrigin,
  kind: RuleKind,
  o: { severity?: SeverityOrOff; params: Record<string, unknown> },
  file: SourceFile,
  path: PathSegment[],
  layerId: string,
  problems: Problems,
  ctx: { lijsten: Record<string, Vocab>; itemById: Map<string, EffectiveItem>; shipped: boolean },
): void {
  const legal = origin.rule;
  const lang = problems.lang;
  const parsed = kind.params.safeParse({ ...(legal.params as Record<string, unknown>), ...o.params });
  if (!parsed.success) return;
  if (!(kind.atLeastAsStrict?.(legal.params, parsed.data) ?? false)) {
    problems.add(file, [...path, "params"], t(lang, "ruleset.legalParams", { id: legal.id, params: JSON.stringify(legal.params) }), {
      hint: t(lang, "ruleset.legal.hint"),
      ruleId: "ruleset/legal-minimum",
    });
    return;
  }
  const id = agreementRuleId(legal.id, layerId);
  if (rules.has(id)) {
    problems.add(file, path, t(lang, "ruleset.ruleDuplicate", { id, other: rules.get(id)!.rule.source }), { key: true });
    return;
  }
  const ruleset = { lijsten: ctx.lijsten, itemById: ctx.itemById } as unknown as Ruleset;
  const problemsBefore = problems.list.length;
  for (const c of kind.check?.(parsed.data, legal, ruleset, { shipped: ctx.shipped, lang }) ?? []) {
    problems.add(file, c.param && c.param in o.params ? [...path, "params", c.param] : [...path, "params"], c.message);
  }
  if (problems.list.length > problemsBefore) return;

  const legalParams = legal.params as Record<string, unknown>;
  const changed = Object.entries(o.params)
    .filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(legalParams[k]))
    .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`);
  const given = Object.entries(o.params).map(([k, v]) => `params.${k}: ${JSON.stringify(v)}`);
  const range: SourceRange = file.locate(path, { key: true });
  const { provenance: _legalProvenance, legalMinimum: _legal, ...shape } = legal;
  const agreement: EffectiveRule = {
    ...shape,
    id,
    titel: t(lang, "ruleset.agreement.title", { layer: layerId, legal: legal.id, changed: changed.join(", ") }),
    severity: o.severity ?? legal.severity,
    params: uniformParams(kind.params, parsed.data),
    legalMinimum: false,
    tightens: legal.id,
    source: layerId,
    provenance: [{ file: file.file, range, layer: layerId, action: "defined", detail: [...given, ...(o.severity !== undefined ? [`severity: ${o.severity}`] : [])].join(", ") }],
  };
  rules.set(id, { ...origin, rule: agreement, shipped: ctx.shipped });
  legal.provenance.push({ file: file.file, range, layer: layerId, action: "tightened", detail: id });
}
