/**
 * Permission tests as a user without the right: root reads and writes
 * through chmod, so a test running as root starts its child as nobody
 * (uid 65534). That child must be able to read the checkout; where it
 * cannot (a checkout in a folder only root may enter), such tests are
 * skipped with that reason rather than failing for it.
 */
import { spawnSync } from "node:child_process";
import { BIN } from "./run.js";

const asRoot = process.getuid?.() === 0;

/** Spawn options that make the child nobody when the tests run as root; undefined when nobody cannot run the binary here. */
export const AS_NOBODY: { uid?: number; gid?: number } | undefined = (() => {
  if (!asRoot) return {};
  const probe = spawnSync(process.execPath, [BIN, "--version"], { uid: 65534, gid: 65534, encoding: "utf8" });
  if (probe.status === 0) return { uid: 65534, gid: 65534 };
  console.warn(`skipped: the permission tests run as nobody (uid 65534), who cannot run ${BIN} here: ${probe.stderr.trim().split("\n")[0] ?? probe.error}`);
  return undefined;
})();
