/**
 * Checks a parsed file against the schema of its kind and turns every zod
 * issue into a finding at the right position, with a Dutch message.
 */
import * as z from "zod";
import type { Finding, Lang, SourceRange } from "../core/types.js";
import { closest } from "../core/similar.js";
import { isMessageKey, t, type MessageKey } from "../i18n/messages.js";
import { MAX_ALIASES, MAX_DEPTH } from "./parse.js";
import * as FAST_VALIDATORS from "./generated/fast-validators.js";
import { API_VERSION, DOCUMENT_SCHEMAS, type DocumentKind } from "./schemas.js";
import { schooljaarFromYear } from "./rules-of-thumb.js";
import { salvage, withKeptPositions, type Normalised } from "./salvage.js";
import { formatPath, valueAt, type PathSegment, type SourceFile } from "./source.js";

/** Formats with a message of their own; each is a check `schema/<format>` (and `ruleset/<format>`). */
export const FORMAT_CHECKS = ["date", "schooljaar", "brin", "vestiging", "schoolcode", "url"] as const;

export interface Context {
  lang: Lang;
  school?: string;
}

type AnySchema = z.ZodType;

function finding(file: SourceFile, ctx: Context, f: Omit<Finding, "file" | "severity" | "school"> & { severity?: Finding["severity"] }): Finding {
  const out: Finding = { severity: "error", ...f, file: file.file };
  if (ctx.school) out.school = ctx.school;
  return out;
}

/** What a syntax error is, in the run's language: the parser's own words are English. */
function syntaxText(lang: Lang, reason: string | undefined): string {
  const key = `yaml.error.${reason}`;
  return t(lang, isMessageKey(key) ? key : "yaml.error.other");
}

/** Findings for problems the parser found (syntax, duplicates, empty, …). */
export function parseFindings(file: SourceFile, ctx: Context): Finding[] {
  const out: Finding[] = [];
  for (const p of file.problems) {
    const base = { range: p.range };
    switch (p.code) {
      case "unreadable":
        out.push(finding(file, ctx, { ...base, ruleId: "file/unreadable", message: t(ctx.lang, "file.unreadable", { reason: p.detail }) }));
        break;
      case "empty":
        out.push(finding(file, ctx, { ...base, ruleId: "file/empty", message: t(ctx.lang, "file.empty"), hint: t(ctx.lang, file.format === "markdown" ? "md.nofrontmatter.hint" : "file.empty.hint") }));
        break;
      case "binary":
        out.push(finding(file, ctx, { ...base, ruleId: "file/binary", message: t(ctx.lang, "file.binary"), hint: t(ctx.lang, "file.hint.resave") }));
        break;
      case "encoding":
        out.push(finding(file, ctx, { ...base, ruleId: "file/encoding", message: t(ctx.lang, "file.encoding"), hint: t(ctx.lang, "file.hint.resave") }));
        break;
      case "syntax":
        out.push(finding(file, ctx, { ...base, ruleId: "yaml/syntax", message: t(ctx.lang, "yaml.syntax", { detail: syntaxText(ctx.lang, p.reason) }), hint: t(ctx.lang, "yaml.syntax.hint") }));
        break;
      case "duplicate-key":
        out.push(finding(file, ctx, { ...base, ruleId: "yaml/duplicate-key", message: t(ctx.lang, "yaml.duplicate", { key: p.detail }), hint: t(ctx.lang, "yaml.duplicate.hint") }));
        break;
      case "not-a-map":
        out.push(finding(file, ctx, { ...base, ruleId: "yaml/not-a-mapping", message: t(ctx.lang, "yaml.notmap") }));
        break;
      case "no-front-matter":
        out.push(finding(file, ctx, { ...base, ruleId: "markdown/front-matter", message: t(ctx.lang, "md.nofrontmatter"), hint: t(ctx.lang, "md.nofrontmatter.hint") }));
        break;
      case "front-matter-language":
        out.push(finding(file, ctx, { ...base, ruleId: "markdown/front-matter-language", message: t(ctx.lang, "md.fmLanguage", { found: p.detail }), hint: t(ctx.lang, "md.fmLanguage.hint"), found: `---${p.detail ?? ""}`, expected: "---" }));
        break;
      case "front-matter-unclosed":
        out.push(finding(file, ctx, { ...base, ruleId: "markdown/front-matter", message: t(ctx.lang, "md.fmUnclosed"), hint: t(ctx.lang, "md.fmUnclosed.hint") }));
        break;
      case "tab":
        out.push(finding(file, ctx, { ...base, ruleId: "yaml/tab", message: t(ctx.lang, "yaml.tab"), hint: t(ctx.lang, "yaml.tab.hint") }));
        break;
      case "tag":
        out.push(finding(file, ctx, { ...base, ruleId: "yaml/tag", message: t(ctx.lang, "yaml.tag", { found: p.detail }), hint: t(ctx.lang, "yaml.tag.hint"), found: p.detail ?? "" }));
        break;
      case "alias":
        out.push(finding(file, ctx, { ...base, ruleId: "yaml/alias", message: t(ctx.lang, "yaml.alias", { max: MAX_ALIASES }), hint: t(ctx.lang, "yaml.alias.hint") }));
        break;
      case "too-deep":
        out.push(finding(file, ctx, { ...base, ruleId: "yaml/too-deep", message: t(ctx.lang, "yaml.tooDeep", { max: MAX_DEPTH }), hint: t(ctx.lang, "yaml.tooDeep.hint") }));
        break;
      case "reserved-key":
        out.push(finding(file, ctx, { ...base, ruleId: "yaml/reserved-key", message: t(ctx.lang, "yaml.reservedKey", { key: p.detail }), hint: t(ctx.lang, "yaml.reservedKey.hint"), found: p.detail ?? "" }));
        break;
    }
  }
  return out;
}

