/**
 * The position map of the main parser (js-yaml with a listener) must point at
 * exactly the same place as that of the reference (`yaml`'s Document), for
 * every value and every key of every example, fixture and standards file and
 * of layouts that need care.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSource } from "../../src/documents/parse.js";
import type { PathSegment } from "../../src/documents/source.js";

const ROOT = new URL("../../", import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ya?ml|md)$/.test(name) && name !== "README.md" ? [p] : [];
  });
}

function paths(value: unknown, prefix: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

/** Layouts where a parser's positions need care: each must agree with the reference for every value and key. */
const SAMPLES: [string, string][] = [
  ["comments after the last entry", "school:\n  naam: X\n  sector: VO   # vo\n\n# Aanbod\naanbod:\n  - a\n  # trailing\nz: 1\n"],
  ["block scalars, with a line that looks like a comment", "a: |\n  literal\n  # not a comment\n\nb: >-\n  folded\n   more # here\nc: |+\n  keep\n\n\nd: x\n"],
  ["a sequence at its key's indentation", "a:\n- x: 1\n  y: 2\n-   z: 3\n- plain\nb:\n  - - nested\n    - more\n  - last\n"],
  ["Windows line ends", "a: 1\r\nb:\r\n  c: two   # c\r\n  d:\r\n    - e\r\n    - 'f'\r\n"],
  ["quoted and escaped keys", "\"quoted key\": 1\n'it''s': 2\nplain key: 'single '' quote'\n\"esc\\\"aped\": 3\n"],
  ["keys that parse to something else than their text", "10: d\n1.0: a\nyes: b\ntrue: c\nnormal: g\n"],
  ["plain scalars over several lines", "a: this is\n  a long plain\n\n  scalar\nb: next\nc:\n  - item that\n    runs on\n  - short\n"],
  ["empty values", "a:\nb: 1\nc:\n  d:\n  e: 2\nf:\n  -\n  - g\nh: ''\n"],
  ["flow collections", "a: [1, 2, {b: 3}]\nc: {d: [e, f]}   # flow\ng: \"x: y\"\n"],
  ["tags", "c: !!str 7\nd: 1\n"],
  ["comment lines after a collection", "a:\n  b: 1 # c\n  # own\nz: 1\ny:\n  - x # c\n  # own\nw:\n  b: 1\n  # own\n# low\nv:\n  - x\n    # deeper\nu: 1\n"],
  ["a comment right after a key", "a: # note\n  b: 1\nc: # note\n  - d\n"],
  ["colons inside values", "url: https://x.nl/a:b\ntime: 12:30\nk: v:w\n"],
  ["deep, uneven indentation", "a:\n      b:\n             c: 1\n      d: 2\n"],
  ["comments and empty values", "a: 1 # one\nb:\n  # note\n  c: x   # trailing\n  d:\n  e: [1, \"two\", {f: 3}]\ng: |\n  literal\n  text\n\nh:\n  - i: 1\n    j: 'q # not a comment'\n  - k\n  -\n    - nested\nl: &anchor 5\nm: *anchor\nn: >-\n  folded\n  text\n"],
  ["quoted keys and numbers", "\"quoted key\": 1\n'single': two\n2024-2025: 3\n10: ten\nlist:\n- a\n- b\n"],
];

describe("fast positions equal the reference positions", () => {
  const all = [...files(join(ROOT, "examples")), ...files(join(ROOT, "test/fixtures")), ...files(join(ROOT, "standards"))];
  it("has files to compare", () => expect(all.length).toBeGreaterThan(80));

  const cases: [string, Buffer][] = [
    ...all.map((f) => [relative(ROOT, f), readFileSync(f)] as [string, Buffer]),
    ...SAMPLES.map(([name, text]) => [`${name}.yaml`, Buffer.from(text)] as [string, Buffer]),
  ];
  for (const [name, bytes] of cases) it(name, () => compare(name, bytes));
});

describe("fast positions on generated schools laid out like the real documents", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "sop-audit-positions-"));
    const gen = spawnSync(process.execPath, ["bench/generate.js", dir, "8", "--seed", "7"], { cwd: ROOT, encoding: "utf8" });
    expect(gen.status, gen.stderr).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("equal the reference for every value and key", () => {
    const scholen = join(dir, "scholen");
    const generated = readdirSync(scholen).flatMap((code) => readdirSync(join(scholen, code)).map((f) => join(scholen, code, f)));
    expect(generated.length).toBeGreaterThanOrEqual(24);
    for (const file of generated) compare(file, readFileSync(file));
  });
});

function compare(name: string, bytes: Buffer): void {
  const fast = parseSource(name, bytes);
  const reference = parseSource(name, bytes, { parser: "reference" });
  expect(fast.data).toEqual(reference.data);
  expect(fast.problems.map((p) => p.code)).toEqual(reference.problems.map((p) => p.code));
  if (fast.data === undefined) return;
  for (const p of paths(fast.data)) {
    expect(fast.locate(p), `value ${JSON.stringify(p)}`).toEqual(reference.locate(p));
    if (p.length > 0) expect(fast.locate(p, { key: true }), `key ${JSON.stringify(p)}`).toEqual(reference.locate(p, { key: true }));
  }
}
