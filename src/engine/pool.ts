/**
 * The worker threads that check schools beside the main thread: how many,
 * when they pay, and starting them before the run knows its size.
 */
import { availableParallelism } from "node:os";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";

/**
 * Below this many schools a worker costs more to start than it saves.
 * Measured on 2 cores, `--jobs 2` against `--jobs 1`, medians of 9
 * interleaved runs, with the worker ready after ~0.1 s: at 150 schools it
 * cost 0.07 s, at 200 it broke even (1.69 s against 1.70 s), at 250 it saved
 * 0.08 s, at 300 0.17 s (2.20 → 2.03 s).
 */
const MIN_SCHOOLS_FOR_WORKERS = 250;

function threadsFor(jobs: number | undefined): number {
  return Math.max(1, Math.min(jobs ?? availableParallelism(), 8));
}

function shouldRunParallel(jobs: number | undefined, schools: number): boolean {
  const threads = threadsFor(jobs);
  // An explicit --jobs is obeyed; the default only starts workers where they pay.
  return jobs !== undefined ? threads > 1 && schools > 1 : threads > 1 && schools >= MIN_SCHOOLS_FOR_WORKERS;
}

/**
 * Starts the workers a run of about `expected` schools with `jobs` threads
 * would use, before the run knows its size: a worker needs ~0.2 s to start
 * Node and load its modules, and started as a command begins it does so
 * while the main thread loads the rest of the tool, sop-audit.yaml and the
 * ruleset. Nothing is decided yet: `poolFor` puts them to work or stops
 * them. Until then they do not keep the process alive, so an error before
 * that point still ends it.
 */
export function startWorkers(jobs: number | undefined, expected: number): Worker[] | undefined {
  // A worker started and stopped unused cost a run of 150 schools ~0.03 s (medians of 15 interleaved runs).
  if (!shouldRunParallel(jobs, expected)) return undefined;
  const threads = threadsFor(jobs);
  return Array.from({ length: threads - 1 }, () => {
    const worker = new Worker(new URL("./worker.js", import.meta.url));
    worker.unref();
    // Without a listener, a worker that cannot start (no thread, no memory) would crash the process.
    worker.once("error", (error) => FAILED.set(worker, error));
    return worker;
  });
}

const FAILED = new WeakMap<Worker, Error>();

/** Why a worker stopped before it was given its orders, if it did. */
export function workerFailure(worker: Worker): Error | undefined {
  return FAILED.get(worker);
}

/**
 * The workers for a run of `schools` schools: `started` (from startWorkers)
 * or new ones when they pay, none otherwise (and `started` are stopped).
 */
export function poolFor(jobs: number | undefined, schools: number, started?: Worker[]): Worker[] | undefined {
  // Workers that failed to start are not replaced: new ones would most likely fail too.
  if (!shouldRunParallel(jobs, schools) || started?.some((worker) => FAILED.has(worker))) {
    stopWorkers(started);
    return undefined;
  }
  optimiseLater();
  const pool = started ?? startWorkers(jobs, schools) ?? [];
  for (const worker of pool) worker.ref();
  return pool.length > 0 ? pool : undefined;
}

export function stopWorkers(pool: Worker[] | undefined): void {
  for (const worker of pool ?? []) void worker.terminate();
}

/**
 * The rules meet new kinds of data for the first few hundred schools. By
 * default V8 optimises them early and throws the optimised code away each time
 * a new shape shows up, and with a worker every thread compiles all of it
 * again on the same two cores. Measured at 1,000 schools on Node 20: 160
 * optimising compiles (1.2–1.5 s of compiler time per thread) by default,
 * 89 (0.7 s) when V8 waits about four times longer, and the whole run 0.3 s
 * faster. A one-thread run gains nothing from this (parsing likes to be
 * optimised early), so only runs with workers ask for it. The value is
 * V8 11's own flag (Node 20); other versions keep their defaults.
 */
function optimiseLater(): void {
  if (process.versions.v8.startsWith("11.")) setFlagsFromString("--interrupt-budget=300000");
}
