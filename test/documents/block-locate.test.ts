/**
 * Reading lines instead of parsing again (src/documents/block-locate.ts):
 * wherever it answers, it must point exactly where the reference parser
 * (`yaml`'s Document) points, and it must answer for nearly every path of
 * files laid out like the real documents, or the findings of a run parse
 * their files a second time after all.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { locateInBlockYaml, UNSURE } from "../../src/documents/block-locate.js";
import { parseSource } from "../../src/documents/parse.js";
import type { PathSegment } from "../../src/documents/source.js";
import type { SourceRange } from "../../src/core/types.js";

const ROOT = new URL("../../", import.meta.url).pathname;

function paths(value: unknown, prefix: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

function toRange(starts: number[], start: number, end: number): SourceRange {
  const at = (offset: number) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
    return { line: line + 1, column: offset - starts[line]! + 1 };
  };
  const a = at(start);
  const b = at(end);
  return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
}

interface Tally {
  answered: number;
  unsure: number;
  /** Paths where the reader answered something else than the reference. */
  wrong: string[];
  unsurePaths: string[];
}

/** Every value and key of a YAML text: the reader's answer against the reference's. */
function compare(text: string): Tally {
  const reference = parseSource("doc.yaml", Buffer.from(text), { parser: "reference" });
  expect(reference.problems).toEqual([]);
  return compareWith(text, reference);
}

function compareWith(text: string, reference: ReturnType<typeof parseSource>): Tally {
  const starts = lineStarts(text);
  const tally: Tally = { answered: 0, unsure: 0, wrong: [], unsurePaths: [] };
  for (const path of paths(reference.data)) {
    for (const key of path.length > 0 ? [false, true] : [false]) {
      const label = `${JSON.stringify(path)}${key ? " (key)" : ""}`;
      const span = locateInBlockYaml(text, starts, path, key);
      if (span === UNSURE) {
        tally.unsure++;
        tally.unsurePaths.push(label);
        continue;
      }
      tally.answered++;
      const mine = span && toRange(starts, span.start, span.end);
      const theirs = reference.locate(path, { key });
      if (JSON.stringify(mine) !== JSON.stringify(theirs)) tally.wrong.push(`${label}: ${JSON.stringify(mine)} ≠ ${JSON.stringify(theirs)}`);
    }
  }
  return tally;
}

describe("reading lines on files laid out like the real documents", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "sop-audit-locate-"));
    const gen = spawnSync(process.execPath, ["bench/generate.js", dir, "8", "--seed", "7"], { cwd: ROOT, encoding: "utf8" });
    expect(gen.status, gen.stderr).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("agrees with the reference and answers for at least 95 % of the paths", () => {
    const scholen = join(dir, "scholen");
    const files = readdirSync(scholen).flatMap((code) => readdirSync(join(scholen, code)).map((f) => join(scholen, code, f)));
    expect(files.length).toBeGreaterThanOrEqual(24);
    const total: Tally = { answered: 0, unsure: 0, wrong: [], unsurePaths: [] };
    for (const file of files) {
      const t = compare(readFileSync(file, "utf8"));
      total.answered += t.answered;
      total.unsure += t.unsure;
      total.wrong.push(...t.wrong.map((w) => `${file}: ${w}`));
    }
    expect(total.wrong).toEqual([]);
    expect(total.answered / (total.answered + total.unsure)).toBeGreaterThan(0.95);
  });
});

describe("reading lines on the shipped files", () => {
  const files = (d: string): string[] =>
    readdirSync(d).flatMap((name) => {
      const p = join(d, name);
      return statSync(p).isDirectory() ? files(p) : /\.ya?ml$/.test(name) ? [p] : [];
    });
  it("agrees with the reference on every example and standards file", () => {
    const wrong: string[] = [];
    let answered = 0;
    for (const file of [...files(join(ROOT, "examples")), ...files(join(ROOT, "standards"))]) {
      const text = readFileSync(file, "utf8");
      const reference = parseSource(file, Buffer.from(text), { parser: "reference" });
      // The examples break some files on purpose; those have no positions to compare.
      if (reference.problems.length > 0) continue;
      const t = compareWith(text, reference);
      answered += t.answered;
      wrong.push(...t.wrong.map((w) => `${file}: ${w}`));
    }
    expect(wrong).toEqual([]);
    expect(answered).toBeGreaterThan(10_000);
  });
});

