/**
 * A worker thread: waits for its orders, compiles the ruleset it is sent
 * once, then checks schools from the shared counter until none are left.
 */
import { parentPort } from "node:worker_threads";
import { checkAndKey, checkOne } from "./check-task.js";
import { compileRuleset, type CompiledRuleset } from "./compiled-ruleset.js";
import type { WorkerMessage, WorkerOrders, WorkerResult } from "./pooled-runner.js";
import { StatusPacker } from "./transfer.js";

parentPort!.once("message", ({ root, ruleset, env, refs, envKeys, counter }: WorkerOrders) => {
  const packer = new StatusPacker();
  // Compiled at the first school: a worker may find none left.
  let compiled: CompiledRuleset | undefined;
  for (;;) {
    const n = Atomics.add(counter, 0, 1);
    if (n >= refs.length) break;
    compiled ??= compileRuleset(ruleset);
    const envKey = envKeys[n];
    const checked = envKey !== undefined ? checkAndKey(root, refs[n]!, compiled, env, envKey) : { checked: checkOne(root, refs[n]!, compiled, env) };
    const { result } = checked.checked;
    const statuses = packer.pack(result.statuses);
    result.statuses = [];
    parentPort!.postMessage({ n, ...checked, statuses } satisfies WorkerResult);
  }
  parentPort!.postMessage({ done: true } satisfies WorkerMessage);
  parentPort!.close();
});
