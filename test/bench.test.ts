/**
 * `npm run bench` on a tiny repository: every measurement runs and is
 * reported, the re-run floor stats what a re-run must stat, and the SOP
 * the bench changes for the cached re-run is put back. A full run takes
 * half an hour; this catches a broken bench in seconds. The numbers
 * themselves are not asserted (a benchmark, not a timed test).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = new URL("..", import.meta.url).pathname;
const N = 3;

interface Row {
  id: string;
  ok: boolean;
  wallMs?: number;
  command?: string;
  notes?: string[];
}
interface Results {
  sizes: { n: number; files: number; rows: Row[] }[];
  targets: { id: string; value: string; verdict: string }[];
}

let out: string;
let run: ReturnType<typeof spawnSync>;
let results: Results;

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), "sop-audit-bench-"));
  run = spawnSync(process.execPath, ["bench/run.js", "--sizes", String(N), "--runs", "1", "--no-build", "--no-doc"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, SOP_BENCH_DIR: out, NO_COLOR: "1" },
    timeout: 120_000,
  });
  results = JSON.parse(readFileSync(join(out, "results", "latest.json"), "utf8")) as Results;
}, 130_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe("npm run bench", () => {
  it("runs every measurement of one size, and each succeeds", () => {
    expect(run.status, String(run.stderr)).toBe(0);
    expect(results.sizes.map((s) => s.n)).toEqual([N]);
    const rows = results.sizes[0]!.rows;
    expect(rows.map((r) => r.id)).toEqual(["floor", "check-cold", "check-fill", "rerun-floor", "check-cached", "check-watch", "coverage", "report", "ajv"]);
    for (const r of rows) {
      expect(r.ok, r.id).toBe(true);
      expect(r.wallMs, r.id).toBeGreaterThan(0);
    }
  });

  it("reports every target, with a fresh check --cache and the re-run floor beside P3", () => {
    expect(results.targets.map((t) => t.id)).toEqual(["P1", "P3", "(P3) cache", "(P3) floor", "P4a", "P4b", "P5a", "P5b"]);
    const byId = new Map(results.targets.map((t) => [t.id, t]));
    // Measured at this size: a ratio and a verdict. Needing 150 or 10,000 schools: not measured.
    for (const id of ["P1", "P3", "P4b"]) {
      expect(byId.get(id)!.value, id).toMatch(/^\d+\.\d\d( |$)/);
      expect(["pass", "FAIL"], id).toContain(byId.get(id)!.verdict);
    }
    for (const id of ["(P3) cache", "(P3) floor"]) {
      expect(byId.get(id)!.value, id).toMatch(/^\d+\.\d\d( |$)/);
      expect(byId.get(id)!.verdict, id).toBe("for reference");
    }
    for (const id of ["P4a", "P5a", "P5b"]) expect(byId.get(id)!.verdict, id).toBe("not measured");
    expect(String(run.stdout)).toMatch(/^\| \(P3\) floor \| re-run floor \/ cold, N=3/m);
  });

  it("times every edit in check --watch as a run that checked one school", () => {
    const watch = results.sizes[0]!.rows.find((r) => r.id === "check-watch")! as Row & { walls: number[]; runs: number };
    expect(watch.runs).toBe(5);
    expect(watch.walls).toHaveLength(5);
    expect(watch.command).toMatch(/bench\/watch-rerun\.js .* 5$/);
  });

  it("puts back the SOP it changed for the cached re-run and in check --watch", () => {
    const cached = results.sizes[0]!.rows.find((r) => r.id === "check-cached")!;
    const file = /the changed file is (scholen\/\w+\/sop-2025-2026\.yaml)/.exec(cached.notes!.join("\n"))?.[1];
    expect(file).toBeDefined();
    const text = readFileSync(join(out, "data", String(N), file!), "utf8");
    expect(text).toContain("kind: Schoolondersteuningsprofiel");
    expect(text).not.toContain("# bench: wijziging");
    expect(text).not.toContain("# watch round");
  });
});

describe("bench/rerun-floor.js", () => {
  it("stats the configuration, every school folder and every listed file, and writes the previous output", () => {
    const repo = join(out, "data", String(N));
    const folders: Record<string, string[]> = {};
    for (const code of readdirSync(join(repo, "scholen"))) folders[code] = readdirSync(join(repo, "scholen", code)).filter((f) => f.endsWith(".yaml"));
    const files = Object.values(folders).reduce((n, names) => n + names.length, 0);
    expect(files).toBeGreaterThan(N);
    const list = join(out, "files.json");
    writeFileSync(list, JSON.stringify(folders));
    const previous = join(out, "previous.json");
    writeFileSync(previous, "x".repeat(12_345));
    const target = join(out, "written.json");
    const r = spawnSync(process.execPath, ["bench/rerun-floor.js", repo, list, previous, target], { cwd: ROOT, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const line = JSON.parse(r.stdout) as { stats: number; bytes: number; ms: number };
    expect(line.stats).toBe(1 + N + files);
    expect(line.bytes).toBe(12_345);
    expect(readFileSync(target, "utf8")).toBe("x".repeat(12_345));
  });
});
