/**
 * How the schools of a run get checked: the engine's loop is handed a
 * runner and does not ask how it works. IN_THREAD checks them one after the
 * other on this thread; pooled-runner.ts shares them with worker threads.
 */
import type { CheckEnv } from "./check-env.js";
import { checkTask, type CheckedSchool, type SchoolTask } from "./check-task.js";
import type { CompiledRuleset } from "./compiled-ruleset.js";

export interface RunJob {
  root: string;
  compiled: CompiledRuleset;
  env: CheckEnv;
  tasks: readonly SchoolTask[];
}

export interface TaskResult {
  checked: CheckedSchool;
  /** The key to keep the result under, when the school's bytes were read where it was checked. */
  key?: string;
  /** The result is a copy from another thread, which shares nothing with this thread's results yet. */
  copied: boolean;
}

export interface SchoolRunner {
  /** Checks every task once, in any order, and hands each result to `done` with the task's place in `job.tasks`. */
  run(job: RunJob, done: (n: number, result: TaskResult) => void): Promise<void>;
  /** Lets go of threads it holds, unused: the run failed before it could check. */
  close(): void;
}

export const IN_THREAD: SchoolRunner = {
  async run({ root, compiled, env, tasks }, done) {
    for (let n = 0; n < tasks.length; n++) done(n, { ...checkTask(root, tasks[n]!, compiled, env), copied: false });
  },
  close: () => undefined,
};
