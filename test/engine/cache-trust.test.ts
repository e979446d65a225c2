/**
 * `--cache` is checked, not trusted: a planted, damaged or foreign cache
 * file, or a cache path that is a FIFO, a device or a folder, is reported in
 * one line on stderr and never changes what a run reports; a file that can
 * be written is written anew and valid. Runs go through the CLI in process.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditSession } from "../../src/audit/audit.js";
import { TOOL_VERSION } from "../../src/core/version.js";
import { MAX_CACHE_BYTES } from "../../src/engine/cache.js";
import { runInProcess, type InProcessRun } from "../cli/in-process.js";
import { EXAMPLES, editFile } from "./helpers.js";
import { ageAll, HEAD, isValidCache, rawRecords, records, writeRecords, type StoredRecord } from "./cache-file.js";

const SOP = "scholen/04BL00/sop-2025-2026.yaml";

let tmp: string;
let repo: string;
let cacheFile: string;

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), "sop-cache-trust-"));
  repo = join(tmp, "repo");
  cacheFile = join(tmp, "cache");
  cpSync(join(EXAMPLES, "swv-meierij-po"), repo, { recursive: true });
  ageAll(repo);
});

afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const check = (dir: string, extra: string[] = []) => runInProcess(["check", "-C", dir, "--format", "json", ...extra]);
const cached = (dir = repo, file = cacheFile, extra: string[] = []) => check(dir, ["--cache-location", file, ...extra]);
const warnings = (r: InProcessRun) => r.stderr.split("\n").filter((l) => l !== "");

/** The run reports what a run without cache reports, and says once, in one line, why the cache was not used. */
async function expectIgnored(r: InProcessRun, line: string, dir = repo): Promise<void> {
  const plain = await check(dir);
  expect(r.stdout).toBe(plain.stdout);
  expect(r.code).toBe(plain.code);
  expect(warnings(r)).toEqual([line]);
}

/** ...and the cache was written anew: valid for this repository, used by the next run without a word. */
async function expectRebuilt(dir = repo, file = cacheFile): Promise<void> {
  expect(isValidCache(file, dir)).toBe(true);
  const next = await cached(dir, file);
  expect(next.stderr).toBe("");
  expect(next.stdout).toBe((await check(dir)).stdout);
}

const rebuilt = (reason: string, file = cacheFile) => `sop-audit: de cache ${file} wordt niet gebruikt maar opnieuw opgebouwd: ${reason}`;
const unused = (reason: string, file = cacheFile) => `sop-audit: de cache ${file} wordt niet gebruikt en niet geschreven: ${reason}`;
const CHECKSUM = "de controlesom klopt niet: het bestand is beschadigd, gewijzigd of voor een andere repository geschreven";

/** A valid cache of the repository, and the id of a school it holds findings for. */
async function filledCache(): Promise<{ list: StoredRecord[]; id: string }> {
  expect((await cached()).stderr).toBe("");
  const list = records(cacheFile);
  const id = Object.keys(list[0]!.entries).find((s) => list[0]!.entries[s]!.checked.result.findings.length > 0)!;
  return { list, id };
}

const sha256 = (...parts: Uint8Array[]) => parts.reduce((h, p) => h.update(p), createHash("sha256")).digest();

