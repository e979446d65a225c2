/**
 * The HTML reports in a real browser: no console errors, no network, zero
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
import { buildGap } from "../../src/report/gap.js";
import { buildOverview } from "../../src/report/overview.js";
import { findChromium, htmlToPdf } from "../../src/report/pdf.js";
import { createRenderer, type ReportKind } from "../../src/report/render.js";
import { buildVisitatie } from "../../src/report/visitatie.js";
import { fixture } from "./fixture.js";

const require = createRequire(import.meta.url);
const OUT = resolve("test/output/browser");
const executablePath = findChromium();
const required = process.env.SOP_AUDIT_REQUIRE_BROWSER === "1";

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
    const files: Record<ReportKind, string> = {} as Record<ReportKind, string>;
    // The prose example: voorzieningen shared between schools and long Dutch level names in the matrix.
    const exampleFiles: Record<string, string> = {};

    beforeAll(async () => {
      mkdirSync(OUT, { recursive: true });
      const r = fixture();
      const renderer = createRenderer({ format: "html", lang: "nl" });
      const vms: Record<ReportKind, object> = {
        overview: buildOverview(r, { linkSchools: true }),
        gap: buildGap(r),
        coverage: buildCoverage(r),
        visitatie: buildVisitatie(r),
      };
      for (const kind of Object.keys(vms) as ReportKind[]) {
        files[kind] = join(OUT, `${kind}.html`);
        writeFileSync(files[kind], renderer.render(kind, vms[kind]));
      }
      const example = await audit({ cwd: resolve("examples/swv-vlietmonde-po"), repo: "." });
      const exampleVms: Record<string, [ReportKind, object]> = {
        "vlietmonde-overview": ["overview", buildOverview(example, { linkSchools: false })],
        "vlietmonde-gap": ["gap", buildGap(example)],
        "vlietmonde-coverage": ["coverage", buildCoverage(example)],
        // The coverage report of every example: needs × groups must fit a 1,280 px screen.
        "meierij-coverage": ["coverage", buildCoverage(await audit({ cwd: resolve("examples/swv-meierij-po"), repo: "." }))],
        "vo-coverage": ["coverage", buildCoverage(await audit({ cwd: resolve("examples/swv-vo-2203"), repo: "." }))],
      };
      for (const [name, [kind, vm]] of Object.entries(exampleVms)) {
        exampleFiles[name] = join(OUT, `${name}.html`);
        writeFileSync(exampleFiles[name], renderer.render(kind, vm));
      }
      const { chromium } = await import("playwright-core");
      browser = await chromium.launch({
        executablePath,
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
      });
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
    });

    const axeSource = readFileSync(require.resolve("axe-core"), "utf8");

    for (const kind of ["overview", "gap", "coverage", "visitatie", "vlietmonde-overview", "vlietmonde-gap", "vlietmonde-coverage", "meierij-coverage", "vo-coverage"] as const) {
      it(`${kind}: loads offline, without console errors, with zero axe violations`, async () => {
        const url = pathToFileURL(kind in files ? files[kind as ReportKind] : exampleFiles[kind]!).href;
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
          expect(requests).toEqual([url]);
          expect(problems).toEqual([]);

          await page.screenshot({ path: join(OUT, `${kind}-${viewport.name}.png`), fullPage: true });
          // Only the table wrappers may scroll sideways; the page itself must fit a phone.
          const overflow = (await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")) as number;
          expect(overflow).toBeLessThanOrEqual(0);
          if (kind.endsWith("coverage") && viewport.name === "desktop") {
            // On a wide screen no table of the coverage report scrolls sideways either.
            const wrapped = (await page.evaluate(`[...document.querySelectorAll(".table-wrap")].map((w) => w.scrollWidth - w.clientWidth)`)) as number[];
            expect(wrapped.length).toBeGreaterThan(0);
            expect(wrapped.filter((w) => w > 0), `${kind}: table wrappers wider than their box`).toEqual([]);
          }

          await page.addScriptTag({ content: axeSource });
          const result = (await page.evaluate(
            `axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] })`,
          )) as { violations: { id: string; help: string; nodes: { target: string[] }[] }[]; passes: unknown[] };
          // axe really looked: it checked many rules on this page.
          expect(result.passes.length).toBeGreaterThan(10);
          const violations = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
          expect(violations, `${kind} at ${viewport.name}`).toEqual([]);
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
