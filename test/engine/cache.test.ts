/**
 * `--cache`: how a school is recognised as unchanged. First by the stamps of
 * its files (size, mtime, inode: no reading), then by their content; stamps
 * of files changed just before a run are not trusted.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as load from "../../src/ruleset/load.js";
import { SchoolCache } from "../../src/engine/cache.js";
import { EXAMPLES, auditRepo } from "./helpers.js";

// Counts how often the ruleset is really loaded (layered and checked).
vi.mock("../../src/ruleset/load.js", async (original) => {
  const actual = await original<typeof import("../../src/ruleset/load.js")>();
  return { ...actual, loadRuleset: vi.fn(actual.loadRuleset) };
});
const loads = () => vi.mocked(load.loadRuleset).mock.calls.length;

const SCHOOL = "04BL00";
const FILE = `scholen/${SCHOOL}/sop-2025-2026.yaml`;
// Same length, so that only the content (and the mtime, which the test controls) differs.
const SET = "  datum: 2025-09-23";
const OLD = "  datum: 2015-09-23";

let repo: string;
let cacheFile: string;

/** Every file an hour old: stamps taken now can be trusted. */
function ageAll(dir: string, seconds = 3600): void {
  const when = new Date(Date.now() - seconds * 1000);
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) utimesSync(join(e.parentPath, e.name), when, when);
  }
}

function edit(from: string, to: string, mtime?: Date): void {
  const abs = join(repo, FILE);
  const text = readFileSync(abs, "utf8");
  expect(text).toContain(from);
  writeFileSync(abs, text.replace(from, to));
  if (mtime) utimesSync(abs, mtime, mtime);
}

const vaststellingFindings = async () =>
  (await auditRepo(repo, { cache: cacheFile, detail: "check" })).schools
    .find((s) => s.id === SCHOOL)!
    .findings.filter((f) => f.file === FILE && f.path === "vaststelling.datum")
    .map((f) => `${f.ruleId} ${f.range.line}:${f.range.column}`);

beforeEach(() => {
  const tmp = mkdtempSync(join(tmpdir(), "sop-cache-"));
  repo = join(tmp, "repo");
  cacheFile = join(tmp, "cache");
  cpSync(join(EXAMPLES, "swv-meierij-po"), repo, { recursive: true });
  ageAll(repo);
});

afterEach(() => rmSync(join(repo, ".."), { recursive: true, force: true }));

