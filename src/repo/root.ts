/**
 * Where a repository is, found without reading it: kept free of the
 * parsers and schemas, so that a command can ask before it loads them.
 */
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

export const CONFIG_FILE = "sop-audit.yaml";

/** The default folder of the schools (sop-audit.yaml may name another: scholenMap). */
export const DEFAULT_SCHOOLS_DIR = "scholen";

/**
 * The folder with sop-audit.yaml: `start` itself when it was given
 * explicitly (-C), else it or the nearest folder above it; none when there
 * is no such folder.
 */
export function locateRepoRoot(start: string, explicit: boolean): string | undefined {
  const dir = resolve(start);
  if (explicit) return existsSync(join(dir, CONFIG_FILE)) ? dir : undefined;
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, CONFIG_FILE))) return d;
    if (dirname(d) === d) return undefined;
  }
}

/**
 * How many schools a run from `start` will probably check, before
 * sop-audit.yaml is read: the entries of the default schools folder (0 when
 * there is none, or no repository). Only a guess, for starting worker
 * threads early; the run itself counts.
 */
export function expectedSchools(start: string, explicit: boolean): number {
  const root = locateRepoRoot(start, explicit);
  if (root === undefined) return 0;
  try {
    return readdirSync(join(root, DEFAULT_SCHOOLS_DIR)).length;
  } catch {
    return 0;
  }
}
