/**
 * Every report kind, of the fixture and of each example, in a real browser at
 * 1,280 and 390 px: no console errors, no network, no sideways overflow, zero
 * axe-core violations (WCAG 2.1 A/AA), screenshots for a person to look at
 * (test/output/, gitignored), and the PDF path.
 *
 * Needs Chromium (Debian: apt-get install chromium). Without it the tests are
 * skipped with the reason printed; with SOP_AUDIT_REQUIRE_BROWSER=1 (CI) a
 * missing browser fails instead.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { audit } from "../../src/audit/audit.js";
import { buildCoverage } from "../../src/report/coverage.js";
import { buildGap, buildSchoolGap } from "../../src/report/gap.js";
import { buildOuders } from "../../src/report/ouders.js";
import { buildOverview } from "../../src/report/overview.js";
import { findChromium, htmlToPdf } from "../../src/report/pdf.js";
import { createRenderer, REPORT_KINDS, type ReportKind } from "../../src/report/render.js";
import { buildVisitatie } from "../../src/report/visitatie.js";
import { fixture } from "./fixture.js";

const require = createRequire(import.meta.url);
const OUT = resolve("test/output/browser");
const executablePath = findChromium();
const required = process.env.SOP_AUDIT_REQUIRE_BROWSER === "1";

/** Per example the school whose page, visitatie report and parents' page are shown: the one the goldens show. */
const EXAMPLE_PAGES: Record<string, { repo: string; school: string }> = {
  vo: { repo: "swv-vo-2203", school: "14RV00" },
  meierij: { repo: "swv-meierij-po", school: "12DS00" },
  vlietmonde: { repo: "swv-vlietmonde-po", school: "31ZW00" },
};

