/**
 * Command-line habits of ESLint and Spectral: --stdin with --stdin-filename
 * for editors, --print-config, quoted globs as paths, why --max-warnings
 * fails a run, and --quiet's summary line. In process, exact output.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runInProcess } from "./in-process.js";
import { ROOT } from "./run.js";

const CLEAN = "test/fixtures/clean";
const SOP = "scholen/34CD00/sop-2025-2026.yaml";
const VO = "examples/swv-vo-2203";

const json = (stdout: string) => JSON.parse(stdout) as { summary: { schools: number; errors: number; warnings: number }; schools: { id: string; findings: { file: string; ruleId: string; message: string; range: { line: number; column: number } }[] }[] };

describe("check --stdin --stdin-filename", () => {
  it("checks the text from stdin as that file, reports at its line:col, and neither reads nor writes the file on disk", async () => {
    const onDisk = readFileSync(join(ROOT, CLEAN, SOP));
    const text = onDisk.toString("utf8").replace("  datum: 2025-10-01", "  datum: 1 oktober 2025");
    const r = await runInProcess(["check", "-C", CLEAN, "--stdin", "--stdin-filename", SOP], { stdin: text });
    expect(r.stdout.split("\n")).toEqual([
      "scholen/34CD00/sop-2025-2026.yaml",
      '  13:10  waarschuwing  vaststelling.datum: "1 oktober 2025" gelezen als 2025-10-01  schema/normalised',
      "                       → Schrijf 2025-10-01; zo leest elk programma het op dezelfde manier.",
      "",
      "✖ 1 probleem (0 fouten, 1 waarschuwing, 0 info)",
      "  1 schoolmap gevonden, 1 getoetst, 1 bestanden, peildatum 2026-03-01, profiel test-schoon",
      "",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(readFileSync(join(ROOT, CLEAN, SOP)).equals(onDisk)).toBe(true);
  });

  it("checks a file that does not exist yet, knows its kind from its text, and does not create it", async () => {
    const file = "scholen/34CD00/zelfevaluatie-2025-2026.yaml";
    const r = await runInProcess(["check", "-C", CLEAN, "--stdin", "--stdin-filename", file], { stdin: "apiVersion: sop-audit/v1\nkind: Zelfevaluatie\nschooljaar: 2025-2026\ndatum: 2025-13-01\n" });
    expect(r.stdout.split("\n").slice(0, 2)).toEqual([file, '  4:8  fout  datum moet een datum zijn (JJJJ-MM-DD), gevonden: "2025-13-01"  schema/date']);
    expect(r.stdout).toContain("✖ 1 probleem (1 fout, 0 waarschuwingen, 0 info)\n");
    expect(r.code).toBe(1);
    expect(existsSync(join(ROOT, CLEAN, file))).toBe(false);
  });

  it("gives, for the file's own text, exactly the findings a check of its school gives about that file, and checks no other school", async () => {
    const file = "scholen/14RV00/sop-2025-2026.yaml";
    const whole = json((await runInProcess(["check", "-C", VO, "scholen/14RV00", "--format", "json"])).stdout);
    const expected = whole.schools[0]!.findings.filter((f) => f.file === file);
    expect(expected.length).toBeGreaterThan(0);
    const r = await runInProcess(["check", "-C", VO, "--stdin", "--stdin-filename", file, "--format", "json"], { stdin: readFileSync(join(ROOT, VO, file), "utf8") });
    const viaStdin = json(r.stdout);
    expect(viaStdin.summary.schools).toBe(1);
    expect(viaStdin.schools.map((s) => s.id)).toEqual(["14RV00"]);
    expect(viaStdin.schools[0]!.findings).toEqual(expected);
    expect(viaStdin.summary.errors).toBe(expected.filter((f) => (f as { severity?: string }).severity === "error").length);
  });

  it.each([
    [["--stdin"], "sop-audit: --stdin heeft --stdin-filename nodig: het pad van het bestand in de repository, zodat de school en de documentsoort bekend zijn\n"],
    [["--stdin-filename", SOP], "sop-audit: --stdin-filename hoort bij --stdin: geef de tekst op de standaardinvoer\n"],
    [["--stdin", "--stdin-filename", SOP, "scholen"], "sop-audit: met --stdin geen paden: --stdin-filename noemt het ene bestand\n"],
    [["--stdin", "--stdin-filename", "sop-audit.yaml"], 'sop-audit: "sop-audit.yaml" is geen document in een schoolmap; --stdin-filename noemt een .yaml-, .yml- of .md-bestand direct in de map van een school\n'],
    [["--stdin", "--stdin-filename", "scholen/34CD00/notities.txt"], 'sop-audit: "scholen/34CD00/notities.txt" is geen document in een schoolmap; --stdin-filename noemt een .yaml-, .yml- of .md-bestand direct in de map van een school\n'],
    [["--stdin", "--stdin-filename", SOP, "--watch"], "fout: optie '--stdin' kan niet samen met optie '--watch'\n"],
  ])("refuses %j with exit code 2 and one clear line", async (extra, stderr) => {
    const r = await runInProcess(["check", "-C", CLEAN, ...extra], { stdin: "kind: Zelfevaluatie\n" });
    expect(r.stderr).toBe(stderr);
    expect(r.stdout).toBe("");
    expect(r.code).toBe(2);
  });
});

describe("check --print-config", () => {
  const dir = mkdtempSync(join(tmpdir(), "sop-audit-print-config-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(ROOT, CLEAN), dir, { recursive: true });
  writeFileSync(join(dir, "sop-audit.yaml"), `${readFileSync(join(dir, "sop-audit.yaml"), "utf8").replace("  paths: [regels]\n", "  paths: [regels]\n  rules:\n    TST-01:\n      severity: error\n")}`);

  it("shows the configuration, every layer with what it extends, the own rule files and the overrides of sop-audit.yaml", async () => {
    const r = await runInProcess(["check", "--print-config", "--peildatum", "2026-09-01"], { cwd: dir });
    expect(r.stdout.split("\n")).toEqual([
      "Configuratie (sop-audit.yaml)",
      "  swv          PO 99.02 · Testverband zonder gebreken (PO)",
      "  taal         nl (standaard)",
      "  peildatum    2026-09-01 (--peildatum)",
      "  schooljaar   2026-2027 (schooljaar van de peildatum)",
      "  scholenMap   scholen",
      "",
      "Regelset: profiel test-schoon (5 indicatoren, 9 regels); lagen, de eerste onderop",
      "   1. Catalog lijsten          standards/catalogs/lijsten.yaml",
      "   2. Catalog wettelijke-basis standards/catalogs/wettelijke-basis.yaml",
      "   3. Profile test-schoon      regels/profiel.yaml  bouwt voort op lijsten, wettelijke-basis",
      "   4. Config  sop-audit.yaml   sop-audit.yaml",
      "",
      "Eigen regelbestanden (ruleset.paths)",
      "  regels",
      "",
      "Aanpassingen van regels (profielen, dan sop-audit.yaml)",
      "  TST-01 severity: error  sop-audit.yaml:11",
      "",
    ]);
    expect(r.code).toBe(0);
  });

  it("gives the same as JSON, in English with --lang en, and checks no school", async () => {
    const r = await runInProcess(["check", "--print-config", "--json", "--lang", "en"], { cwd: dir });
    const printed = JSON.parse(r.stdout);
    expect(printed.taal).toEqual({ value: "en", from: "option" });
    expect(printed.peildatum).toEqual({ value: "2026-03-01", from: "config" });
    expect(printed.ruleset.paths).toEqual(["regels"]);
    expect(printed.ruleset.layers.map((l: { id: string }) => l.id)).toEqual(["lijsten", "wettelijke-basis", "test-schoon", "sop-audit.yaml"]);
    expect(printed.ruleset.layers[2].extends).toEqual(["lijsten", "wettelijke-basis"]);
    expect(printed.ruleset.overrides).toEqual([{ rule: "TST-01", layer: "sop-audit.yaml", file: "sop-audit.yaml", line: 11, change: "severity: error" }]);
    expect(r.code).toBe(0);
  });

  it("refuses --json without --print-config", async () => {
    const r = await runInProcess(["check", "--json"], { cwd: dir });
    expect(r.stderr).toBe("sop-audit: --json hoort bij --print-config; kies voor de meldingen --format json\n");
    expect(r.code).toBe(2);
  });
});

describe("quoted globs as paths", () => {
  const schoolsOf = async (...paths: string[]) => json((await runInProcess(["check", "-C", VO, ...paths, "--format", "json"])).stdout).schools.map((s) => s.id);

  it("expands a glob itself, over school folders and over the files in them", async () => {
    expect(await schoolsOf("scholen/14*")).toEqual(["14RV00", "14RV01"]);
    expect(await schoolsOf("scholen/*/visitatie-2022-2023.yaml")).toEqual(["14RV00", "20DM00"]);
    expect(await schoolsOf("scholen/{25EW00,02KP00}")).toEqual(["02KP00", "25EW00"]);
  });

  it("says so when a glob matches nothing, with exit code 2", async () => {
    const r = await runInProcess(["check", "-C", VO, "scholen/99*"]);
    expect(r.stderr).toBe('sop-audit: geen schoolmap of schoolbestand past bij "scholen/99*"\n');
    expect(r.stdout).toBe("");
    expect(r.code).toBe(2);
  });
});

