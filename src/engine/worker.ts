/** A worker thread: waits for its orders, then checks schools from the shared counter until none are left. */
import { parentPort } from "node:worker_threads";
import { checkAndKey, checkOne, type WorkerMessage, type WorkerOrders, type WorkerResult } from "./run-schools.js";
import { StatusPacker } from "./transfer.js";

parentPort!.once("message", ({ root, ruleset, env, refs, envKeys, counter }: WorkerOrders) => {
  const packer = new StatusPacker();
  for (;;) {
    const n = Atomics.add(counter, 0, 1);
    if (n >= refs.length) break;
    const envKey = envKeys[n];
    const checked = envKey !== undefined ? checkAndKey(root, refs[n]!, ruleset, env, envKey) : { checked: checkOne(root, refs[n]!, ruleset, env) };
    const { result } = checked.checked;
    const statuses = packer.pack(result.statuses);
    result.statuses = [];
    parentPort!.postMessage({ n, ...checked, statuses } satisfies WorkerResult);
  }
  parentPort!.postMessage({ done: true } satisfies WorkerMessage);
  parentPort!.close();
});
