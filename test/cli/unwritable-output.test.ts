/**
 * An output, report folder or cache that cannot be written is a usage
 * problem (exit 2) with a message that says why and what to do, in the
 * run's language: never an internal error with a stack trace.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasStackTrace, ROOT, run } from "./run.js";

let repo: string;
let aFile: string;

beforeAll(() => {
  const tmp = mkdtempSync(join(tmpdir(), "sop-audit-unwritable-"));
  repo = join(tmp, "repo");
  cpSync(join(ROOT, "test/fixtures/clean"), repo, { recursive: true });
  // A file where a folder would have to be.
  aFile = join(tmp, "een-bestand");
  writeFileSync(aFile, "x");
});
afterAll(() => rmSync(join(repo, ".."), { recursive: true, force: true }));

const REASON = "een deel van het pad is een bestand, geen map";
const HINT = "  Kies een plek waar je mag schrijven (een map, geen bestand), of maak ruimte vrij.\n";

describe("an output that cannot be written", () => {
  it("check --output: exit 2, why and what to do", () => {
    const r = run(["check", "--format", "json", "--output", join(aFile, "uit.json"), "--fail-on", "never"], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`sop-audit: kan ${join(aFile, "uit.json")} niet schrijven: ${REASON}\n${HINT}`);
  });

  it("check --cache-location, in English with --lang en", () => {
    const r = run(["check", "--cache", "--cache-location", join(aFile, "cache"), "--lang", "en"], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`sop-audit: cannot write ${join(aFile, "cache")}: part of the path is a file, not a folder\n  Choose a place you may write to (a folder, not a file), or free up space.\n`);
  });

  it("report --out and coverage --output", () => {
    const report = run(["report", "--out", join(aFile, "rapporten"), "--format", "md"], { cwd: repo });
    expect(report.code).toBe(2);
    expect(report.stderr).toContain(`sop-audit: kan ${join(aFile, "rapporten", "overzicht.md")} niet schrijven: ${REASON}\n${HINT}`);
    const coverage = run(["coverage", "--output", join(aFile, "dekking.csv")], { cwd: repo });
    expect(coverage.code).toBe(2);
    expect(coverage.stderr).toBe(`sop-audit: kan ${join(aFile, "dekking.csv")} niet schrijven: ${REASON}\n${HINT}`);
    for (const r of [report, coverage]) expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
