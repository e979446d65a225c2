/**
 * An output, report folder or cache that cannot be written is a usage
 * problem (exit 2) with a message that says why and what to do, in the
 * run's language: never an internal error with a stack trace.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AS_NOBODY } from "./as-nobody.js";
import { NO_BLOCK_DEVICE, safeBlockDevice } from "./block-device.js";
import { runInProcess } from "./in-process.js";
import { BIN, hasStackTrace, ROOT, run } from "./run.js";

let repo: string;
let aFile: string;

beforeAll(() => {
  const tmp = mkdtempSync(join(tmpdir(), "sop-audit-unwritable-"));
  repo = join(tmp, "repo");
  cpSync(join(ROOT, "test/fixtures/clean"), repo, { recursive: true });
  // A file where a folder would have to be.
  aFile = join(tmp, "een-bestand");
  writeFileSync(aFile, "x");
});
afterAll(() => rmSync(join(repo, ".."), { recursive: true, force: true }));

const REASON = "een deel van het pad is een bestand, geen map";
const HINT = "  Kies een plek waar je mag schrijven (een map, geen bestand), of maak ruimte vrij.\n";

describe("an output that cannot be written", () => {
  it("check --output: exit 2, why and what to do", () => {
    const r = run(["check", "--format", "json", "--output", join(aFile, "uit.json"), "--fail-on", "never"], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`sop-audit: kan ${join(aFile, "uit.json")} niet schrijven: ${REASON}\n${HINT}`);
  });

  it("check --cache-location, in English with --lang en", () => {
    const r = run(["check", "--cache", "--cache-location", join(aFile, "cache"), "--lang", "en"], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`sop-audit: cannot write ${join(aFile, "cache")}: part of the path is a file, not a folder\n  Choose a place you may write to (a folder, not a file), or free up space.\n`);
  });

  it("report --out and coverage --output", () => {
    const report = run(["report", "--out", join(aFile, "rapporten"), "--format", "md"], { cwd: repo });
    expect(report.code).toBe(2);
    expect(report.stderr).toContain(`sop-audit: kan ${join(aFile, "rapporten", "overzicht.md")} niet schrijven: ${REASON}\n${HINT}`);
    const coverage = run(["coverage", "--output", join(aFile, "dekking.csv")], { cwd: repo });
    expect(coverage.code).toBe(2);
    expect(coverage.stderr).toBe(`sop-audit: kan ${join(aFile, "dekking.csv")} niet schrijven: ${REASON}\n${HINT}`);
    for (const r of [report, coverage]) expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe.runIf(process.platform === "linux")("a place that is no place for files: exit 2 before anything is made", () => {
  // Never made, should the refusal fail: removed again all the same.
  const inDev = join("/dev", `sop-audit-test-${process.pid}.csv`);
  afterAll(() => rmSync(inDev, { force: true }));
  const SYSTEM = "ligt op een bestandssysteem van het systeem zelf (zoals /proc of /sys), niet een voor bestanden";

  it("check --output under /proc (where a recursive mkdir spins) and report --out under /sys", async () => {
    const check = await runInProcess(["check", "--format", "json", "--output", "/proc/1/geen-map/uit.json", "--fail-on", "never"], { cwd: repo });
    expect(check.code).toBe(2);
    expect(check.stderr).toBe(`sop-audit: kan /proc/1/geen-map/uit.json niet schrijven: /proc/1 ${SYSTEM}\n${HINT}`);
    const report = await runInProcess(["report", "--out", "/sys/rapporten", "--format", "md", "--lang", "en"], { cwd: repo });
    expect(report.code).toBe(2);
    expect(report.stderr).toContain(
      "sop-audit: cannot write /sys/rapporten/overzicht.md: /sys is on a file system of the system itself (like /proc or /sys), not one for files\n",
    );
  });

  it("coverage --output: a new file in /dev, or one inside a device", async () => {
    const inDevRun = await runInProcess(["coverage", "--output", inDev], { cwd: repo });
    expect(inDevRun.code).toBe(2);
    expect(inDevRun.stderr).toBe(`sop-audit: kan ${inDev} niet schrijven: in /dev staan apparaten: sop-audit schrijft daar alleen naar een bestaand apparaat, zoals /dev/null of /dev/stdout\n${HINT}`);
    expect(existsSync(inDev)).toBe(false);
    const inDevice = await runInProcess(["coverage", "--output", "/dev/null/dekking.csv"], { cwd: repo });
    expect(inDevice.code).toBe(2);
    expect(inDevice.stderr).toBe(`sop-audit: kan /dev/null/dekking.csv niet schrijven: /dev/null is een apparaat, geen map of bestand\n${HINT}`);
  });

  it("an existing character device is still written to: coverage --output /dev/null", async () => {
    const r = await runInProcess(["coverage", "--format", "csv", "--output", "/dev/null"], { cwd: repo });
    expect(r.code).toBe(0);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  const devices = mkdtempSync(join(tmpdir(), "sop-audit-blok-"));
  afterAll(() => rmSync(devices, { recursive: true, force: true }));
  const block = safeBlockDevice(devices);
  it.skipIf(block === undefined)(`a block device${block === undefined ? NO_BLOCK_DEVICE : ""}`, async () => {
    const r = await runInProcess(["check", "--format", "json", "--output", block!, "--fail-on", "never"], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`sop-audit: kan ${block} niet schrijven: ${block} is een apparaat, geen map of bestand\n${HINT}`);
  });
});

describe.runIf(process.platform !== "win32" && AS_NOBODY !== undefined)("a folder one may not write to", () => {
  it("report --out: exit 2, no permission, in the run's language", () => {
    const place = mkdtempSync(join(tmpdir(), "sop-audit-alleen-lezen-"));
    const own = join(place, "repo");
    cpSync(join(ROOT, "test/fixtures/clean"), own, { recursive: true });
    const locked = join(place, "dicht");
    mkdirSync(locked);
    chmodSync(locked, 0o555);
    // Nobody must reach the repository and the folder.
    chmodSync(place, 0o755);
    try {
      const args = ["report", "--out", join(locked, "rapporten"), "--format", "md", "--lang", "en"];
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: own, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, ...AS_NOBODY });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`sop-audit: cannot write ${join(locked, "rapporten", "overzicht.md")}: no permission to write there\n  Choose a place you may write to (a folder, not a file), or free up space.\n`);
      expect(hasStackTrace(r.stderr)).toBe(false);
      expect(readdirSync(locked)).toEqual([]);
    } finally {
      chmodSync(locked, 0o755);
      rmSync(place, { recursive: true, force: true });
    }
  });
});

describe("temporary files of a run that was killed half-way", () => {
  it("are removed by the next report into the folder; a live run's are kept", async () => {
    const out = join(repo, "..", "rapporten-na-kill");
    mkdirSync(out);
    // A process id that no process has any more: a child's that has ended.
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid!;
    const stale = [`overzicht.md.${dead}.tmp`, `school-12AB00.md.${dead}.tmp`];
    const kept = [`overzicht.html.${process.pid}.tmp`, `dekkend-aanbod.md.${process.ppid}.tmp`, "eigen.tmp"];
    for (const name of [...stale, ...kept]) writeFileSync(join(out, name), "half");
    const r = await runInProcess(["report", "--out", out, "--format", "md"], { cwd: repo });
    expect(r.code).toBe(0);
    const left = readdirSync(out);
    for (const name of stale) expect(left).not.toContain(name);
    for (const name of kept) expect(left).toContain(name);
    expect(left).toContain("overzicht.md");
  });
});
