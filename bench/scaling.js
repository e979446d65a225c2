#!/usr/bin/env node
/**
 * How much a second thread adds on this machine, for parsing alone
 * (parseSource) and for the whole unit of work of `check` (a school's files
 * parsed, validated and checked: checkOne). The files are read into memory
 * first, so the disk does not count. Each thread warms up on its share, then
 * all start together (a barrier) and the slowest thread's time counts.
 *
 *   node bench/scaling.js <repo> [schools=300]
 *
 * Prints one JSON line: per kind the time on one thread, on two, and the
 * speed-up (2.0 would be perfect). Uses dist/, so build first.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { prepareAudit } from "../dist/audit/audit.js";
import { checkOne } from "../dist/engine/check-task.js";
import { compileRuleset } from "../dist/engine/compiled-ruleset.js";
import { parseSource } from "../dist/documents/parse.js";

const ROUNDS = 3;

function work({ repo, schools, part, parts, kind, barrier }) {
  const dirs = readdirSync(join(repo, "scholen")).sort().slice(0, schools).filter((_, i) => i % parts === part);
  const prepared = prepareAudit({ repo, cwd: repo });
  const env = { ...prepared.env, detail: "check" };
  const compiled = compileRuleset(prepared.ruleset);
  // Every school's files, read once: name → bytes.
  const schoolFiles = dirs.map((d) => new Map(readdirSync(join(repo, "scholen", d)).sort().map((f) => [f, readFileSync(join(repo, "scholen", d, f))])));
  const run =
    kind === "parse"
      ? () => schoolFiles.reduce((n, files) => n + [...files].reduce((m, [f, b]) => m + parseSource(f, b).problems.length, 0), 0)
      : () => schoolFiles.reduce((n, files, i) => n + checkOne(repo, { id: dirs[i], dir: `scholen/${dirs[i]}` }, compiled, env, files).files, 0);
  run(); // warm-up
  Atomics.add(barrier, 0, 1);
  while (Atomics.load(barrier, 0) < parts) {
    // spin: everyone starts together
  }
  const t0 = performance.now();
  for (let r = 0; r < ROUNDS; r++) run();
  return performance.now() - t0;
}

async function timed(repo, schools, kind, parts) {
  const barrier = new Int32Array(new SharedArrayBuffer(4));
  const others = [];
  for (let part = 1; part < parts; part++) {
    others.push(
      new Promise((res, rej) => {
        const w = new Worker(new URL(import.meta.url), { workerData: { repo, schools, part, parts, kind, barrier } });
        w.once("message", res);
        w.once("error", rej);
      }),
    );
  }
  const mine = work({ repo, schools, part: 0, parts, kind, barrier });
  return Math.max(mine, ...(await Promise.all(others)));
}

if (isMainThread) {
  const repo = resolve(process.argv[2] ?? ".");
  const schools = Number(process.argv[3] ?? 300);
  const out = { schools };
  for (const kind of ["parse", "check"]) {
    const one = await timed(repo, schools, kind, 1);
    const two = await timed(repo, schools, kind, 2);
    out[kind] = { oneThreadMs: Math.round(one), twoThreadsMs: Math.round(two), speedup: Number((one / two).toFixed(2)) };
  }
  process.stdout.write(JSON.stringify(out) + "\n");
} else {
  parentPort.postMessage(work(workerData));
}
