/** Writing outputs (reports, formatted results, the cache). Input files are never written. */
import { mkdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Writes a file atomically: a half-written report never replaces a good one.
 * A device or pipe (/dev/null, /dev/stdout, a FIFO) is written to directly:
 * renaming a file over it would replace it.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const existing = statSync(file, { throwIfNoEntry: false });
  if (existing && !existing.isFile()) {
    writeFileSync(file, content);
    return;
  }
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}
