/**
 * Worker threads started as a command begins, before the run knows its
 * size: they load while the main thread reads the configuration and the
 * ruleset. Kept apart from audit.ts so that starting them loads nothing else.
 */
import type { Worker } from "node:worker_threads";
import { startWorkers } from "../engine/pool.js";
import { expectedSchools } from "../repo/root.js";

/** Workers for a run from `start` (the repository, or a folder in it) with `jobs` threads, when such a run will probably use them. */
export function startWorkersEarly(jobs: number | undefined, start: string, explicit: boolean): Worker[] | undefined {
  return startWorkers(jobs, expectedSchools(start, explicit));
}
