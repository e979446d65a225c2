/**
 * Turns file text into a SourceFile: YAML with `yaml`'s Document + LineCounter
 * (positions for every node), Markdown split by splitFrontMatter (front
 * matter holds the data, the body the narrative). Only plain data comes out:
 * no tag constructs anything, and no parser error escapes as an exception.
 */
import { isUtf8 } from "node:buffer";
import { createRequire } from "node:module";
import type { Document, LineCounter as LineCounterType, Node } from "yaml";
import type { SourceRange } from "../core/types.js";
import { parseFast } from "./fast-yaml.js";
import { splitFrontMatter } from "./front-matter.js";
import { FILE_START, type MarkdownSection, type ParseProblem, type PathSegment, type SourceFile } from "./source.js";

// resolveKnownTags: false — `!!binary`, `!!set` and the like would build more than plain data.
const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true, resolveKnownTags: false } as const;

// `yaml` serves only files the fast path rejects: loaded on first use, so start-up (and every worker) stays light.
const require = createRequire(import.meta.url);
let yamlLib: typeof import("yaml") | undefined;
const yaml = () => (yamlLib ??= require("yaml") as typeof import("yaml"));

/** How many aliases one document may use: enough for any real document, too few for an alias bomb. */
export const MAX_ALIASES = 100;
/** How deep mappings and lists may nest: a school document needs about six levels. */
export const MAX_DEPTH = 64;
/** Keys that would reach an object's prototype if a later step copied them carelessly. */
const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** Positions are offsets into the whole file; front matter starts below line 1. */
class Positions {
  constructor(
    private readonly counter: LineCounterType,
    readonly lineOffset = 0,
    private readonly text = "",
  ) {}
  /** A node's range without the trailing line breaks and spaces `yaml` includes for collections. */
  node(start: number, end: number): SourceRange {
    let e = end;
    while (e > start && /\s/.test(this.text[e - 1] ?? "")) e--;
    return this.range(start, e);
  }
  range(start: number, end: number): SourceRange {
    const a = this.counter.linePos(start);
    const b = this.counter.linePos(Math.max(start, end));
    return { line: a.line + this.lineOffset, column: a.col, endLine: b.line + this.lineOffset, endColumn: b.col };
  }
}

