/**
 * The folders of src/ form a one-way stack (docs/architecture.md): a module
 * imports only from its own folder or a lower layer. Formats and reports sit
 * beside the CLI and read results only; the CLI does not import the engine.
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
  scaffold: 6,
  format: 6,
  report: 6,
  cli: 7,
  tools: 8,
};

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

/** "from → to" for every import against the stack, of files given with their imports. */
function wrongImports(graph: Map<string, string[]>): string[] {
  const wrong: string[] = [];
  for (const [file, targets] of graph) {
    const from = layerOf(file);
    for (const target of targets) {
      const to = layerOf(target);
      // core/ and i18n/ are one layer, the base: messages are as basic as types.
      const sameFolder = to.folder === from.folder || (from.layer === 0 && to.layer === 0);
      const down = to.layer < from.layer;
      const cliToEngine = from.folder === "cli" && to.folder === "engine";
      const sideways = (from.folder === "format" || from.folder === "report") && to.layer >= 2 && !sameFolder;
      if (!sameFolder && (!down || cliToEngine || sideways)) wrong.push(`${file} → ${target}`);
    }
  }
  return wrong;
}

describe("the one-way stack of src/", () => {
  it("no import runs against the stack", () => {
    const graph = new Map(sources(SRC).map((file) => [file, importsOf(file)]));
    expect([...graph.values()].flat().length).toBeGreaterThan(300);
    expect(wrongImports(graph)).toEqual([]);
  });

  it("finds an upward import, the CLI reaching into the engine, and a report using a format", () => {
    const graph = new Map([
      ["engine/school.ts", ["audit/audit.ts", "rules/kind.ts"]],
      ["cli/commands/check.ts", ["engine/pool.ts", "audit/audit.ts"]],
      ["report/gap.ts", ["format/shared.ts", "core/types.ts"]],
      ["repo/config.ts", ["ruleset/load.ts"]],
    ]);
    expect(wrongImports(graph)).toEqual(["engine/school.ts → audit/audit.ts", "cli/commands/check.ts → engine/pool.ts", "report/gap.ts → format/shared.ts", "repo/config.ts → ruleset/load.ts"]);
  });
});
