/**
 * Where every node of a parsed document is, and the one function that reads
 * it. Both YAML parsers (parse.ts) give this map; the build-time standards
 * snapshot stores it as JSON; every finding's position comes from
 * `locateIn`.
 */
import type { SourceRange } from "../core/types.js";
import type { PathSegment } from "./source.js";

/** One node: offsets of its own text in the parsed text; `start === end` when the value is empty (`datum:`). */
export interface PositionNode {
  start: number;
  end: number;
  /** A mapping: each entry's key text, key node and value node, in the order written. */
  entries?: PositionMapEntry[];
  /** A sequence: its items. */
  items?: PositionNode[];
}

export type PositionMapEntry = [key: string, keyNode: PositionNode, valueNode: PositionNode];

export interface PositionMap {
  root: PositionNode | undefined;
  /** Offset of the first character of each line of the parsed text. */
  lineStarts: number[];
  /** Lines above the parsed text in its file (Markdown front matter starts on line 2). */
  lineOffset: number;
}

/** An empty value: shared, never changed. */
export const EMPTY_NODE: PositionNode = Object.freeze({ start: 0, end: 0 });

const isEmpty = (node: PositionNode) => node.start >= node.end;

/**
 * The range of the value at `path`, or of its key with `key: true`. Where
 * the path leaves the document, the range of the deepest part that exists;
 * a key without a value points at the key. Undefined for an empty document.
 */
export function locateIn(map: PositionMap, path: readonly PathSegment[], opts: { key?: boolean } = {}): SourceRange | undefined {
  if (!map.root) return undefined;
  let node: PositionNode = map.root;
  let best = isEmpty(node) ? undefined : rangeOf(map, node);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (node.entries) {
      const name = String(seg);
      const entry: PositionMapEntry | undefined = node.entries.find((e) => e[0] === name);
      if (!entry) return best;
      const keyRange = isEmpty(entry[1]) ? undefined : rangeOf(map, entry[1]);
      if (i === path.length - 1 && opts.key && keyRange) return keyRange;
      node = entry[2];
      if (isEmpty(node)) return keyRange ?? best;
      best = rangeOf(map, node);
    } else if (node.items && typeof seg === "number") {
      const item = node.items[seg];
      if (!item) return best;
      node = item;
      if (!isEmpty(node)) best = rangeOf(map, node);
    } else {
      return best;
    }
  }
  return best;
}

function rangeOf(map: PositionMap, node: PositionNode): SourceRange {
  return spanRange(map, node.start, node.end);
}

/** The range of offsets `start`..`end` of the parsed text, in lines and columns of its file. */
export function spanRange(lines: Pick<PositionMap, "lineStarts" | "lineOffset">, start: number, end: number): SourceRange {
  const a = lineCol(lines.lineStarts, start);
  const b = lineCol(lines.lineStarts, Math.max(start, end));
  return { line: a.line + lines.lineOffset, column: a.col, endLine: b.line + lines.lineOffset, endColumn: b.col };
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The 0-based line that holds `offset`, by binary search over the line starts. */
export function lineIndex(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function lineCol(starts: readonly number[], offset: number): { line: number; col: number } {
  const i = lineIndex(starts, offset);
  return { line: i + 1, col: offset - starts[i]! + 1 };
}
