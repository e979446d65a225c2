/**
 * `sop-audit init` and `sop-audit new` (issue 25), in process: a new
 * repository, two schools in it, and `check` on the result; every refusal
 * writes nothing. The CI files are docs/ci.md's pipelines, and the VS Code
 * problem matchers read the real stylish output of the examples.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runInProcess } from "./in-process.js";
import { ROOT } from "./run.js";
import { parseSource } from "../../src/documents/parse.js";
import { validateDocument } from "../../src/documents/validate.js";
import { DOCUMENT_KINDS } from "../../src/documents/schemas.js";
import { schemaModeline } from "../../src/documents/modeline.js";

const tmp = mkdtempSync(join(tmpdir(), "sop-audit-init-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every file under `dir`, relative, sorted. */
function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

const ciDoc = readFileSync(join(ROOT, "docs/ci.md"), "utf8");
const ciBlocks = [...ciDoc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => parse(m[1]!) as Record<string, unknown>);

const INIT_FILES = [".github/workflows/sop-audit.yml", ".gitignore", ".gitlab-ci.yml", ".vscode/settings.json", ".vscode/tasks.json", "README.md", "scholen/.gitkeep", "sop-audit.yaml"];

describe("sop-audit init", () => {
  const repo = join(tmp, "swv");

  it("makes a repository in a new folder: config with the profile, scholen/, .gitignore, CI, editor settings, README", async () => {
    const r = await runInProcess(["init", repo, "--profiel", "swv-vo-2203", "--swv", "VO-22-03", "--naam", "SWV Dommel: en Kempen"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(tree(repo)).toEqual(INIT_FILES);
    expect(r.stdout).toContain("sop-audit new");
    const config = readFileSync(join(repo, "sop-audit.yaml"), "utf8");
    expect(config.split("\n")[0]).toBe("# yaml-language-server: $schema=node_modules/sop-audit/schemas/swv-config.schema.json");
    expect(parse(config)).toEqual({
      apiVersion: "sop-audit/v1",
      kind: "SwvConfig",
      swv: { code: "VO 22.03", naam: "SWV Dommel: en Kempen", sector: "VO" },
      ruleset: { profile: "swv-vo-2203" },
    });
    const ignore = readFileSync(join(repo, ".gitignore"), "utf8").split("\n");
    for (const written of [".sop-audit-cache", "node_modules/", "rapporten/", "sop-audit.sarif", "gl-code-quality-report.json", "*.tmp"]) expect(ignore).toContain(written);
    expect(readFileSync(join(repo, "README.md"), "utf8")).toMatch(/^# SWV Dommel: en Kempen\n[\s\S]*npx sop-audit new 12AB00/);
  });

  it("writes the pipelines docs/ci.md recommends, for GitHub and for GitLab", () => {
    const github = parse(readFileSync(join(repo, ".github/workflows/sop-audit.yml"), "utf8"));
    const gitlab = parse(readFileSync(join(repo, ".gitlab-ci.yml"), "utf8"));
    expect(github).toEqual(ciBlocks.find((b) => "jobs" in b));
    expect(gitlab).toEqual(ciBlocks.find((b) => "sop-audit" in b));
    expect(github.jobs.check.steps.some((s: { run?: string }) => s.run?.includes("sop-audit check"))).toBe(true);
  });

  it("maps the school documents to the installed package's schemas, by paths that exist in the package", () => {
    const settings = JSON.parse(readFileSync(join(repo, ".vscode/settings.json"), "utf8"))["yaml.schemas"] as Record<string, string[]>;
    expect(settings["./node_modules/sop-audit/schemas/sop.schema.json"]).toContain("scholen/**/sop*.yaml");
    expect(settings["./node_modules/sop-audit/schemas/zelfevaluatie.schema.json"]).toContain("scholen/**/zelfevaluatie*.yaml");
    expect(settings["./node_modules/sop-audit/schemas/swv-config.schema.json"]).toEqual(["sop-audit.yaml"]);
    for (const schema of Object.keys(settings)) expect(existsSync(join(ROOT, schema.replace("./node_modules/sop-audit/", "")))).toBe(true);
  });

  it("check on the new repository says, in Dutch, to make the first school with sop-audit new; exit 0", async () => {
    const r = await runInProcess(["check", "-C", repo]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("scholen\n  1:1  waarschuwing  geen scholen gevonden in scholen  repo/no-schools\n");
    expect(r.stdout).toMatch(/→ Maak de eerste school aan met sop-audit new <BRIN\+vestiging> --naam <naam> --sector <sector>/);
  });

  it("a second init refuses, names the file, and writes nothing", async () => {
    const before = tree(repo).map((f) => [f, readFileSync(join(repo, f), "utf8")]);
    const r = await runInProcess(["init", repo, "--profiel", "meierij-po"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("sop-audit.yaml bestaat al; er is niets geschreven");
    expect(tree(repo).map((f) => [f, readFileSync(join(repo, f), "utf8")])).toEqual(before);
  });

  it("refuses when only one of its files exists, and writes none of the others", async () => {
    const dir = join(tmp, "one-taken");
    mkdirSync(join(dir, ".vscode"), { recursive: true });
    writeFileSync(join(dir, ".vscode/tasks.json"), "{}");
    writeFileSync(join(dir, "notities.txt"), "eigen");
    const r = await runInProcess(["init", dir, "--profiel", "swv-vo-2203"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(".vscode/tasks.json bestaat al");
    expect(tree(dir)).toEqual([".vscode/tasks.json", "notities.txt"]);
  });

  it("a folder with other files of its own is fine", async () => {
    const dir = join(tmp, "not-empty");
    mkdirSync(dir);
    writeFileSync(join(dir, "notities.txt"), "eigen");
    const r = await runInProcess(["init", "--profiel", "meierij-po"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(tree(dir)).toEqual([...INIT_FILES, "notities.txt"].sort());
    expect(parse(readFileSync(join(dir, "sop-audit.yaml"), "utf8")).swv).toEqual({ naam: "Samenwerkingsverband", sector: "PO" });
  });

  it.each([
    [["--profiel", "swv-vo-22"], 'profiel "swv-vo-22" bestaat niet; bedoelde je "swv-vo-2203"?', "Meegeleverde profielen: meierij-po"],
    [[], "kies met --profiel de regels van uw SWV", "swv-vo-2203 (SWV VO 22.03"],
    [["--profiel", "meierij-po", "--swv", "22.03"], '--swv "22.03" is geen SWV-code', "VO 22.03"],
    [["--voorbeeld", "swv-vo-22"], 'voorbeeld "swv-vo-22" bestaat niet; bedoelde je "swv-vo-2203"?', "swv-meierij-po, swv-vlietmonde-po, swv-vo-2203"],
    [["--voorbeeld", "--profiel", "meierij-po"], "--voorbeeld gaat niet samen met --profiel", ""],
  ])("bad input %j: a clear message, exit 2, nothing written", async (args, message, hint) => {
    const dir = join(tmp, `bad-${args.join("")}`);
    const r = await runInProcess(["init", dir, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain(hint);
    expect(existsSync(dir)).toBe(false);
  });

  it("--voorbeeld copies a shipped example, with the support files, and check gives what it gives on the example", async () => {
    const dir = join(tmp, "voorbeeld");
    const r = await runInProcess(["init", dir, "--voorbeeld", "swv-meierij-po"]);
    expect(r.code).toBe(0);
    const example = tree(join(ROOT, "examples/swv-meierij-po"));
    expect(tree(dir)).toEqual([...example, ...INIT_FILES.filter((f) => f !== "scholen/.gitkeep" && f !== "sop-audit.yaml")].sort());
    for (const f of example) expect(readFileSync(join(dir, f), "utf8")).toBe(readFileSync(join(ROOT, "examples/swv-meierij-po", f), "utf8"));
    expect(readFileSync(join(dir, "README.md"), "utf8")).toMatch(/^# Samenwerkingsverband/);
    const copy = await runInProcess(["check", "-C", dir, "--format", "json"]);
    const original = await runInProcess(["check", "-C", "examples/swv-meierij-po", "--format", "json"]);
    expect(copy.code).toBe(original.code);
    expect(JSON.parse(copy.stdout).summary).toEqual(JSON.parse(original.stdout).summary);
  });
});

describe("sop-audit new", () => {
  const repo = join(tmp, "nieuw");

  it("scaffolds a school as YAML and one as Markdown, for the configured schooljaar", async () => {
    expect((await runInProcess(["init", repo, "--profiel", "swv-vo-2203", "--swv", "VO 22.03", "--naam", "Test-SWV"])).code).toBe(0);
    // A fixed peildatum: the schooljaar (and so the file names) must not depend on today.
    writeFileSync(join(repo, "sop-audit.yaml"), `${readFileSync(join(repo, "sop-audit.yaml"), "utf8")}peildatum: 2026-01-15\n`);
    // 2025-2026 is the first schoolgids year: --sop keeps the SOP a school may still hold in its transition year.
    const yaml = await runInProcess(["new", "12ab00", "--naam", "Het Voorbeeldcollege", "--sector", "vo", "--sop", "-C", repo]);
    expect(yaml.stderr).toBe("");
    expect(yaml.code).toBe(0);
    const md = await runInProcess(["new", "12AB01", "--naam", "Praktijkschool: De Brug", "--sector", "PrO", "--markdown", "--sop"], { cwd: repo });
    expect(md.code).toBe(0);
    expect(tree(join(repo, "scholen"))).toEqual([".gitkeep", "12AB00/sop-2025-2026.yaml", "12AB00/zelfevaluatie-2025-2026.yaml", "12AB01/sop-2025-2026.md", "12AB01/zelfevaluatie-2025-2026.yaml"]);
    expect(yaml.stdout).toContain("scholen/12AB00/sop-2025-2026.yaml");
  });

  it("every scaffolded file parses and validates with no findings, and starts with the editor's schema line", () => {
    for (const file of tree(join(repo, "scholen")).filter((f) => f !== ".gitkeep")) {
      const path = `scholen/${file}`;
      const source = parseSource(path, readFileSync(join(repo, path)));
      const validated = validateDocument(source, { lang: "nl" }, DOCUMENT_KINDS);
      expect(validated.findings, path).toEqual([]);
      expect(validated.doc, path).toBeDefined();
      const kind = (validated.doc as { kind: "Schoolondersteuningsprofiel" | "Zelfevaluatie" }).kind;
      const firstYamlLine = readFileSync(join(repo, path), "utf8").split("\n")[path.endsWith(".md") ? 1 : 0];
      expect(firstYamlLine).toBe(schemaModeline(kind, path));
      expect(firstYamlLine).toMatch(/\$schema=\.\.\/\.\.\/node_modules\/sop-audit\/schemas\/(sop|zelfevaluatie)\.schema\.json$/);
    }
  });

  it("the SOP holds the school's identity; the Markdown SOP has the ruleset's headings", () => {
    const sop = parse(readFileSync(join(repo, "scholen/12AB00/sop-2025-2026.yaml"), "utf8"));
    expect(sop).toEqual({
      apiVersion: "sop-audit/v1",
      kind: "Schoolondersteuningsprofiel",
      schooljaar: "2025-2026",
      school: { brin: "12AB", vestiging: "00", naam: "Het Voorbeeldcollege", sector: "VO" },
    });
    const md = readFileSync(join(repo, "scholen/12AB01/sop-2025-2026.md"), "utf8");
    const lijsten = parse(readFileSync(join(ROOT, "standards/catalogs/lijsten.yaml"), "utf8")).lijsten as { koppen: { naam: string }[] };
    expect([...md.matchAll(/^## (.+)$/gm)].map((m) => m[1])).toEqual(lijsten.koppen.map((k) => k.naam));
    expect(parse(md.split(/^---$/m)[1]!).school).toEqual({ brin: "12AB", vestiging: "01", naam: "Praktijkschool: De Brug", sector: "PrO" });
  });

  it("the zelfevaluatie lists every indicator the sector's zelfevaluatie scores, commented out, with its text", () => {
    const text = readFileSync(join(repo, "scholen/12AB00/zelfevaluatie-2025-2026.yaml"), "utf8");
    expect(parse(text)).toEqual({ apiVersion: "sop-audit/v1", kind: "Zelfevaluatie", schooljaar: "2025-2026", school: "12AB00", scores: null });
    expect(text).toContain("\n  # BO-01.01: voldoet  # School ondersteunt leerlingen actief bij het versterken van sociale vaardigheden en vergroten van het welbevinden.\n");
    const listed = [...text.matchAll(/^ {2}# (BO-\d\d\.\d\d): voldoet {2}# /gm)].map((m) => m[1]);
    const catalog = parse(readFileSync(join(ROOT, "standards/catalogs/basisondersteuning.yaml"), "utf8")).indicatoren as { id: string; sectoren?: string[] }[];
    const forVo = catalog.filter((i) => !i.sectoren || i.sectoren.includes("VO")).map((i) => i.id);
    expect(listed).toEqual(forVo);
    // BO-11.07 is for VO only: a PrO school has it (PrO is part of VO), as the VO one does.
    expect(listed).toContain("BO-11.07");
  });

  it("check on the result: every indicator of the zelfevaluatie is niet aangetoond, and the findings say where", async () => {
    const r = await runInProcess(["check", "-C", repo]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    expect(lines).not.toContainEqual(expect.stringMatching(/schema\/|yaml\//));
    expect(lines).toContain("scholen/12AB00/zelfevaluatie-2025-2026.yaml");
    expect(r.stdout).toMatch(/^ {2}20:1 {2}fout {2}scores: \d+ regels$/m);
    expect(lines).toContain("              fout  BO-01.01 is niet gescoord in de zelfevaluatie 2025-2026  BO-ZE (BO-01.01), VO2203-01 (BO-01.01)");
    expect(r.stdout).toMatch(/^ {2}6:1 +fout +niet aangetoond: ondersteuningsstructuur\.coordinatoren ontbreekt of is leeg; vul het in bovenaan het document {2}BO-03\.05$/m);
    const json = JSON.parse((await runInProcess(["check", "-C", repo, "--format", "json"])).stdout) as { schools: { id: string; statuses: { item: string; status: string }[] }[] };
    for (const school of json.schools) {
      const status = new Map(school.statuses.map((s) => [s.item, s.status]));
      for (const item of ["BO-01.01", "BO-03.05", "BO-10.01"]) expect(status.get(item), `${school.id} ${item}`).toBe("niet-aangetoond");
      expect([...status.values()].filter((s) => s === "niet-aangetoond").length).toBeGreaterThan(100);
    }
  });

  it("a scored indicator, with its # taken away, counts: voldoet", async () => {
    const file = join(repo, "scholen/12AB00/zelfevaluatie-2025-2026.yaml");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace("  # BO-01.02: voldoet  #", "  BO-01.02: voldoet  #"));
    try {
      const json = JSON.parse((await runInProcess(["check", "-C", repo, "--format", "json", "scholen/12AB00"])).stdout) as { schools: { statuses: { item: string; status: string; rules: string[] }[] }[] };
      const statuses = json.schools[0]!.statuses;
      expect(statuses.find((s) => s.item === "BO-01.02")!.status).not.toBe("niet-aangetoond");
      expect(statuses.find((s) => s.item === "BO-01.01")!.status).toBe("niet-aangetoond");
    } finally {
      writeFileSync(file, text);
    }
  });

  it.each([
    [["12AB00", "--naam", "x", "--sector", "VO"], "de map scholen/12AB00 bestaat al; er is niets geschreven"],
    [["12AB0", "--naam", "x", "--sector", "VO"], '"12AB0" is geen schoolcode'],
    [["12AB05", "--naam", "x", "--sector", "VOO"], 'sector "VOO" bestaat niet; bedoelde je "VO"?'],
    [["12AB05", "--sector", "VO"], "geef de naam van de school met --naam"],
    [["12AB05", "--naam", "x"], "geef de sector van de school met --sector"],
  ])("bad input %j: a clear Dutch message, exit 2, nothing written", async (args, message) => {
    const before = tree(repo);
    const r = await runInProcess(["new", ...args, "-C", repo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(tree(repo)).toEqual(before);
  });

  it.each([
    ["2026-11-02", ["12AD00/schoolgids-2026-2027.yaml", "12AD00/zelfevaluatie-2026-2027.yaml"], true],
    ["2025-01-15", ["12AD00/sop-2024-2025.yaml", "12AD00/zelfevaluatie-2024-2025.yaml"], false],
  ])("without --sop or --schoolgids the law of the schooljaar decides (peildatum %s)", async (peildatum, files, schoolgids) => {
    const dir = join(tmp, `wet-${peildatum}`);
    expect((await runInProcess(["init", dir, "--profiel", "swv-vo-2203", "--swv", "VO 22.03", "--naam", "Test-SWV"])).code).toBe(0);
    writeFileSync(join(dir, "sop-audit.yaml"), `${readFileSync(join(dir, "sop-audit.yaml"), "utf8")}peildatum: ${peildatum}\n`);
    const r = await runInProcess(["new", "12AD00", "--naam", "Het Wetcollege", "--sector", "VO", "-C", dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(tree(join(dir, "scholen")).filter((f) => f !== ".gitkeep")).toEqual(files);
    const said = "Sinds schooljaar 2025-2026 staat het ondersteuningsaanbod in de schoolgids (Wet 36 443); daarom is er een schoolgids gemaakt en geen SOP. Wilt u toch een SOP, gebruik dan --sop.";
    if (schoolgids) expect(r.stdout).toContain(said);
    else expect(r.stdout).not.toContain("Wet 36 443");
    // What was made is what the law of that year asks: no finding that the other document is missing.
    const check = await runInProcess(["check", "-C", dir, "--format", "json"]);
    const school = (JSON.parse(check.stdout) as { schools: { regime: { naam: string }; findings: { ruleId: string }[] }[] }).schools[0]!;
    expect(school.regime.naam).toBe(schoolgids ? "schoolgids" : "sop");
    expect(school.findings.map((f) => f.ruleId)).not.toContain(schoolgids ? "WSG-01" : "WET-00");
  });

  it("--sop and --schoolgids together: refused, nothing written", async () => {
    const before = tree(repo);
    const r = await runInProcess(["new", "12AE00", "--naam", "x", "--sector", "VO", "--sop", "--schoolgids", "-C", repo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("kies --sop of --schoolgids, niet allebei");
    expect(tree(repo)).toEqual(before);
  });

  it("--schoolgids scaffolds the offer in the schoolgids (Wet 36 443) instead of an SOP: valid, and judged by the schoolgids law", async () => {
    const gids = join(tmp, "schoolgids");
    expect((await runInProcess(["init", gids, "--profiel", "swv-vo-2203"])).code).toBe(0);
    writeFileSync(join(gids, "sop-audit.yaml"), `${readFileSync(join(gids, "sop-audit.yaml"), "utf8")}peildatum: 2026-01-15\n`);
    expect((await runInProcess(["new", "12AC00", "--naam", "Het Gidscollege", "--sector", "VO", "--schoolgids", "-C", gids])).code).toBe(0);
    expect(tree(join(gids, "scholen"))).toEqual([".gitkeep", "12AC00/schoolgids-2025-2026.yaml", "12AC00/zelfevaluatie-2025-2026.yaml"]);
    const path = "scholen/12AC00/schoolgids-2025-2026.yaml";
    const validated = validateDocument(parseSource(path, readFileSync(join(gids, path))), { lang: "nl" }, DOCUMENT_KINDS);
    expect([validated.findings, (validated.doc as { kind: string }).kind]).toEqual([[], "Schoolgids"]);
    const json = JSON.parse((await runInProcess(["check", "-C", gids, "--format", "json"])).stdout) as { schools: { regime: { naam: string }; statuses: { item: string; status: string }[] }[] };
    const school = json.schools[0]!;
    expect(school.regime.naam).toBe("schoolgids");
    const status = Object.fromEntries(school.statuses.filter((x) => /^(WET|WSG)\.0[12]$/.test(x.item)).map((x) => [x.item, x.status]));
    expect(status).toEqual({ "WET.01": "nvt", "WET.02": "nvt", "WSG.01": "niet-aangetoond", "WSG.02": "niet-aangetoond" });
  });

  it("outside a repository: the message points to sop-audit init", async () => {
    const r = await runInProcess(["new", "12AB00", "--naam", "x", "--sector", "VO", "-C", tmp]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("sop-audit init");
  });
});

describe("the VS Code tasks' problem matchers", () => {
  type Tasks = {
    tasks: { label: string; args: string[]; isBackground?: boolean; problemMatcher: { severity: string; pattern: { regexp: string }[]; background?: { beginsPattern: string; endsPattern: string } }[] }[];
  };
  // As init wrote it (the first describe ran init into swv/).
  let tasks: Tasks;
  beforeAll(() => {
    tasks = JSON.parse(readFileSync(join(tmp, "swv/.vscode/tasks.json"), "utf8")) as Tasks;
  });

  /** What VS Code does with a multi-line matcher whose last pattern loops: file line, then findings until a line does not match. */
  function problems(output: string, matcher: Tasks["tasks"][number]["problemMatcher"][number]) {
    const [file, finding] = matcher.pattern.map((p) => new RegExp(p.regexp));
    const found: { file: string; line: number; column: number; message: string; code?: string; severity: string }[] = [];
    const lines = output.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const f = file!.exec(lines[i]!);
      if (!f) continue;
      for (let j = i + 1; j < lines.length; j++) {
        const m = finding!.exec(lines[j]!);
        if (!m) break;
        if (m[1]) found.push({ file: f[1]!, line: Number(m[1]), column: Number(m[2]), message: m[3]!, ...(m[4] ? { code: m[4] } : {}), severity: matcher.severity });
      }
    }
    return found;
  }

  it("run check (and check --watch) without colour, in the background for --watch", () => {
    expect(tasks.tasks.map((t) => [t.label, t.args.join(" "), t.isBackground === true])).toEqual([
      ["sop-audit: check", "sop-audit check --no-color", false],
      ["sop-audit: check --watch", "sop-audit check --watch --no-color", true],
    ]);
  });

  it.each(["nl", "en"])("find every finding with a line:col in the stylish output of the examples (--lang %s), with its severity", async (lang) => {
    const r = await runInProcess(["check", "-C", "examples/swv-meierij-po", "--lang", lang]);
    const json = JSON.parse((await runInProcess(["check", "-C", "examples/swv-meierij-po", "--lang", lang, "--format", "json"])).stdout) as {
      schools: { findings: { file: string; severity: string; range: { line: number; column: number } }[] }[];
    };
    const matchers = tasks.tasks[0]!.problemMatcher;
    const found = matchers.flatMap((m) => problems(r.stdout, m));
    // Stylish shows one entry per value (a group of findings): one problem per file, place and strongest severity.
    const key = (p: { file: string; line: number; column: number }) => `${p.file}:${p.line}:${p.column}`;
    const expected = new Set(json.schools.flatMap((s) => s.findings).filter((f) => /\.(ya?ml|md)$/.test(f.file)).map((f) => key({ file: f.file, ...f.range })));
    expect(new Set(found.map(key))).toEqual(expected);
    expect(found.length).toBeGreaterThan(30);
    const first = found.find((p) => p.file === "scholen/12DS00/zelfevaluatie-2024-2025.yaml" && p.line === 9)!;
    expect(first).toEqual({
      file: "scholen/12DS00/zelfevaluatie-2024-2025.yaml",
      line: 9,
      column: 8,
      severity: "warning",
      code: "schema/normalised",
      message: lang === "nl" ? 'datum: "1 oktober 2024" gelezen als 2024-10-01' : 'datum: "1 oktober 2024" read as 2024-10-01',
    });
    expect(new Set(found.map((p) => p.severity))).toEqual(new Set(["error", "warning", "info"]));
  });

  it("--watch: a run ends at the summary line, and the line --watch writes after it begins the next", async () => {
    const watch = tasks.tasks[1]!.problemMatcher[0]!.background!;
    const r = await runInProcess(["check", "-C", "examples/swv-meierij-po"]);
    const lines = r.stdout.split("\n");
    expect(lines.filter((l) => new RegExp(watch.endsPattern).test(l))).toHaveLength(1);
    expect(lines.find((l) => new RegExp(watch.endsPattern).test(l))).toMatch(/^✖ \d+ problemen/);
    expect(new RegExp(watch.beginsPattern).test("sop-audit --watch: 1 van 3 scholen opnieuw getoetst")).toBe(true);
    expect(lines.some((l) => new RegExp(watch.beginsPattern).test(l))).toBe(false);
  });
});
