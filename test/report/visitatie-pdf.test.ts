/**
 * The visitatie report as PDF: the same files give the same bytes, dated at
 * the peildatum; every page has its number; no page ends with a heading whose
 * section starts on the next page. The text of each page is read with PDF.js.
 *
 * Needs Chromium, as the browser test: skipped without it, a failure with
 * SOP_AUDIT_REQUIRE_BROWSER=1 (CI).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findChromium, fixPdfDates } from "../../src/report/pdf.js";
import { runInProcess } from "../cli/in-process.js";
import { EXAMPLES } from "../engine/helpers.js";
import { headingTexts, pagesEndingWithHeading, pdfPages, squeeze } from "./pdf-text.js";

const chromium = findChromium();
const required = process.env.SOP_AUDIT_REQUIRE_BROWSER === "1";
const tmp = mkdtempSync(join(tmpdir(), "sop-audit-visitatie-pdf-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The golden schools of the examples, each with a previous visitatie, reactions and overdue afspraken. */
const SCHOOLS = [
  ["swv-vo-2203", "14RV00"],
  ["swv-meierij-po", "12DS00"],
  ["swv-vlietmonde-po", "31ZW00"],
] as const;

async function printVisitatie(repo: string, school: string, out: string): Promise<{ pdf: string; html: string }> {
  const r = await runInProcess(["visitatie", school, "--pdf", "--format", "html", "-C", join(EXAMPLES, repo), "--out", out]);
  expect(r.code, r.stderr).toBe(0);
  return { pdf: join(out, `visitatie-${school}-2025-2026.pdf`), html: join(out, `visitatie-${school}-2025-2026.html`) };
}

describe("PDF dates without a browser", () => {
  // What Chromium writes, and what other printers add: XMP dates and ids, a trailer /ID.
  const printed = (time: string, id: string) =>
    Buffer.from(
      [
        "%PDF-1.4",
        `1 0 obj <</Producer (Skia/PDF m131) /CreationDate (D:${time}+01'00') /ModDate (D:${time}-05'00')>> endobj`,
        `2 0 obj <</Type /Metadata /Subtype /XML>> stream`,
        `<xmp:CreateDate>2026-12-07T20:34:37+01:00</xmp:CreateDate><xmp:ModifyDate>2026-12-07T20:34:37Z</xmp:ModifyDate>`,
        `<xmpMM:DocumentID>uuid:${id}</xmpMM:DocumentID>`,
        "endstream endobj",
        `trailer <</Size 3 /ID [<0A1B2C3D4E5F60718293A4B5C6D7E8F9><0A1B2C3D4E5F60718293A4B5C6D7E8F9>]>>`,
        "%%EOF",
      ].join("\n"),
      "latin1",
    );

  it("puts the peildatum in every date, keeps every length, and derives the ids from the content", () => {
    const a = printed("20261207203437", "3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    const b = printed("20270101090909", "6ba7b810-9dad-11d1-80b4-00c04fd430c8");
    const fixedA = fixPdfDates(a, "2026-06-01");
    const fixedB = fixPdfDates(b, "2026-06-01");
    expect(fixedA.length).toBe(a.length);
    expect(fixedA.equals(fixedB)).toBe(true);
    const text = fixedA.toString("latin1");
    expect(text).toContain("/CreationDate (D:20260601000000+00'00')");
    expect(text).toContain("/ModDate (D:20260601000000+00'00')");
    expect(text).toContain("<xmp:CreateDate>2026-06-01T00:00:00+00:00</xmp:CreateDate>");
    expect(text).toContain("<xmp:ModifyDate>2026-06-01T00:00:00Z</xmp:ModifyDate>");
    expect(text).not.toContain("20261207");
    expect(text).not.toContain("3f2504e0");
    expect(text).not.toContain("0A1B2C3D");
    expect(text).toMatch(/\/ID \[<[0-9A-F]{32}><[0-9A-F]{32}>\]/);
    // Another report gets other ids.
    const other = fixPdfDates(Buffer.from(a.toString("latin1").replace("Skia", "Sk1a"), "latin1"), "2026-06-01").toString("latin1");
    expect(other.match(/\/ID \[<([0-9A-F]+)>/)![1]).not.toBe(text.match(/\/ID \[<([0-9A-F]+)>/)![1]);
  });

  it("refuses a date that is not JJJJ-MM-DD", () => {
    expect(() => fixPdfDates(printed("20261207203437", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"), "1 juni 2026")).toThrow(/ongeldige datum/);
  });
});

if (!chromium) {
  describe("visitatie PDF in Chromium", () => {
    it.skipIf(!required)("skipped: no Chromium found (set SOP_AUDIT_CHROMIUM or CHROME_PATH, or install it: apt-get install chromium)", () => {});
    it.runIf(required)("Chromium is required here (SOP_AUDIT_REQUIRE_BROWSER=1)", () => {
      expect.fail("SOP_AUDIT_REQUIRE_BROWSER=1 but no Chromium was found");
    });
  });
} else {
  describe(`visitatie PDF in Chromium (${chromium})`, () => {
    it("gives the same bytes twice, dated at the peildatum", async () => {
      const first = await printVisitatie("swv-vlietmonde-po", "31ZW00", join(tmp, "een"));
      // A second apart at least, so a clock in the file would show.
      await new Promise((r) => setTimeout(r, 1100));
      const second = await printVisitatie("swv-vlietmonde-po", "31ZW00", join(tmp, "twee"));
      const a = readFileSync(first.pdf);
      const b = readFileSync(second.pdf);
      expect(a.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(a.equals(b)).toBe(true);
      // As a PDF reader reads it: the examples' peildatum is 2026-06-01.
      const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
      const doc = await getDocument({ data: new Uint8Array(a), isEvalSupported: false, verbosity: 0 }).promise;
      const { info } = (await doc.getMetadata()) as { info: { CreationDate?: string; ModDate?: string } };
      expect(info.CreationDate).toMatch(/^D:20260601000000/);
      expect(info.ModDate).toMatch(/^D:20260601000000/);
      await doc.destroy();
    }, 120_000);

    it("numbers every page and leaves no heading alone at a page's foot", async () => {
      for (const [repo, school] of SCHOOLS) {
        const { pdf, html } = await printVisitatie(repo, school, join(tmp, school));
        const pages = await pdfPages(pdf);
        // A committee's report of one school runs over several pages: the breaks are really tested.
        expect(pages.length, school).toBeGreaterThan(5);
        pages.forEach((p, n) => expect(p.lines.at(-1)?.text, `${school} page ${n + 1}`).toBe(`Pagina ${n + 1} van ${pages.length}`));
        const headings = headingTexts(readFileSync(html, "utf8"));
        // The headings were found in the HTML and are read back from the PDF.
        expect(headings.has(squeeze("Oordeel per standaard"))).toBe(true);
        expect(pages.some((p) => p.lines.some((l) => squeeze(l.text) === squeeze("Oordeel per standaard")))).toBe(true);
        expect(pagesEndingWithHeading(pages, headings, /^Pagina \d+ van \d+$/), school).toEqual([]);
      }
    }, 240_000);
  });
}
