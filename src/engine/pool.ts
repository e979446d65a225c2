/**
 * The worker threads that check schools beside the main thread: how many,
 * when they pay, and starting them before the run knows its size.
 */
import { availableParallelism } from "node:os";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";

/** Below this many schools a worker costs more to start than it saves (docs/dev/performance-history.md). */
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
  // A worker started and stopped unused is not free: only where a run will probably use it.
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
 * With workers, V8 optimising the rules early means every thread compiles
 * them again for each new shape of data on the same cores; waiting longer
 * compiles less. One-thread runs keep the default (parsing likes early
 * optimisation); the flag is V8 11's (Node 20), other versions keep theirs.
 */
function optimiseLater(): void {
  if (process.versions.v8.startsWith("11.")) setFlagsFromString("--interrupt-budget=300000");
}