describe("--cache", () => {
  it("trusts unchanged stamps without reading the files", async () => {
    expect(await vaststellingFindings()).toEqual([]);
    const before = statSync(join(repo, FILE));
    // An edit that keeps size, inode and (set back) mtime is invisible to the stamps:
    // this proves the files were not read. (A real edit changes the mtime.)
    edit(SET, OLD, before.mtime);
    expect(await vaststellingFindings()).toEqual([]);
    // With a new mtime the content is compared, and the change is seen.
    utimesSync(join(repo, FILE), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    expect(await vaststellingFindings()).toEqual(["BO-09.03 20:10", "MKS-TO.09 20:10", "WET-01 20:10"]);
  });

  it("a new mtime with the same content is a hit, and the cache learns the new stamps", async () => {
    const fresh = await auditRepo(repo, { cache: cacheFile, detail: "check" });
    ageAll(repo, 1800);
    const filled = readFileSync(cacheFile);
    const again = await auditRepo(repo, { cache: cacheFile, detail: "check" });
    expect(again.schools).toEqual(fresh.schools);
    // Rewritten with the new stamps.
    expect(readFileSync(cacheFile).equals(filled)).toBe(false);
    // A third run finds everything by stamps and does not write the cache.
    const third = statSync(cacheFile).mtimeMs;
    await auditRepo(repo, { cache: cacheFile, detail: "check" });
    expect(statSync(cacheFile).mtimeMs).toBe(third);
  });

  it("does not trust the stamps of a file changed just before the run", async () => {
    // Changed "now": its stamps are not stored, so a same-size edit with the same mtime is still seen.
    const now = new Date();
    edit(SET, SET, now);
    expect(await vaststellingFindings()).toEqual([]);
    edit(SET, OLD, now);
    expect(await vaststellingFindings()).toEqual(["BO-09.03 20:10", "MKS-TO.09 20:10", "WET-01 20:10"]);
  });
});

describe("--cache, as stored", () => {
  it("gives back the statuses as they were, shared between schools as they were", async () => {
    const fresh = await auditRepo(repo, { cache: cacheFile, detail: "check" });
    const cached = new SchoolCache(cacheFile);
    const entries = (cached as unknown as { entries: Record<string, { checked: { result: { statuses: unknown[] } } }> }).entries;
    const statuses = fresh.schools.map((s) => entries[s.id]!.checked.result.statuses);
    expect(statuses).toEqual(fresh.schools.map((s) => s.statuses));
    // Where two schools shared a status object, they share one again.
    let shared = 0;
    fresh.schools.forEach((s, a) =>
      fresh.schools.forEach((t, b) => {
        if (a >= b) return;
        s.statuses.forEach((st, i) => {
          if (st !== t.statuses[i]) return;
          shared++;
          expect(statuses[a]![i]).toBe(statuses[b]![i]);
        });
      }),
    );
    expect(shared).toBeGreaterThan(100);
    // The file holds the statuses once, as a table, and per school a typed array of indexes into it.
    const stored = deserialize(readFileSync(cacheFile)) as { statuses: unknown[]; entries: Record<string, { checked: { result: { statuses: unknown } } }> };
    expect(stored.statuses.length).toBeLessThan(fresh.schools.reduce((n, s) => n + s.statuses.length, 0) / 2);
    expect(stored.entries[SCHOOL]!.checked.result.statuses).toBeInstanceOf(Uint32Array);
  });
  it("treats a file whose statuses do not match its table as no cache", async () => {
    const fresh = await auditRepo(repo, { cache: cacheFile, detail: "check" });
    const stored = deserialize(readFileSync(cacheFile)) as { statuses: unknown[] };
    stored.statuses = stored.statuses.slice(0, 1);
    writeFileSync(cacheFile, serialize(stored));
    const again = await auditRepo(repo, { cache: cacheFile, detail: "check" });
    expect(again.schools.map((s) => s.statuses)).toEqual(fresh.schools.map((s) => s.statuses));
    // Checked again and stored whole.
    expect((deserialize(readFileSync(cacheFile)) as { statuses: unknown[] }).statuses.length).toBeGreaterThan(1);
  });

  it("does not grow from run to run: a school checked again gets the statuses the table already has", async () => {
    await auditRepo(repo, { cache: cacheFile, detail: "check" });
    const table = () => (deserialize(readFileSync(cacheFile)) as { statuses: unknown[] }).statuses.length;
    const before = table();
    for (let i = 0; i < 3; i++) {
      // A comment changes the content, not the statuses.
      writeFileSync(join(repo, FILE), `${readFileSync(join(repo, FILE), "utf8")}# wijziging ${i}\n`);
      ageAll(repo);
      await auditRepo(repo, { cache: cacheFile, detail: "check" });
      expect(table()).toBe(before);
    }
  });
});

describe("--cache and schools that come and go", () => {
  it("a run of one school keeps the others' entries; a removed school loses its entry", async () => {
    await auditRepo(repo, { cache: cacheFile, detail: "check" });
    expect(new SchoolCache(cacheFile).has("07HK00")).toBe(true);
    await auditRepo(repo, { cache: cacheFile, detail: "check", schools: [SCHOOL] });
    expect(new SchoolCache(cacheFile).has("07HK00")).toBe(true);
    rmSync(join(repo, "scholen", "07HK00"), { recursive: true });
    await auditRepo(repo, { cache: cacheFile, detail: "check" });
    const after = new SchoolCache(cacheFile);
    expect(after.has("07HK00")).toBe(false);
    expect(after.has(SCHOOL)).toBe(true);
  });
});

describe("--cache and the ruleset", () => {
  it("is loaded once while its files and sop-audit.yaml stay the same", async () => {
    const before = loads();
    const first = await auditRepo(repo, { cache: cacheFile, detail: "check" });
    const second = await auditRepo(repo, { cache: cacheFile, detail: "check" });
    expect(loads() - before).toBe(1);
    expect(second.repo.rulesetHash).toBe(first.repo.rulesetHash);
    expect(second.schools).toEqual(first.schools);
  });

  it("is loaded again when sop-audit.yaml changes, and the change counts", async () => {
    await auditRepo(repo, { cache: cacheFile, detail: "check" });
    const config = join(repo, "sop-audit.yaml");
    const text = readFileSync(config, "utf8");
    expect(text).toContain("  profile: meierij-po\n");
    writeFileSync(config, text.replace("  profile: meierij-po\n", "  profile: meierij-po\n  rules:\n    WET-01: { severity: error }\n    BO-09.03: { severity: off }\n"));
    const before = loads();
    const changed = await auditRepo(repo, { cache: cacheFile, detail: "check" });
    expect(loads() - before).toBe(1);
    expect(changed.rules.find((r) => r.id === "BO-09.03")?.severity).toBe("off");
  });

  it("a ruleset with errors is not kept: the next run reports them again", async () => {
    const config = join(repo, "sop-audit.yaml");
    writeFileSync(config, readFileSync(config, "utf8").replace("  profile: meierij-po\n", "  profile: meierij-po\n  rules:\n    BO-09.3: { severity: off }\n"));
    ageAll(repo);
    for (let i = 0; i < 2; i++) {
      await expect(auditRepo(repo, { cache: cacheFile, detail: "check" })).rejects.toThrow(/regelset/i);
    }
  });
});
