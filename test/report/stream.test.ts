/**
 * Reports in pieces: a long list is rendered an item at a time as the report
 * is written, and the text is the same as rendered whole, element ids and
 * all, with the shipped templates and with own ones that use what Handlebars
 * offers around a list.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { audit } from "../../src/audit/audit.js";
import type { AuditResult, Lang } from "../../src/core/types.js";
import { buildCoverage } from "../../src/report/coverage.js";
import { buildGap } from "../../src/report/gap.js";
import { buildOuders } from "../../src/report/ouders.js";
import { buildOverview } from "../../src/report/overview.js";
import { createRenderer, REPORT_KINDS, type ReportFormat, type ReportKind } from "../../src/report/render.js";
import { buildVisitatie } from "../../src/report/visitatie.js";
import { ROOT } from "../cli/run.js";
import { fixture } from "./fixture.js";

const tmp = mkdtempSync(join(tmpdir(), "sop-audit-stream-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function viewModel(kind: ReportKind, r: AuditResult, lang: Lang): object {
  if (kind === "overview") return buildOverview(r, { lang, linkSchools: true });
  if (kind === "gap") return buildGap(r, { lang });
  if (kind === "coverage") return buildCoverage(r, { lang });
  if (kind === "ouders") return buildOuders(r, { lang });
  return buildVisitatie(r, { lang, schooljaar: r.repo.schooljaar });
}

/** Rendered whole, and with every list (even of one item) left for later: the same text. */
function expectSameInPieces(r: AuditResult, templatesDir?: string): void {
  for (const format of ["md", "html"] as ReportFormat[]) {
    for (const lang of ["nl", "en"] as Lang[]) {
      const own = templatesDir !== undefined ? { templatesDir } : {};
      const whole = createRenderer({ format, lang, streamFrom: Number.POSITIVE_INFINITY, ...own });
      const pieces = createRenderer({ format, lang, streamFrom: 1, ...own });
      for (const kind of REPORT_KINDS) {
        const expected = whole.render(kind, viewModel(kind, r, lang));
        expect(pieces.render(kind, viewModel(kind, r, lang)), `${format}/${kind} (${lang})`).toBe(expected);
      }
    }
  }
}

