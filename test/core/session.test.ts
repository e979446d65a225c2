/**
 * `check --watch` runs an audit session: every run after the first checks
 * only the schools whose files changed, and must give exactly what a fresh
 * `audit()` gives on the same files.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as school from "../../src/engine/school.js";
import { audit, auditSession, type AuditOptions } from "../../src/audit/audit.js";
import { format } from "../../src/format/json.js";
import type { AuditResult } from "../../src/core/types.js";
import { EXAMPLES, brief, editFile, schoolOf } from "../engine/helpers.js";

// Counts how often a school folder is listed (a hit on stamps lists nothing).
vi.mock("../../src/engine/school.js", async (original) => {
  const actual = await original<typeof import("../../src/engine/school.js")>();
  return { ...actual, listSchoolFiles: vi.fn(actual.listSchoolFiles) };
});
const listings = () => vi.mocked(school.listSchoolFiles).mock.calls.length;

let repo: string;
const options = (): AuditOptions => ({ cwd: repo, repo: ".", detail: "check", jobs: 1 });
const json = (r: AuditResult) => format(r, { lang: r.repo.lang, version: r.tool.version });
const fresh = async () => json(await audit(options()));
const SOP = "scholen/02KP00/sop-2025-2026.yaml";

const edit = (file: string, from: string, to: string) => editFile(repo, file, from, to);

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), "sop-session-"));
  cpSync(join(EXAMPLES, "swv-vo-2203"), repo, { recursive: true });
  // The edit below sets an SOP ten years back; this SWV still judges it by the SOP's law this year.
  appendFileSync(join(repo, "sop-audit.yaml"), "regime:\n  schoolgidsVanaf: 2026-08-01\n");
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(repo, { recursive: true, force: true });
});

describe("auditSession", () => {
  it("checks every school once, then only the one that changed, with the result of a fresh audit", async () => {
    const inputs: string[][] = [];
    const session = auditSession(options(), (_inputs, dirs) => inputs.push(dirs.map((d) => d.slice(repo.length + 1))));
    const first = await session.run();
    expect(first.checked).toBe(8);
    expect(json(first.result)).toBe(await fresh());

    const again = await session.run();
    expect(again.checked).toBe(0);
    expect(json(again.result)).toBe(json(first.result));

    // The SOP was set ten years before the peildatum.
    edit(SOP, "vaststelling:\n  datum: 2025-10-07", "vaststelling:\n  datum: 2015-10-07");
    const edited = await session.run();
    expect(edited.checked).toBe(1);
    expect(json(edited.result)).toBe(await fresh());
    expect(json(edited.result)).not.toBe(json(first.result));
    const added = schoolOf(edited.result, "02KP00").findings.filter((f) => !schoolOf(first.result, "02KP00").findings.some((g) => g.message === f.message));
    expect(added.map(brief).map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.ruleId}`)).toEqual([
      `${SOP}:21:10 error BO-09.03`,
      `${SOP}:21:10 error MKS-TO.09`,
      `${SOP}:21:10 error VO2203-02`,
      `${SOP}:21:10 error WET-01`,
      `${SOP}:21:10 error WET-01+swv-vo-2203`,
      `${SOP}:24:12 error BO-12.03-volgorde`,
      `${SOP}:24:12 error WET-02-volgorde`,
    ]);
    expect(added[0]!.message).toBe("vaststelling.datum (2015-10-07) is ouder dan 1 jaar (peildatum 2026-06-01)");

    // Told about the school folders before each run.
    expect(inputs).toHaveLength(3);
    expect(inputs[0]).toEqual(["02KP00", "03WS00", "14RV00", "14RV01", "16ML00", "18BR00", "20DM00", "25EW00"].map((c) => `scholen/${c}`));
  });

  it("sees a school that comes and one that goes", async () => {
    const session = auditSession(options(), () => {});
    await session.run();
    cpSync(join(repo, "scholen/02KP00"), join(repo, "scholen/02KP01"), { recursive: true });
    const added = await session.run();
    expect(added.checked).toBe(1);
    expect(added.result.schools.map((s) => s.id)).toContain("02KP01");
    expect(json(added.result)).toBe(await fresh());

    rmSync(join(repo, "scholen/14RV01"), { recursive: true });
    const removed = await session.run();
    expect(removed.checked).toBe(0);
    expect(removed.result.schools.map((s) => s.id)).not.toContain("14RV01");
    expect(json(removed.result)).toBe(await fresh());
  });

  it("layers the ruleset again when sop-audit.yaml changes, and checks every school with it", async () => {
    const session = auditSession(options(), () => {});
    const first = await session.run();
    edit("sop-audit.yaml", "  profile: swv-vo-2203\n", "  profile: swv-vo-2203\n  rules:\n    BO-01.23:\n      severity: warning\n");
    const changed = await session.run();
    expect(changed.checked).toBe(8);
    expect(changed.result.repo.rulesetHash).not.toBe(first.result.repo.rulesetHash);
    expect(json(changed.result)).toBe(await fresh());
    expect(changed.result.summary.errors).toBeLessThan(first.result.summary.errors);
  });

  it("throws a run's error and recovers on the next run once the input is mended", async () => {
    const session = auditSession(options(), () => {});
    await session.run();
    const good = readFileSync(join(repo, "sop-audit.yaml"), "utf8");
    writeFileSync(join(repo, "sop-audit.yaml"), "ruleset: [\n");
    await expect(session.run()).rejects.toThrow(/sop-audit.yaml/);
    writeFileSync(join(repo, "sop-audit.yaml"), good);
    const mended = await session.run();
    expect(mended.checked).toBe(0);
    expect(json(mended.result)).toBe(await fresh());
  });

  it("an edit made just now is compared by content on the next run (its stamps are not trusted yet)", async () => {
    const session = auditSession(options(), () => {});
    await session.run();
    appendFileSync(join(repo, SOP), "# opmerking\n");
    expect((await session.run()).checked).toBe(1);
    // Same content, stamps too new to store: read and hashed, and a hit.
    expect((await session.run()).checked).toBe(0);
  });

  it("trusts an edit's stamps once it is older than the run: from then on the school is not even listed", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const session = auditSession(options(), () => {});
    await session.run();
    appendFileSync(join(repo, SOP), "# opmerking\n");
    expect((await session.run()).checked).toBe(1);
    // Ten seconds on: the edit is older than the racy margin of this run, which stores its stamps.
    vi.setSystemTime(Date.now() + 10_000);
    expect((await session.run()).checked).toBe(0);
    const before = listings();
    expect((await session.run()).checked).toBe(0);
    expect(listings() - before).toBe(0);
  });

  it("keeps a cache file up to date with one record per run that changed something", async () => {
    const file = join(repo, "..", `${repo.split("/").pop()}.cache`);
    try {
      const session = auditSession({ ...options(), cache: file }, () => {});
      await session.run();
      const afterFirst = readFileSync(file).length;
      await session.run();
      expect(readFileSync(file).length).toBe(afterFirst);
      edit(SOP, "vaststelling:\n  datum: 2025-10-07", "vaststelling:\n  datum: 2015-10-07");
      await session.run();
      const afterEdit = readFileSync(file).length;
      expect(afterEdit).toBeGreaterThan(afterFirst);
      // Nothing changed since: nothing appended (the changes of a run are written once).
      await session.run();
      expect(readFileSync(file).length).toBe(afterEdit);

      // A new session (a new process) takes every school from the file.
      const next = await auditSession({ ...options(), cache: file }, () => {}).run();
      expect(next.checked).toBe(0);
      expect(json(next.result)).toBe(await fresh());
    } finally {
      rmSync(file, { force: true });
    }
  });
});
