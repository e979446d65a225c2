import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess } from "./in-process.js";
import { BIN, hasStackTrace, ROOT, run } from "./run.js";

const VO = "examples/swv-vo-2203";
const PO = "examples/swv-meierij-po";

describe("sop-audit check", () => {
  it("prints findings grouped per file with line:col and exits 1 on the VO example", () => {
    // A real process: a smoke test of the built bundle and the binary's exit code, uncoloured under NO_COLOR=1.
    const r = run(["check", "-C", VO]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("scholen/20DM00/sop-2024-2025.yaml\n");
    expect(r.stdout).toMatch(/\n {2}\d+:1 +fout +onbekend veld "vastelling"; bedoelde je "vaststelling"\? {2}schema\/unknown-key\n/);
    expect(r.stdout).toMatch(/✖ \d+ problemen \(\d+ fouten, \d+ waarschuwingen, \d+ info\)/);
    expect(r.stdout).toContain("8 schoolmappen gevonden, 8 getoetst");
    expect(r.stdout).not.toMatch(/\x1b\[/);
    expect(r.stderr).toBe("");
  });

  it("reports the PO example's malformed file at its line and checks the rest", () => {
    // A real process: a smoke test of the built bundle on the PO example.
    const r = run(["check", "-C", PO]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/scholen\/04BL00\/sop-2024-2025\.yaml\n {2}90:\d+ +fout +YAML kan niet gelezen worden/);
    expect(r.stdout).toContain("scholen/07HK01/sop-2025-2026.yaml");
    expect(r.stdout).toContain("6 schoolmappen gevonden, 6 getoetst");
  });

  it("stops quietly when the reader closes the pipe early (| head), with the exit code of the findings", async () => {
    // A real process: EPIPE needs a real pipe. The JSON of the VO example is ~300 KB, more than a pipe holds: the writes after the close fail.
    const child = spawn(process.execPath, [BIN, "check", "-C", VO, "--format", "json"], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const first = await new Promise<string>((done) => child.stdout.once("data", (d: Buffer) => done(d.toString())));
    child.stdout.destroy();
    const code = await new Promise<number | null>((done) => child.on("close", (c) => done(c)));
    expect(first.startsWith("{\n")).toBe(true);
    expect(stderr).toBe("");
    expect(code).toBe(1);
  });

  it("exits 0 and says so on a clean repository", async () => {
    const r = await runInProcess(["check", "-C", "test/fixtures/clean"]);
    expect(r.stdout).toBe("✔ geen problemen\n  1 schoolmap gevonden, 1 getoetst, 2 bestanden, peildatum 2026-03-01, profiel test-schoon\n");
    expect(r.code).toBe(0);
  });

  it("finds the repository from a sub-folder, like git", async () => {
    const r = await runInProcess(["check"], { cwd: join(ROOT, "test/fixtures/clean/scholen/34CD00") });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("geen problemen");
  });

  it("limits the run to the named school folders", async () => {
    const r = await runInProcess(["check", "-C", VO, "scholen/14RV01"]);
    expect(r.stdout).toContain("8 schoolmappen gevonden, 1 getoetst,");
    expect(r.stdout).not.toContain("scholen/20DM00");
  });

  it("speaks English with --lang en", async () => {
    const r = await runInProcess(["check", "-C", VO, "--lang", "en"]);
    expect(r.stdout).toMatch(/unknown field "vastelling"; did you mean "vaststelling"\?/);
    expect(r.stdout).toMatch(/✖ \d+ problems \(\d+ errors/);
  });

  it("colours only when asked", () => {
    // Real processes: colour is decided from the flags, NO_COLOR and the terminal of a real stdout.
    expect(run(["check", "-C", "test/fixtures/warnings-only", "--color"]).stdout).toMatch(/\x1b\[/);
    expect(run(["check", "-C", "test/fixtures/warnings-only"]).stdout).not.toMatch(/\x1b\[/);
    expect(run(["check", "-C", "test/fixtures/warnings-only", "--no-color"], { env: { NO_COLOR: "" } }).stdout).not.toMatch(/\x1b\[/);
  });

  it("shows only errors with --quiet", async () => {
    const r = await runInProcess(["check", "-C", "test/fixtures/warnings-only", "--quiet"]);
    expect(r.stdout).not.toContain("waarschuwing  ");
    expect(r.code).toBe(0);
  });
});

describe("exit codes", () => {
  const warn = "test/fixtures/warnings-only";
  it.each([
    [["check", "-C", warn], 0],
    [["check", "-C", warn, "--fail-on", "warning"], 1],
    [["check", "-C", warn, "--fail-on", "info"], 1],
    [["check", "-C", warn, "--fail-on", "never"], 0],
    [["check", "-C", warn, "--max-warnings", "0"], 1],
    [["check", "-C", warn, "--max-warnings", "1"], 0],
    [["check", "-C", VO, "--fail-on", "never"], 0],
    [["check", "-C", VO, "--fail-on", "error"], 1],
    [["check", "-C", "test/fixtures/clean", "--fail-on", "info"], 0],
  ])("%j → %i", async (args, code) => {
    expect((await runInProcess(args as string[])).code).toBe(code);
  });

  it("exits 2 with a hint and no stack trace when there is no sop-audit.yaml", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sop-audit-leeg-"));
    const r = await runInProcess(["check"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("sop-audit: geen sop-audit.yaml gevonden in");
    expect(r.stderr).toContain("-C <map>");
    expect(hasStackTrace(r.stderr)).toBe(false);
    expect(r.stdout).toBe("");
  });

  it.each([
    [["check", "-C", VO, "--peildatum", "1 juni"], "--peildatum moet een datum zijn"],
    [["check", "-C", VO, "--schooljaar", "2025"], "--schooljaar moet een schooljaar zijn"],
    [["check", "-C", VO, "--fail-on", "soms"], "soms"],
    [["check", "-C", VO, "--max-warnings", "veel"], "--max-warnings"],
    [["check", "--onbekend"], "--onbekend"],
    [["controleer"], "controleer"],
    [["check", "-C", "bestaat/niet"], "bestaat/niet"],
    [["check", "-C", VO, "scholen/99ZZ00"], "scholen/99ZZ00"],
  ])("exits 2 for %j", async (args, text) => {
    const r = await runInProcess(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(text);
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("prints the version and help with exit 0", async () => {
    // A real process: bin/sop-audit.js answers --version itself, without loading the tool.
    const v = run(["--version"]);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const h = await runInProcess(["check", "--help"]);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain("--fail-on <ernst>");
  });
});
