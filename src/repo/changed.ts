/**
 * `--changed-since <ref>`: which schools have files that changed since a git
 * ref (committed, staged, unstaged or new). A change outside the school
 * folders (sop-audit.yaml, own rules) can affect every school.
 */
import { spawnSync } from "node:child_process";
import { UsageError } from "../core/errors.js";
import type { Lang } from "../core/types.js";
import { t } from "../i18n/messages.js";

export function changedSchoolDirs(root: string, ref: string, schoolsDir: string, lang: Lang): Set<string> | "all" {
  // A ref is never an option: `--changed-since=--output=<file>` must not reach git as one.
  if (ref === "" || ref.startsWith("-") || /[\0\n]/.test(ref)) {
    throw new UsageError(t(lang, "repo.changedSince.notARef", { ref }), [t(lang, "repo.changedSince.notARef.hint")]);
  }
  const git = (args: string[]) => {
    const r = spawnSync("git", ["-C", root, ...args], { encoding: "utf8" });
    if (r.error) throw new UsageError(t(lang, "repo.changedSince.noGit"));
    if (r.status !== 0) {
      const detail = r.stderr.trim().split("\n")[0] ?? "";
      throw new UsageError(t(lang, "repo.changedSince.gitSays", { ref, detail }));
    }
    // NUL-separated: a path with a space or an accent (a folder named after the school) comes through as it is, not quoted.
    return r.stdout.split("\0").filter(Boolean);
  };
  // --relative: paths relative to the repository folder, which may sit below the git root.
  // --end-of-options: whatever the ref looks like, git reads it as a revision.
  const changed = [...git(["diff", "--name-only", "-z", "--relative", "--end-of-options", ref, "--"]), ...git(["ls-files", "-z", "--others", "--exclude-standard"])];
  const dirs = new Set<string>();
  const prefix = `${schoolsDir}/`;
  for (const path of changed) {
    if (!path.startsWith(prefix)) {
      if (/\.(ya?ml|md)$/i.test(path) && !/(^|\/)README\.md$/i.test(path)) return "all";
      continue;
    }
    const school = path.slice(prefix.length).split("/")[0];
    if (school && path.slice(prefix.length).includes("/")) dirs.add(`${prefix}${school}`);
  }
  return dirs;
}
