/** A worker thread: checks schools from the shared counter until none are left. */
import { parentPort, workerData } from "node:worker_threads";
import type { Ruleset } from "../ruleset/model.js";
import type { CheckEnv } from "./check-school.js";
import { checkOne, type SchoolRef } from "./run-schools.js";

const { root, ruleset, env, refs, counter } = workerData as { root: string; ruleset: Ruleset; env: CheckEnv; refs: SchoolRef[]; counter: Int32Array };

for (;;) {
  const n = Atomics.add(counter, 0, 1);
  if (n >= refs.length) break;
  parentPort!.postMessage({ n, checked: checkOne(root, refs[n]!, ruleset, env) });
}
