/**
 * `--cache`: how a school is recognised as unchanged. First by the stamps of
 * its folder and files (size, mtime, inode: no reading), then by their
 * content; stamps of files changed just before a run are not trusted. The
 * file is a journal: a first record with everything, then a record per run
 * with what that run changed.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import * as load from "../../src/ruleset/load.js";
import * as school from "../../src/engine/school.js";
import { SchoolCache } from "../../src/engine/cache.js";
import { EXAMPLES, auditRepo } from "./helpers.js";
import { ageAll, records, writeRecords } from "./cache-file.js";

// Counts how often the ruleset is really loaded (layered and checked).
vi.mock("../../src/ruleset/load.js", async (original) => {
  const actual = await original<typeof import("../../src/ruleset/load.js")>();
  return { ...actual, loadRuleset: vi.fn(actual.loadRuleset) };
});
const loads = () => vi.mocked(load.loadRuleset).mock.calls.length;

// Counts how often a school folder is listed.
vi.mock("../../src/engine/school.js", async (original) => {
  const actual = await original<typeof import("../../src/engine/school.js")>();
  return { ...actual, listSchoolFiles: vi.fn(actual.listSchoolFiles) };
});
const listings = () => vi.mocked(school.listSchoolFiles).mock.calls.length;

const SCHOOL = "04BL00";
const FILE = `scholen/${SCHOOL}/sop-2025-2026.yaml`;
// Same length, so that only the content (and the mtime, which the test controls) differs.
const SET = "  datum: 2025-09-23";
const OLD = "  datum: 2015-09-23";

let repo: string;
let cacheFile: string;

/** The cache as this run reads it back. */
const readBack = (file: string) => new SchoolCache(file, { root: repo, lang: "nl" });

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
  // The test sets an SOP ten years back; this SWV still judges it by the SOP's law this year.
  writeFileSync(join(repo, "sop-audit.yaml"), `${readFileSync(join(repo, "sop-audit.yaml"), "utf8")}regime:\n  schoolgidsVanaf: 2026-08-01\n`);
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
    expect(await vaststellingFindings()).toEqual(["BO-09.03 21:10", "MKS-TO.09 21:10", "WET-01 21:10"]);
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
    expect(await vaststellingFindings()).toEqual(["BO-09.03 21:10", "MKS-TO.09 21:10", "WET-01 21:10"]);
  });
});

describe("--cache, as stored", () => {
  it("gives back the statuses as they were, shared between schools as they were", async () => {
    const fresh = await auditRepo(repo, { cache: cacheFile, detail: "check" });
    const cached = readBack(cacheFile);
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
    const [stored, ...more] = records(cacheFile);
    expect(more).toEqual([]);
    expect(stored!.statuses.length).toBeLessThan(fresh.schools.reduce((n, s) => n + s.statuses.length, 0) / 2);
    expect(stored!.entries[SCHOOL]!.checked.result.statuses).toBeInstanceOf(Uint32Array);
  });
  it("treats a file whose statuses do not match its table as no cache", async () => {
    const fresh = await auditRepo(repo, { cache: cacheFile, detail: "check" });
    const [stored] = records(cacheFile);
    stored!.statuses = stored!.statuses.slice(0, 1);
    // Sealed as sop-audit seals it: the digest matches, the content does not hold together.
    writeRecords(cacheFile, [stored!], repo);
    const again = await auditRepo(repo, { cache: cacheFile, detail: "check" });
    expect(again.schools.map((s) => s.statuses)).toEqual(fresh.schools.map((s) => s.statuses));
    // Checked again and stored whole.
    const written = records(cacheFile);
    expect(written).toHaveLength(1);
    expect(written[0]!.statuses.length).toBeGreaterThan(1);
  });

  it("does not grow from run to run: a school checked again gets the statuses the table already has", async () => {
    await auditRepo(repo, { cache: cacheFile, detail: "check" });
    const table = () => records(cacheFile)[0]!.statuses.length;
    const before = table();
    let appended = 0;
    let compacted = 0;
    for (let i = 0; i < 12; i++) {
      // A comment changes the content, not the statuses; only this file gets a new (trusted) mtime.
      const abs = join(repo, FILE);
      writeFileSync(abs, `${readFileSync(abs, "utf8")}# wijziging ${i}\n`);
      const when = new Date(Date.now() - 3600_000 + i * 1000);
      utimesSync(abs, when, when);
      const length = records(cacheFile).length;
      await auditRepo(repo, { cache: cacheFile, detail: "check" });
      const now = records(cacheFile);
      if (now.length > length) appended++;
      if (now.length === 1 && length > 1) compacted++;
      // Appended records hold the changed school only, with its own statuses.
      for (const r of now.slice(1)) expect(Object.keys(r.entries)).toEqual([SCHOOL]);
      expect(table()).toBe(before);
    }
    // Both happened: records were appended, and the file was written whole again when they had grown.
    expect(appended).toBeGreaterThan(1);
    expect(compacted).toBeGreaterThan(0);
  });
});

