/**
 * `sop-audit ouders` through main(argv, io): one school, every school (a file
 * each), an unknown school, a school and --all together, and never a file
 * written in the repository's input.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findChromium } from "../../src/report/pdf.js";
import { runInProcess } from "./in-process.js";
import { hasStackTrace, ROOT } from "./run.js";

let tmp: string;
let repo: string;

/** Every file of the repository with its bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) files.set(join(e.parentPath, e.name), readFileSync(join(e.parentPath, e.name), "base64"));
  }
  return files;
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "sop-audit-ouders-"));
  repo = join(tmp, "repo");
  cpSync(join(ROOT, "examples", "swv-vo-2203"), repo, { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("sop-audit ouders", () => {
  it("writes one school's page as Markdown and HTML, named by code and schooljaar", async () => {
    const out = join(tmp, "een");
    const r = await runInProcess(["ouders", "14RV00", "-C", repo, "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe("");
    expect(readdirSync(out).sort()).toEqual(["ouders-14RV00-2025-2026.html", "ouders-14RV00-2025-2026.md"]);
    const md = readFileSync(join(out, "ouders-14RV00-2025-2026.md"), "utf8");
    expect(md.startsWith("# Rietveld College\n\n*Hulp op school voor uw kind*\n")).toBe(true);
    expect(md).toContain("## Welke hulp geeft de school?");
    expect(readFileSync(join(out, "ouders-14RV00-2025-2026.html"), "utf8")).toContain('<h1 id="ouders-14rv00">Rietveld College</h1>');
    expect(r.stderr).toContain("Uitleg voor ouders schrijven naar");
  });

  it("takes a school's folder, and --format md alone; --lang en in English", async () => {
    const out = join(tmp, "map");
    const r = await runInProcess(["ouders", "scholen/18BR00/", "-C", repo, "--out", out, "--format", "md", "--lang", "en"]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(["ouders-18BR00-2025-2026.md"]);
    expect(readFileSync(join(out, "ouders-18BR00-2025-2026.md"), "utf8")).toContain("*Help at school for your child*");
  });

  it("--all writes a page per school, each on its own", async () => {
    const out = join(tmp, "alle");
    const r = await runInProcess(["ouders", "--all", "-C", repo, "--out", out, "--format", "md"]);
    expect(r.code, r.stderr).toBe(0);
    const schools = readdirSync(join(repo, "scholen")).sort();
    expect(readdirSync(out).sort()).toEqual(schools.map((s) => `ouders-${s}-2025-2026.md`));
    for (const s of schools) expect(readFileSync(join(out, `ouders-${s}-2025-2026.md`), "utf8").match(/^# /gm)?.length).toBe(1);
  });

  it("names the schoolgids' ouder- en jeugdsteunpunt", async () => {
    const gids = join(repo, "scholen", "18BR00", "schoolgids-2025-2026.yaml");
    const before = readFileSync(gids, "utf8");
    writeFileSync(gids, `${before.trimEnd()}\nouderJeugdsteunpunt:\n  naam: Steunpunt Dommel en Kempen\n  website: https://www.swv-dommelenkempen.nl/steunpunt\n`);
    try {
      const out = join(tmp, "steunpunt");
      const r = await runInProcess(["ouders", "18BR00", "-C", repo, "--out", out, "--format", "md"]);
      expect(r.code, r.stderr).toBe(0);
      const md = readFileSync(join(out, "ouders-18BR00-2025-2026.md"), "utf8");
      expect(md).toContain("Het steunpunt heet “Steunpunt Dommel en Kempen”.");
      expect(md).toContain("Website van het ouder- en jeugdsteunpunt: https://www.swv-dommelenkempen.nl/steunpunt");
    } finally {
      writeFileSync(gids, before);
    }
  });

  it.skipIf(!findChromium())("--pdf: the page of the school with most to say prints on one or two A4 sheets", async () => {
    const out = join(tmp, "pdf");
    const r = await runInProcess(["ouders", "14RV00", "-C", repo, "--out", out, "--pdf"]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["ouders-14RV00-2025-2026.html", "ouders-14RV00-2025-2026.md", "ouders-14RV00-2025-2026.pdf"]);
    const pdf = readFileSync(join(out, "ouders-14RV00-2025-2026.pdf")).toString("latin1");
    expect(pdf.startsWith("%PDF-")).toBe(true);
    const pages = pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    // Dated at the peildatum, not at the time of printing: a second run gives the same bytes.
    expect(pdf).toContain("/CreationDate (D:20260601");
    const again = join(tmp, "pdf-again");
    expect((await runInProcess(["ouders", "14RV00", "-C", repo, "--out", again, "--pdf"])).code).toBe(0);
    expect(readFileSync(join(again, "ouders-14RV00-2025-2026.pdf")).equals(readFileSync(join(out, "ouders-14RV00-2025-2026.pdf")))).toBe(true);
  }, 120_000);

  const refusals: [string, string[], string, string?][] = [
    ["an unknown school, with the known ones", ["ouders", "99ZZ00"], 'sop-audit: onbekende school "99ZZ00"\n', "  Bekende scholen: 02KP00, 03WS00, 14RV00, 14RV01, 16ML00, 18BR00, 20DM00, 25EW00.\n"],
    ["a school and --all together", ["ouders", "14RV00", "--all"], "sop-audit: geef een school óf --all, niet allebei\n"],
    ["no school and no --all", ["ouders"], "sop-audit: welke school?\n", "  Geef een schoolcode, bijvoorbeeld: sop-audit ouders 12AB00, of --all voor alle scholen.\n"],
    ["a folder in the schools' folders", ["ouders", "14RV00", "--out", "scholen/14RV00"], "sop-audit: de uitvoermap scholen/14RV00 ligt in de schoolmappen (scholen/): sop-audit schrijft nooit in zijn invoer\n"],
  ];
  for (const [what, args, message, hint] of refusals) {
    it(`refuses ${what} (exit 2), and writes nothing`, async () => {
      const before = snapshot(repo);
      const r = await runInProcess(args, { cwd: repo });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.startsWith(message), r.stderr).toBe(true);
      if (hint !== undefined) expect(r.stderr.slice(message.length).startsWith(hint), r.stderr).toBe(true);
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(snapshot(repo)).toEqual(before);
      expect(existsSync(join(repo, "rapporten"))).toBe(false);
    });
  }
});
