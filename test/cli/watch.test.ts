/**
 * `sop-audit check --watch` as a person runs it: the outputs of every run,
 * a line on stderr after each, only the changed school checked again, and
 * Ctrl-C ending with the exit code of the last run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BIN, hasStackTrace, run } from "./run.js";
import { EXAMPLES, editFile } from "../engine/helpers.js";

let repo: string;
let child: ChildProcess | undefined;

beforeEach(() => {
  repo = mkdtempSync(join(tmpdir(), "sop-watch-cli-"));
  cpSync(join(EXAMPLES, "swv-vo-2203"), repo, { recursive: true });
  // The edits below set an SOP ten years back; this SWV still judges it by the SOP's law this year.
  writeFileSync(join(repo, "sop-audit.yaml"), `${readFileSync(join(repo, "sop-audit.yaml"), "utf8")}regime:\n  schoolgidsVanaf: 2026-08-01\n`);
});
afterEach(() => {
  child?.kill("SIGKILL");
  child = undefined;
  rmSync(repo, { recursive: true, force: true });
});

interface Watching {
  /** Resolves when stderr has shown `count` lines that match. */
  lines(pattern: RegExp, count: number): Promise<string[]>;
  stdout(): string;
  stderr(): string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal: NodeJS.Signals): Promise<number | null>;
  /** Resolves with the signal that ended the process, if one did. */
  killedBy(): Promise<NodeJS.Signals | null>;
}

function watch(args: string[]): Watching {
  const proc = spawn(process.execPath, [BIN, "check", "--watch", ...args], { cwd: repo, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "" } });
  child = proc;
  let out = "";
  let err = "";
  const listeners = new Set<() => void>();
  proc.stdout.setEncoding("utf8").on("data", (t: string) => (out += t));
  proc.stderr.setEncoding("utf8").on("data", (t: string) => {
    err += t;
    for (const l of listeners) l();
  });
  let ended: NodeJS.Signals | null = null;
  const exited = new Promise<number | null>((resolve) =>
    proc.on("exit", (code, signal) => {
      ended = signal;
      resolve(code);
    }),
  );
  return {
    lines: (pattern, count) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = err.split("\n").filter((l) => pattern.test(l));
          if (found.length >= count) {
            listeners.delete(check);
            resolve(found);
          }
        };
        listeners.add(check);
        void exited.then((code) => reject(new Error(`check --watch ended (exit ${code}) before ${count} lines matched ${pattern}:\n${err}`)));
        check();
      }),
    stdout: () => out,
    stderr: () => err,
    stop: (signal) => {
      proc.kill(signal);
      return exited;
    },
    killedBy: async () => {
      await exited;
      return ended;
    },
  };
}

const RAN = /^sop-audit --watch: (\d+) van de (\d+) scholen getoetst; wacht op wijzigingen \(Ctrl-C stopt\)$/;
const RAN_EN = /^sop-audit --watch: checked \d+ of 8 schools; waiting for changes \(Ctrl-C stops\)$/;
const SOP = "scholen/02KP00/sop-2025-2026.yaml";
/** The entry a vaststelling date ten years back gives (the edit below), in English: the law, the SWV and its catalogs judge it. */
const OLD_SOP = "  21:10   error  vaststelling.datum: 5 rules\n";

const edit = (file: string, from: string, to: string) => editFile(repo, file, from, to);

/** Resolves with `count()` once it has stayed the same for `ms`; fails after ten seconds. */
async function steady(count: () => number, ms: number): Promise<number> {
  const deadline = Date.now() + 10_000;
  let last = count();
  let since = Date.now();
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
    if (count() !== last) [last, since] = [count(), Date.now()];
    else if (Date.now() - since >= ms) return last;
  }
  throw new Error(`still changing after ten seconds (now ${last})`);
}

