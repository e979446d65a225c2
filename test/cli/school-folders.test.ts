/**
 * `check`, `report` and `visitatie` on school folders not named after a
 * school code (test/fixtures/school-folders): every folder appears as a
 * school in every output, with one status per item.
 */
import { execFileSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runInProcess } from "./in-process.js";
import { ROOT } from "./run.js";

const REPO = join(ROOT, "test/fixtures/school-folders");
const tmp = mkdtempSync(join(tmpdir(), "sop-audit-cli-school-folders-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface JsonSchool {
  id: string;
  dir: string;
  statuses: { item: string; status: string }[];
}

describe("check on school folders not named after a school code", () => {
  it("lists every folder as a school in the JSON output, each with one status per item, and exits 1 (not 2) without swv.code", async () => {
    const r = await runInProcess(["check", "-C", REPO, "--format", "json"]);
    expect(r.code, r.stderr).toBe(1);
    const out = JSON.parse(r.stdout) as { repo: { swv: Record<string, string> }; summary: Record<string, unknown>; schools: JsonSchool[]; findings: { ruleId: string }[] };
    expect(out.repo.swv).toEqual({ naam: "Samenwerkingsverband Passend Onderwijs Dommelmeierij" });
    expect(out.summary).toMatchObject({ schoolFolders: 6, unreadableSchoolFolders: 0, schools: 6 });
    expect(out.schools.map((s) => s.dir).sort()).toEqual(["scholen/09qa00", "scholen/12AB00", "scholen/9QA00", "scholen/De Sleutelbloem", "scholen/Kindcentrum Oost", "scholen/Sleutelbloem kopie"]);
    expect(new Set(out.schools.map((s) => s.id)).size).toBe(6);
    const items = out.schools.find((s) => s.id === "12AB00")!.statuses.map((st) => st.item).sort();
    expect(items.length).toBeGreaterThan(100);
    for (const s of out.schools) expect(s.statuses.map((st) => st.item).sort(), s.dir).toEqual(items);
    expect(out.findings.map((f) => f.ruleId)).toEqual(["config/swv-code-missing"]);
  });

  it("says in the summary how many school folders were found and how many audited", async () => {
    const r = await runInProcess(["check", "-C", REPO]);
    expect(r.stdout).toMatch(/\n {2}6 schoolmappen gevonden, 6 getoetst, 8 bestanden, peildatum 2026-06-01, profiel meierij-po\n$/);
    expect(r.stdout).toContain("scholen/De Sleutelbloem\n  1:1  waarschuwing  schoolmap \"De Sleutelbloem\" heet niet naar de schoolcode; hernoem de map naar 12DS00  repo/school-folder");
  });

  it("limits the run to a folder named after the school, and says how many of the folders found it audited", async () => {
    const byFolder = await runInProcess(["check", "-C", REPO, "scholen/Kindcentrum Oost"]);
    expect(byFolder.stdout).toContain("6 schoolmappen gevonden, 1 getoetst,");
  });

  it("with --changed-since, finds the changed school in a folder named after the school", async () => {
    const repo = join(tmp, "git");
    cpSync(REPO, repo, { recursive: true });
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], { cwd: repo, encoding: "utf8" });
    git("init", "-q");
    git("add", ".");
    git("commit", "-qm", "start");
    appendFileSync(join(repo, "scholen/De Sleutelbloem/sop-2025-2026.yaml"), "# gewijzigd\n");
    const r = await runInProcess(["check", "-C", repo, "--changed-since", "HEAD", "--format", "json"]);
    expect((JSON.parse(r.stdout) as { schools: JsonSchool[] }).schools.map((s) => [s.dir, s.id])).toEqual([["scholen/De Sleutelbloem", "12DS00"]]);
  });
});

describe("report on school folders not named after a school code", () => {
  it("writes one page per school under a safe name, and the overview links to each", async () => {
    const out = join(tmp, "rapporten");
    const r = await runInProcess(["report", "-C", REPO, "--out", out, "--format", "md"]);
    expect(r.code, r.stderr).toBe(0);
    const pages = readdirSync(out).filter((f) => f.startsWith("school-")).sort();
    expect(pages).toHaveLength(6);
    for (const page of pages) expect(page, page).toMatch(/^school-[A-Za-z0-9_][A-Za-z0-9._-]*\.md$/);
    expect(pages).toContain("school-12DS00.md");
    expect(pages).toContain("school-09QA00.md");
    const overview = readFileSync(join(out, "overzicht.md"), "utf8");
    const links = [...overview.matchAll(/\]\((school-[^)]+\.md)\)/g)].map((m) => decodeURIComponent(m[1]!)).sort();
    expect(links).toEqual(pages);
    // Without swv.code the header names the SWV alone, not with empty brackets.
    expect(overview).toContain("Samenwerkingsverband Passend Onderwijs Dommelmeierij ·");
  });

  it("makes the visitatie report of a school named by its folder", async () => {
    const out = join(tmp, "visitatie");
    const r = await runInProcess(["visitatie", "scholen/De Sleutelbloem", "-C", REPO, "--out", out, "--format", "md"]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(["visitatie-12DS00-2025-2026.md"]);
  });
});