export interface Validated<T = unknown> {
  kind?: DocumentKind;
  /** The typed document: what of it passed its schema (see salvage.ts). */
  doc?: T;
  /** The file to locate the document's paths in: list entries left out shift no position. */
  source?: SourceFile;
  /** Values read by a rule of thumb (2013/2014 as 2013-2014). */
  normalised?: Normalised[];
  findings: Finding[];
}

export interface ValidateOptions {
  /** false: zod only. Tests compare the fast validators against it. */
  fast?: boolean;
}

/** Determines the kind, then validates. `allowed` limits the kinds expected here. */
export function validateDocument(file: SourceFile, ctx: Context, allowed: readonly DocumentKind[], options: ValidateOptions = {}): Validated {
  const findings = parseFindings(file, ctx);
  const data = file.data;
  if (data === undefined || data === null || typeof data !== "object" || Array.isArray(data)) return { findings };
  const record = data as Record<string, unknown>;
  const kind = record.kind;
  if (kind === undefined) {
    findings.push(finding(file, ctx, {
      ruleId: "schema/kind",
      range: file.locate([]),
      message: t(ctx.lang, "doc.kind.missing"),
      hint: t(ctx.lang, "doc.kind.hint", { expected: allowed.join(", ") }),
      expected: allowed.join(" | "),
    }));
    return { findings };
  }
  if (typeof kind !== "string" || !(kind in DOCUMENT_SCHEMAS)) {
    const found = typeof kind === "string" ? kind : JSON.stringify(kind);
    findings.push(finding(file, ctx, {
      ruleId: "schema/kind",
      range: file.locate(["kind"]),
      path: "kind",
      message: t(ctx.lang, "doc.kind.unknown", { found, suggestion: closest(found, allowed) }),
      hint: t(ctx.lang, "doc.kind.hint", { expected: allowed.join(", ") }),
      expected: allowed.join(" | "),
      found,
    }));
    return { findings };
  }
  const docKind = kind as DocumentKind;
  if (!allowed.includes(docKind)) {
    findings.push(finding(file, ctx, {
      ruleId: "schema/kind",
      range: file.locate(["kind"]),
      path: "kind",
      message: t(ctx.lang, "doc.misplaced", {
        kind: docKind,
        where: t(ctx.lang, docKind === "SwvConfig" ? "doc.where.root" : "doc.where.school"),
      }),
      found: docKind,
    }));
    return { kind: docKind, findings };
  }
  // Valid documents are the common case: the fast validator says so without zod.
  // What it rejects, zod judges (see fast-schema.ts).
  const fast = (FAST_VALIDATORS as Partial<Record<DocumentKind, (data: unknown) => boolean>>)[docKind];
  if (options.fast !== false && fast?.(data)) {
    return { kind: docKind, doc: data, findings };
  }
  const schema = DOCUMENT_SCHEMAS[docKind] as AnySchema;
  const result = schema.safeParse(data);
  if (result.success) return { kind: docKind, doc: result.data, findings };
  const issues = flattenUnions(result.error.issues, data);
  const salvaged = salvage(schema, data, issues);
  if (!salvaged) {
    findings.push(...issuesToFindings(issues, schema, record, file, ctx));
    return { kind: docKind, findings };
  }
  findings.push(...salvaged.normalised.map((n) => normalisedFinding(n, file, ctx)));
  findings.push(...issuesToFindings(salvaged.issues, schema, record, file, ctx));
  return {
    kind: docKind,
    doc: salvaged.doc,
    ...(salvaged.kept.size > 0 ? { source: withKeptPositions(file, salvaged.kept) } : {}),
    ...(salvaged.normalised.length > 0 ? { normalised: salvaged.normalised } : {}),
    findings,
  };
}

