/**
 * The package as a user gets it. `npm pack` runs in a copy of the project
 * without dist/, so its prepack has to build everything the tarball needs;
 * the tarball is installed with runtime dependencies only, into a folder far
 * from this checkout's node_modules; and the installed `sop-audit` runs on a
 * copy of the example it ships and with every `npx sop-audit` recipe of
 * README.md and docs/*.md. Real processes throughout: packing, installing
 * and the bin link are what is tested.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXIT } from "../../src/cli/exit-code.js";
import { RULES_DOC_URI } from "../../src/format/shared.js";
import { ROOT } from "../cli/run.js";

const ROOT_PACKAGE = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  version: string;
  devDependencies: Record<string, string>;
};

/**
 * What the docs write where a reader puts a value of their own, and the value
 * a run on the VO example needs. A recipe with a `<placeholder>` this table
 * does not know fails, so that a new recipe is not silently left out.
 */
const STAND_INS: Record<string, string> = {
  "scholen/12AB00": "scholen/14RV00",
};

/** The environment of a person's shell: none of the npm variables a `npm test` run sets (its local prefix would point npm at this checkout), and none of its node_modules/.bin. */
/** A guide that walks through another shipped example than the VO one: its recipes run in a copy of that one. */
const EXAMPLE_OF_DOC: Record<string, string> = {
  "docs/sop-opstellen.md": "swv-vlietmonde-po",
};

function cleanEnv(): NodeJS.ProcessEnv {
  const keep = /^npm_config_(cache|registry|userconfig|globalconfig|cafile|strict_ssl|https?_proxy|proxy|noproxy)$/i;
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key) || keep.test(key)) env[key] = value;
  delete env.INIT_CWD;
  const path = (process.env.PATH ?? "").split(delimiter).filter((dir) => dir !== "" && !dir.includes("node_modules"));
  return { ...env, PATH: [dirname(process.execPath), ...path].join(delimiter), NO_COLOR: "1", FORCE_COLOR: "" };
}

const ENV = cleanEnv();
const tmp = mkdtempSync(join(tmpdir(), "sop-audit-package-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Filled by beforeAll. */
let tarballFiles: string[] = [];
let installOutput = { stdout: "", stderr: "" };
let installDir = "";
let bin = "";
let installedPackage = "";
/** Why the install could not run at all (no registry reachable and nothing in npm's cache), outside CI only. */
let unreachable: string | undefined;

/** The files of the project as a fresh clone has them, plus new files not ignored: what a release is packed from. */
function copyOfProject(into: string): void {
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  for (const file of listed.split("\0")) {
    if (file === "" || !existsSync(join(ROOT, file))) continue;
    mkdirSync(dirname(join(into, file)), { recursive: true });
    cpSync(join(ROOT, file), join(into, file));
  }
  // The dev tools the build needs, as `npm ci` installed them.
  symlinkSync(realpathSync(join(ROOT, "node_modules")), join(into, "node_modules"), "dir");
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
}

beforeAll(() => {
  const source = join(tmp, "source");
  copyOfProject(source);
  expect(existsSync(join(source, "dist")), "the copy starts without a build").toBe(false);

  const pack = spawnSync("npm", ["pack", "--pack-destination", tmp], { cwd: source, env: ENV, encoding: "utf8", timeout: 280_000 });
  if (pack.status !== 0) throw new Error(`npm pack failed (${pack.error?.message ?? `exit ${pack.status}`}):\n${pack.stderr}`);
  const tarball = join(tmp, `sop-audit-${ROOT_PACKAGE.version}.tgz`);
  tarballFiles = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n").filter((f) => f !== "" && !f.endsWith("/")).sort();

  installDir = join(tmp, "install");
  mkdirSync(installDir);
  writeFileSync(join(installDir, "package.json"), `${JSON.stringify({ name: "swv-repository", version: "1.0.0", private: true }, null, 2)}\n`);
  // --prefer-offline: the runtime dependencies are in npm's cache after `npm ci`; the registry is asked only for what is not.
  const install = spawnSync("npm", ["install", "--omit=dev", "--no-audit", "--no-fund", "--prefer-offline", tarball], { cwd: installDir, env: ENV, encoding: "utf8", timeout: 120_000 });
  installOutput = { stdout: install.stdout, stderr: install.stderr };
  if (install.status !== 0) {
    const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|ENOTCACHED/.test(install.stderr);
    if (offline && !process.env.CI) {
      unreachable = `npm install could not reach a registry and found the dependencies in no cache: ${install.stderr.trim().split("\n").slice(-2).join(" ")}`;
      console.warn(`[skipped] ${unreachable}`);
      return;
    }
    throw new Error(`npm install of the tarball failed (${install.error?.message ?? `exit ${install.status}`}):\n${install.stderr}`);
  }
  installedPackage = join(installDir, "node_modules", "sop-audit");
  bin = join(installDir, "node_modules", ".bin", "sop-audit");
}, 400_000);

/** A copy of an example the installed package ships, as a Git repository (for --changed-since). */
let copies = 0;
function exampleRepo(name = "swv-vo-2203"): string {
  const repo = join(tmp, `repo-${++copies}`);
  cpSync(join(installedPackage, "examples", name), repo, { recursive: true });
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd: repo, env: ENV });
  git("init", "-q");
  git("add", ".");
  git("commit", "-qm", "start");
  return repo;
}

