/**
 * The folders of src/ form a one-way stack (docs/architecture.md): a module
 * imports only from its own folder or a lower layer. Formats and reports sit
 * beside the CLI and read results only; the CLI does not import the engine.
 * The imports that still run the wrong way are listed below by name; the
 * list may only shrink.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../../src/", import.meta.url));

/** Lowest first. A module may import from its own layer's folder, or from any lower layer. */
const LAYERS: Record<string, number> = {
  core: 0,
  i18n: 0,
  documents: 1,
  rules: 2,
  engine: 3,
  repo: 4,
  ruleset: 4,
  audit: 5,
  format: 6,
  report: 6,
  cli: 7,
  tools: 8,
};

/** Wrong-way imports that remain, as "from → to" (files relative to src/). */
const KNOWN: ReadonlySet<string> = new Set([
  // The coverage CSV writes its pieces with the JSON format's helpers.
  "report/coverage-csv.ts → format/json-pieces.ts",
  "report/coverage-csv.ts → format/types.ts",
]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !join(e.parentPath, e.name).includes(`${"/"}generated${"/"}`))
    .map((e) => relative(SRC, join(e.parentPath, e.name)).split("\\").join("/"))
    .sort();
}

function layerOf(file: string): { folder: string; layer: number } {
  const folder = file.split("/")[0]!;
  const layer = LAYERS[folder];
  if (layer === undefined) throw new Error(`src/${folder}/ has no layer in this test and docs/architecture.md`);
  return { folder, layer };
}

/** Relative imports, static and dynamic, type-only ones too: a type is a dependency of the design. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["'](\.{1,2}\/[^"']+)["']/g)) {
    const target = relative(SRC, resolve(dirname(join(SRC, file)), m[1]!)).split("\\").join("/").replace(/\.js$/, ".ts");
    // Code that writes code (the fast validators) has import lines in its strings; those point at nothing here.
    if (existsSync(join(SRC, target))) out.push(target);
  }
  return out;
}

describe("the one-way stack of src/", () => {
  const wrong: string[] = [];
  for (const file of sources(SRC)) {
    const from = layerOf(file);
    for (const target of importsOf(file)) {
      const to = layerOf(target);
      // core/ and i18n/ are one layer, the base: messages are as basic as types.
      const sameFolder = to.folder === from.folder || (from.layer === 0 && to.layer === 0);
      const down = to.layer < from.layer;
      const cliToEngine = from.folder === "cli" && to.folder === "engine";
      const sideways = (from.folder === "format" || from.folder === "report") && to.layer >= 2 && !sameFolder;
      if (!sameFolder && (!down || cliToEngine || sideways)) wrong.push(`${file} → ${target}`);
    }
  }

  it("no import runs against the stack, but the known ones", () => {
    expect(wrong.filter((w) => !KNOWN.has(w))).toEqual([]);
  });

  it("every known exception still exists (the list only shrinks)", () => {
    expect([...KNOWN].filter((k) => !wrong.includes(k))).toEqual([]);
  });
});