/** A value read by a rule of thumb: a warning whose hint is the value as it should be written. */
function normalisedFinding(n: Normalised, file: SourceFile, ctx: Context): Finding {
  const path = formatPath(n.path);
  const read = String(n.read);
  return finding(file, ctx, {
    ruleId: "schema/normalised",
    severity: "warning",
    range: file.locate(n.path),
    path,
    message: t(ctx.lang, "schema.normalised", { path, found: n.found, read }),
    hint: t(ctx.lang, "schema.normalised.hint", { read }),
    expected: read,
    found: n.found,
  });
}

/** Exported for the ruleset loader, which validates its files the same way. */
export function issuesToFindings(
  issues: readonly z.core.$ZodIssue[],
  schema: AnySchema,
  data: unknown,
  file: SourceFile,
  ctx: Context,
  rulePrefix = "schema",
): Finding[] {
  const out: Finding[] = [];
  for (const issue of flattenUnions(issues, data)) {
    out.push(...issueToFindings(issue, schema, data, file, ctx, rulePrefix));
  }
  // A misspelt key also makes the right key "missing": one finding says both.
  const suggested = new Set(out.filter((f) => f.ruleId.endsWith("/unknown-key") && f.path).map((f) => `${parentOf(f.path!)}${f.expected}`));
  return out.filter((f) => !(f.ruleId.endsWith("/required") && f.path && suggested.has(f.path)));
}

function parentOf(path: string): string {
  const i = path.lastIndexOf(".");
  return i < 0 ? "" : path.slice(0, i + 1);
}

/** For a union, report the branch that got furthest instead of "invalid input". */
function flattenUnions(issues: readonly z.core.$ZodIssue[], data: unknown): z.core.$ZodIssue[] {
  const out: z.core.$ZodIssue[] = [];
  for (const issue of issues) {
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const value = valueAt(data, issue.path as PathSegment[]);
      // Prefer the branch whose type matches (object for objects, string for strings).
      const scored = issue.errors.map((branch) => ({
        branch,
        typeMismatch: branch.some((i) => i.code === "invalid_type" && i.path.length === 0),
      }));
      const matching = scored.filter((s) => !s.typeMismatch);
      const pick = (matching.length > 0 ? matching : scored).reduce((a, b) => (b.branch.length < a.branch.length ? b : a));
      if (value === undefined || matching.length === 0) {
        out.push(issue);
        continue;
      }
      out.push(...flattenUnions(pick.branch.map((i) => ({ ...i, path: [...issue.path, ...i.path] })), data));
    } else {
      out.push(issue);
    }
  }
  return out;
}

