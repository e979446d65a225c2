import { execFileSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterAll, describe, expect, it } from "vitest";
import { SchoolCache } from "../../src/engine/cache.js";
import { runInProcess } from "./in-process.js";
import { ROOT, run } from "./run.js";

const VO = "examples/swv-vo-2203";
const tmp = mkdtempSync(join(tmpdir(), "sop-audit-formats-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("check --format", () => {
  it("writes several formats in one run; only the formatted output goes to stdout", async () => {
    const sarif = join(tmp, "r.sarif");
    const junit = join(tmp, "r.xml");
    const r = await runInProcess(["check", "-C", VO, "--format", "sarif", "--output", sarif, "--format", "junit", "--output", junit, "--format", "github"]);
    expect(r.code).toBe(1);
    expect(r.stdout.split("\n").filter(Boolean).every((l) => /^::(error|warning|notice) file=/.test(l))).toBe(true);
    expect(r.stderr).toContain("sarif → ");
    const log = JSON.parse(readFileSync(sarif, "utf8"));
    expect(log.version).toBe("2.1.0");
    expect(log.runs[0].results.length).toBeGreaterThan(50);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(junit, "utf8"));
    expect(xml.testsuites.testsuite.length).toBe(9); // repository + 8 schools
  });

  it.each(["stylish", "json", "sarif", "junit", "github", "gitlab", "markdown"])("%s is byte-identical on two runs", async (format) => {
    const a = await runInProcess(["check", "-C", VO, "--format", format]);
    const b = await runInProcess(["check", "-C", VO, "--format", format]);
    expect(a.stdout.length).toBeGreaterThan(100);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toMatch(/20\d\d-\d\d-\d\dT\d\d:\d\d/); // no timestamp unless asked
  });

  it("adds a timestamp only with --timestamp", async () => {
    const r = await runInProcess(["check", "-C", VO, "--format", "json", "--timestamp"]);
    expect(JSON.parse(r.stdout).timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("rejects an unknown format and a second --output for one format with exit 2", async () => {
    const a = await runInProcess(["check", "-C", VO, "--format", "pdf"]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('onbekend formaat "pdf"');
    const b = await runInProcess(["check", "-C", VO, "--format", "json", "--output", join(tmp, "a"), "--output", join(tmp, "b")]);
    expect(b.code).toBe(2);
  });
});

describe("parallel, cached and plain paths", () => {
  it.each([VO, "examples/swv-meierij-po"])("give byte-identical JSON on %s", async (repo) => {
    const plain = (await runInProcess(["check", "-C", repo, "--format", "json", "--jobs", "1"])).stdout;
    // A real process: worker threads (--jobs 2) start from the built bundle.
    const parallel = run(["check", "-C", repo, "--format", "json", "--jobs", "2"]).stdout;
    const cacheFile = join(tmp, `cache-${repo.replace(/\W/g, "")}`);
    const fill = (await runInProcess(["check", "-C", repo, "--format", "json", "--cache-location", cacheFile])).stdout;
    const hit = (await runInProcess(["check", "-C", repo, "--format", "json", "--cache-location", cacheFile])).stdout;
    expect(plain.length).toBeGreaterThan(1000);
    expect(parallel).toBe(plain);
    expect(fill).toBe(plain);
    expect(hit).toBe(plain);
  });

  it("give byte-identical JSON when the cache has a record appended for a changed school", async () => {
    const repo = join(tmp, "journal-repo");
    cpSync(join(ROOT, "examples/swv-meierij-po"), repo, { recursive: true });
    const cacheFile = join(tmp, "cache-journal");
    const plain = async () => (await runInProcess(["check", "-C", repo, "--format", "json", "--jobs", "1"])).stdout;
    const cached = async () => (await runInProcess(["check", "-C", repo, "--format", "json", "--cache-location", cacheFile])).stdout;
    expect(await cached()).toBe(await plain());
    const sop = readdirSync(join(repo, "scholen")).sort().map((d) => join(repo, "scholen", d, "sop-2025-2026.yaml")).find((f) => existsSync(f))!;
    appendFileSync(sop, "# gewijzigd\n");
    const size = statSync(cacheFile).size;
    // Checked again and appended; then read back from the first record and the appended one.
    expect(await cached()).toBe(await plain());
    expect(statSync(cacheFile).size).toBeGreaterThan(size);
    expect(await cached()).toBe(await plain());
  });

  it("a first run with a cache stores every school, also those a worker checked", () => {
    const cacheFile = join(tmp, "cache-fill-workers");
    // A real process: worker threads (--jobs 2) start from the built bundle.
    const out = JSON.parse(run(["check", "-C", VO, "--format", "json", "--jobs", "2", "--cache-location", cacheFile]).stdout) as { schools: { id: string }[] };
    const cache = new SchoolCache(cacheFile, { root: join(ROOT, VO), lang: "nl" });
    expect(out.schools.length).toBeGreaterThan(2);
    expect(out.schools.filter((s) => !cache.has(s.id))).toEqual([]);
  });

  it("--cache-location is relative to where the command runs, like --output", async () => {
    const cwd = mkdtempSync(join(tmp, "cwd-"));
    const repo = join(tmp, "location-repo");
    cpSync(join(ROOT, "test/fixtures/warnings-only"), repo, { recursive: true });
    expect((await runInProcess(["check", "-C", repo, "--cache-location", "mijn-cache"], { cwd })).code).toBe(0);
    expect(existsSync(join(cwd, "mijn-cache"))).toBe(true);
    expect(existsSync(join(repo, "mijn-cache"))).toBe(false);
    // --cache alone: the default file in the repository.
    await runInProcess(["check", "-C", repo, "--cache"], { cwd });
    expect(existsSync(join(repo, ".sop-audit-cache"))).toBe(true);
  });

  it("a cached school is checked again when one of its files changes", async () => {
    const repo = join(tmp, "cache-repo");
    cpSync(join(ROOT, "test/fixtures/warnings-only"), repo, { recursive: true });
    const cacheFile = join(tmp, "cache-change");
    expect((await runInProcess(["check", "-C", repo, "--cache-location", cacheFile])).stdout).toContain("niet aangetoond: kengetallen.thuiszitters ontbreekt of is leeg");
    appendFileSync(join(repo, "scholen/34CD00/sop-2025-2026.yaml"), "  thuiszitters: 0\n");
    expect((await runInProcess(["check", "-C", repo, "--cache-location", cacheFile])).stdout).toContain("geen problemen");
  });
});

describe("check --changed-since", () => {
  const git = (cwd: string, ...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd, encoding: "utf8" });

  it("checks only the schools whose files changed since the ref; a config change checks all", async () => {
    const repo = join(tmp, "git-repo");
    cpSync(join(ROOT, "test/fixtures/clean"), repo, { recursive: true });
    cpSync(join(repo, "scholen/34CD00"), join(repo, "scholen/34CD01"), { recursive: true });
    const sop1 = join(repo, "scholen/34CD01/sop-2025-2026.yaml");
    writeFileSync(sop1, readFileSync(sop1, "utf8").replace('vestiging: "00"', 'vestiging: "01"'));
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "start");

    expect((await runInProcess(["check", "-C", repo, "--changed-since", "HEAD"])).stdout).toContain("2 schoolmappen gevonden, 0 getoetst");
    appendFileSync(sop1, "# gewijzigd\n");
    const one = await runInProcess(["check", "-C", repo, "--changed-since", "HEAD", "--format", "json"]);
    expect(JSON.parse(one.stdout).schools.map((s: { id: string }) => s.id)).toEqual(["34CD01"]);
    writeFileSync(join(repo, "scholen/34CD00/nieuw.yaml"), "apiVersion: sop-audit/v1\nkind: Uitzonderingen\nuitzonderingen: []\n");
    const two = await runInProcess(["check", "-C", repo, "--changed-since", "HEAD", "--format", "json"]);
    expect(JSON.parse(two.stdout).schools.map((s: { id: string }) => s.id)).toEqual(["34CD00", "34CD01"]);
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "scholen");
    appendFileSync(join(repo, "sop-audit.yaml"), "# gewijzigd\n");
    expect((await runInProcess(["check", "-C", repo, "--changed-since", "HEAD"])).stdout).toContain("2 schoolmappen gevonden, 2 getoetst");
  });

  it("exits 2 with git's reason for an unknown ref", async () => {
    const r = await runInProcess(["check", "-C", VO, "--changed-since", "bestaat-niet-123"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--changed-since bestaat-niet-123: git meldt:");
  });
});

describe("writing outputs", () => {
  it("writes to a device such as /dev/null without replacing it", async () => {
    const r = await runInProcess(["check", "-C", "test/fixtures/clean", "--format", "json", "--output", "/dev/null"]);
    expect(r.code).toBe(0);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });
});
