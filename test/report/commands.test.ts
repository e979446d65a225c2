/** The report commands on the example repository, driven through commander as the CLI does. */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Command } from "commander";
import { Chalk } from "chalk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UsageError } from "../../src/core/errors.js";
import type { CommandOutcome } from "../../src/cli/exit-code.js";
import type { Io } from "../../src/cli/io.js";
import { coverageFormat, registerCoverage } from "../../src/cli/commands/coverage.js";
import { registerReport } from "../../src/cli/commands/report.js";
import { registerVisitatie } from "../../src/cli/commands/visitatie.js";
import { ChromiumNotFoundError, findChromium, htmlToPdf } from "../../src/report/pdf.js";

const EXAMPLE = resolve("examples/swv-vo-2203");
let repo: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "sop-audit-report-"));
  cpSync(EXAMPLE, repo, { recursive: true });
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

async function run(args: string[], cwd = repo): Promise<{ out: string; err: string; outcome?: CommandOutcome }> {
  let out = "";
  let err = "";
  let outcome: CommandOutcome | undefined;
  const io: Io = { out: (t) => void (out += typeof t === "string" ? t : Buffer.from(t).toString()), err: (t) => void (err += t), color: new Chalk({ level: 0 }), cwd };
  const program = new Command().exitOverride().configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  for (const register of [registerReport, registerCoverage, registerVisitatie]) register(program, io, (o) => (outcome = o), "nl");
  await program.parseAsync(args, { from: "user" });
  return { out, err, ...(outcome ? { outcome } : {}) };
}

describe.skipIf(!existsSync(EXAMPLE))("report commands on examples/swv-vo-2203", () => {
  it("report writes the overview, one file per school and the coverage, in md and html, under rapporten/", async () => {
    const { outcome, err } = await run(["report", "--peildatum", "2026-06-01"]);
    expect(outcome).toEqual({ kind: "done" });
    const files = readdirSync(join(repo, "rapporten")).sort();
    expect(files).toContain("overzicht.html");
    expect(files).toContain("overzicht.md");
    expect(files).toContain("dekkend-aanbod.html");
    expect(files.filter((f) => /^school-\d\d[A-Z]{2}\d\d\.md$/.test(f)).length).toBeGreaterThan(1);
    expect(err).toContain("rapporten geschreven");
    const html = readFileSync(join(repo, "rapporten", "overzicht.html"), "utf8");
    expect(html).toContain('<html lang="nl">');
  });

  it("report is byte-identical when run twice", async () => {
    await run(["report", "--peildatum", "2026-06-01", "--out", "a", "--format", "html"]);
    await run(["report", "--peildatum", "2026-06-01", "--out", "b", "--format", "html"]);
    for (const f of readdirSync(join(repo, "a"))) {
      expect(readFileSync(join(repo, "b", f), "utf8")).toBe(readFileSync(join(repo, "a", f), "utf8"));
    }
  });

  it("refuses to write into the schools' folders", async () => {
    await expect(run(["report", "--out", "scholen/rapport"])).rejects.toThrow(UsageError);
    await expect(run(["coverage", "--output", "scholen/dekking.csv"])).rejects.toThrow(/schoolmappen/);
  });

  it("coverage prints to stdout, and takes the format from the file name", async () => {
    const { out } = await run(["coverage", "--format", "csv", "--peildatum", "2026-06-01", "--group", "gemeente"]);
    expect(out.split("\r\n")[0]).toBe("type,behoefte,behoefte_naam,indeling,groep,school,school_naam,niveau,niveau_naam,capaciteit,oordeel,aantal,minimum,totaal,scholen,bedoeld,kandidaten,capaciteit_bekend");
    expect(out).toContain(",gemeente,");
    await run(["coverage", "--output", "uit/dekking.json", "--peildatum", "2026-06-01"]);
    expect(JSON.parse(readFileSync(join(repo, "uit", "dekking.json"), "utf8")).groupBy).toBe("onderwijstype");
    expect(coverageFormat(undefined, "x.htm")).toBe("html");
    expect(coverageFormat(undefined, undefined)).toBe("md");
    expect(() => coverageFormat(undefined, "x.pdf")).toThrow(UsageError);
  });

  it("visitatie needs a school or --all, and writes one report per school and schooljaar", async () => {
    await expect(run(["visitatie"])).rejects.toThrow(/welke school/);
    await expect(run(["visitatie", "99ZZ00"])).rejects.toThrow(/onbekende school "99ZZ00"/);
    await expect(run(["visitatie", "99ZZ00", "--lang", "en"])).rejects.toThrow(/unknown school "99ZZ00"/);
    const school = readdirSync(join(repo, "scholen")).sort()[0]!;
    await run(["visitatie", `scholen/${school}/`, "--schooljaar", "2025-2026", "--peildatum", "2026-06-01", "--format", "md"]);
    const md = readFileSync(join(repo, "rapporten", `visitatie-${school}-2025-2026.md`), "utf8");
    expect(md).toMatch(/^# Visitatierapport: /);
  });

  it.skipIf(!findChromium())("visitatie --all --pdf prints one PDF with a page per school", async () => {
    await run(["visitatie", "--all", "--pdf", "--peildatum", "2026-06-01", "--out", "pdf"]);
    const pdf = readFileSync(join(repo, "pdf", "visitatie-2025-2026.pdf"));
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  }, 90_000);
});

describe("PDF without a browser", () => {
  it("finds Chromium through SOP_AUDIT_CHROMIUM first, and ignores a path that does not exist", () => {
    const self = process.execPath;
    expect(findChromium({ SOP_AUDIT_CHROMIUM: self }, [])).toBe(self);
    expect(findChromium({ CHROME_PATH: self }, [])).toBe(self);
    expect(findChromium({ SOP_AUDIT_CHROMIUM: "/bestaat/niet" }, [])).toBeUndefined();
  });

  it("says in Dutch how to install one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sop-audit-pdf-"));
    try {
      writeFileSync(join(dir, "r.html"), "<!DOCTYPE html><title>x</title>");
      const attempt = htmlToPdf(join(dir, "r.html"), join(dir, "r.pdf"), { env: { SOP_AUDIT_CHROMIUM: "/bestaat/niet" }, candidates: [] });
      await expect(attempt).rejects.toThrow(ChromiumNotFoundError);
      await expect(attempt).rejects.toThrow(UsageError);
      const e = (await attempt.catch((x: unknown) => x)) as ChromiumNotFoundError;
      expect(e.message).toBe("geen Chromium gevonden om een PDF te maken");
      expect(e.details.join("\n")).toContain("apt-get install chromium");
      expect(e.details.join("\n")).toContain("SOP_AUDIT_CHROMIUM=/bestaat/niet bestaat niet");
      expect(existsSync(join(dir, "r.pdf"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
