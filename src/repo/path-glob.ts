/**
 * Quoted globs as paths (`sop-audit check 'scholen/12*'`): expanded by
 * sop-audit itself, so a shell that does not expand them (cmd.exe, a CI
 * step, an editor's task) selects the same schools, in the same order.
 * A glob is matched against what a check can select: the folders above the
 * school folders, the school folders and the documents in them.
 */
import { existsSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import picomatch from "picomatch";
import { UsageError } from "../core/errors.js";
import { compareStrings } from "../core/similar.js";
import type { Lang } from "../core/types.js";
import { listSchoolFiles } from "../engine/school.js";
import { t } from "../i18n/messages.js";

/**
 * Every path as given, a glob replaced by the repository-relative paths it
 * matches (sorted). A path that exists as written is never a glob. A glob
 * that matches nothing is a usage error.
 */
export function expandPathGlobs(paths: readonly string[], schools: readonly { dir: string }[], root: string, base: string, lang: Lang): string[] {
  let candidates: string[] | undefined;
  const out: string[] = [];
  for (const path of paths) {
    const abs = isAbsolute(path) ? path : resolve(base, path);
    if (existsSync(abs) || !picomatch.scan(path).isGlob) {
      out.push(path);
      continue;
    }
    const pattern = relative(root, abs).split(sep).join("/");
    if (pattern.startsWith("..") || isAbsolute(pattern)) throw new UsageError(t(lang, "repo.pathOutside", { path }));
    candidates ??= selectable(schools, root);
    const isMatch = picomatch(pattern);
    const matches = candidates.filter((c) => isMatch(c));
    if (matches.length === 0) throw new UsageError(t(lang, "repo.globNoMatch", { pattern: path }));
    // Repository-relative, so they resolve the same whatever the folder the glob was relative to.
    out.push(...matches.map((m) => join(root, m)));
  }
  return out;
}

/** What a path can select, repository-relative and sorted: folders above the schools, school folders, their documents. */
function selectable(schools: readonly { dir: string }[], root: string): string[] {
  const found = new Set<string>();
  for (const { dir } of schools) {
    found.add(dir);
    for (let up = dirname(dir); up !== "." && up !== ""; up = dirname(up)) found.add(up);
    let names: string[];
    try {
      names = listSchoolFiles(join(root, dir));
    } catch {
      // A folder that cannot be listed is reported when its school is checked.
      names = [];
    }
    for (const name of names) found.add(`${dir}/${name}`);
  }
  return [...found].sort(compareStrings);
}
