/**
 * An SWV's own templates (--templates) are input: one that does not parse is
 * a usage problem found before any school is checked, and a helper or
 * partial that does not exist is named with its template. Exit 2, no stack
 * trace.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasStackTrace, ROOT, run } from "./run.js";

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
  it("one that does not parse stops report before the schools are checked", () => {
    writeFileSync(join(huisstijl, "html", "partials", "header.hbs"), "<header>\n{{#if title}}<h1>{{title}}</h1>\n</header>\n");
    const r = run(["report", "--templates", huisstijl, "--format", "html", "--out", join(tmp, "uit")], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe(`sop-audit: ${join(huisstijl, "html", "partials", "header.hbs")}:4: geen geldig Handlebars-sjabloon`);
    // Nothing was written, not even the line that says where reports go.
    expect(r.stderr).not.toContain("Rapporten schrijven naar");
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("a helper that does not exist is named with its template, for coverage too", () => {
    writeFileSync(join(huisstijl, "html", "partials", "header.hbs"), "<header>{{logo}}{{eigenhelper title}}</header>\n");
    const r = run(["coverage", "--templates", huisstijl, "--format", "html"], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `sop-audit: de sjablonen in ${huisstijl} geven een fout in html/coverage.hbs: Missing helper: "eigenhelper"\n` +
        "  Controleer de namen van partials ({{> naam}}) en helpers in de eigen sjablonen; docs/rapporten.md noemt wat de meegeleverde sjablonen gebruiken.\n",
    );
  });
});
