/**
 * Golden outputs: every format and report of every example, compared byte
 * for byte with the files under test/golden/<example>/. A change to any
 * output shows as a reviewable diff of those files: `npm run golden`
 * rewrites them (UPDATE_GOLDEN=1), and the test then passes again.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runInProcess } from "../cli/in-process.js";
import { EXAMPLES } from "../engine/helpers.js";

const GOLDEN = fileURLToPath(new URL("./", import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === "1";

const CHECK_FORMATS = ["stylish", "json", "sarif", "junit", "github", "gitlab", "markdown"];
const EXAMPLE_VISITATIE: Record<string, string> = { "swv-vo-2203": "14RV00", "swv-meierij-po": "12DS00", "swv-vlietmonde-po": "31ZW00" };
// The parents' version: a school with much to say, the SBO (steunpunt from sop-audit.yaml), a Markdown SOP with roles the list does not know.
const EXAMPLE_OUDERS: Record<string, string> = { "swv-vo-2203": "14RV00", "swv-meierij-po": "04BL00", "swv-vlietmonde-po": "33SJ00" };

const tmp = mkdtempSync(join(tmpdir(), "sop-audit-golden-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every file under `dir`, by its path relative to it. */
function filesIn(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) out.set(relative(dir, join(e.parentPath, e.name)).split("\\").join("/"), readFileSync(join(e.parentPath, e.name), "utf8"));
  }
  return out;
}

function compare(example: string, name: string, actual: string): void {
  const file = join(GOLDEN, example, name);
  if (UPDATE) {
    mkdirSync(join(file, ".."), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  expect(existsSync(file), `${example}/${name} has no golden file: run npm run golden`).toBe(true);
  // Compared as text with the file's name in the message, so a failure says which output changed.
  expect(actual, `${example}/${name}`).toBe(readFileSync(file, "utf8"));
}

for (const example of ["swv-vo-2203", "swv-meierij-po", "swv-vlietmonde-po"]) {
  const repo = join(EXAMPLES, example);
  describe(`golden outputs of ${example}`, () => {
    it("check in every format, Dutch, and stylish and json in English", async () => {
      const runs: [string, string[]][] = [
        ...CHECK_FORMATS.map((f): [string, string[]] => [`check.${f}.nl.txt`, ["--format", f]]),
        ["check.stylish.en.txt", ["--format", "stylish", "--lang", "en"]],
        ["check.json.en.txt", ["--format", "json", "--lang", "en"]],
      ];
      for (const [name, args] of runs) {
        const r = await runInProcess(["check", "-C", repo, ...args]);
        expect(r.code, `${name}: ${r.stderr}`).toBe(1);
        compare(example, name, r.stdout);
      }
    });

    it("report, coverage, visitatie and ouders", async () => {
      const out = join(tmp, example);
      const runs: string[][] = [
        ["report", "--out", join(out, "report")],
        ["coverage", "--format", "html", "--output", join(out, "coverage/dekkend-aanbod.html")],
        ["coverage", "--format", "md", "--output", join(out, "coverage/dekkend-aanbod.md")],
        ["coverage", "--format", "csv", "--output", join(out, "coverage/dekkend-aanbod.csv")],
        ["coverage", "--format", "json", "--output", join(out, "coverage/dekkend-aanbod.json")],
        ["visitatie", EXAMPLE_VISITATIE[example]!, "--out", join(out, "visitatie")],
        ["ouders", EXAMPLE_OUDERS[example]!, "--out", join(out, "ouders")],
      ];
      for (const args of runs) {
        const r = await runInProcess([...args, "-C", repo]);
        expect(r.code, `${args.join(" ")}: ${r.stderr}`).not.toBe(2);
        expect(r.code, `${args.join(" ")}: ${r.stderr}`).not.toBe(3);
      }
      const files = filesIn(out);
      expect(files.size).toBeGreaterThan(10);
      for (const [name, text] of files) compare(example, name, text);
      if (!UPDATE) {
        // No golden file left without an output that makes it.
        const golden = filesIn(join(GOLDEN, example));
        const made = new Set([...files.keys()]);
        for (const name of golden.keys()) if (!name.startsWith("check.")) expect(made.has(name), `${example}/${name} is no longer made`).toBe(true);
      }
    });
  });
}
