/**
 * Worker threads started as a command begins, before the run knows its
 * size: they load while the main thread reads the configuration and the
 * ruleset. Kept apart from audit.ts so that starting them loads nothing else.
 */
import type { Worker } from "node:worker_threads";
import { startWorkers } from "../engine/pool.js";
import { expectedSchools } from "../repo/root.js";

export interface EarlyRun {
  jobs: number | undefined;
  /** The repository, or a folder in it. */
  start: string;
  explicit: boolean;
  cache: boolean;
  watch: boolean;
}

/**
 * Workers for a run, when it will probably use them. Not for a run with a
 * cache, whose re-runs mostly check a school or two, nor for --watch, whose
 * runs start their own.
 */
export function startWorkersEarly(run: EarlyRun): Worker[] | undefined {
  if (run.cache || run.watch) return undefined;
  return startWorkers(run.jobs, expectedSchools(run.start, run.explicit));
}
