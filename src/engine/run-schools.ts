/**
 * Checks many schools: asks the cache for each (NO_CACHE knows none), and
 * hands the rest to the runner it is given. Every school is an independent
 * unit of work (read, parse, check, release), so the order they finish in
 * does not matter; results are put back in school order.
 */
import { setFlagsFromString } from "node:v8";
import type { SchoolResult } from "../core/types.js";
import type { ResultCache } from "./cache.js";
import type { CheckEnv } from "./check-env.js";
import type { SchoolRef, SchoolTask } from "./check-task.js";
import type { CompiledRuleset } from "./compiled-ruleset.js";
import { ownStrings, SHARED } from "./intern.js";
import type { SchoolRunner, TaskResult } from "./school-runner.js";

export interface RunOptions {
  root: string;
  compiled: CompiledRuleset;
  env: CheckEnv;
  schools: SchoolRef[];
  /** Results of earlier runs; NO_CACHE when there are none to use. */
  cache: ResultCache;
  /** Checks the schools the cache had no result for: IN_THREAD or a pooledRunner. */
  runner: SchoolRunner;
}

export interface RunOutput {
  results: SchoolResult[];
  files: number;
  /** Schools checked in this run; the others came from the cache. */
  checked: number;
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

export async function runSchools({ root, compiled, env, schools, cache, runner }: RunOptions): Promise<RunOutput> {
  const results: (SchoolResult | undefined)[] = new Array(schools.length);
  const fileCounts = new Array<number>(schools.length).fill(0);
  const todo: number[] = [];
  const tasks: SchoolTask[] = [];

  schools.forEach((ref, i) => {
    const found = cache.lookUp(root, compiled.ruleset, env, ref);
    if ("hit" in found) {
      // Cached results were interned when they were stored.
      results[i] = found.hit.result;
      fileCounts[i] = found.hit.files;
    } else {
      todo.push(i);
      tasks.push({ ref, pending: found.miss });
    }
  });

  const store = (n: number, { checked, key, copied }: TaskResult) => {
    const i = todo[n]!;
    // A copy from a worker shares nothing but its unpacked statuses; one made here still holds slices of its files.
    results[i] = copied ? SHARED.school(checked.result) : SHARED.details(ownStrings(checked.result));
    fileCounts[i] = checked.files;
    const { pending } = tasks[n]!;
    // The key of the bytes that were checked: made where they were read.
    cache.store(schools[i]!, pending, checked, key ?? pending.key);
    // Bytes read at the lookup are not kept past the check.
    delete pending.files;
  };

  await runner.run({ root, compiled, env, tasks }, store);
  return { results: results as SchoolResult[], files: fileCounts.reduce((a, b) => a + b, 0), checked: todo.length };
}