function parseYamlText(text: string, positions: Positions, counter: LineCounterType) {
  const problems: ParseProblem[] = [];
  let doc: Document;
  try {
    doc = yaml().parseDocument(text, { ...YAML_OPTIONS, lineCounter: counter });
  } catch (error) {
    // A stack overflow on absurd nesting, say: one finding, never a stopped audit.
    problems.push({ code: "too-deep", range: FILE_START, detail: String((error as Error)?.message ?? error) });
    return { doc: undefined, data: undefined, problems };
  }
  const syntax: ParseProblem[] = [];
  for (const err of doc.errors) {
    let [start, end] = err.pos;
    // Some errors start at the blank line before the offending one.
    while (start < end && /\s/.test(text[start]!)) start++;
    if (/call stack/i.test(err.message)) {
      if (!problems.some((p) => p.code === "too-deep")) problems.push({ code: "too-deep", range: positions.range(start, start + 1) });
    } else if (err.code === "DUPLICATE_KEY") {
      // The error marks one character; the message should name the whole key.
      const key = /^[^:\n]*/.exec(text.slice(start))![0].trim().replace(/^["']|["']$/g, "");
      problems.push({ code: "duplicate-key", range: positions.range(start, start + Math.max(1, key.length)), detail: key });
    } else {
      const opened = openingDelimiter(text, err.message, start);
      const range =
        opened === undefined ? lastLineOf(positions.range(start, end)) : positions.range(opened, opened + 1);
      syntax.push({ code: "syntax", range, detail: firstSentence(err.message) });
    }
  }
  const tab = syntax.length > 0 ? indentingTab(text, syntax[0]!.range.line + 2 - positions.lineOffset) : undefined;
  const first = tab !== undefined ? { code: "tab" as const, range: positions.range(tab, tab + 1) } : mostLikelyCause(syntax);
  if (first) problems.push(first);
  for (const warning of doc.warnings) {
    // An unknown tag (`!!js/function`, `!foo`) is read as plain text, and reported.
    if (warning.code === "TAG_RESOLVE_FAILED") problems.push({ code: "tag", range: positions.range(warning.pos[0], warning.pos[1]), detail: tagAt(text, warning.pos[0]) });
  }
  // Duplicate keys still give usable data (last one wins); syntax errors do not.
  const fatal = problems.some((p) => p.code === "syntax" || p.code === "tab" || p.code === "too-deep");
  if (fatal) return { doc, data: undefined, problems };
  try {
    return { doc, data: doc.toJS({ maxAliasCount: MAX_ALIASES }) as unknown, problems };
  } catch (error) {
    // An alias to an anchor that does not exist, or more aliases than any real document needs.
    const at = firstAlias(text);
    const range = at === undefined ? FILE_START : positions.range(at, at + 1);
    problems.push({ code: error instanceof RangeError ? "too-deep" : "alias", range, detail: String((error as Error)?.message ?? error) });
    return { doc, data: undefined, problems };
  }
}

/** The first tab that indents a line, on or before `lastLine` (1-based, in `text`): YAML forbids tabs there. */
function indentingTab(text: string, lastLine: number): number | undefined {
  const m = /^ *\t/m.exec(text);
  if (!m) return undefined;
  const offset = m.index + m[0].length - 1;
  const line = text.slice(0, offset).split("\n").length;
  return line <= lastLine ? offset : undefined;
}

function tagAt(text: string, offset: number): string {
  return /^!\S*/.exec(text.slice(offset))?.[0] ?? "";
}

function firstAlias(text: string): number | undefined {
  const m = /(^|[\s[{,:-])\*[^\s,[\]{}]/m.exec(text);
  return m ? m.index + m[1]!.length : undefined;
}

/**
 * One broken line often yields several parser errors; the person needs one
 * finding, on the line they broke. A value that runs on into the next line
 * is caused by that last line; of a cluster of errors, the last is the cause.
 */
function lastLineOf(range: SourceRange): SourceRange {
  if (range.endLine === range.line) return range;
  // Starting at column 1, a key swallowed the next line: the key's line is the cause.
  if (range.column === 1) return { ...range, endLine: range.line, endColumn: range.column + 1 };
  const endLine = range.endColumn === 1 ? range.endLine - 1 : range.endLine;
  if (endLine <= range.line) return { ...range, endLine: range.line, endColumn: range.column + 1 };
  return { line: endLine, column: 1, endLine, endColumn: range.endColumn === 1 ? 1 : range.endColumn };
}

function mostLikelyCause(errors: ParseProblem[]): ParseProblem | undefined {
  const first = errors[0];
  if (!first) return undefined;
  let best = first;
  for (const e of errors) if (e.range.line <= first.range.line + 2 && e.range.line > best.range.line) best = e;
  return best;
}

/**
 * An unclosed quote or bracket is reported where the parser gave up; the
 * person needs the line where it was opened.
 */
function openingDelimiter(text: string, message: string, pos: number): number | undefined {
  const quote = /Missing closing (["'])quote/.exec(message)?.[1];
  const bracket = /end with a ([\]}])/.exec(message)?.[1];
  const open = quote ?? (bracket === "]" ? "[" : bracket === "}" ? "{" : undefined);
  if (!open) return undefined;
  const close = quote ?? bracket!;
  let end = pos;
  while (end > 0) {
    const start = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(start, end);
    const opens = line.split(open).length - 1;
    const balance = quote ? opens % 2 : opens - (line.split(close).length - 1);
    if (balance > 0) return start + line.lastIndexOf(open);
    if (start === 0) break;
    end = start - 1;
  }
  return undefined;
}

function firstSentence(message: string): string {
  const line = message.split("\n")[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, "").trim();
}

function locator(doc: Document | undefined, positions: Positions, fallback: SourceRange) {
  return (path: readonly PathSegment[], opts: { key?: boolean } = {}): SourceRange => {
    if (!doc || !doc.contents) return fallback;
    let node: unknown = doc.contents;
    let best: SourceRange = rangeOf(node, positions) ?? fallback;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const last = i === path.length - 1;
      const { isMap, isPair, isScalar, isSeq } = yaml();
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) return best;
        const keyRange = rangeOf(pair.key, positions);
        if (last && opts.key && keyRange) return keyRange;
        // A key without a value (`datum:`) points at the key.
        node = pair.value;
        const valueRange = rangeOf(node, positions);
        best = valueRange ?? keyRange ?? best;
        if (!valueRange) return best;
      } else if (isSeq(node) && typeof seg === "number") {
        const item = node.items[seg];
        if (item === undefined) return best;
        node = item;
        best = rangeOf(node, positions) ?? best;
      } else {
        return best;
      }
    }
    return best;
  };
}

function rangeOf(node: unknown, positions: Positions): SourceRange | undefined {
  const range = (node as Node | null)?.range;
  if (!range || range[0] === range[1]) return undefined;
  return positions.node(range[0], range[1]);
}

function rangeAtOffset(counter: LineCounterType, offset: number, lineOffset = 0): SourceRange {
  return new Positions(counter, lineOffset).range(offset, offset);
}

/** Cheap checks before parsing: one finding instead of garbage. */
function sniff(bytes: Buffer): ParseProblem | string {
  if (bytes.length === 0) return { code: "empty", range: FILE_START };
  const head = bytes.subarray(0, 8000);
  if (head.includes(0)) return { code: "binary", range: FILE_START };
  if (!isUtf8(bytes)) return { code: "encoding", range: FILE_START };
  const text = bytes.toString("utf8");
  const stripped = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (stripped.trim() === "") return { code: "empty", range: FILE_START };
  // Old Mac line ends (CR alone) become LF: same length, so every offset and column stays.
  return stripped.indexOf("\r") >= 0 ? stripped.replace(/\r(?!\n)/g, "\n") : stripped;
}

export interface ParseOptions {
  /** `reference` always builds `yaml`'s Document: tests compare the fast path against it. */
  parser?: "fast" | "reference";
}

export function parseSource(file: string, bytes: Buffer, options: ParseOptions = {}): SourceFile {
  const sniffed = sniff(bytes);
  const format = /\.md$/i.test(file) ? "markdown" : "yaml";
  if (typeof sniffed !== "string") {
    return { file, format, data: undefined, problems: [sniffed], locate: () => FILE_START };
  }
  const fast = options.parser !== "reference";
  const source = format === "markdown" ? parseMarkdown(file, sniffed, fast) : parseYaml(file, sniffed, fast);
  guardData(source);
  return source;
}

/**
 * The fast path (js-yaml) keeps aliases as shared references, so an alias
 * bomb would only explode later; `yaml` counts them. Text that may hold an
 * anchor goes to `yaml`.
 */
const MAY_HAVE_ANCHOR = /(?:^|[\s[{,:-])&[^\s,[\]{}]/m;

function parseYaml(file: string, text: string, useFast: boolean): SourceFile {
  const fast = useFast && !MAY_HAVE_ANCHOR.test(text) ? parseFast(text, 0) : undefined;
  if (fast) return fastSource(file, "yaml", fast.data, (p, o) => fast.locate(p, o) ?? FILE_START, FILE_START);
  const counter = new (yaml().LineCounter)();
  const positions = new Positions(counter, 0, text);
  const { doc, data, problems } = parseYamlText(text, positions, counter);
  if (data !== undefined && (data === null || typeof data !== "object" || Array.isArray(data))) {
    problems.push({ code: "not-a-map", range: rangeOf(doc?.contents, positions) ?? FILE_START });
  }
  return { file, format: "yaml", data, problems, locate: locator(doc, positions, FILE_START) };
}

function fastSource(
  file: string,
  format: "yaml" | "markdown",
  data: unknown,
  locate: SourceFile["locate"],
  start: SourceRange,
): SourceFile {
  const problems: ParseProblem[] = [];
  if (data === null || data === undefined || typeof data !== "object" || Array.isArray(data)) {
    problems.push({ code: "not-a-map", range: locate([]) ?? start });
  }
  return { file, format, data: data ?? null, problems, locate };
}

const FRONT_MATTER_START: SourceRange = { line: 2, column: 1, endLine: 2, endColumn: 1 };

function parseMarkdown(file: string, text: string, useFast: boolean): SourceFile {
  const split = splitFrontMatter(text);
  const sections = markdownSections(text, split.bodyOffset);
  const body = { text: text.slice(split.bodyOffset), line: lineAt(text, split.bodyOffset) };
  const without = (code: ParseProblem["code"], detail?: string): SourceFile => ({
    file,
    format: "markdown",
    data: undefined,
    problems: [{ code, range: FILE_START, ...(detail !== undefined ? { detail } : {}) }],
    sections,
    body,
    locate: () => FILE_START,
  });
  if (split.kind === "language") return without("front-matter-language", split.language);
  if (split.kind === "unclosed") return without("front-matter-unclosed");
  if (split.kind === "none" || split.matter.trim() === "") return without("no-front-matter");
  const fm = split.matter;
  const fast = useFast && !MAY_HAVE_ANCHOR.test(fm) ? parseFast(fm, 1) : undefined;
  if (fast) {
    const source = fastSource(file, "markdown", fast.data, (p, o) => fast.locate(p, o) ?? FILE_START, FRONT_MATTER_START);
    source.sections = sections;
    source.body = body;
    return source;
  }
  const counter = new (yaml().LineCounter)();
  const positions = new Positions(counter, 1, fm);
  const { doc, data, problems } = parseYamlText(fm, positions, counter);
  if (data !== undefined && (data === null || typeof data !== "object" || Array.isArray(data))) {
    problems.push({ code: "not-a-map", range: rangeAtOffset(counter, 0, 1) });
  }
  return { file, format: "markdown", data, problems, sections, body, locate: locator(doc, positions, FILE_START) };
}

/**
 * Data too deeply nested is dropped (one finding); a reserved key
 * (`__proto__`) is reported at its place and left out of the data.
 */
function guardData(source: SourceFile): void {
  if (source.data === null || typeof source.data !== "object") return;
  const stack: { value: object; path: PathSegment[] }[] = [{ value: source.data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (path.length > MAX_DEPTH) {
      source.problems.push({ code: "too-deep", range: source.locate(path.slice(0, MAX_DEPTH)), detail: String(MAX_DEPTH) });
      source.data = undefined;
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (item !== null && typeof item === "object") stack.push({ value: item as object, path: [...path, i] });
      });
      continue;
    }
    for (const key of Object.keys(value)) {
      if (RESERVED_KEYS.has(key)) {
        source.problems.push({ code: "reserved-key", range: source.locate([...path, key], { key: true }), detail: key });
        delete (value as Record<string, unknown>)[key];
        continue;
      }
      const item = (value as Record<string, unknown>)[key];
      if (item !== null && typeof item === "object") stack.push({ value: item, path: [...path, key] });
    }
  }
}

/** The 1-based line of an offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** ATX headings of the body, skipping fenced code, with 1-based file lines. */
function markdownSections(text: string, bodyOffset: number): MarkdownSection[] {
  const body = text.slice(bodyOffset);
  const firstLine = lineAt(text, bodyOffset);
  const lines = body.split(/\r?\n/);
  const heads: { level: number; heading: string; index: number; column: number; length: number }[] = [];
  let fence: string | null = null;
  lines.forEach((line, index) => {
    const f = /^\s{0,3}(```|~~~)/.exec(line);
    if (f) {
      fence = fence === null ? f[1]! : fence === f[1] ? null : fence;
      return;
    }
    if (fence) return;
    const m = /^(\s{0,3})(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (m) heads.push({ level: m[2]!.length, heading: m[3]!, index, column: m[1]!.length + 1, length: line.length });
  });
  return heads.map((h, i) => {
    let end = lines.length;
    for (let j = i + 1; j < heads.length; j++) {
      if (heads[j]!.level <= h.level) {
        end = heads[j]!.index;
        break;
      }
    }
    const line = firstLine + h.index;
    return {
      heading: h.heading,
      level: h.level,
      range: { line, column: h.column, endLine: line, endColumn: h.length + 1 },
      body: lines.slice(h.index + 1, end).join("\n").trim(),
    };
  });
}
