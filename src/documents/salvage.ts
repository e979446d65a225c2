/**
 * Tolerant loading: a document that fails its schema is still audited for
 * what it gets right. A value a rule of thumb can read is read that way; a
 * value that is wrong counts as absent (removed from the audited copy), a
 * list entry missing what it needs is left out. Findings say why; the
 * positions of what stays are those in the file.
 */
import type * as z from "zod";
import { readDate, readNumber, readSchooljaar, readTimesPerYear } from "./rules-of-thumb.js";
import { valueAt, type PathSegment, type SourceFile } from "./source.js";

type Issue = z.core.$ZodIssue;
type AnySchema = { safeParse(data: unknown): { success: true; data: unknown } | { success: false; error: { issues: Issue[] } } };

/** A value read by a rule of thumb: where, as written, and as read. */
export interface Normalised {
  path: PathSegment[];
  found: string;
  read: string | number;
}

/** The reading of an issue's value by a rule of thumb, when there is one. */
export function ruleOfThumb(issue: Issue, value: unknown): string | number | undefined {
  if (typeof value !== "string") return undefined;
  if (issue.code === "custom" || issue.code === "invalid_format") {
    if (issue.message === "fmt:schooljaar") return readSchooljaar(value);
    if (issue.message === "fmt:date") return readDate(value);
  }
  if (issue.code === "invalid_type" && issue.expected === "number") {
    // A count per year is often written as a cadence ("maandelijks", "zes keer per jaar").
    const key = issue.path.at(-1);
    return typeof key === "string" && key.endsWith("PerJaar") ? readTimesPerYear(value) : readNumber(value);
  }
  return undefined;
}

export interface Salvaged {
  doc: unknown;
  normalised: Normalised[];
  /** The issues left after the rules of thumb: each is a finding. */
  issues: Issue[];
  /** Per list (by its path in the audited copy) the index in the file of each entry kept; only lists that lost entries. */
  kept: Map<string, number[]>;
}

/** Rounds of removal: a removal can leave a list empty that must not be, and so on upwards. */
const MAX_ROUNDS = 4;

/** The audited copy of `data`, or undefined when nothing of it passes (the whole document is wrong). */
export function salvage(schema: AnySchema, data: unknown, issues: readonly Issue[]): Salvaged | undefined {
  const copy = structuredClone(data);
  const normalised: Normalised[] = [];
  const left: Issue[] = [];
  for (const issue of issues) {
    const path = plainPath(issue.path);
    const value = valueAt(copy, path);
    const read = ruleOfThumb(issue, value);
    if (read === undefined) left.push(issue);
    else {
      setAt(copy, path, read);
      normalised.push({ path, found: value as string, read });
    }
  }
  const origins = new Map<unknown[], number[]>();
  for (let n = 0; n < MAX_ROUNDS; n++) {
    const check = schema.safeParse(copy);
    if (check.success) return { doc: check.data, normalised, issues: left, kept: keptEntries(copy, origins) };
    const removals = check.error.issues.flatMap((issue) => removalsFor(issue, copy));
    if (removals.length === 0 || removals.some((p) => p.length === 0)) return undefined;
    remove(copy, removals, origins);
  }
  return undefined;
}

/** What to take out of the copy for one issue. */
function removalsFor(issue: Issue, copy: unknown): PathSegment[][] {
  const path = plainPath(issue.path);
  if (issue.code === "unrecognized_keys") return issue.keys.map((k) => [...path, k]);
  // A missing field that is required: the entry that needs it goes.
  if (valueAt(copy, path) === undefined) return path.length > 0 ? [path.slice(0, -1)] : [[]];
  return [path];
}

/** Removes every path; list entries are taken out last to first, and where each kept entry came from is remembered. */
function remove(copy: unknown, paths: PathSegment[][], origins: Map<unknown[], number[]>): void {
  const entries: { list: unknown[]; index: number }[] = [];
  for (const path of paths) {
    const parent = valueAt(copy, path.slice(0, -1));
    const last = path[path.length - 1]!;
    if (Array.isArray(parent) && typeof last === "number") entries.push({ list: parent, index: last });
    else if (parent !== null && typeof parent === "object") delete (parent as Record<string, unknown>)[String(last)];
  }
  const byList = new Map<unknown[], Set<number>>();
  for (const { list, index } of entries) (byList.get(list) ?? byList.set(list, new Set()).get(list)!).add(index);
  for (const [list, indexes] of byList) {
    const origin = origins.get(list) ?? list.map((_, i) => i);
    for (const i of [...indexes].sort((a, b) => b - a)) {
      list.splice(i, 1);
      origin.splice(i, 1);
    }
    origins.set(list, origin);
  }
}

/** The lists that lost entries, by their path in the audited copy (zod's result has the copy's shape). */
function keptEntries(copy: unknown, origins: Map<unknown[], number[]>): Map<string, number[]> {
  const kept = new Map<string, number[]>();
  if (origins.size === 0) return kept;
  const walk = (value: unknown, path: PathSegment[]) => {
    if (Array.isArray(value)) {
      const origin = origins.get(value);
      if (origin) kept.set(JSON.stringify(path), origin);
      value.forEach((v, i) => walk(v, [...path, i]));
    } else if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    }
  };
  walk(copy, []);
  return kept;
}

/** The same file, with paths of the audited copy translated to the file's own list positions. */
export function withKeptPositions(source: SourceFile, kept: Map<string, number[]>): SourceFile {
  if (kept.size === 0) return source;
  const inFile = (path: readonly PathSegment[]): PathSegment[] =>
    path.map((seg, i) => (typeof seg === "number" ? (kept.get(JSON.stringify(path.slice(0, i)))?.[seg] ?? seg) : seg));
  return { ...source, locate: (path, opts) => source.locate(inFile(path), opts) };
}

function plainPath(path: readonly PropertyKey[]): PathSegment[] {
  return path.filter((p): p is string | number => typeof p !== "symbol");
}


function setAt(data: unknown, path: readonly PathSegment[], value: unknown): void {
  const parent = valueAt(data, path.slice(0, -1));
  if (parent !== null && typeof parent === "object") (parent as Record<string | number, unknown>)[path[path.length - 1]!] = value;
}
