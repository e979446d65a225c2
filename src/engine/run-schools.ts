/**
 * Checks many schools: from the cache where their files did not change,
 * the rest on both cores. Every school is an independent unit of work
 * (read, parse, check, release), so the order they finish in does not
 * matter; results are put back in school order.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { SchoolResult } from "../core/types.js";
import type { Ruleset } from "../ruleset/model.js";
import { checkSchool, type CheckEnv } from "./check-school.js";
import { listSchoolFiles, loadSchool } from "./school.js";
import type { SchoolCache } from "./cache.js";
import { Interner } from "./intern.js";

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
  cache?: SchoolCache;
  /** Workers started early (startPool); used when there is work for them. */
  pool?: Worker[];
}

export interface RunOutput {
  results: SchoolResult[];
  files: number;
}

/** Below this many schools a worker costs more to start than it saves. */
const MIN_SCHOOLS_FOR_WORKERS = 300;

export interface CheckedSchool {
  result: SchoolResult;
  files: number;
}

export function checkOne(root: string, ref: SchoolRef, ruleset: Ruleset, env: CheckEnv, files?: Map<string, Buffer>): CheckedSchool {
  const docs = loadSchool(root, ref.dir, ref.id, env.lang, files);
  return { result: checkSchool(docs, ruleset, env), files: docs.files.length };
}

export function readSchoolFiles(root: string, dir: string): Map<string, Buffer> | undefined {
  try {
    const files = new Map<string, Buffer>();
    for (const name of listSchoolFiles(join(root, dir))) files.set(name, readFileSync(join(root, dir, name)));
    return files;
  } catch {
    // Unreadable files are reported by the normal path; just do not cache.
    return undefined;
  }
}

export function schoolKey(ruleset: Ruleset, env: CheckEnv, ref: SchoolRef, files: Map<string, Buffer>): string {
  const h = createHash("sha1");
  h.update(`${ruleset.hash}\0${env.peildatum}\0${env.schooljaar}\0${env.lang}\0${env.detail ?? "report"}\0${ref.dir}\0`);
  for (const [name, bytes] of files) {
    h.update(`${name}\0${bytes.length}\0`);
    h.update(bytes);
  }
  return h.digest("hex");
}

function shouldRunParallel(jobs: number | undefined, schools: number): boolean {
  const threads = Math.max(1, Math.min(jobs ?? availableParallelism(), 8));
  // An explicit --jobs is obeyed; the default only starts workers where they pay.
  return jobs !== undefined ? threads > 1 && schools > 1 : threads > 1 && schools >= MIN_SCHOOLS_FOR_WORKERS;
}

/**
 * Starts the worker threads before the work is known, so that loading their
 * modules overlaps with loading the ruleset. They wait for their orders.
 */
export function startPool(jobs: number | undefined, schools: number): Worker[] | undefined {
  if (!shouldRunParallel(jobs, schools)) return undefined;
  const threads = Math.max(1, Math.min(jobs ?? availableParallelism(), 8));
  return Array.from({ length: threads - 1 }, () => new Worker(new URL("./worker.js", import.meta.url)));
}

export async function runSchools(options: RunOptions): Promise<RunOutput> {
  const { root, ruleset, env, schools, cache } = options;
  const results: (SchoolResult | undefined)[] = new Array(schools.length);
  const fileCounts = new Array<number>(schools.length).fill(0);
  const todo: number[] = [];
  const keys: (string | undefined)[] = new Array(schools.length);
  const contents: (Map<string, Buffer> | undefined)[] = new Array(schools.length);
  const interner = new Interner();

  schools.forEach((ref, i) => {
    if (!cache) return todo.push(i);
    const files = readSchoolFiles(root, ref.dir);
    const key = files && schoolKey(ruleset, env, ref, files);
    const hit = key ? cache.get(ref.id, key) : undefined;
    if (hit) {
      results[i] = interner.school(hit.result);
      fileCounts[i] = hit.files;
    } else {
      todo.push(i);
      keys[i] = key;
      contents[i] = files;
    }
  });

  const store = (i: number, checked: CheckedSchool) => {
    results[i] = interner.school(checked.result);
    fileCounts[i] = checked.files;
    const key = keys[i];
    if (cache && key) cache.set(schools[i]!.id, key, checked);
    contents[i] = undefined;
  };

  const pool = options.pool ?? (shouldRunParallel(options.jobs, todo.length) ? startPool(options.jobs, todo.length) : undefined);
  if (pool && pool.length > 0 && todo.length > 1) {
    await runParallel(options, todo, pool, store, contents);
  } else {
    for (const w of pool ?? []) void w.terminate();
    for (const i of todo) store(i, checkOne(root, schools[i]!, ruleset, env, contents[i]));
  }
  return { results: results as SchoolResult[], files: fileCounts.reduce((a, b) => a + b, 0) };
}

/**
 * The main thread and jobs-1 workers take the next school from a shared
 * counter until none are left: fast schools never wait for slow ones.
 */
async function runParallel(
  options: RunOptions,
  todo: number[],
  pool: Worker[],
  store: (i: number, checked: CheckedSchool) => void,
  contents: (Map<string, Buffer> | undefined)[],
): Promise<void> {
  const { root, ruleset, env, schools } = options;
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const refs = todo.map((i) => schools[i]!);
  const workers = pool.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        worker.on("message", (m: { n: number; checked: CheckedSchool }) => store(todo[m.n]!, m.checked));
        worker.on("error", reject);
        worker.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`worker stopped with exit code ${code}`))));
        worker.postMessage({ root, ruleset, env, refs, counter });
      }),
  );
  for (;;) {
    const n = Atomics.add(counter, 0, 1);
    if (n >= refs.length) break;
    const i = todo[n]!;
    store(i, checkOne(root, refs[n]!, ruleset, env, contents[i]));
    // Let finished workers' results in while the main thread works.
    if (n % 16 === 15) await new Promise((r) => setImmediate(r));
  }
  await Promise.all(workers);
}
