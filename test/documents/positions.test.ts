/**
 * The fast parser (js-yaml with a position listener) must point at exactly
 * the same place as the reference (`yaml`'s Document with a LineCounter), for
 * every value and every key of every example and fixture file.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
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

const SAMPLES: [string, string][] = [
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
  for (const [name, bytes] of cases) {
    it(name, () => {
      const fast = parseSource(name, bytes);
      const reference = parseSource(name, bytes, { parser: "reference" });
      expect(fast.data).toEqual(reference.data);
      expect(fast.problems.map((p) => p.code)).toEqual(reference.problems.map((p) => p.code));
      if (fast.data === undefined) return;
      for (const p of paths(fast.data)) {
        expect(fast.locate(p), `value ${JSON.stringify(p)}`).toEqual(reference.locate(p));
        if (p.length > 0) expect(fast.locate(p, { key: true }), `key ${JSON.stringify(p)}`).toEqual(reference.locate(p, { key: true }));
      }
    });
  }
});