function issueToFindings(
  issue: z.core.$ZodIssue,
  root: AnySchema,
  data: unknown,
  file: SourceFile,
  ctx: Context,
  rulePrefix: string,
): Finding[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const dotted = formatPath(path);
  const value = valueAt(data, path);
  const lang = ctx.lang;
  const make = (ruleId: string, range: SourceRange, key: MessageKey, vals: Record<string, string | number | undefined>, extra: Partial<Finding> = {}) =>
    finding(file, ctx, {
      ruleId: `${rulePrefix}/${ruleId}`,
      range,
      path: dotted || undefined,
      message: t(lang, key, vals),
      ...extra,
    });

  switch (issue.code) {
    case "unrecognized_keys": {
      const shape = objectKeysAt(root, path);
      const present = value && typeof value === "object" ? Object.keys(value) : [];
      // Suggest keys that are allowed but not yet used first.
      const unused = shape.filter((k) => !present.includes(k));
      return issue.keys.map((key) => {
        const suggestion = closest(key, unused) ?? closest(key, shape);
        const keyPath = [...path, key];
        return make(
          "unknown-key",
          file.locate(keyPath, { key: true }),
          "schema.unknownKey",
          { key, parent: dotted || undefined, suggestion },
          {
            path: formatPath(keyPath),
            hint: t(lang, "schema.unknownKey.hint", { key, suggestion, allowed: shape.join(", ") }),
            found: key,
            expected: suggestion ?? shape.join(" | "),
          },
        );
      });
    }
    case "invalid_type": {
      if (value === undefined) {
        const key = String(path[path.length - 1] ?? "");
        const title = titleAt(root, path);
        // Point at the parent's key: that is where the field should go.
        return [
          make("required", file.locate(path.slice(0, -1), { key: true }), "schema.required", { path: dotted }, {
            hint: t(lang, "schema.required.hint", { key, title }),
            expected: key,
            found: t(lang, "type.missing"),
          }),
        ];
      }
      const expected = typeLabel(lang, issue.expected);
      const found = describe(value, lang);
      if (isVestiging(path) && typeof value === "number") {
        const asNumber = t(lang, "schema.asNumber", { value });
        return [make("vestiging", file.locate(path), "schema.vestiging", { path: dotted, found: asNumber }, { hint: t(lang, "schema.vestiging.hint"), expected: "\"00\"", found: asNumber })];
      }
      return [
        make("type", file.locate(path), "schema.type", { path: dotted, expected, found }, {
          hint: t(lang, "schema.type.hint", { path: dotted, expected }),
          expected,
          found,
        }),
      ];
    }
    case "invalid_value": {
      const options = issue.values.map((v) => String(v));
      const found = describe(value, lang);
      const suggestion = typeof value === "string" ? closest(value, options) : undefined;
      const expected = options.map((o) => JSON.stringify(o)).join(", ");
      if (path[path.length - 1] === "apiVersion") {
        return [make("api-version", file.locate(path), "doc.apiVersion", { expected: API_VERSION, found }, { expected: API_VERSION, found })];
      }
      return [
        make("enum", file.locate(path), "schema.enum", { path: dotted, expected, found, suggestion }, {
          hint: t(lang, "schema.enum.hint", { expected, suggestion }),
          expected: options.join(" | "),
          found,
        }),
      ];
    }
    case "too_small": {
      const found = describe(value, lang);
      const origin = issue.origin === "array" ? "array" : issue.origin === "string" ? "string" : "number";
      return [
        make(`too-small`, file.locate(path), `schema.tooSmall.${origin}` as MessageKey, {
          path: dotted,
          min: Number(issue.minimum),
          found: Array.isArray(value) ? value.length : found,
        }, { hint: t(lang, "schema.tooSmall.hint"), expected: `>= ${issue.minimum}`, found: Array.isArray(value) ? String(value.length) : found }),
      ];
    }
    case "invalid_format":
    case "custom": {
      const fmt = issue.message.startsWith("fmt:") ? issue.message.slice(4) : undefined;
      const found = describe(value, lang);
      if (fmt && (FORMAT_CHECKS as readonly string[]).includes(fmt)) {
        return [
          make(fmt, file.locate(path), `schema.${fmt}` as MessageKey, { path: dotted, found }, {
            hint: t(lang, `schema.${fmt}.hint` as MessageKey, { example: typeof value === "string" && fmt === "schooljaar" ? schooljaarFromYear(value) : undefined }),
            expected: formatExpectation(fmt),
            found,
          }),
        ];
      }
      return [make("format", file.locate(path), "schema.other", { path: dotted, detail: issue.message }, { found })];
    }
    case "invalid_key": {
      // A key of a map in the wrong form (a school code, a schooljaar): said as a wrong value would be, at the key.
      const key = String(path[path.length - 1] ?? "");
      const fmt = issue.issues.map((i) => (i.message.startsWith("fmt:") ? i.message.slice(4) : undefined)).find((f) => f !== undefined);
      if (fmt && (FORMAT_CHECKS as readonly string[]).includes(fmt)) {
        const found = JSON.stringify(key);
        return [
          make(fmt, file.locate(path, { key: true }), `schema.${fmt}` as MessageKey, { path: dotted, found }, {
            hint: t(lang, `schema.${fmt}.hint` as MessageKey, { example: fmt === "schooljaar" ? schooljaarFromYear(key) : undefined }),
            expected: formatExpectation(fmt),
            found,
          }),
        ];
      }
      return [make("invalid", file.locate(path, { key: true }), "schema.other", { path: dotted, detail: issue.message }, { found: JSON.stringify(key) })];
    }
    default:
      return [make("invalid", file.locate(path), "schema.other", { path: dotted || "(document)", detail: issue.message }, { found: describe(value, lang) })];
  }
}

