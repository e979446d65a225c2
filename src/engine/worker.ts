/** A worker thread: waits for its orders, then checks schools from the shared counter until none are left. */
import { parentPort } from "node:worker_threads";
import type { Ruleset } from "../ruleset/model.js";
import type { CheckEnv } from "./check-school.js";
import { checkOne, type SchoolRef } from "./run-schools.js";

parentPort!.once("message", ({ root, ruleset, env, refs, counter }: { root: string; ruleset: Ruleset; env: CheckEnv; refs: SchoolRef[]; counter: Int32Array }) => {
  for (;;) {
    const n = Atomics.add(counter, 0, 1);
    if (n >= refs.length) break;
    parentPort!.postMessage({ n, checked: checkOne(root, refs[n]!, ruleset, env) });
  }
  parentPort!.close();
});
