/**
 * A parsed file that remembers where every value came from, so any later
 * finding can point at file:line:col.
 */
import type { SourceRange } from "../core/types.js";
import type { PositionMap } from "./position-map.js";

export type PathSegment = string | number;

export interface ParseProblem {
  code:
    | "unreadable"
    | "empty"
    | "binary"
    | "encoding"
    | "syntax"
    | "tab"
    | "duplicate-key"
    | "not-a-map"
    | "no-front-matter"
    | "front-matter-language"
    | "front-matter-unclosed"
    | "tag"
    | "alias"
    | "too-deep"
    | "reserved-key";
  range: SourceRange;
  /** Parser detail (English, from the parser) or the duplicated key. */
  detail?: string;
  /** What kind of syntax error (the parser's code, refined: MISSING_QUOTE, MISSING_BRACKET), for a message in the run's language. */
  reason?: string;
}

export interface MarkdownSection {
  heading: string;
  level: number;
  range: SourceRange;
  /** The text under the heading up to the next heading of the same or a higher level. */
  body: string;
}

export interface SourceFile {
  /** Repository-relative POSIX path. */
  file: string;
  format: "yaml" | "markdown";
  /** Parsed data, or undefined when the file could not be parsed. */
  data: unknown;
  problems: ParseProblem[];
  /** Markdown body sections (Markdown only). */
  sections?: MarkdownSection[];
  /** The Markdown body as written, and the file line it starts on (Markdown only). */
  body?: { text: string; line: number };
  /**
   * Range of the value at `path` (or of its key with `key: true`). When the
   * path does not exist, the range of the deepest part that does.
   */
  locate(path: readonly PathSegment[], opts?: { key?: boolean }): SourceRange;
  /** Where every node is: what `locate` reads (position-map.ts). */
  positions(): PositionMap;
}

/** The names of files that are read as documents. */
export const DOCUMENT_EXTENSIONS = /\.(ya?ml|md)$/i;

export const FILE_START: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** `a.b[2].c` → `["a","b",2,"c"]` and back, for messages and JSON paths. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? seg : `.${seg}`;
  }
  return out;
}

/** The value at a data path, or undefined where the path leaves the data. */
export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}