describe("a report rendered in pieces", () => {
  it("is the text rendered whole, for the report fixture and every example", async () => {
    expectSameInPieces(fixture());
    for (const example of ["swv-vo-2203", "swv-meierij-po", "swv-vlietmonde-po"]) {
      const repo = join(ROOT, "examples", example);
      expectSameInPieces(await audit({ cwd: repo, repo, jobs: 1 }));
    }
  });

  it("is the same with own templates: indented partials, parent frames, block parameters, ids in and after a list", () => {
    const dir = join(tmp, "eigen");
    mkdirSync(join(dir, "html", "partials"), { recursive: true });
    mkdirSync(join(dir, "md", "partials"), { recursive: true });
    const overview = [
      "{{#withId \"voor\"}}<p id=\"{{@id}}\">voor</p>{{/withId}}",
      "<ul>",
      "{{#each rows as |row n|}}",
      "  {{> regel}}",
      "<li data-n=\"{{n}}\" {{#if @first}}class=\"first\"{{/if}}{{#if @last}}class=\"last\"{{/if}}>{{#withId \"school\"}}<b id=\"{{@id}}\">{{row.naam}}</b>{{/withId}}",
      "{{#each cells}}<i data-school=\"{{@../index}}\" data-cell=\"{{@index}}\" data-key=\"{{@key}}\">{{../id}} {{standard}}{{#withId \"cel\"}}{{@id}}{{/withId}}</i>{{/each}}</li>",
      "{{else}}<li>geen</li>",
      "{{/each}}",
      "</ul>",
      "{{#each gaps}}{{#each schools}}{{#if @index}}, {{/if}}{{naam}} ({{@../index}}.{{@index}}){{/each}}{{/each}}",
      "{{#withId \"na\"}}<p id=\"{{@id}}\">na</p>{{/withId}}",
      // A CR at the end of one item and the LF after the list: one CRLF, not a lone CR shown as \\r.
      "{{#each legend}}{{label}}\r{{/each}}",
      "",
    ].join("\n");
    // Indented: Handlebars indents every line of the partial's output, lists in it included.
    const regel = "<span>{{naam}}</span>\n{{#each cells}}\n<em>{{text}}</em>\n{{/each}}\n";
    for (const format of ["html", "md"]) {
      for (const kind of REPORT_KINDS) writeFileSync(join(dir, format, `${kind}.hbs`), overview);
      writeFileSync(join(dir, format, "partials", "regel.hbs"), regel);
    }
    expectSameInPieces(fixture(), dir);
    // Numbered in the order the blocks begin, from 1, whether a list is left for later or not.
    for (const streamFrom of [1, Number.POSITIVE_INFINITY]) {
      const text = createRenderer({ format: "html", streamFrom, templatesDir: dir }).render("overview", buildOverview(fixture(), { lang: "nl" }));
      const numbers = [...text.matchAll(/(?:voor|school|cel|na)-(\d+)/g)].map((m) => Number(m[1]));
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      expect(numbers.length).toBeGreaterThan(10);
    }
    // Many schools, so that the shipped threshold is passed too.
    const many = manySchools(250);
    const whole = createRenderer({ format: "html", streamFrom: Number.POSITIVE_INFINITY, templatesDir: dir });
    const inPieces = createRenderer({ format: "html", templatesDir: dir });
    expect(inPieces.render("overview", buildOverview(many, { lang: "nl" }))).toBe(whole.render("overview", buildOverview(many, { lang: "nl" })));
  });

  it("renders the schools of a long list as the pieces are taken, and no piece is long", () => {
    const view = buildOverview(manySchools(3_000), { lang: "nl", linkSchools: true });
    const expected = createRenderer({ format: "html", streamFrom: Number.POSITIVE_INFINITY }).render("overview", view);
    let read = 0;
    view.rows = view.rows.map((row) => new Proxy(row, { get: (target, key, receiver) => (key === "naam" && read++, Reflect.get(target, key, receiver)) }));
    const pieces = createRenderer({ format: "html" }).renderPieces("overview", view)[Symbol.iterator]();
    // The template has run; the rows have not.
    expect(read).toBe(0);
    const first = pieces.next();
    expect(first.done).toBe(false);
    expect(read).toBeLessThan(view.rows.length / 2);
    const all = [first.value as string, ...{ [Symbol.iterator]: () => pieces }];
    expect(read).toBe(view.rows.length);
    expect(all.length).toBeGreaterThan(10);
    // A piece ends at the first line break after 256 KiB: no longer than that and the longest line.
    const longestLine = Math.max(...expected.split("\n").map((line) => line.length));
    expect(Math.max(...all.map((p) => p.length))).toBeLessThanOrEqual(256 * 1024 + longestLine + 1);
    expect(longestLine).toBeLessThan(150_000);
    expect(all.join("")).toBe(expected);
  });

  it("names the own template when a school in a long list makes it fail, as it is written", () => {
    const dir = join(tmp, "kapot");
    mkdirSync(join(dir, "html"), { recursive: true });
    writeFileSync(join(dir, "html", "overview.hbs"), "{{#each rows}}{{#if (eq @index 150)}}{{> bestaat-niet}}{{/if}}{{naam}}\n{{/each}}\n");
    const pieces = createRenderer({ format: "html", templatesDir: dir }).renderPieces("overview", buildOverview(manySchools(200), { lang: "nl" }));
    expect(() => [...pieces]).toThrow(`de sjablonen in ${dir} geven een fout in html/overview.hbs: The partial bestaat-niet could not be found`);
  });
});

/** The fixture's schools, copied under new codes until there are `n`. */
function manySchools(n: number): AuditResult {
  const r = fixture();
  const base = r.schools;
  r.schools = Array.from({ length: n }, (_, i) => {
    const school = structuredClone(base[i % base.length]!);
    const id = `${String(i % 100).padStart(2, "0")}${String.fromCharCode(65 + Math.floor(i / 100) % 26)}${String.fromCharCode(65 + Math.floor(i / 2600) % 26)}00`;
    return { ...school, id, naam: `${school.naam ?? id} ${i}` };
  });
  return r;
}