/** The installed bin, through its link in node_modules/.bin, as npx would start it. */
function sopAudit(args: string[], cwd: string) {
  const r = spawnSync(bin, args, { cwd, env: ENV, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function skipIfUnreachable(ctx: { skip: (note?: string) => never }): void {
  if (unreachable !== undefined) ctx.skip(unreachable);
}

describe("npm pack", () => {
  it("builds at prepack: a copy without dist/ gives a tarball with the bundle, its worker and the standards snapshot", () => {
    for (const file of ["package/bin/sop-audit.js", "package/dist/bundle/sop-audit.js", "package/dist/bundle/worker.js", "package/dist/standards.snapshot.json"]) {
      expect(tarballFiles).toContain(file);
    }
    expect(tarballFiles.filter((f) => f.startsWith("package/dist/bundle/") && /-[A-Z0-9]{8}\.js$/.test(f)).length, "the bundle's chunks").toBeGreaterThan(3);
  });

  it("ships only what runs and what the docs point to: no sources, tests, tsc output or build tools", () => {
    const outside = tarballFiles.filter((f) => /^package\/(src|test|bench|node_modules|\.ci)\//.test(f) || /\.ts$/.test(f));
    expect(outside).toEqual([]);
    const dist = tarballFiles.filter((f) => f.startsWith("package/dist/") && !f.startsWith("package/dist/bundle/"));
    expect(dist).toEqual(["package/dist/standards.snapshot.json"]);
    for (const file of ["package/LICENSE", "package/README.md", "package/package.json"]) expect(tarballFiles).toContain(file);
  });

  it("ships all of schemas/, standards/, templates/, docs/ and examples/", () => {
    const source = join(tmp, "source");
    for (const dir of ["schemas", "standards", "templates", "docs", "examples"]) {
      const shipped = tarballFiles.filter((f) => f.startsWith(`package/${dir}/`)).map((f) => f.slice(`package/${dir}/`.length));
      expect(shipped.length, dir).toBeGreaterThan(0);
      expect(shipped, dir).toEqual(filesUnder(join(source, dir)));
    }
  });

  it("holds every docs/ and examples/ path that the messages, the code and the README name", () => {
    const texts = [
      ...filesUnder(join(ROOT, "src"))
        .filter((f) => f.endsWith(".ts") && !f.startsWith("tools/"))
        .map((f) => readFileSync(join(ROOT, "src", f), "utf8")),
      readFileSync(join(ROOT, "README.md"), "utf8"),
    ];
    const named = new Set(texts.flatMap((text) => [...text.matchAll(/\b(?:docs|examples)\/[\w./-]*\w/g)].map((m) => m[0])));
    expect([...named]).toEqual(expect.arrayContaining(["docs/repository.md", "docs/rapporten.md", "docs/rules.md"]));
    const missing = [...named].filter((path) => !tarballFiles.some((f) => f === `package/${path}` || f.startsWith(`package/${path}/`)));
    expect(missing).toEqual([]);
  });

  it("has the full text of the EUPL-1.2 as its LICENSE", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { license: string };
    expect(pkg.license).toBe("EUPL-1.2");
    const text = readFileSync(join(ROOT, "LICENSE"), "utf8");
    expect(text.startsWith("EUROPEAN UNION PUBLIC LICENCE v. 1.2\n")).toBe(true);
    for (const part of ["1.Definitions", "15.Applicable Law", "Appendix", "Compatible Licences"]) expect(text).toContain(part);
    expect(text.length).toBeGreaterThan(12_000);
  });

  it("names the repository, home page and issue tracker that the SARIF help links point into", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { repository: { type: string; url: string }; homepage: string; bugs: { url: string } };
    expect(pkg.repository.type).toBe("git");
    const web = pkg.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");
    expect(RULES_DOC_URI.startsWith(`${web}/`), `${RULES_DOC_URI} lies under ${web}`).toBe(true);
    expect(pkg.homepage.startsWith(web)).toBe(true);
    expect(pkg.bugs.url).toBe(`${web}/issues`);
  });
});

describe("npm install --omit=dev of the tarball", () => {
  it("installs without a build step and without a warning", (ctx) => {
    skipIfUnreachable(ctx);
    expect(installOutput.stderr.split("\n").filter((line) => /warn/i.test(line))).toEqual([]);
    const installed = JSON.parse(readFileSync(join(installedPackage, "package.json"), "utf8")) as { scripts?: Record<string, string> };
    for (const script of ["preinstall", "install", "postinstall", "prepare"]) expect(installed.scripts?.[script], script).toBeUndefined();
  });

  it("brings none of the build and test tools: what the bundle holds is a devDependency", (ctx) => {
    skipIfUnreachable(ctx);
    const modules = readdirSync(join(installDir, "node_modules")).filter((name) => !name.startsWith("."));
    expect(modules).toContain("sop-audit");
    expect(modules.filter((name) => name in ROOT_PACKAGE.devDependencies)).toEqual([]);
    for (const dev of ["esbuild", "typescript", "vitest", "zod", "commander", "handlebars"]) expect(existsSync(join(installDir, "node_modules", dev)), dev).toBe(false);
  });

  it("--version: the package's version", (ctx) => {
    skipIfUnreachable(ctx);
    const r = sopAudit(["--version"], installDir);
    expect(r).toEqual({ code: EXIT.ok, stdout: `${ROOT_PACKAGE.version}\n`, stderr: "" });
  });

  it("check on a copy of the shipped VO example: its findings, one of them from YAML only the `yaml` dependency reads", (ctx) => {
    skipIfUnreachable(ctx);
    const r = sopAudit(["check"], exampleRepo());
    expect(r.stderr).toBe("");
    expect(r.code).toBe(EXIT.findings);
    expect(r.stdout).toMatch(/^scholen\/02KP00\/zelfevaluatie-2024-2025\.yaml\n\s+67:1\s+fout\s+YAML kan niet gelezen worden: .* yaml\/syntax$/m);
    expect(r.stdout).toMatch(/^✖ \d+ problemen \(\d+ fouten, \d+ waarschuwingen, \d+ info\)/m);
    expect(r.stdout).toContain("8 schoolmappen gevonden, 8 getoetst");
  });

  it("check with a JSON Schema fragment of the SWV's own: compiled by ajv from the installed dependencies", (ctx) => {
    skipIfUnreachable(ctx);
    const repo = exampleRepo();
    const config = join(repo, "sop-audit.yaml");
    const text = readFileSync(config, "utf8");
    expect(text).toContain("  profile: swv-vo-2203\n");
    writeFileSync(config, text.replace("  profile: swv-vo-2203\n", "  profile: swv-vo-2203\n  rules:\n    BO-03.05-uren: { params: { schema: { minimum: 20 } } }\n"));
    const r = sopAudit(["check", "--format", "json"], repo);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(EXIT.findings);
    const out = JSON.parse(r.stdout) as { schools: { findings: { ruleId: string; file: string; range: { line: number } }[] }[] };
    const found = out.schools.flatMap((s) => s.findings).filter((f) => f.ruleId === "BO-03.05-uren");
    expect(found.map((f) => `${f.file}:${f.range.line}`)).toContain("scholen/02KP00/sop-2025-2026.yaml:40");
    expect(found.length).toBeGreaterThan(3);
  });

  it("report: a report per school and the SWV overview, from the shipped templates", (ctx) => {
    skipIfUnreachable(ctx);
    const repo = exampleRepo();
    const r = sopAudit(["report", "--out", "rapporten"], repo);
    expect(r.code, r.stderr).toBe(EXIT.ok);
    expect(`${r.stdout}${r.stderr}`).toContain("20 rapporten geschreven.");
    for (const file of ["overzicht.md", "overzicht.html", "dekkend-aanbod.html", "school-14RV00.html", "school-14RV00.md"]) {
      expect(existsSync(join(repo, "rapporten", file)), file).toBe(true);
    }
    expect(readFileSync(join(repo, "rapporten", "overzicht.html"), "utf8")).toContain("Samenwerkingsverband VO 22.03 Dommel en Kempen");
  });

  it("coverage: the matrix of the offer, on standard output", (ctx) => {
    skipIfUnreachable(ctx);
    const r = sopAudit(["coverage"], exampleRepo());
    expect(r.stderr).toBe("");
    expect(r.code).toBe(EXIT.ok);
    expect(r.stdout.startsWith("# Dekkend aanbod\n")).toBe(true);
    expect(r.stdout).toContain("Samenwerkingsverband VO 22.03 Dommel en Kempen (VO 22.03) · Schooljaar 2025-2026 · Peildatum 2026-06-01 · Profiel swv-vo-2203");
  });
});

describe("init → new → check → report", () => {
  it("from an empty folder to a first report with the installed package only: init, two new schools, a few fields filled, check, report", (ctx) => {
    skipIfUnreachable(ctx);
    const repo = join(tmp, "eerste-uur");
    const init = sopAudit(["init", repo, "--profiel", "swv-vo-2203", "--swv", "VO 22.03", "--naam", "Testverband"], installDir);
    expect(init.code, init.stderr).toBe(EXIT.ok);
    // A fixed peildatum: the schooljaar and so the file names do not depend on today.
    writeFileSync(join(repo, "sop-audit.yaml"), `${readFileSync(join(repo, "sop-audit.yaml"), "utf8")}peildatum: 2026-01-15\n`);
    // One school keeps an SOP in its transition year; the other gets what the law of 2025-2026 asks, the schoolgids.
    expect(sopAudit(["new", "12AB00", "--naam", "Het Voorbeeldcollege", "--sector", "VO", "--sop"], repo).code).toBe(EXIT.ok);
    expect(sopAudit(["new", "12AB01", "--naam", "De Linde", "--sector", "VSO", "--markdown"], repo).code).toBe(EXIT.ok);
    expect(existsSync(join(repo, "scholen/12AB01/schoolgids-2025-2026.md"))).toBe(true);
    const sop = join(repo, "scholen/12AB00/sop-2025-2026.yaml");
    writeFileSync(sop, `${readFileSync(sop, "utf8")}\nvaststelling:\n  datum: 2025-10-01\n  door: Stichting Voorbeeld\n  mrAdvies:\n    datum: 2025-09-15\n    uitkomst: positief\n`);

    const check = sopAudit(["check"], repo);
    expect(check.stderr).toBe("");
    expect(check.code).toBe(EXIT.findings);
    expect(check.stdout).toContain("scholen/12AB00/sop-2025-2026.yaml");
    expect(check.stdout).not.toMatch(/schema\/|yaml\/syntax/);
    expect(check.stdout).toContain("2 schoolmappen gevonden, 2 getoetst");
    // What was filled in counts; what was not is niet aangetoond.
    const json = JSON.parse(sopAudit(["check", "--format", "json"], repo).stdout) as { schools: { id: string; statuses: { item: string; status: string }[] }[] };
    const status = (school: string, item: string) => json.schools.find((x) => x.id === school)?.statuses.find((x) => x.item === item)?.status;
    expect([status("12AB00", "WET.01"), status("12AB00", "WET.02"), status("12AB01", "WSG.01"), status("12AB00", "BO-03.05")]).toEqual(["voldoet", "voldoet", "niet-aangetoond", "niet-aangetoond"]);

    const report = sopAudit(["report", "--out", "rapporten"], repo);
    expect(report.code, report.stderr).toBe(EXIT.ok);
    for (const file of ["overzicht.html", "school-12AB00.html", "school-12AB01.md"]) expect(existsSync(join(repo, "rapporten", file)), file).toBe(true);
    expect(readFileSync(join(repo, "rapporten", "school-12AB00.html"), "utf8")).toContain("Het Voorbeeldcollege");
  });
});

interface Recipe {
  doc: string;
  command: string;
}

/** Every `npx sop-audit …` line in the fenced code blocks of README.md and docs/*.md, without its trailing comment. */
function recipes(): Recipe[] {
  const docs = ["README.md", ...readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
  const found = new Map<string, Recipe>();
  for (const doc of docs) {
    const text = readFileSync(join(ROOT, doc), "utf8");
    // Shell blocks only: a JSON or YAML block (a tasks.json, a pipeline) holds a command as data, not as a recipe.
    for (const block of text.matchAll(/^```([^\n]*)\n([\s\S]*?)^```/gm)) {
      if (!["", "sh", "bash", "shell", "console"].includes(block[1]!.trim())) continue;
      for (const line of block[2]!.split("\n")) {
        const m = /\bnpx (?:--yes )?sop-audit(?:@\S+)?(?=\s|$).*$/.exec(line);
        if (!m) continue;
        const command = m[0].replace(/\s+#\s.*$/, "").trimEnd();
        if (!found.has(command)) found.set(command, { doc, command });
      }
    }
  }
  return [...found.values()];
}

/** Runs a recipe that keeps watching until Ctrl-C: after its first round, Ctrl-C, and its exit code. */
function watchUntilFirstRound(command: string, cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-c", `exec ${command}`], { cwd, env: ENV });
    let stderr = "";
    let stopped = false;
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no first round within 60 s:\n${stderr}`));
    }, 60_000);
    child.stderr.setEncoding("utf8").on("data", (text: string) => {
      stderr += text;
      if (!stopped && /Ctrl-C/.test(stderr)) stopped = child.kill("SIGINT");
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe("the npx sop-audit recipes in README.md and docs/, run with the installed package in a copy of the VO example", () => {
  const all = recipes();

  it("are found", () => {
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(all.map((r) => r.command)).toContain("npx sop-audit check");
  });

  for (const recipe of all) {
    it(`${recipe.doc}: ${recipe.command}`, async (ctx) => {
      skipIfUnreachable(ctx);
      let command = recipe.command;
      for (const [stand, value] of Object.entries(STAND_INS)) command = command.split(stand).join(value);
      const placeholder = /<[^>]+>/.exec(command);
      if (placeholder) throw new Error(`${recipe.doc}: ${recipe.command} has the placeholder ${placeholder[0]}: add a real value for it to STAND_INS`);
      command = command.replace(/\bnpx (?:--yes )?sop-audit(?:@\S+)?/, `'${bin}'`);
      const repo = exampleRepo(EXAMPLE_OF_DOC[recipe.doc]);
      const r = command.includes("--watch")
        ? await watchUntilFirstRound(command, repo)
        : (({ status, stderr }) => ({ code: status, stderr }))(spawnSync("bash", ["-c", command], { cwd: repo, env: ENV, encoding: "utf8", timeout: 120_000 }));
      // 0 or 1 is an audit's answer; 2 (a usage problem) or 3 (a bug) means the recipe does not work as written.
      expect([EXIT.ok, EXIT.findings] as (number | null)[], `exit ${r.code}; if the docs use a stand-in value, add it to STAND_INS\n${r.stderr}`).toContain(r.code);
    }, 90_000);
  }
});
