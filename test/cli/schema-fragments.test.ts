/**
 * JSON Schema fragments in the built tool (src/rules/schema-fragments.ts):
 * the shipped ones come precompiled in dist/standards.snapshot.json, so a
 * run does not load ajv; a fragment an SWV wrote itself still works, with
 * ajv loaded from node_modules for it.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadRuleset } from "../../src/ruleset/load.js";
import { fragmentKey, rulesetFragments } from "../../src/rules/schema-fragments.js";
import { ROOT, run } from "./run.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Preloaded into the binary: says on stderr, at exit, whether ajv's compiler was loaded. */
function ajvProbe(): string {
  const dir = mkdtempSync(join(tmpdir(), "sop-audit-probe-"));
  made.push(dir);
  const file = join(dir, "probe.cjs");
  writeFileSync(file, 'process.on("exit", () => { if (Object.keys(require.cache).some((k) => k.endsWith("/node_modules/ajv/dist/ajv.js"))) process.stderr.write("ajv geladen\\n"); });\n');
  return file;
}

/** A real process: whether ajv is loaded is a property of the built bundle. */
function checkWithProbe(dir: string) {
  return run(["check", "-C", dir, "--format", "json"], { env: { NODE_OPTIONS: `--require=${ajvProbe()}` } });
}

/** A copy of the VO example; `edit` changes it before the run. */
function copyOfExample(edit: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "sop-audit-fragments-"));
  made.push(dir);
  cpSync(join(ROOT, "examples/swv-vo-2203"), dir, { recursive: true });
  edit(dir);
  return dir;
}

function replaceIn(file: string, from: string, to: string): void {
  const text = readFileSync(file, "utf8");
  if (!text.includes(from)) throw new Error(`${file} bevat ${from} niet meer`);
  writeFileSync(file, text.replace(from, to));
}

interface JsonFinding {
  ruleId: string;
  file: string;
  range: { line: number; column: number };
  message: string;
  found?: string;
}

function findingsOf(stdout: string, ruleId: string): JsonFinding[] {
  const out = JSON.parse(stdout) as { schools: { findings: JsonFinding[] }[] };
  return out.schools.flatMap((s) => s.findings).filter((f) => f.ruleId === ruleId);
}

describe("JSON Schema fragments in the built tool", () => {
  it("the build stores ajv's code for every fragment of the shipped profiles", () => {
    const snapshot = JSON.parse(readFileSync(join(ROOT, "dist/standards.snapshot.json"), "utf8")) as { fragments?: Record<string, string> };
    const shipped = new Set(["swv-vo-2203", "meierij-po"].flatMap((profile) => rulesetFragments(loadRuleset({ profile })).map(fragmentKey)));
    expect(shipped.size).toBeGreaterThanOrEqual(3);
    expect(Object.keys(snapshot.fragments ?? {}).sort()).toEqual([...shipped].sort());
    for (const code of Object.values(snapshot.fragments!)) expect(code).toMatch(/^"use strict";module\.exports = validate\d+;/);
  });

  it("a shipped fragment gives its finding without loading ajv", () => {
    const dir = copyOfExample((d) => replaceIn(join(d, "scholen/14RV00/sop-2025-2026.yaml"), "urenPerWeek: 10", "urenPerWeek: 2"));
    const r = checkWithProbe(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(findingsOf(r.stdout, "BO-03.05-uren").map((f) => [f.file, f.range.line, f.range.column, f.message, f.found])).toEqual([
      [
        "scholen/14RV00/sop-2025-2026.yaml",
        40,
        20,
        'ondersteuningsstructuur.coordinatoren[1].urenPerWeek voldoet niet aan {"minimum":4}, gevonden: 2',
        '2 (minimum {"comparison":">=","limit":4})',
      ],
    ]);
  });

  it("a fragment the build did not see is compiled by ajv, loaded for it", () => {
    const dir = copyOfExample((d) => replaceIn(join(d, "sop-audit.yaml"), "  profile: swv-vo-2203\n", "  profile: swv-vo-2203\n  rules:\n    BO-03.05-uren: { params: { schema: { minimum: 20 } } }\n"));
    const r = checkWithProbe(dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("ajv geladen\n");
    const found = findingsOf(r.stdout, "BO-03.05-uren");
    expect(found.map((f) => `${f.file}:${f.range.line}`)).toEqual([
      "scholen/02KP00/sop-2025-2026.yaml:40",
      "scholen/14RV00/sop-2025-2026.yaml:40",
      "scholen/14RV01/sop-2025-2026.yaml:37",
      "scholen/16ML00/sop-2025-2026.md:37",
      "scholen/18BR00/schoolgids-2025-2026.yaml:42",
      "scholen/25EW00/sop-2025-2026.yaml:37",
      "scholen/25EW00/sop-2025-2026.yaml:40",
    ]);
    expect(found[0]!.found).toBe('12 (minimum {"comparison":">=","limit":20})');
  });
});
