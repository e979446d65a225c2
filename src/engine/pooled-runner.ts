/**
 * Checks schools on this thread and jobs-1 worker threads together, when
 * the schools to check are enough to pay for the workers; otherwise on this
 * thread alone. Each takes the next school from a shared counter until none
 * are left: fast schools never wait for slow ones.
 */
import type { Worker } from "node:worker_threads";
import type { CheckEnv } from "./check-env.js";
import type { CheckedSchool, SchoolRef } from "./check-task.js";
import { checkTask } from "./check-task.js";
import type { Ruleset } from "../rules/ruleset-model.js";
import { poolFor, stopWorkers, workerFailure } from "./pool.js";
import { IN_THREAD, type RunJob, type SchoolRunner, type TaskResult } from "./school-runner.js";
import { StatusUnpacker, type PackedStatuses } from "./transfer.js";

/** `started`: workers started early (startWorkers), put to work or stopped once the run knows how many schools it checks. */
export function pooledRunner(jobs: number | undefined, started?: Worker[]): SchoolRunner {
  return {
    async run(job, done) {
      const pool = poolFor(jobs, job.tasks.length, started);
      if (pool) await runParallel(job, pool, done);
      else await IN_THREAD.run(job, done);
    },
    close: () => stopWorkers(started),
  };
}

async function runParallel({ root, compiled, env, tasks }: RunJob, pool: Worker[], done: (n: number, result: TaskResult) => void): Promise<void> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const refs = tasks.map((task) => task.ref);
  // A worker reads a school's files itself: with a cache it makes the key of what it read (the env key says so).
  const envKeys = tasks.map((task) => task.pending.envKey);
  // A worker compiles the ruleset itself, from the plain ruleset: compiled code does not cross threads.
  const orders: WorkerOrders = { root, ruleset: compiled.ruleset, env, refs, envKeys, counter };
  const workers = pool.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        // One that failed before its orders took no school from the counter: this thread checks them.
        if (workerFailure(worker)) return resolve();
        // Done when its last result is in, not when its thread has ended: ending takes a few
        // tens of milliseconds, which pass while this thread writes the output.
        const statuses = new StatusUnpacker();
        worker.on("message", (m: WorkerMessage) => {
          if ("done" in m) return resolve();
          m.checked.result.statuses = statuses.unpack(m.statuses);
          done(m.n, { checked: m.checked, ...(m.key !== undefined ? { key: m.key } : {}), copied: true });
        });
        worker.on("error", reject);
        worker.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`worker stopped with exit code ${code}`))));
        worker.postMessage(orders);
      }),
  );
  // Whichever thread fails first decides: the error is a bug (exit 3), and no
  // later failure of another thread may surface as an unhandled rejection.
  const all = Promise.all(workers);
  all.catch(() => undefined);
  try {
    for (;;) {
      const n = Atomics.add(counter, 0, 1);
      if (n >= refs.length) break;
      done(n, { ...checkTask(root, tasks[n]!, compiled, env), copied: false });
      // Let finished workers' results in while the main thread works.
      if (n % 16 === 15) await new Promise((r) => setImmediate(r));
    }
    await all;
  } catch (error) {
    for (const worker of pool) void worker.terminate();
    throw error;
  }
}

/** What a worker is told: the schools, and per school the env key when it should make the cache key. */
export interface WorkerOrders {
  root: string;
  ruleset: Ruleset;
  env: CheckEnv;
  refs: SchoolRef[];
  envKeys: (string | undefined)[];
  counter: Int32Array;
}

/** A school checked by a worker: its result comes without its statuses, which come packed. */
export interface WorkerResult {
  n: number;
  checked: CheckedSchool;
  key?: string;
  statuses: PackedStatuses;
}

/** A school's result, or the last message: no schools are left. */
export type WorkerMessage = WorkerResult | { done: true };
