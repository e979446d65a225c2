/**
 * An SWV's own templates (--templates) are input: one that does not parse is
 * a usage problem found before any school is checked, and a helper or
 * partial that does not exist is named with its template. Exit 2, no stack
 * trace.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "./in-process.js";
import { hasStackTrace, ROOT } from "./run.js";

let tmp: string;
let repo: string;
let huisstijl: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "sop-audit-own-templates-"));
  repo = join(tmp, "repo");
  cpSync(join(ROOT, "test/fixtures/clean"), repo, { recursive: true });
  huisstijl = join(tmp, "huisstijl");
  mkdirSync(join(huisstijl, "html", "partials"), { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("own templates", () => {
  it("one that does not parse stops report before the schools are checked", async () => {
    writeFileSync(join(huisstijl, "html", "partials", "header.hbs"), "<header>\n{{#if title}}<h1>{{title}}</h1>\n</header>\n");
    const r = await runInProcess(["report", "--templates", huisstijl, "--format", "html", "--out", join(tmp, "uit")], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`sop-audit: ${join(huisstijl, "html", "partials", "header.hbs")}:4: geen geldig Handlebars-sjabloon`);
    // Nothing was written, not even the line that says where reports go.
    expect(r.stderr).not.toContain("Rapporten schrijven naar");
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("a helper that does not exist is named with its template, for coverage too", async () => {
    writeFileSync(join(huisstijl, "html", "partials", "header.hbs"), "<header>{{logo}}{{eigenhelper title}}</header>\n");
    const r = await runInProcess(["coverage", "--templates", huisstijl, "--format", "html"], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `sop-audit: de sjablonen in ${huisstijl} geven een fout in html/coverage.hbs: Missing helper: "eigenhelper"\n` +
        "  Controleer de namen van partials ({{> naam}}) en helpers in de eigen sjablonen; docs/rapporten.md noemt wat de meegeleverde sjablonen gebruiken.\n",
    );
  });

  it("a relative --templates is relative to where the command runs, like --out", async () => {
    writeFileSync(join(huisstijl, "html", "partials", "header.hbs"), "<header>Eigen huisstijl</header>\n");
    const r = await runInProcess(["report", "-C", "repo", "--templates", "huisstijl", "--format", "html", "--out", "uit-relatief"], { cwd: tmp });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(tmp, "uit-relatief", "overzicht.html"), "utf8")).toContain("<header>Eigen huisstijl</header>");
    const coverage = await runInProcess(["coverage", "-C", "repo", "--templates", "huisstijl", "--format", "html", "--output", "dekking.html"], { cwd: tmp });
    expect(coverage.code, coverage.stderr).not.toBe(2);
    expect(readFileSync(join(tmp, "dekking.html"), "utf8")).toContain("<header>Eigen huisstijl</header>");
  });
});