describe("a planted cache", () => {
  // Each hides every finding of one school, under a checksum made without the repository's real path.
  it.each([
    ["a plain SHA-256 of the record", (bodies: Buffer[]) => bodies.map((b) => sha256(b))],
    ["the digest chained over the first line, without the repository", (bodies: Buffer[]) => bodies.map((b) => sha256(Buffer.from(HEAD), b))],
  ])("an edited result sealed with %s is not used", async (_, digestsOf) => {
    const { list, id } = await filledCache();
    list[0]!.entries[id]!.checked.result.findings = [];
    writeRecords(cacheFile, list, repo, digestsOf);
    await expectIgnored(await cached(), rebuilt(CHECKSUM));
    await expectRebuilt();
  });

  it("would hide findings if it were trusted: sealed with what the run knows, it is (the cache is trusted as much as its folder)", async () => {
    const { list, id } = await filledCache();
    list[0]!.entries[id]!.checked.result.findings = [];
    writeRecords(cacheFile, list, repo);
    const r = await cached();
    expect(r.stderr).toBe("");
    expect(r.stdout).not.toBe((await check(repo)).stdout);
  });

  it("a cache copied from another repository, whose schools have other findings, is not used", async () => {
    const other = join(tmp, "other");
    cpSync(repo, other, { recursive: true });
    editFile(other, SOP, "  datum: 2025-09-23", "  datum: 2015-09-23");
    const otherCache = join(tmp, "other-cache");
    await filledCache();
    cpSync(cacheFile, otherCache);
    await expectIgnored(await cached(other, otherCache), rebuilt(CHECKSUM, otherCache), other);
    expect((await check(other)).stdout).not.toBe((await check(repo)).stdout);
    await expectRebuilt(other, otherCache);
  });

  it("an entry can only give the result of the school it is stored under, even in a cache sealed as sop-audit seals it", async () => {
    const { list, id } = await filledCache();
    const entries = list[0]!.entries;
    const another = Object.keys(entries).find((s) => s !== id)!;
    // The school's entry holds another school's result: trusted, it would report that school twice and this one not at all.
    entries[id]!.checked = entries[another]!.checked;
    writeRecords(cacheFile, list, repo);
    const r = await cached();
    expect(r.stdout).toBe((await check(repo)).stdout);
    expect(r.stderr).toBe("");
    const ids = (JSON.parse(r.stdout) as { schools: { id: string }[] }).schools.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe("a damaged cache", () => {
  it("a flipped byte in the first record", async () => {
    await filledCache();
    const bytes = readFileSync(cacheFile);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    writeFileSync(cacheFile, bytes);
    await expectIgnored(await cached(), rebuilt(CHECKSUM));
    await expectRebuilt();
  });

  it("a flipped byte in an appended record", async () => {
    await filledCache();
    writeFileSync(join(repo, SOP), `${readFileSync(join(repo, SOP), "utf8")}# gewijzigd\n`);
    await cached();
    expect(rawRecords(cacheFile)).toHaveLength(2);
    const bytes = readFileSync(cacheFile);
    bytes[bytes.length - 5]! ^= 0x01;
    writeFileSync(cacheFile, bytes);
    await expectIgnored(await cached(), rebuilt(CHECKSUM));
    await expectRebuilt();
  });

  it("random bytes", async () => {
    writeFileSync(cacheFile, createHash("sha512").update("ruis").digest());
    await expectIgnored(await cached(), rebuilt("het is geen cachebestand van sop-audit"));
    await expectRebuilt();
  });

  it("cut short in its first record", async () => {
    await filledCache();
    const bytes = readFileSync(cacheFile);
    writeFileSync(cacheFile, bytes.subarray(0, bytes.length - 100));
    await expectIgnored(await cached(), rebuilt("het bestand is beschadigd of afgebroken"));
    await expectRebuilt();
  });

  it("cut short in an appended record, as a run stopped while appending leaves it: the records before it are used, without a word", async () => {
    await filledCache();
    writeFileSync(join(repo, SOP), `${readFileSync(join(repo, SOP), "utf8")}# gewijzigd\n`);
    await cached();
    const bytes = readFileSync(cacheFile);
    writeFileSync(cacheFile, bytes.subarray(0, bytes.length - 10));
    const r = await cached();
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe((await check(repo)).stdout);
    // Written whole again.
    expect(rawRecords(cacheFile)).toHaveLength(1);
    await expectRebuilt();
  });

  it("is reported in English with --lang en", async () => {
    writeFileSync(cacheFile, `${HEAD}garbage`);
    const r = await cached(repo, cacheFile, ["--lang", "en"]);
    expect(r.stdout).toBe((await check(repo, ["--lang", "en"])).stdout);
    expect(warnings(r)).toEqual([`sop-audit: the cache ${cacheFile} is not used but rebuilt: the file is damaged or cut short`]);
  });
});

describe("a foreign file", () => {
  it.each([
    ["another tool's cache", '[{"/src/index.js":"1"}]', "het is geen cachebestand van sop-audit"],
    ["another format", "sop-audit cache 5\n\u0000\u0000\u0000\u0000", "het is een cache in formaat 5; deze versie gebruikt formaat 6"],
    ["another version", "sop-audit cache 6 0.0.9\n\u0000\u0000\u0000\u0000", `hij is geschreven door sop-audit 0.0.9; dit is ${TOOL_VERSION}`],
  ])("%s is not used", async (_, content, reason) => {
    writeFileSync(cacheFile, content);
    await expectIgnored(await cached(), rebuilt(reason));
    await expectRebuilt();
  });
});

describe("a cache path that is no file is neither read nor written, and never waited on", () => {
  it("a FIFO", async () => {
    execFileSync("mkfifo", [cacheFile]);
    await expectIgnored(await cached(), unused("het is een pijp (FIFO), geen bestand"));
    expect(lstatSync(cacheFile).isFIFO()).toBe(true);
  });

  it("a symbolic link to /dev/zero", async () => {
    symlinkSync("/dev/zero", cacheFile);
    await expectIgnored(await cached(), unused("het is een apparaat, geen bestand"));
    expect(readlinkSync(cacheFile)).toBe("/dev/zero");
  });

  it("a folder where the cache file would be", async () => {
    // A folder given is where the cache file goes; here the file in it is a folder too.
    mkdirSync(join(cacheFile, ".sop-audit-cache", ".sop-audit-cache"), { recursive: true });
    const file = join(cacheFile, ".sop-audit-cache", ".sop-audit-cache");
    await expectIgnored(await cached(), unused("het is een map, geen bestand", file));
    expect(statSync(file).isDirectory()).toBe(true);
  });

  it("--watch says so once, not at every round", async () => {
    execFileSync("mkfifo", [cacheFile]);
    const said: string[] = [];
    const session = auditSession({ cwd: repo, repo: ".", cache: cacheFile, jobs: 1, detail: "check", warn: (line) => said.push(line) }, () => {});
    await session.run();
    writeFileSync(join(repo, SOP), `${readFileSync(join(repo, SOP), "utf8")}# gewijzigd\n`);
    await session.run();
    expect(said).toEqual([unused("het is een pijp (FIFO), geen bestand").replace("sop-audit: ", "")]);
  });
});

describe("a cache file that is too large", () => {
  it("is not read, and is written anew", async () => {
    // Sparse: no disk space used.
    writeFileSync(cacheFile, "");
    truncateSync(cacheFile, MAX_CACHE_BYTES + 1);
    await expectIgnored(await cached(), rebuilt(`het is ${MAX_CACHE_BYTES + 1} bytes, meer dan de grens van ${MAX_CACHE_BYTES} bytes voor een cache`));
    await expectRebuilt();
  });
});
