/**
 * Inserting a broken line at line N of any example file yields a finding at
 * line N of that file, whatever the kind of breakage.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/documents/parse.js";
import { SCHOOL_DOCUMENT_KINDS } from "../../src/documents/schemas.js";
import { validateDocument } from "../../src/documents/validate.js";

const EXAMPLES = new URL("../../examples/", import.meta.url).pathname;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ya?ml|md)$/.test(name) && name !== "README.md" ? [p] : [];
  });
}

/** Lines where a top-level key starts: a broken line there is unambiguous YAML. */
function topLevelKeyLines(text: string, offset: number): number[] {
  return text
    .split("\n")
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line, n }) => n > offset && /^[A-Za-z]/.test(line))
    .map(({ n }) => n);
}

const BREAKAGES = [
  'kapot: "niet afgesloten',
  "\tingesprongen: met een tab",
  "een regel zonder dubbele punt",
  "lijst: [open, maar nooit dicht",
  "  te_ver: ingesprongen",
];

// The examples' two deliberately malformed files already fail to parse. An SWV's
// own ruleset files (kind Profile or Catalog) are no school documents: `ruleset check` reads them.
const all = files(EXAMPLES).filter((f) => {
  const source = parseSource(f, readFileSync(f));
  return !source.problems.some((p) => p.code === "syntax") && !/^kind: (Profile|Catalog)\s*$/m.test(readFileSync(f, "utf8"));
});

describe("a broken line is reported on its own line", () => {
  it("finds example files", () => {
    expect(all.length).toBeGreaterThan(50);
  });

  for (const file of all) {
    const rel = relative(EXAMPLES, file);
    it(rel, () => {
      const text = readFileSync(file, "utf8");
      const isMd = file.endsWith(".md");
      const frontMatterEnd = isMd ? text.split("\n").indexOf("---", 1) + 1 : 0;
      const body = isMd ? text.split("\n").slice(0, frontMatterEnd - 1).join("\n") : text;
      const candidates = topLevelKeyLines(body, isMd ? 1 : 0);
      // First, middle and last top-level key: three places per file.
      const lines = [...new Set([candidates[2], candidates[Math.floor(candidates.length / 2)], candidates.at(-1)])].filter((n): n is number => n !== undefined);
      expect(lines.length).toBeGreaterThan(0);
      for (const n of lines) {
        for (const broken of BREAKAGES) {
          const split = text.split("\n");
          split.splice(n - 1, 0, broken);
          const source = parseSource(rel, Buffer.from(split.join("\n")));
          const kinds = rel.endsWith("sop-audit.yaml") ? (["SwvConfig"] as const) : SCHOOL_DOCUMENT_KINDS;
          const reported = validateDocument(source, { lang: "nl" }, kinds).findings;
          // A syntax error is reported once, on line n; a line that is valid
          // YAML (an over-indented key) is a schema finding on line n.
          expect(reported.map((f) => f.range.line), `${broken} at line ${n}`).toContain(n);
          const syntax = reported.filter((f) => f.ruleId === "yaml/syntax");
          expect(syntax.length, `${broken} at line ${n}`).toBeLessThanOrEqual(1);
        }
      }
    });
  }
});