describe("--cache as a journal", () => {
  const cachedStatuses = (file: string, ids: string[]) => {
    const entries = (readBack(file) as unknown as { entries: Record<string, { checked: { result: { statuses: unknown[] } } }> }).entries;
    return ids.map((id) => entries[id]?.checked.result.statuses);
  };

  it("a run that changed one school appends a record with just that school, and reading it gives what a fresh check gives", async () => {
    await auditRepo(repo, { cache: cacheFile, detail: "check" });
    const first = readFileSync(cacheFile);
    edit(SET, OLD, new Date(Date.now() - 60_000));
    const changed = await auditRepo(repo, { cache: cacheFile, detail: "check" });
    const after = readFileSync(cacheFile);
    // The file as it was, and one record after it.
    expect(after.subarray(0, first.length).equals(first)).toBe(true);
    const list = records(cacheFile);
    expect(list).toHaveLength(2);
    expect(Object.keys(list[1]!.entries)).toEqual([SCHOOL]);
    const ids = changed.schools.map((s) => s.id);
    expect(cachedStatuses(cacheFile, ids)).toEqual(changed.schools.map((s) => s.statuses));
    // And the next run takes the changed school from the appended record.
    const again = await auditRepo(repo, { cache: cacheFile, detail: "check" });
    expect(again.schools).toEqual(changed.schools);
  });

  it("a removed school is written as removed, and stays gone", async () => {
    await auditRepo(repo, { cache: cacheFile, detail: "check" });
    rmSync(join(repo, "scholen", "07HK00"), { recursive: true });
    await auditRepo(repo, { cache: cacheFile, detail: "check" });
    const list = records(cacheFile);
    expect(list.at(-1)!.removed).toEqual(["07HK00"]);
    expect(readBack(cacheFile).has("07HK00")).toBe(false);
  });

  it("a short last record (a run that stopped while writing) is ignored, and the next save writes the file whole", async () => {
    const fresh = await auditRepo(repo, { cache: cacheFile, detail: "check" });
    edit(SET, OLD, new Date(Date.now() - 60_000));
    const changed = await auditRepo(repo, { cache: cacheFile, detail: "check" });
    const bytes = readFileSync(cacheFile);
    expect(records(cacheFile)).toHaveLength(2);
    // Cut the appended record short: the school is as the first record has it, so its content is compared again.
    writeFileSync(cacheFile, bytes.subarray(0, bytes.length - 10));
    const ids = fresh.schools.map((s) => s.id);
    expect(cachedStatuses(cacheFile, ids)).toEqual(fresh.schools.map((s) => s.statuses));
    const again = await auditRepo(repo, { cache: cacheFile, detail: "check" });
    expect(again.schools).toEqual(changed.schools);
    expect(records(cacheFile)).toHaveLength(1);
  });

  it("a file that is not a cache of this format is no cache, and is replaced", async () => {
    writeFileSync(cacheFile, "sop-audit cache 4\nwhatever");
    const fresh = await auditRepo(repo, { cache: cacheFile, detail: "check" });
    expect(records(cacheFile)).toHaveLength(1);
    expect(Object.keys(records(cacheFile)[0]!.entries).sort()).toEqual(fresh.schools.map((s) => s.id).sort());
  });
});

describe("--cache and the repository's input", () => {
  it("is never written on sop-audit.yaml or in a school folder: the run stops first, and the file stays as it was", async () => {
    const config = readFileSync(join(repo, "sop-audit.yaml"));
    await expect(auditRepo(repo, { cache: join(repo, "sop-audit.yaml") })).rejects.toThrow("de cache sop-audit.yaml is het configuratiebestand van het SWV: sop-audit schrijft nooit in zijn invoer");
    expect(readFileSync(join(repo, "sop-audit.yaml"))).toEqual(config);
    // A folder means the cache file in it.
    await expect(auditRepo(repo, { cache: join(repo, "scholen", SCHOOL) })).rejects.toThrow(`de cache scholen/${SCHOOL}/.sop-audit-cache ligt in de schoolmappen (scholen/)`);
    expect(readdirSync(join(repo, "scholen", SCHOOL)).filter((f) => f.includes("cache"))).toEqual([]);
  });
});

describe("--cache and the listing of school folders", () => {
  it("lists a folder again only when its stamp changed, and sees a file that came or went", async () => {
    const fresh = await auditRepo(repo, { cache: cacheFile, detail: "check" });
    const before = listings();
    expect(await auditRepo(repo, { cache: cacheFile, detail: "check" })).toEqual(fresh);
    expect(listings() - before).toBe(0);
    const files = (r: typeof fresh) => r.schools.find((s) => s.id === SCHOOL)!.documents.map((d) => d.file);
    expect(files(fresh)).toContain(FILE);
    // Renamed, and the folder's stamp set back: the stored listing still names the old file. That file
    // is gone, so the school is read from its folder, not from the listing.
    const folder = join(repo, "scholen", SCHOOL);
    const { atime, mtime } = statSync(folder);
    const moved = FILE.replace("sop-2025-2026", "sop-2025-2026-kopie");
    renameSync(join(repo, FILE), join(repo, moved));
    utimesSync(folder, atime, mtime);
    const renamed = await auditRepo(repo, { cache: cacheFile, detail: "check" });
    expect(listings() - before).toBe(0);
    expect(files(renamed)).toContain(moved);
    expect(files(renamed)).not.toContain(FILE);
    // A file removed: the folder has a new stamp and is listed again.
    rmSync(join(repo, moved));
    const without = await auditRepo(repo, { cache: cacheFile, detail: "check" });
    expect(listings() - before).toBe(1);
    expect(files(without)).not.toContain(moved);
  });
});

describe("--cache and schools that come and go", () => {
  it("a run of one school keeps the others' entries; a removed school loses its entry", async () => {
    await auditRepo(repo, { cache: cacheFile, detail: "check" });
    expect(readBack(cacheFile).has("07HK00")).toBe(true);
    await auditRepo(repo, { cache: cacheFile, detail: "check", schools: [SCHOOL] });
    expect(readBack(cacheFile).has("07HK00")).toBe(true);
    rmSync(join(repo, "scholen", "07HK00"), { recursive: true });
    await auditRepo(repo, { cache: cacheFile, detail: "check" });
    const after = readBack(cacheFile);
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
