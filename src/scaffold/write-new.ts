/**
 * Writes the files of a scaffold, all or none: if any of them exists,
 * nothing is written and the error names it. A scaffold never overwrites
 * (inputs are never written), not even a file it made itself.
 */
import { lstatSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { UsageError, WriteError } from "../core/errors.js";
import type { Lang } from "../core/types.js";
import { t, writeFailure } from "../i18n/messages.js";

export interface NewFile {
  /** Relative to `root`, with forward slashes. */
  path: string;
  content: string;
}

/** The first of `files` that is already there (a dangling link counts), if any. */
export function existingFile(root: string, files: readonly NewFile[]): string | undefined {
  return files.find((f) => exists(join(root, f.path)))?.path;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

export function writeNewFiles(root: string, files: readonly NewFile[], lang: Lang): void {
  const taken = existingFile(root, files);
  if (taken !== undefined) throw new UsageError(t(lang, "scaffold.exists", { file: taken }), [t(lang, "scaffold.exists.hint")]);
  for (const f of files) {
    const abs = join(root, f.path);
    try {
      mkdirSync(dirname(abs), { recursive: true });
      // "wx": one that appeared since the check above is still not overwritten.
      writeFileSync(abs, f.content, { flag: "wx" });
    } catch (error) {
      throw new WriteError(t(lang, "scaffold.writeFailed", { file: f.path, reason: writeFailure(lang, error as NodeJS.ErrnoException) }));
    }
  }
}

