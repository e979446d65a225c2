/**
 * Turns file text into a SourceFile: one parse gives the data and a position
 * map (position-map.ts), which `locate` reads. Markdown is split by
 * splitFrontMatter (front matter holds the data, the body the narrative).
 * Only plain data comes out: no tag constructs anything, and no parser error
 * escapes as an exception.
 */
import { isUtf8 } from "node:buffer";
import { createRequire } from "node:module";
import type { Document, Node } from "yaml";
import type { SourceRange } from "../core/types.js";
import { parseFast } from "./fast-yaml.js";
import { splitFrontMatter } from "./front-matter.js";
import { EMPTY_NODE, lineStartsOf, locateIn, spanRange, type PositionMap, type PositionNode } from "./position-map.js";
import { FILE_START, type MarkdownSection, type ParseProblem, type PathSegment, type SourceFile } from "./source.js";

// resolveKnownTags: false — `!!binary`, `!!set` and the like would build more than plain data.
const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, strict: true, resolveKnownTags: false } as const;

// `yaml` reads what js-yaml cannot read well (broken text, aliases): loaded on first use, so start-up (and every worker) stays light.
const require = createRequire(import.meta.url);
let yamlLib: typeof import("yaml") | undefined;
const yaml = () => (yamlLib ??= require("yaml") as typeof import("yaml"));

/** How many aliases one document may use: enough for any real document, too few for an alias bomb. */
export const MAX_ALIASES = 100;
/** How deep mappings and lists may nest: a school document needs about six levels. */
export const MAX_DEPTH = 64;
/** Keys that would reach an object's prototype if a later step copied them carelessly. */
const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);
/** The positions of a file that gave no data. */
const NO_POSITIONS: PositionMap = { root: undefined, lineStarts: [0], lineOffset: 0 };

/** `yaml`'s reading of the text: its Document, the data if usable, and each problem at its place. */
function parseWithDocument(text: string, lines: Pick<PositionMap, "lineStarts" | "lineOffset">) {
  const positions = { range: (start: number, end: number) => spanRange(lines, start, end), lineOffset: lines.lineOffset };
  const problems: ParseProblem[] = [];
  let doc: Document;
  try {
    doc = yaml().parseDocument(text, YAML_OPTIONS);
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
      syntax.push({ code: "syntax", range, detail: firstSentence(err.message), reason: syntaxReason(err.code, err.message) });
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

/** The parser's error code, with the missing character named where the person needs to know which. */
function syntaxReason(code: string, message: string): string {
  if (code !== "MISSING_CHAR") return code;
  if (/quote/i.test(message)) return "MISSING_QUOTE";
  if (/[\]}]/.test(message)) return "MISSING_BRACKET";
  return code;
}

function firstSentence(message: string): string {
  const line = message.split("\n")[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, "").trim();
}

/** The position map of `yaml`'s Document: each node's range, without the trailing blanks `yaml` includes for collections. */
function documentPositions(doc: Document | undefined, text: string, lines: Pick<PositionMap, "lineStarts" | "lineOffset">): PositionMap {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  const toNode = (node: unknown, depthLeft: number): PositionNode => {
    const range = (node as Node | null)?.range;
    if (!range || range[0] === range[1]) return EMPTY_NODE;
    let end = range[1];
    while (end > range[0] && /\s/.test(text[end - 1] ?? "")) end--;
    const out: PositionNode = { start: range[0], end };
    // Deeper data is refused anyway (MAX_DEPTH): no need to map it.
    if (depthLeft <= 0) return out;
    if (isMap(node)) {
      out.entries = node.items.flatMap((p) =>
        isPair(p) && isScalar(p.key) ? [[String(p.key.value), toNode(p.key, 0), toNode(p.value, depthLeft - 1)] as [string, PositionNode, PositionNode]] : [],
      );
    } else if (isSeq(node)) {
      out.items = node.items.map((item) => toNode(item, depthLeft - 1));
    }
    return out;
  };
  return { root: doc?.contents ? toNode(doc.contents, MAX_DEPTH + 1) : undefined, ...lines };
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
    return { file, format, data: undefined, problems: [sniffed], locate: () => FILE_START, positions: () => NO_POSITIONS };
  }
  const fast = options.parser !== "reference";
  const source = format === "markdown" ? parseMarkdown(file, sniffed, fast) : parseYaml(file, sniffed, fast);
  guardData(source);
  return source;
}

/**
 * js-yaml keeps aliases as shared references, so an alias bomb would only
 * explode later; `yaml` counts them. Text that may hold an anchor goes to
 * `yaml`.
 */
const MAY_HAVE_ANCHOR = /(?:^|[\s[{,:-])&[^\s,[\]{}]/m;

/** One parse of YAML text: js-yaml where it can, else `yaml`. `start`: where a problem of the whole text is. */
function parseYamlData(text: string, lineOffset: number, useFast: boolean, start: SourceRange) {
  const fast = useFast && !MAY_HAVE_ANCHOR.test(text) ? parseFast(text, lineOffset, MAX_DEPTH + 1) : undefined;
  let data: unknown;
  let problems: ParseProblem[];
  let positions: () => PositionMap;
  if (fast) {
    data = fast.data ?? null;
    problems = [];
    positions = fast.positions;
  } else {
    const lines = { lineStarts: lineStartsOf(text), lineOffset };
    const parsed = parseWithDocument(text, lines);
    ({ data, problems } = parsed);
    let map: PositionMap | undefined;
    positions = () => (map ??= documentPositions(parsed.doc, text, lines));
  }
  const locate = (path: readonly PathSegment[], opts?: { key?: boolean }) => locateIn(positions(), path, opts) ?? FILE_START;
  if (data !== undefined && (data === null || typeof data !== "object" || Array.isArray(data))) {
    problems.push({ code: "not-a-map", range: locateIn(positions(), []) ?? start });
  }
  return { data, problems, locate, positions };
}

function parseYaml(file: string, text: string, useFast: boolean): SourceFile {
  return { file, format: "yaml", ...parseYamlData(text, 0, useFast, FILE_START) };
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
    positions: () => NO_POSITIONS,
  });
  if (split.kind === "language") return without("front-matter-language", split.language);
  if (split.kind === "unclosed") return without("front-matter-unclosed");
  if (split.kind === "none" || split.matter.trim() === "") return without("no-front-matter");
  return { file, format: "markdown", ...parseYamlData(split.matter, 1, useFast, FRONT_MATTER_START), sections, body };
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
