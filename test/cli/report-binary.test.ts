/**
 * Smoke tests of the built binary's report path: the report templates and
 * formats live in chunks of dist/bundle that only a real process loads.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "./run.js";

const tmp = mkdtempSync(join(tmpdir(), "sop-audit-report-binary-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("sop-audit report, as a real process", () => {
  it.each([
    ["examples/swv-vo-2203", 8],
    ["examples/swv-meierij-po", 6],
    ["examples/swv-vlietmonde-po", 6],
  ])("writes the overview, the coverage and a report per school of %s, in md and html", (repo, schools) => {
    const out = join(tmp, repo.replace(/\W/g, ""));
    const r = run(["report", "-C", repo, "--out", out, "--peildatum", "2026-06-01"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    const files = readdirSync(out).sort();
    expect(files.filter((f) => /^school-\d\d[A-Z]{2}\d\d\.(md|html)$/.test(f)).length).toBe(2 * schools);
    expect(files.filter((f) => !f.startsWith("school-"))).toEqual(["dekkend-aanbod.html", "dekkend-aanbod.md", "overzicht.html", "overzicht.md"]);
    expect(r.stderr.startsWith(`Rapporten schrijven naar ${out}:\n`)).toBe(true);
    expect(r.stderr.endsWith(`\n${files.length} rapporten geschreven.\n`)).toBe(true);
  });
});