describe("--max-warnings and --quiet", () => {
  const WARN = "test/fixtures/warnings-only";

  it("says on stderr why the run exits 1 when there are more warnings than --max-warnings", async () => {
    const over = await runInProcess(["check", "-C", WARN, "--max-warnings", "0"]);
    expect(over.stderr).toBe("sop-audit: 1 waarschuwing, meer dan --max-warnings 0 toestaat: exitcode 1\n");
    expect(over.code).toBe(1);
    const en = await runInProcess(["check", "-C", WARN, "--max-warnings", "0", "--lang", "en"]);
    expect(en.stderr).toBe("sop-audit: 1 warning, more than --max-warnings 0 allows: exit code 1\n");
    const within = await runInProcess(["check", "-C", WARN, "--max-warnings", "1"]);
    expect(within.stderr).toBe("");
    expect(within.code).toBe(0);
  });

  it("--quiet leaves warnings out of the summary line too", async () => {
    const r = await runInProcess(["check", "-C", WARN, "--quiet"]);
    // The warning is an item without evidence: no error, but not "geen fouten" alone either.
    expect(r.stdout).toBe("⚠ geen fouten, maar 1 van 5 indicatoren niet aangetoond\n  1 schoolmap gevonden, 1 getoetst, 2 bestanden, peildatum 2026-03-01, profiel test-schoon\n");
    expect(r.code).toBe(0);
    const errors = await runInProcess(["check", "-C", VO, "scholen/14RV00", "--quiet"]);
    expect(errors.stdout).toMatch(/\n✖ \d+ fouten · \d+ van \d+ indicatoren niet aangetoond\n/);
    expect(errors.stdout).not.toContain("waarschuwing");
  });
});
