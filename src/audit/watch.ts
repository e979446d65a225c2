/**
 * `check --watch`: audit, then audit again whenever an input changes, until
 * stopped. Each run after the first checks only the schools whose files
 * changed (auditSession keeps the others' results in memory) and gives the
 * same result a fresh `audit()` would.
 */
import { auditSession, type AuditOptions, type AuditRun } from "./audit.js";
import { WatchLimitError } from "../core/errors.js";
import { InputWatcher, watchTargets } from "../repo/watch.js";

export interface WatchOptions {
  audit: AuditOptions;
  /** After each run that completed; awaited before the next run can start. */
  onRun(run: AuditRun): void | Promise<void>;
  /** A later run failed (sop-audit.yaml broken mid-edit, say): the watch goes on. */
  onError(error: unknown): void;
  /** Stops the watch; a run under way completes first. */
  signal: AbortSignal;
}

/** How the watch ended: with the outcome of its last run. */
export type WatchEnd = { run: AuditRun } | { error: unknown };

/**
 * Resolves when `signal` aborts. The first run's error is thrown (a
 * repository that cannot be checked is not watched), as is running out of
 * watches; a later run's error goes to `onError` and the inputs stay watched.
 */
export async function watchAudit(options: WatchOptions): Promise<WatchEnd> {
  const { signal } = options;
  let pending = true;
  let wake: (() => void) | undefined;
  const watcher = new InputWatcher(() => {
    pending = true;
    wake?.();
  });
  const session = auditSession(options.audit, (inputs, schoolDirs, lang) => watcher.update(watchTargets(inputs, schoolDirs), { root: inputs.root, lang }));
  const stop = () => wake?.();
  signal.addEventListener("abort", stop);
  let last: WatchEnd | undefined;
  try {
    // The first run runs even when stopped at once: the watch ends with an outcome.
    while (last === undefined || !signal.aborted) {
      if (!pending) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      pending = false;
      try {
        const run = await session.run();
        await options.onRun(run);
        last = { run };
      } catch (error) {
        if (last === undefined || error instanceof WatchLimitError) throw error;
        options.onError(error);
        last = { error };
      }
    }
  } finally {
    signal.removeEventListener("abort", stop);
    watcher.close();
  }
  return last;
}
