/**
 * Rule paths: `a.b.c`, with `[]` for "every element": `aanbod[].behoefte`.
 */
import type { PathSegment } from "../documents/source.js";

export interface PathHit {
  path: PathSegment[];
  value: unknown;
}

export type RulePathSegments = readonly (string | "[]")[];

export function parseRulePath(path: string): RulePathSegments {
  const out: (string | "[]")[] = [];
  for (const part of path.split(".")) {
    const m = /^([^[\]]*)((?:\[\])*)$/.exec(part);
    if (!m) throw new Error(`invalid path segment ${part}`);
    if (m[1]) out.push(m[1]);
    for (let i = 0; i < m[2]!.length / 2; i++) out.push("[]");
  }
  return out;
}

export function isValidRulePath(path: string): boolean {
  return /^[A-Za-z0-9_-]+(\[\])*(\.[A-Za-z0-9_-]+(\[\])*)*$/.test(path);
}

/**
 * Every value the path reaches. A missing step yields a hit with value
 * undefined at the deepest existing prefix, so "absent" can be located.
 */
export function resolvePath(data: unknown, path: string | RulePathSegments): PathHit[] {
  const hits: PathHit[] = [];
  follow(data, typeof path === "string" ? parseRulePath(path) : path, 0, [], hits);
  return hits;
}

/** A resolver that parses each rule path once: rule paths are few and asked for every school. */
export function pathResolver(): (data: unknown, path: string) => PathHit[] {
  const parsed = new Map<string, RulePathSegments>();
  return (data, path) => {
    let segments = parsed.get(path);
    if (!segments) parsed.set(path, (segments = parseRulePath(path)));
    return resolvePath(data, segments);
  };
}

/**
 * Walks one value down the segments from `from`, with the path so far in
 * `prefix` (pushed and popped, copied only into a hit): rules ask this for
 * every school, and copying the path at every step was most of its cost.
 */
function follow(value: unknown, segments: readonly (string | "[]")[], from: number, prefix: PathSegment[], hits: PathHit[]): void {
  let v = value;
  let pushed = 0;
  for (let i = from; i < segments.length; i++) {
    const seg = segments[i]!;
    if (seg === "[]") {
      if (!Array.isArray(v)) {
        v = undefined;
        continue;
      }
      for (let k = 0; k < v.length; k++) {
        prefix.push(k);
        follow(v[k], segments, i + 1, prefix, hits);
        prefix.pop();
      }
      prefix.length -= pushed;
      return;
    }
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      prefix.push(seg);
      pushed++;
      v = (v as Record<string, unknown>)[seg];
    } else {
      v = undefined;
    }
  }
  hits.push({ path: prefix.slice(), value: v });
  prefix.length -= pushed;
}

/** The part of a path before its last `[]`: `aanbod[].behoefte` → `aanbod`. */
export function listPrefix(path: string): { list: string; rest: string } | undefined {
  const i = path.lastIndexOf("[]");
  if (i < 0) return undefined;
  return { list: path.slice(0, i), rest: path.slice(i + 3) };
}

/** Empty means: absent, null, false, "", whitespace, [] or {}. `schoolgids: false` says "not published". */
export function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null || v === false) return true;
  if (typeof v === "string") return v.trim() === "";
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === "object") return Object.keys(v).length === 0;
  return false;
}