function formatExpectation(fmt: string): string {
  return (
    { date: "JJJJ-MM-DD", schooljaar: "JJJJ-JJJJ", brin: "12AB", vestiging: "\"00\"", schoolcode: "12AB00", url: "https://…" } as Record<string, string>
  )[fmt]!;
}

function isVestiging(path: readonly PathSegment[]): boolean {
  return path[path.length - 1] === "vestiging";
}

function typeLabel(lang: Lang, expected: string): string {
  switch (expected) {
    case "string":
      return t(lang, "type.string");
    case "number":
    case "int":
      return t(lang, "type.number");
    case "boolean":
      return t(lang, "type.boolean");
    case "object":
    case "record":
      return t(lang, "type.object");
    case "array":
      return t(lang, "type.array");
    default:
      return expected;
  }
}

/** How a found value is shown: strings quoted, structures by their type. */
export function describe(value: unknown, lang: Lang): string {
  if (value === undefined) return t(lang, "type.missing");
  if (value === null) return t(lang, "type.null");
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return t(lang, "type.array");
  return t(lang, "type.object");
}

/* Walking a zod schema along a data path, for allowed keys and titles. */

type Def = { type: string; innerType?: AnySchema; element?: AnySchema; shape?: Record<string, AnySchema>; valueType?: AnySchema; options?: AnySchema[]; in?: AnySchema };

function defOf(schema: AnySchema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function unwrap(schema: AnySchema): AnySchema[] {
  const def = defOf(schema);
  if (def.innerType) return unwrap(def.innerType);
  if (def.type === "pipe" && def.in) return unwrap(def.in);
  if (def.type === "union" && def.options) return def.options.flatMap(unwrap);
  return [schema];
}

function schemaAt(root: AnySchema, path: readonly PathSegment[]): AnySchema[] {
  let current = unwrap(root);
  for (const seg of path) {
    const next: AnySchema[] = [];
    for (const s of current) {
      const def = defOf(s);
      if (def.type === "object" && def.shape && typeof seg === "string" && def.shape[seg]) next.push(...unwrap(def.shape[seg]!));
      else if (def.type === "array" && def.element) next.push(...unwrap(def.element));
      else if (def.type === "record" && def.valueType) next.push(...unwrap(def.valueType));
    }
    current = next;
  }
  return current;
}

function objectKeysAt(root: AnySchema, path: readonly PathSegment[]): string[] {
  const keys = new Set<string>();
  for (const s of schemaAt(root, path)) {
    const def = defOf(s);
    if (def.type === "object" && def.shape) for (const k of Object.keys(def.shape)) keys.add(k);
  }
  return [...keys];
}

function titleAt(root: AnySchema, path: readonly PathSegment[]): string | undefined {
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1];
  for (const s of schemaAt(root, parentPath)) {
    const def = defOf(s);
    const field = def.type === "object" && typeof key === "string" ? def.shape?.[key] : undefined;
    if (field) {
      const meta = z.globalRegistry.get(field) as { title?: string } | undefined;
      if (meta?.title) return meta.title;
      for (const inner of unwrap(field)) {
        const m = z.globalRegistry.get(inner) as { title?: string } | undefined;
        if (m?.title) return m.title;
      }
    }
  }
  return undefined;
}
