/**
 * Input files are never written: an output file, a report folder or the
 * cache on sop-audit.yaml, in a school folder or among the SWV's own rule
 * files is refused with a message, before anything is checked, and the
 * input stays byte for byte as it was. Elsewhere the same options work.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "./in-process.js";
import { hasStackTrace, ROOT } from "./run.js";

let repo: string;
/** Every file of the repository with its bytes, to compare after each refusal. */
let before: Map<string, Buffer>;

function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) files.set(join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name)));
  }
  return files;
}

beforeAll(() => {
  repo = join(mkdtempSync(join(tmpdir(), "sop-audit-inputs-")), "repo");
  cpSync(join(ROOT, "test/fixtures/clean"), repo, { recursive: true });
  symlinkSync(join(repo, "scholen"), join(repo, "via-link"));
  before = snapshot(repo);
});
afterAll(() => rmSync(join(repo, ".."), { recursive: true, force: true }));

const HINT_FILE = "  Kies een plek buiten de schoolmappen, sop-audit.yaml en de eigen regelbestanden, bijvoorbeeld een bestand in de hoofdmap van de repository.\n";

describe("sop-audit never writes its input", () => {
  const refusals: [string[], string, string?][] = [
    [["check", "--format", "json", "--output", "sop-audit.yaml"], "het uitvoerbestand sop-audit.yaml is het configuratiebestand van het SWV", HINT_FILE],
    [["check", "--format", "sarif", "--output", "scholen/34CD00/sop.sarif"], "het uitvoerbestand scholen/34CD00/sop.sarif ligt in de schoolmappen (scholen/)", HINT_FILE],
    [["check", "--format", "json", "--output", "via-link/x.json"], "het uitvoerbestand via-link/x.json ligt in de schoolmappen (scholen/)"],
    [["check", "--output", "regels/profiel.yaml"], "het uitvoerbestand regels/profiel.yaml ligt in de eigen regelbestanden (regels)"],
    [
      ["check", "--cache", "--cache-location", "scholen"],
      "de cache scholen/.sop-audit-cache ligt in de schoolmappen (scholen/)",
      "  Kies een plek buiten de schoolmappen, sop-audit.yaml en de eigen regelbestanden, bijvoorbeeld .sop-audit-cache in de hoofdmap van de repository (de standaard).\n",
    ],
    [["check", "--cache-location", "regels/profiel.yaml"], "de cache regels/profiel.yaml ligt in de eigen regelbestanden (regels)"],
    [["coverage", "--format", "json", "--output", "sop-audit.yaml"], "het uitvoerbestand sop-audit.yaml is het configuratiebestand van het SWV"],
    [["report", "--out", "regels/rapporten"], "de uitvoermap regels/rapporten ligt in de eigen regelbestanden (regels)", "  Kies een plek buiten de schoolmappen, sop-audit.yaml en de eigen regelbestanden, bijvoorbeeld rapporten/ (de standaard).\n"],
    [["visitatie", "34CD00", "--out", "scholen/34CD00"], "de uitvoermap scholen/34CD00 ligt in de schoolmappen (scholen/)"],
  ];
  for (const [args, message, hint] of refusals) {
    it(`refuses: ${args.join(" ")}`, async () => {
      const r = await runInProcess(args, { cwd: repo });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.startsWith(`sop-audit: ${message}: sop-audit schrijft nooit in zijn invoer\n`), r.stderr).toBe(true);
      if (hint !== undefined) expect(r.stderr.split("\n").slice(1).join("\n")).toBe(hint);
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(snapshot(repo)).toEqual(before);
    });
  }

  it("says so in English with --lang en", async () => {
    const r = await runInProcess(["check", "--lang", "en", "--format", "json", "--output", "sop-audit.yaml"], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "sop-audit: output file sop-audit.yaml is the SWV's configuration file: sop-audit never writes its input\n" +
        "  Choose a place outside the schools folder, sop-audit.yaml and the own rule files, for example a file at the repository root.\n",
    );
    expect(snapshot(repo)).toEqual(before);
  });

  it("writes where it may: an output file, a cache file and reports next to the input", async () => {
    const r = await runInProcess(["check", "--cache", "--cache-location", "cache", "--format", "json", "--output", "uit/resultaat.json", "--fail-on", "never"], { cwd: repo });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(repo, "uit/resultaat.json"), "utf8")).summary.schools).toBe(1);
    expect(existsSync(join(repo, "cache"))).toBe(true);
    const report = await runInProcess(["report", "--out", "rapporten", "--format", "md"], { cwd: repo });
    expect(report.code, report.stderr).toBe(0);
    expect(readdirSync(join(repo, "rapporten"))).toContain("overzicht.md");
    // The input itself is untouched.
    for (const [file, bytes] of before) expect(readFileSync(file), file).toEqual(bytes);
  });
});