if (!executablePath) {
  const reason =
    "browser tests skipped: no Chromium found (set SOP_AUDIT_CHROMIUM or CHROME_PATH, or install it: apt-get install chromium)";
  console.warn(`\n*** ${reason} ***\n`);
  describe("real browser", () => {
    it.skipIf(!required)(`${reason}`, () => {});
    it.runIf(required)("Chromium is required here (SOP_AUDIT_REQUIRE_BROWSER=1)", () => {
      expect.fail("SOP_AUDIT_REQUIRE_BROWSER=1 but no Chromium was found");
    });
  });
} else {
  describe(`real browser (${executablePath})`, () => {
    let browser: Browser;
    /** Every page a person reads, by name: each report kind of the fixture and of every example. */
    const pages = new Map<string, string>();
    const files: Record<ReportKind, string> = {} as Record<ReportKind, string>;

    beforeAll(async () => {
      mkdirSync(OUT, { recursive: true });
      const write = (name: string, html: string) => {
        const file = join(OUT, `${name}.html`);
        writeFileSync(file, html);
        pages.set(name, file);
        return file;
      };
      const renderer = createRenderer({ format: "html", lang: "nl" });
      const r = fixture();
      const vms: Record<ReportKind, object> = {
        overview: buildOverview(r, { linkSchools: true }),
        gap: buildGap(r),
        coverage: buildCoverage(r),
        visitatie: buildVisitatie(r),
        ouders: buildOuders(r, { schools: ["01AA00"] }),
      };
      for (const kind of REPORT_KINDS) files[kind] = write(kind, renderer.render(kind, vms[kind]));
      for (const [name, example] of Object.entries(EXAMPLE_PAGES)) {
        const result = await audit({ cwd: resolve(`examples/${example.repo}`), repo: "." });
        const school = result.schools.find((x) => x.id === example.school)!;
        write(`${name}-overview`, renderer.render("overview", buildOverview(result, { linkSchools: true })));
        write(`${name}-school`, renderer.render("gap", buildSchoolGap(result, school)));
        write(`${name}-coverage`, renderer.render("coverage", buildCoverage(result)));
        write(`${name}-visitatie`, renderer.render("visitatie", buildVisitatie(result, { schools: [example.school] })));
        write(`${name}-ouders`, renderer.render("ouders", buildOuders(result, { schools: [example.school] })));
      }
      // One school's page in English: the same layout with the other language's longer words.
      const en = await audit({ cwd: resolve("examples/swv-vo-2203"), repo: ".", lang: "en" });
      write("vo-school-en", createRenderer({ format: "html", lang: "en" }).render("gap", buildSchoolGap(en, en.schools.find((x) => x.id === "25EW00")!, { lang: "en" })));
      const { chromium } = await import("playwright-core");
      browser = await chromium.launch({
        executablePath,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
      });
    }, 180_000);

    afterAll(async () => {
      await browser?.close();
    });

    const axeSource = readFileSync(require.resolve("axe-core"), "utf8");
    const names = [...REPORT_KINDS, ...Object.keys(EXAMPLE_PAGES).flatMap((n) => ["overview", "school", "coverage", "visitatie", "ouders"].map((k) => `${n}-${k}`)), "vo-school-en"];

    for (const name of names) {
      it(`${name}: offline, no console errors, fits 1,280 and 390 px, zero axe violations`, async () => {
        const url = pathToFileURL(pages.get(name)!).href;
        for (const viewport of [
          { name: "desktop", width: 1280, height: 900 },
          { name: "phone", width: 390, height: 844 },
        ]) {
          const page = await browser.newPage({ viewport: { width: viewport.width, height: viewport.height } });
          const requests: string[] = [];
          const problems: string[] = [];
          page.on("request", (req) => requests.push(req.url()));
          page.on("console", (msg) => {
            if (msg.type() === "error" || msg.type() === "warning") problems.push(`${msg.type()}: ${msg.text()}`);
          });
          page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
          await page.goto(url, { waitUntil: "load" });
          // Nothing but the file itself: no font, image, style or script from elsewhere.
          expect(requests).toEqual([url]);
          expect(problems).toEqual([]);

          await page.screenshot({ path: join(OUT, `${name}-${viewport.name}.png`), fullPage: true });
          // Only table wrappers may scroll sideways; the page itself never does, on a wide screen or a phone.
          const overflow = (await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")) as number;
          expect(overflow, `${name} at ${viewport.width} px`).toBeLessThanOrEqual(0);
          if (/(^|-)(overview|coverage)$/.test(name) && viewport.width === 1280) {
            // The overview and the dekkend-aanbod matrix fit a 1,280 px screen whole: no table or chart scrolls sideways, folded ones opened.
            const wide = (await page.evaluate(
              `[...document.querySelectorAll("details")].forEach((d) => { d.open = true; }),
               [...document.querySelectorAll(".table-wrap, .chart-scroll")].filter((w) => w.scrollWidth > w.clientWidth).map((w) => w.getAttribute("aria-labelledby") + ": " + w.scrollWidth + " > " + w.clientWidth)`,
            )) as string[];
            expect(wide, `${name} at 1280 px`).toEqual([]);
            expect((await page.evaluate(`document.querySelectorAll(".table-wrap").length`)) as number).toBeGreaterThan(0);
          }

          if (/^\w+-overview$/.test(name)) {
            // The charts are drawn, with a name a screen reader reads: status per school and the heatmap at least.
            const charts = (await page.evaluate(
              `[...document.querySelectorAll("svg[role=img]")].filter((c) => c.getBoundingClientRect().width > 100 && c.querySelector("title")?.textContent.trim()).length`,
            )) as number;
            expect(charts, `${name} at ${viewport.width} px`).toBeGreaterThanOrEqual(2);
          }
          if (/^\w+-visitatie$/.test(name)) {
            // Every example has an afspraak past its termijn: said in words the reader sees, not only by colour.
            const overdue = (await page.evaluate(`[...document.querySelectorAll(".overdue-text")].filter((e) => e.getBoundingClientRect().height > 0 && /over de termijn|verstreken/i.test(e.textContent)).length`)) as number;
            expect(overdue, `${name} at ${viewport.width} px`).toBeGreaterThan(0);
          }
          if (/^\w+-coverage$/.test(name) && viewport.width === 1280) {
            // The needs stay in view when the matrix is scrolled sideways (a phone gets a card per need instead).
            const sticky = (await page.evaluate(`[...document.querySelectorAll("table.cov-matrix tbody th")].map((th) => getComputedStyle(th).position)`)) as string[];
            expect(sticky.length).toBeGreaterThan(0);
            expect(new Set(sticky), `${name} at ${viewport.width} px`).toEqual(new Set(["sticky"]));
          }

          await page.addScriptTag({ content: axeSource });
          const result = (await page.evaluate(
            `axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] })`,
          )) as { violations: { id: string; help: string; nodes: { target: string[] }[] }[]; passes: unknown[] };
          // axe really looked: it checked many rules on this page.
          expect(result.passes.length).toBeGreaterThan(10);
          const violations = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
          expect(violations, `${name} at ${viewport.name}`).toEqual([]);
          await page.close();
        }
        // A whole SWV's gap report is long: axe needs more than the default on two cores.
      }, 120_000);
    }

    it("prints a multi-school report to an A4 PDF with page numbers", async () => {
      const pdf = join(OUT, "gap.pdf");
      await htmlToPdf(files.gap, pdf, { chromium: executablePath });
      const bytes = readFileSync(pdf);
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      // Three schools, each starting on a new page.
      const pages = bytes.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(3);
      expect(bytes.toString("latin1")).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12]/);
    }, 90_000);
  });
}
