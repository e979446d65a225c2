/**
 * What a careless editor or an attacker can put in a school's folder or an
 * SWV's own rules: each case is one finding at its place (or, for the
 * SWV's own rules, a ruleset error), never code that runs, never a stopped
 * audit, and the other schools are still audited.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { AuditResult, Finding } from "../../src/core/types.js";
import { MAX_INPUT_BYTES } from "../../src/core/read-input.js";
import { runInProcess } from "../cli/in-process.js";
import { AS_NOBODY } from "../cli/as-nobody.js";
import { BIN, hasStackTrace, run } from "../cli/run.js";
import { auditRepo, fixture } from "../engine/helpers.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const SOP = readFileSync(join(fixture("clean"), "scholen/34CD00/sop-2025-2026.yaml"), "utf8");

/** A copy of the clean fixture with a second school, 56EF00, that holds `files`. */
function plant(files: Record<string, string | Buffer>): string {
  const tmp = mkdtempSync(join(tmpdir(), "sop-audit-hostile-"));
  made.push(tmp);
  const repo = join(tmp, "repo");
  cpSync(fixture("clean"), repo, { recursive: true });
  mkdirSync(join(repo, "scholen/56EF00"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(repo, "scholen/56EF00", name), content);
  return repo;
}

interface At {
  ruleId: string;
  line: number;
  column: number;
}

function findingsOf(result: AuditResult, file: string): At[] {
  return [...result.findings, ...result.schools.flatMap((s) => s.findings)]
    .filter((f: Finding) => f.file === file)
    .map((f) => ({ ruleId: f.ruleId, line: f.range.line, column: f.range.column }));
}

/** The clean school is audited as if nothing happened next door. */
function otherSchoolAudited(result: AuditResult): void {
  const clean = result.schools.find((s) => s.id === "34CD00");
  expect(clean?.findings).toEqual([]);
  expect(clean?.statuses.every((s) => s.status === "voldoet")).toBe(true);
}

describe("no code from data", () => {
  const marker = join(tmpdir(), `sop-audit-marker-${process.pid}`);
  const payload = `(require("fs").writeFileSync(${JSON.stringify(marker)}, "ran"), "sop-audit/v1")`;

  for (const language of ["js", "javascript", "coffee", "toml", "json"]) {
    it(`---${language} front matter is a finding and never runs`, async () => {
      const body = language === "json" ? `{ "apiVersion": ${payload} ` : `apiVersion = ${payload}\nmodule.exports = ${payload}`;
      const repo = plant({ "sop-2025-2026.md": `---${language}\n${body}\n---\n# Ondersteuning\n\nTekst.\n` });
      const result = await auditRepo(repo);
      expect(existsSync(marker)).toBe(false);
      expect(findingsOf(result, "scholen/56EF00/sop-2025-2026.md")).toEqual([{ ruleId: "markdown/front-matter-language", line: 1, column: 1 }]);
      otherSchoolAudited(result);
    });
  }

  it("YAML tags build nothing: each is a finding at the tag, its value plain text", async () => {
    const repo = plant({
      "sop-2025-2026.yaml": SOP.replace("naam: Basisschool De Linde", `naam: !!js/function 'function () { ${payload} }'`)
        .replace("gemeente: Testdal", "gemeente: !!binary aGk=")
        .replace("bestuur: Stichting", "bestuur: !eigen Stichting")
        .replace("brin: 34CD", "brin: 56EF"),
    });
    const result = await auditRepo(repo);
    expect(existsSync(marker)).toBe(false);
    expect(findingsOf(result, "scholen/56EF00/sop-2025-2026.yaml")).toEqual([
      { ruleId: "yaml/tag", line: 7, column: 9 },
      { ruleId: "yaml/tag", line: 8, column: 12 },
      { ruleId: "yaml/tag", line: 11, column: 13 },
    ]);
    const school = result.schools.find((s) => s.id === "56EF00")!;
    expect(typeof school.naam).toBe("string");
    otherSchoolAudited(result);
  });
});

describe("one file, one finding", () => {
  it("an alias to an anchor that does not exist", async () => {
    const repo = plant({ "sop-2025-2026.yaml": SOP.replace("schooljaar: 2025-2026", "schooljaar: *jaar").replace("brin: 34CD", "brin: 56EF") });
    const result = await auditRepo(repo);
    expect(findingsOf(result, "scholen/56EF00/sop-2025-2026.yaml")).toEqual([{ ruleId: "yaml/alias", line: 3, column: 13 }]);
    otherSchoolAudited(result);
  });

  it("an alias bomb", async () => {
    let bomb = "apiVersion: sop-audit/v1\nkind: Visitatie\na0: &a0 [x, x, x, x, x, x, x, x, x]\n";
    for (let i = 1; i < 12; i++) bomb += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(", ")}]\n`;
    const result = await auditRepo(plant({ "visitatie-2024-2025.yaml": bomb }));
    expect(findingsOf(result, "scholen/56EF00/visitatie-2024-2025.yaml")).toEqual([{ ruleId: "yaml/alias", line: 4, column: 10 }]);
    otherSchoolAudited(result);
  });

  it("nesting too deep for the parser", async () => {
    const deep = `apiVersion: sop-audit/v1\nkind: Visitatie\nx: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`;
    const result = await auditRepo(plant({ "visitatie-2024-2025.yaml": deep }));
    const found = findingsOf(result, "scholen/56EF00/visitatie-2024-2025.yaml");
    expect(found.map((f) => f.ruleId)).toEqual(["yaml/too-deep"]);
    expect(found[0]!.line).toBe(3);
    otherSchoolAudited(result);
  });

  it("nesting deeper than the limit in data that parses", async () => {
    const deep = `apiVersion: sop-audit/v1\nkind: Visitatie\nx: ${"[".repeat(100)}${"]".repeat(100)}\n`;
    const result = await auditRepo(plant({ "visitatie-2024-2025.yaml": deep }));
    expect(findingsOf(result, "scholen/56EF00/visitatie-2024-2025.yaml").map((f) => f.ruleId)).toEqual(["yaml/too-deep"]);
    otherSchoolAudited(result);
  });

  it("one mis-indented line followed by 5,000 list items", async () => {
    const items = Array.from({ length: 5000 }, (_, i) => `  - punt ${i}\n`).join("");
    const text = SOP.replace("brin: 34CD", "brin: 56EF").replace("  naam: Basisschool", " naam: Basisschool") + `lijst:\n${items}`;
    const result = await auditRepo(plant({ "sop-2025-2026.yaml": text }));
    expect(findingsOf(result, "scholen/56EF00/sop-2025-2026.yaml").map((f) => f.ruleId)).toEqual(["yaml/syntax"]);
    otherSchoolAudited(result);
  });

  it("a tab as indentation gets its own message at its own line", async () => {
    const text = SOP.replace("brin: 34CD", "brin: 56EF").replace("  gemeente: Testdal", "\tgemeente: Testdal");
    const result = await auditRepo(plant({ "sop-2025-2026.yaml": text }));
    expect(findingsOf(result, "scholen/56EF00/sop-2025-2026.yaml")).toEqual([{ ruleId: "yaml/tab", line: 11, column: 1 }]);
  });

  it("CR-only line ends give the same positions as LF", async () => {
    const text = SOP.replace("brin: 34CD", "brin: 56EF").replace("datum: 2025-10-01", "datum: 31 oktober 2025x");
    const lf = findingsOf(await auditRepo(plant({ "sop-2025-2026.yaml": text })), "scholen/56EF00/sop-2025-2026.yaml");
    const cr = findingsOf(await auditRepo(plant({ "sop-2025-2026.yaml": text.replace(/\n/g, "\r") })), "scholen/56EF00/sop-2025-2026.yaml");
    expect(lf).toContainEqual({ ruleId: "schema/date", line: 13, column: 10 });
    expect(cr).toEqual(lf);
  });

  it("__proto__ is reported at its key and dropped, in a school file and under overrides in sop-audit.yaml", async () => {
    const repo = plant({ "sop-2025-2026.yaml": SOP.replace("brin: 34CD", "brin: 56EF").replace("publicatie:", "__proto__:\n  polluted: true\npublicatie:") });
    writeFileSync(join(repo, "sop-audit.yaml"), `${readFileSync(join(repo, "sop-audit.yaml"), "utf8").replace("  paths: [regels]", "  paths: [regels]\n  rules:\n    __proto__:\n      severity: off")}`);
    const result = await auditRepo(repo);
    expect(findingsOf(result, "scholen/56EF00/sop-2025-2026.yaml")).toEqual([{ ruleId: "yaml/reserved-key", line: 18, column: 1 }]);
    expect(findingsOf(result, "sop-audit.yaml")).toEqual([{ ruleId: "yaml/reserved-key", line: 11, column: 5 }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("only regular files are read, under a size limit: FIFO, device, too large, a link out of the repository", async () => {
    const repo = plant({ "zelfevaluatie-2025-2026.yaml": Buffer.alloc(MAX_INPUT_BYTES + 1, "#") });
    const school = join(repo, "scholen/56EF00");
    expect(spawnSync("mkfifo", [join(school, "sop-2025-2026.yaml")]).status).toBe(0);
    symlinkSync("/dev/zero", join(school, "visitatie-2024-2025.yaml"));
    mkdirSync(join(repo, "gedeeld"));
    writeFileSync(join(repo, "gedeeld/uitzonderingen.yaml"), "apiVersion: sop-audit/v1\nkind: Uitzonderingen\nuitzonderingen: []\n");
    symlinkSync(join(repo, "gedeeld/uitzonderingen.yaml"), join(school, "uitzonderingen.yaml"));
    const result = await auditRepo(repo);
    const byFile = (name: string) => findingsOf(result, `scholen/56EF00/${name}`).map((f) => f.ruleId);
    expect(byFile("sop-2025-2026.yaml")).toEqual(["file/unreadable"]);
    expect(byFile("visitatie-2024-2025.yaml")).toEqual(["file/outside-repository"]);
    expect(byFile("zelfevaluatie-2025-2026.yaml")).toEqual(["file/too-large"]);
    // A link that stays in the repository is read as what it points to.
    expect(byFile("uitzonderingen.yaml")).toEqual([]);
    otherSchoolAudited(result);
  });
});

describe.runIf(AS_NOBODY !== undefined)("a school folder that cannot be listed", () => {
  it("is one finding; the school and the others are still audited", () => {
    const repo = plant({ "sop-2025-2026.yaml": SOP.replace("brin: 34CD", "brin: 56EF") });
    for (const dir of [join(repo, ".."), repo]) chmodSync(dir, 0o755);
    chmodSync(join(repo, "scholen/56EF00"), 0o000);
    // Root reads any folder: then the run is made as another user, as a person without the right would.
    const r = spawnSync(process.execPath, [BIN, "check", "-C", repo, "--format", "json", "--jobs", "1"], {
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1" },
      ...AS_NOBODY,
    });
    chmodSync(join(repo, "scholen/56EF00"), 0o755);
    expect(r.status, r.stderr).toBe(1);
    const json = JSON.parse(r.stdout) as { schools: { id: string; findings: { ruleId: string; file: string; message: string }[] }[] };
    expect(json.schools.map((s) => s.id)).toEqual(["34CD00", "56EF00"]);
    const denied = json.schools[1]!.findings.filter((f) => f.file === "scholen/56EF00");
    expect(denied.map((f) => [f.ruleId, f.message])).toContainEqual(["file/unreadable", "bestand kan niet gelezen worden: geen toestemming om het te lezen"]);
    expect(json.schools[0]!.findings).toEqual([]);
  });
});

describe("the SWV's own rules: a ruleset error (exit 2), never a hang or a crash", () => {
  it("a FIFO and a loop of links in the rules folder", async () => {
    const repo = plant({});
    expect(spawnSync("mkfifo", [join(repo, "regels/pijp.yaml")]).status).toBe(0);
    symlinkSync("kring.yaml", join(repo, "regels/kring.yaml"));
    symlinkSync(".", join(repo, "regels/zelf"));
    const r = await runInProcess(["check", "-C", repo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("regels/pijp.yaml:1:1  bestand kan niet gelezen worden: het is een pijp (FIFO), geen bestand");
    expect(r.stderr).toContain("regels/kring.yaml:1:1  bestand kan niet gelezen worden: een kring van symbolische links");
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("an alias bomb in an own profile's rule params", async () => {
    const repo = plant({});
    let bomb = "";
    for (let i = 1; i < 12; i++) bomb += `      a${i}: &a${i} [${Array(9).fill(i === 1 ? "x" : `*a${i - 1}`).join(", ")}]\n`;
    const profile = join(repo, "regels/profiel.yaml");
    writeFileSync(profile, readFileSync(profile, "utf8").replace("      path: kengetallen.thuiszitters\n", `      path: kengetallen.thuiszitters\n${bomb}`));
    const r = await runInProcess(["check", "-C", repo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/regels\/profiel\.yaml:\d+:\d+ {2}een alias \(\*naam\) verwijst naar een anker dat niet bestaat, of er zijn meer dan 100 aliassen/);
  });

  it("an unreadable sop-audit.yaml (a FIFO) is a configuration error", async () => {
    const repo = plant({});
    rmSync(join(repo, "sop-audit.yaml"));
    expect(spawnSync("mkfifo", [join(repo, "sop-audit.yaml")]).status).toBe(0);
    const r = await runInProcess(["check", "-C", repo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("sop-audit: de configuratie sop-audit.yaml kan niet gelezen worden: het is een pijp (FIFO), geen bestand\n");
  });
});

describe("arguments are never options, the schools folder is one place", () => {
  it("--changed-since that looks like an option is a usage error and writes nothing", async () => {
    const repo = plant({});
    const target = join(repo, "scholen/34CD00/sop-2025-2026.yaml");
    const before = readFileSync(target);
    const r = await runInProcess(["check", "-C", repo, `--changed-since=--output=${target}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("is geen git-ref");
    expect(readFileSync(target)).toEqual(before);
  });

  it("an absolute scholenMap is read and guarded at the same folder; a folder starting with .. is inside it", async () => {
    const repo = plant({});
    const config = join(repo, "sop-audit.yaml");
    writeFileSync(config, `${readFileSync(config, "utf8")}scholenMap: ${join(repo, "scholen")}\n`);
    mkdirSync(join(repo, "scholen/..verborgen"));
    const checked = await runInProcess(["check", "-C", repo, "--format", "json"]);
    expect(JSON.parse(checked.stdout).summary.schools).toBe(2);
    for (const out of ["scholen/rapport.json", "scholen/..verborgen/rapport.json"]) {
      const r = await runInProcess(["check", "-C", repo, "--format", "json", "--output", join(repo, out)]);
      expect(r.code, out).toBe(2);
      expect(r.stderr).toContain("ligt in de schoolmappen (scholen/)");
      expect(existsSync(join(repo, out))).toBe(false);
    }
  });

  it("a scholenMap outside the repository is a configuration error", async () => {
    const repo = plant({});
    const config = join(repo, "sop-audit.yaml");
    writeFileSync(config, `${readFileSync(config, "utf8")}scholenMap: ../elders\n`);
    const r = await runInProcess(["check", "-C", repo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('scholenMap "../elders" is geen map binnen de repository');
  });
});

describe("an internal error exits 3 whatever the number of threads", () => {
  // A real process: worker threads need the built bundle. SOP_AUDIT_FAULT makes checking a school throw, in any thread.
  it.each([["1"], ["2"]])("--jobs %s", (jobs) => {
    const repo = plant({ "sop-2025-2026.yaml": SOP.replace("brin: 34CD", "brin: 56EF") });
    for (let i = 0; i < 30; i++) cpSync(join(repo, "scholen/34CD00"), join(repo, `scholen/${String(60 + i)}XY00`), { recursive: true });
    const r = run(["check", "-C", repo, "--jobs", jobs], { env: { SOP_AUDIT_FAULT: "*" } });
    expect(r.stderr).toContain("interne fout");
    expect(r.stderr).toContain("injected fault");
    expect(r.code).toBe(3);
  });
});
