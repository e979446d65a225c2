/** A block device for tests that must see one refused, chosen so that no data could be lost if the refusal broke. */
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * A node for the first loop device, made in `dir` (as root), else a loop
 * device with nothing attached; undefined when there is neither. Never a
 * disk: a write that got through would go to it.
 */
export function safeBlockDevice(dir: string): string | undefined {
  const node = join(dir, "blok");
  if (spawnSync("mknod", [node, "b", "7", "0"]).status === 0 && statSync(node).isBlockDevice()) return node;
  for (let n = 0; n < 8; n++) {
    let size: string;
    try {
      size = readFileSync(`/sys/block/loop${n}/size`, "utf8").trim();
    } catch {
      continue;
    }
    if (size === "0" && statSync(`/dev/loop${n}`, { throwIfNoEntry: false })?.isBlockDevice()) return `/dev/loop${n}`;
  }
  return undefined;
}

export const NO_BLOCK_DEVICE = " (skipped: no block device node can be made here, and no loop device is free)";