/** Layouts the reader must get right, or leave to the parser: [name, text, paths it must answer, paths it must leave]. */
const LAYOUTS: [string, string, string[], string[]][] = [
  [
    "comments after the last entry",
    "school:\n  naam: X\n  sector: VO   # vo\n\n# Aanbod\naanbod:\n  - a\n  # trailing\nz: 1\n",
    ['["school","sector"]', '["aanbod",0]', '["aanbod"] (key)'],
    // `yaml` counts the comment on the last line, and one at the entries' indentation, as the collection's.
    ['["school"]', '["aanbod"]'],
  ],
  [
    "block scalars, with a line that looks like a comment",
    "a: |\n  literal\n  # not a comment\n\nb: >-\n  folded\n   more # here\nc: |+\n  keep\n\n\nd: x\n",
    ['["a"]', '["b"]', '["c"]', '["d"]'],
    [],
  ],
  ["a sequence at its key's indentation", "a:\n- x: 1\n  y: 2\n-   z: 3\n- plain\nb:\n  - - nested\n    - more\n  - last\n", ['["a",0,"y"]', '["a",1,"z"]', '["a",2]', '["a"]', '["b",1]'], ['["b",0]', '["b",0,1]']],
  ["Windows line ends", "a: 1\r\nb:\r\n  c: two   # c\r\n  d:\r\n    - e\r\n    - 'f'\r\n", ['["b","c"]', '["b","d",1]', '["b"]', "[]"], []],
  ["quoted keys", "\"quoted key\": 1\n'it''s': 2\nplain key: 'single '' quote'\n\"esc\\\"aped\": 3\n", ['["quoted key"]', '["it\'s"] (key)', '["plain key"]'], ['["esc\\"aped"]']],
  ["keys that parse to something else than their text", "10: d\n1.0: a\nyes: b\ntrue: c\nnormal: g\n", ['["10"]', '["normal"]'], ['["1"]', '["true"]']],
  ["plain scalars over several lines", "a: this is\n  a long plain\n\n  scalar\nb: next\nc:\n  - item that\n    runs on\n  - short\n", ['["a"]', '["c",0]', '["c"]'], []],
  ["empty values", "a:\nb: 1\nc:\n  d:\n  e: 2\nf:\n  -\n  - g\nh: ''\n", ['["a"]', '["c","d"]', '["c"]', '["f",0]', '["f",1]', '["h"]'], []],
  ["flow collections", "a: [1, 2, {b: 3}]\nc: {d: [e, f]}   # flow\ng: \"x: y\"\n", ['["a"]', '["c"]', '["g"]'], ['["a",0]', '["c","d"]']],
  ["anchors and aliases", "a: &x 5\nb: *x\nc: !!str 7\nd: 1\n", [], ['["a"]', '["b"]', '["c"]']],
  ["a comment right after a key", "a: # note\n  b: 1\nc: # note\n  - d\n", ['["a","b"]', '["a"]', '["c",0]'], []],
  ["colons inside values", "url: https://x.nl/a:b\ntime: 12:30\nk: v:w\n", ['["url"]', '["time"]', '["k"]'], []],
  ["deep, uneven indentation", "a:\n      b:\n             c: 1\n      d: 2\n", ['["a","b","c"]', '["a","d"]', '["a"]'], []],
];

describe("reading lines on layouts that need care", () => {
  for (const [name, text, answers, leaves] of LAYOUTS) {
    it(name, () => {
      const t = compare(text);
      expect(t.wrong).toEqual([]);
      const starts = lineStarts(text);
      for (const label of answers) {
        const key = label.endsWith(" (key)");
        const path = JSON.parse(label.replace(/ \(key\)$/, "")) as PathSegment[];
        expect(locateInBlockYaml(text, starts, path, key), label).not.toBe(UNSURE);
      }
      for (const label of leaves) {
        const path = JSON.parse(label) as PathSegment[];
        expect(locateInBlockYaml(text, starts, path, false), label).toBe(UNSURE);
      }
    });
  }

  it("leaves text indented with tabs to the parser", () => {
    const text = "a:\n\tb: 1\n";
    expect(locateInBlockYaml(text, lineStarts(text), ["a"], true)).toBe(UNSURE);
  });
});
