/**
 * Checks many schools: from the cache where their files did not change,
 * the rest on both cores. Every school is an independent unit of work
 * (read, parse, check, release), so the order they finish in does not
 * matter; results are put back in school order.
 */
import { setFlagsFromString } from "node:v8";
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import type { SchoolResult } from "../core/types.js";
import type { Ruleset } from "../rules/ruleset-model.js";
import { checkSchool, type CheckEnv } from "./check-school.js";
import { listSchoolFiles, loadSchool } from "./school.js";
import { NO_CACHE, readSchoolFiles, schoolKey, type Pending, type ResultCache } from "./cache.js";
import { ownStrings, SHARED } from "./intern.js";
import { poolFor, workerFailure } from "./pool.js";
import { StatusUnpacker, type PackedStatuses } from "./transfer.js";

export interface SchoolRef {
  id: string;
  dir: string;
}

export interface RunOptions {
  root: string;
  ruleset: Ruleset;
  env: CheckEnv;
  schools: SchoolRef[];
  /** Threads to use; default: the machine's cores. 1 = no worker threads. */
  jobs?: number;
  /** Results of earlier runs; NO_CACHE when there are none to use. */
  cache?: ResultCache;
  /** Workers started early (startWorkers): used when the schools to check are enough to pay, else stopped. */
  pool?: Worker[];
}

export interface RunOutput {
  results: SchoolResult[];
  files: number;
  /** Schools checked in this run; the others came from the cache. */
  checked: number;
}

const FAULT = process.env.SOP_AUDIT_FAULT;

export interface CheckedSchool {
  result: SchoolResult;
  files: number;
}

export function checkOne(root: string, ref: SchoolRef, ruleset: Ruleset, env: CheckEnv, files?: Map<string, Buffer>): CheckedSchool {
  // Fault injection for the exit-code tests: a bug in whichever thread checks this school.
  if (FAULT !== undefined && (FAULT === "*" || FAULT === ref.id)) throw new Error(`injected fault (${ref.id})`);
  const docs = loadSchool(root, ref.dir, ref.id, env.lang, files);
  return { result: checkSchool(docs, ruleset, env), files: docs.files.length };
}

/**
 * Checks a school the cache had nothing for, and gives the key to store its
 * result under: hashed from the very bytes that were checked, read once.
 * No key when its folder or a file could not be read (that result is not stored).
 */
export function checkAndKey(root: string, ref: SchoolRef, ruleset: Ruleset, env: CheckEnv, envKey: string): { checked: CheckedSchool; key?: string } {
  let files: Map<string, Buffer> | undefined;
  try {
    files = readSchoolFiles(root, ref.dir, listSchoolFiles(join(root, ref.dir)));
  } catch {
    files = undefined;
  }
  const checked = checkOne(root, ref, ruleset, env, files);
  return files ? { checked, key: schoolKey(envKey, files) } : { checked };
}

/**
 * A report or coverage run keeps every school's details and then renders
 * from them; by default V8 lets the old generation grow to several times
 * what was live, which at 10,000 schools nears 1 GB. Set once the checking
 * is done: from the start it makes the workers collect all the time.
 */
export function collectSooner(): void {
  setFlagsFromString("--heap-growing-percent=25");
}

export async function runSchools(options: RunOptions): Promise<RunOutput> {
  const { root, ruleset, env, schools } = options;
  const cache = options.cache ?? NO_CACHE;
  const results: (SchoolResult | undefined)[] = new Array(schools.length);
  const fileCounts = new Array<number>(schools.length).fill(0);
  const todo: number[] = [];
  const pending: (Pending | undefined)[] = new Array(schools.length);

  schools.forEach((ref, i) => {
    const found = cache.lookUp(root, ruleset, env, ref);
    if ("hit" in found) {
      // Cached results were interned when they were stored.
      results[i] = found.hit.result;
      fileCounts[i] = found.hit.files;
    } else {
      todo.push(i);
      pending[i] = found.miss;
    }
  });

  /** `copied`: the result came from a worker, as a copy that shares nothing but its unpacked statuses. `key`: made where it was checked. */
  const store = (i: number, checked: CheckedSchool, copied = false, key?: string) => {
    results[i] = copied ? SHARED.school(checked.result) : SHARED.details(ownStrings(checked.result));
    fileCounts[i] = checked.files;
    const p = pending[i];
    // The key of the bytes that were checked: made where they were read.
    if (p) cache.store(schools[i]!, p, checked, key ?? p.key);
    pending[i] = undefined;
  };

  /** Checks school `i` on this thread. */
  const checkHere = (i: number) => {
    const p = pending[i];
    if (p?.keyWhenChecked && p.envKey !== undefined) {
      const { checked, key } = checkAndKey(root, schools[i]!, ruleset, env, p.envKey);
      store(i, checked, false, key);
    } else store(i, checkOne(root, schools[i]!, ruleset, env, p?.files));
  };

  const pool = poolFor(options.jobs, todo.length, options.pool);
  if (pool) {
    // A worker reads a school's files itself: with a cache it makes the key of what it read (the env key says so).
    const envKeys = todo.map((i) => pending[i]?.envKey);
    await runParallel(options, todo, envKeys, pool, store, checkHere);
  } else {
    for (const i of todo) checkHere(i);
  }
  return { results: results as SchoolResult[], files: fileCounts.reduce((a, b) => a + b, 0), checked: todo.length };
}

/**
 * The main thread and jobs-1 workers take the next school from a shared
 * counter until none are left: fast schools never wait for slow ones.
 */
async function runParallel(
  options: RunOptions,
  todo: number[],
  envKeys: (string | undefined)[],
  pool: Worker[],
  store: (i: number, checked: CheckedSchool, copied?: boolean, key?: string) => void,
  checkHere: (i: number) => void,
): Promise<void> {
  const { root, ruleset, env, schools } = options;
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const refs = todo.map((i) => schools[i]!);
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
          store(todo[m.n]!, m.checked, true, m.key);
        });
        worker.on("error", reject);
        worker.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`worker stopped with exit code ${code}`))));
        worker.postMessage({ root, ruleset, env, refs, envKeys, counter } satisfies WorkerOrders);
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
      checkHere(todo[n]!);
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
