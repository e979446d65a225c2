/**
 * The pipelines in docs/ci.md work as written: their YAML parses, and every
 * sop-audit command in them runs in a copy of the VO example and produces
 * the files the next steps upload. `npx --yes sop-audit` stands for this
 * checkout's binary (the package is not fetched in tests).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as ajvDraft04 from "ajv-draft-04";
import * as ajvFormats from "ajv-formats";
import { XMLParser } from "fast-xml-parser";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { BIN, ROOT } from "./run.js";

const doc = readFileSync(join(ROOT, "docs/ci.md"), "utf8");
const blocks = (lang: string) => [...doc.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]!);
const tmp = mkdtempSync(join(tmpdir(), "sop-audit-ci-docs-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// CommonJS default exports, as vitest hands them to ESM.
const unwrap = <T>(m: unknown): T => ((m as { default?: T }).default ?? m) as T;
const Ajv04 = unwrap<typeof import("ajv-draft-04").default>(ajvDraft04);
const addFormats = unwrap<typeof import("ajv-formats").default>(ajvFormats);

function exampleRepo(name: string, from = "examples/swv-vo-2203"): string {
  const repo = join(tmp, name);
  cpSync(join(ROOT, from), repo, { recursive: true });
  const git = (...a: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...a], { cwd: repo });
  git("init", "-q");
  git("add", ".");
  git("commit", "-qm", "start");
  return repo;
}

/** Runs one documented shell command the way the CI runner would: a real shell and the built binary, as the docs write them. */
function sh(command: string, cwd: string) {
  const local = command.replace(/npx --yes sop-audit(@\S+)?/g, `node ${BIN}`);
  return spawnSync("bash", ["-c", local], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", GITHUB_STEP_SUMMARY: join(cwd, "summary.md") } });
}

describe("docs/ci.md", () => {
  const yamlBlocks = blocks("yaml").map((b) => parse(b) as Record<string, unknown>);

  it("has a GitHub workflow, a GitLab pipeline and a pre-commit config, all valid YAML", () => {
    expect(yamlBlocks.some((b) => "jobs" in b)).toBe(true);
    expect(yamlBlocks.some((b) => "sop-audit" in b)).toBe(true);
    expect(yamlBlocks.some((b) => "repos" in b)).toBe(true);
  });

  it("GitHub Actions: the check, summary and report steps produce what upload-sarif and upload-artifact take", () => {
    const workflow = yamlBlocks.find((b) => "jobs" in b) as { jobs: { check: { steps: { run?: string; with?: Record<string, string> }[] } } };
    const steps = workflow.jobs.check.steps;
    const repo = exampleRepo("github");
    const runs = steps.filter((s) => s.run).map((s) => s.run!);
    const check = sh(runs[0]!, repo);
    expect(check.status).toBe(1); // the example has errors: the job fails, later steps still run (if: !cancelled())
    expect(check.stdout).toMatch(/^::error file=scholen\//m);
    for (const r of runs.slice(1)) expect(sh(r, repo).status).toBe(0);
    const sarifFile = steps.find((s) => s.with?.sarif_file)!.with!.sarif_file!;
    const sarif = JSON.parse(readFileSync(join(repo, sarifFile), "utf8"));
    // The official SARIF 2.1.0 schema is draft-04.
    const ajv = new Ajv04({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, "test/format/sarif-schema-2.1.0.json"), "utf8")));
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(sarif.runs[0].results.length).toBeGreaterThan(50);
    expect(readFileSync(join(repo, "summary.md"), "utf8")).toContain("## sop-audit");
    const artifact = steps.find((s) => s.with?.path)!.with!.path!;
    expect(existsSync(join(repo, artifact, "overzicht.html"))).toBe(true);
  });

  it("GitLab CI: code quality and JUnit reports where the artifacts expect them", () => {
    const pipeline = yamlBlocks.find((b) => "sop-audit" in b) as Record<string, { script: string[]; artifacts: { reports?: Record<string, string>; paths: string[] } }>;
    const repo = exampleRepo("gitlab");
    for (const job of Object.values(pipeline)) for (const line of job.script) sh(line, repo);
    const check = pipeline["sop-audit"]!;
    const quality = JSON.parse(readFileSync(join(repo, check.artifacts.reports!.codequality!), "utf8"));
    expect(quality.length).toBeGreaterThan(50);
    expect(quality[0]).toEqual(expect.objectContaining({ check_name: expect.any(String), fingerprint: expect.any(String), location: expect.any(Object) }));
    const junit = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(join(repo, check.artifacts.reports!.junit!), "utf8"));
    expect(junit.testsuites.testsuite.length).toBe(9);
    for (const p of Object.values(pipeline).flatMap((j) => j.artifacts.paths)) expect(existsSync(join(repo, p)), p).toBe(true);
  });

  it("the pre-commit hook passes a clean commit and stops one that breaks a file", () => {
    // A real process: git runs the hook, which runs the binary.
    const repo = exampleRepo("hook", "test/fixtures/clean");
    const hook = join(repo, ".git/hooks/pre-commit");
    writeFileSync(hook, blocks("sh").find((b) => b.startsWith("#!/bin/sh"))!.replace(/npx --yes sop-audit(@\S+)?/g, `node ${BIN}`));
    chmodSync(hook, 0o755);
    const commit = () => spawnSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "wijziging"], { cwd: repo, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    const sop = join(repo, "scholen/34CD00/sop-2025-2026.yaml");
    writeFileSync(sop, readFileSync(sop, "utf8").replace("leerlingen1Oktober: 212", "leerlingen1Oktober: 214"));
    expect(commit().status).toBe(0);
    writeFileSync(sop, readFileSync(sop, "utf8").replace("  datum: 2025-10-01", "  datum: 1 oktober"));
    const blocked = commit();
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain("vaststelling.datum moet een datum zijn");
  });
});