describe("check --watch", () => {
  it("checks again after a save, only the school that changed, and Ctrl-C ends with the last run's exit code", async () => {
    const w = watch(["--format", "json", "--output", "uit.json", "--fail-on", "error"]);
    expect(await w.lines(RAN, 1)).toEqual(["sop-audit --watch: 8 van de 8 scholen getoetst; wacht op wijzigingen (Ctrl-C stopt)"]);
    const first = readFileSync(join(repo, "uit.json"), "utf8");

    edit(SOP, "vaststelling:\n  datum: 2025-10-07", "vaststelling:\n  datum: 2015-10-07");
    const lines = await w.lines(RAN, 2);
    expect(lines[1]).toBe("sop-audit --watch: 1 van de 8 scholen getoetst; wacht op wijzigingen (Ctrl-C stopt)");
    const second = readFileSync(join(repo, "uit.json"), "utf8");
    expect(second).not.toBe(first);
    // The file a one-off check writes for the same files, byte for byte.
    expect(run(["check", "--format", "json", "--output", "eenmalig.json"], { cwd: repo }).code).toBe(1);
    expect(second).toBe(readFileSync(join(repo, "eenmalig.json"), "utf8"));
    expect(w.stderr().split("\n").filter((l) => l === "json → uit.json")).toHaveLength(2);

    expect(await w.stop("SIGINT")).toBe(1);
    expect(hasStackTrace(w.stderr())).toBe(false);
  });

  it("prints the findings of every run; SIGTERM ends it too, with 0 when nothing fails", async () => {
    const w = watch(["--fail-on", "never", "--lang", "en"]);
    await w.lines(/^sop-audit --watch: checked 8 of 8 schools; waiting for changes \(Ctrl-C stops\)$/, 1);
    expect(w.stdout()).not.toContain(OLD_SOP);
    edit(SOP, "vaststelling:\n  datum: 2025-10-07", "vaststelling:\n  datum: 2015-10-07");
    await w.lines(/^sop-audit --watch: checked 1 of 8 schools/, 1);
    // stdout and stderr are two pipes: what was printed before the line may still be on its way.
    await expect.poll(() => w.stdout()).toContain(`scholen/02KP00/sop-2025-2026.yaml\n${OLD_SOP}`);
    expect(await w.stop("SIGTERM")).toBe(0);
  });

  it("goes on when the schools folder is replaced by another (git checkout, a sync tool): an edit in the new one is checked", async () => {
    const w = watch(["--fail-on", "never", "--lang", "en"]);
    await w.lines(RAN_EN, 1);
    renameSync(join(repo, "scholen"), join(repo, "scholen.oud"));
    mkdirSync(join(repo, "scholen"));
    cpSync(join(repo, "scholen.oud"), join(repo, "scholen"), { recursive: true });
    const runs = () => w.stderr().split("\n").filter((l) => RAN_EN.test(l)).length;
    await expect.poll(runs, { timeout: 10_000 }).toBeGreaterThan(1);
    // The replacement is a burst that may start more than one run: the edit comes after the last.
    const seen = await steady(runs, 300);

    const before = w.stdout().length;
    edit(SOP, "vaststelling:\n  datum: 2025-10-07", "vaststelling:\n  datum: 2015-10-07");
    await expect.poll(runs, { timeout: 10_000 }).toBeGreaterThan(seen);
    await expect.poll(() => w.stdout().slice(before), { timeout: 10_000 }).toContain(`scholen/02KP00/sop-2025-2026.yaml\n${OLD_SOP}`);
    // The old folder is no input any more: an edit there starts no run.
    const after = await steady(runs, 300);
    editFile(repo, "scholen.oud/02KP00/sop-2025-2026.yaml", "datum: 2025-09-23", "datum: 2015-09-23");
    expect(await steady(runs, 300)).toBe(after);
    expect(await w.stop("SIGINT")).toBe(0);
  });

  it("a broken sop-audit.yaml mid-watch is reported without a stack trace; mended, the watch goes on", async () => {
    const w = watch(["--fail-on", "never"]);
    await w.lines(RAN, 1);
    const good = readFileSync(join(repo, "sop-audit.yaml"), "utf8");
    writeFileSync(join(repo, "sop-audit.yaml"), "ruleset: [\n");
    expect(await w.lines(/^sop-audit --watch: de toets mislukte; wacht op wijzigingen \(Ctrl-C stopt\)$/, 1)).toHaveLength(1);
    expect(w.stderr()).toMatch(/sop-audit: .*sop-audit\.yaml/);
    expect(hasStackTrace(w.stderr())).toBe(false);

    // Stopped while broken: the exit code of a configuration problem.
    writeFileSync(join(repo, "sop-audit.yaml"), good);
    await w.lines(RAN, 2);
    writeFileSync(join(repo, "sop-audit.yaml"), "ruleset: [\n");
    await w.lines(/de toets mislukte/, 2);
    expect(await w.stop("SIGINT")).toBe(2);
  });

  it("Ctrl-C during the first run ends the process at once, as it ends a check without --watch", async () => {
    // Ninety more schools: the first run takes most of a second, a signal after 0.4 s comes while it runs.
    for (let i = 10; i < 100; i++) cpSync(join(repo, "scholen/02KP00"), join(repo, `scholen/${i}XX00`), { recursive: true });
    const w = watch([]);
    await new Promise((r) => setTimeout(r, 400));
    void w.stop("SIGINT");
    expect(await w.killedBy()).toBe("SIGINT");
    expect(w.stderr()).not.toContain("--watch:");
  });

  it("a repository that cannot be checked is not watched: the error and exit 2 at once", () => {
    writeFileSync(join(repo, "sop-audit.yaml"), "ruleset: [\n");
    const r = run(["check", "--watch"], { cwd: repo });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sop-audit: .*sop-audit\.yaml/);
    expect(r.stderr).not.toContain("--watch:");
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});
