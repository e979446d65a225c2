/** A worker thread: waits for its orders, then checks schools from the shared counter until none are left. */
import { parentPort } from "node:worker_threads";
import { checkAndKey, checkOne, type WorkerMessage, type WorkerOrders, type WorkerResult } from "./run-schools.js";

parentPort!.once("message", ({ root, ruleset, env, refs, envKeys, counter }: WorkerOrders) => {
  for (;;) {
    const n = Atomics.add(counter, 0, 1);
    if (n >= refs.length) break;
    const envKey = envKeys[n];
    const done: WorkerResult = envKey !== undefined ? { n, ...checkAndKey(root, refs[n]!, ruleset, env, envKey) } : { n, checked: checkOne(root, refs[n]!, ruleset, env) };
    parentPort!.postMessage(done);
  }
  parentPort!.postMessage({ done: true } satisfies WorkerMessage);
  parentPort!.close();
});
