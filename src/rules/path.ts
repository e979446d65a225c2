/**
 * Rule paths: `a.b.c`, with `[]` for "every element": `aanbod[].behoefte`.
 */
import type { PathSegment } from "../documents/source.js";

export interface PathHit {
  path: PathSegment[];
  value: unknown;
}

const PARSED = new Map<string, (string | "[]")[]>();

/** Rule paths are few and evaluated for every school: parse each once. */
export function parseRulePath(path: string): (string | "[]")[] {
  let parsed = PARSED.get(path);
  if (!parsed) PARSED.set(path, (parsed = parsePath(path)));
  return parsed;
}

function parsePath(path: string): (string | "[]")[] {
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
export function resolvePath(data: unknown, path: string): PathHit[] {
  const hits: PathHit[] = [];
  follow(data, parseRulePath(path), 0, [], hits);
  return hits;
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
