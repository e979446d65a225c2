/** Which school folders and files a repository holds. */
import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import { join } from "node:path";
import type { Finding, Lang } from "../core/types.js";
import { DOCUMENT_EXTENSIONS, FILE_START } from "../documents/source.js";
import { isInside } from "../core/read-input.js";
import { readFailure, t } from "../i18n/messages.js";
import { compareStrings } from "../core/similar.js";

export interface Discovered {
  /**
   * Every school folder, sorted, with its repository-relative path. Its id
   * until its documents are read is the folder's name, which is unique; the
   * school's own id is decided as they are read (engine/school-identity.ts).
   */
  schools: { id: string; dir: string }[];
  /** School folders that were found but cannot be audited (a link that points nowhere or out of the repository). */
  unreadable: number;
  findings: Finding[];
}

export function discoverSchools(root: string, schoolsDir: string, lang: Lang): Discovered {
  const abs = join(root, schoolsDir);
  const findings: Finding[] = [];
  if (!existsSync(abs)) {
    findings.push({ ruleId: "repo/no-schools", severity: "error", file: "sop-audit.yaml", range: FILE_START, message: t(lang, "repo.noSchools", { dir: schoolsDir }), hint: t(lang, "repo.noSchools.hint") });
    return { schools: [], unreadable: 0, findings };
  }
  const schools: Discovered["schools"] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(abs, { withFileTypes: true });
  } catch (error) {
    findings.push({ ruleId: "file/unreadable", severity: "error", file: schoolsDir, range: FILE_START, message: t(lang, "file.unreadable", { reason: readFailure(lang, error) }) });
    return { schools, unreadable: 0, findings };
  }
  let unreadable = 0;
  let realRoot: string | undefined;
  for (const entry of entries.sort((a, b) => compareStrings(a.name, b.name))) {
    const rel = `${schoolsDir}/${entry.name}`;
    // A symbolic link counts as what it points to, as long as that lies in the repository.
    const kind = entry.isSymbolicLink() ? linkTarget(join(abs, entry.name), (realRoot ??= realpathSync(root))) : entry.isDirectory() ? "dir" : entry.isFile() ? "file" : "other";
    if (typeof kind !== "string") {
      // Named as a document it is a stray file; otherwise a school folder that cannot be audited.
      if (!entry.name.startsWith(".")) {
        if (!DOCUMENT_EXTENSIONS.test(entry.name)) unreadable++;
        findings.push(
          kind.outside
            ? { ruleId: "file/outside-repository", severity: "error", file: rel, range: FILE_START, message: t(lang, "file.unreadable", { reason: t(lang, "read.outside") }) }
            : { ruleId: "file/unreadable", severity: "error", file: rel, range: FILE_START, message: t(lang, "file.unreadable", { reason: readFailure(lang, kind.error) }) },
        );
      }
      continue;
    }
    if (kind === "dir") {
      // Every folder is a school, whatever its name: the name is checked once its documents are read.
      if (!entry.name.startsWith(".")) schools.push({ id: entry.name, dir: rel });
    } else if (kind === "file" && DOCUMENT_EXTENSIONS.test(entry.name)) {
      findings.push({ ruleId: "repo/stray-file", severity: "warning", file: rel, range: FILE_START, message: t(lang, "repo.strayFile", { file: rel }) });
    }
  }
  if (schools.length === 0 && findings.length === 0) {
    findings.push({ ruleId: "repo/no-schools", severity: "warning", file: schoolsDir, range: FILE_START, message: t(lang, "repo.noSchools", { dir: schoolsDir }), hint: t(lang, "repo.noSchools.hint") });
  }
  return { schools, unreadable, findings };
}

/** What a symbolic link points to, or why it is not followed: it points nowhere, or out of the repository. */
function linkTarget(path: string, realRoot: string): "dir" | "file" | "other" | { error?: unknown; outside?: true } {
  try {
    if (!isInside(realpathSync(path), realRoot)) return { outside: true };
    const st = statSync(path);
    return st.isDirectory() ? "dir" : st.isFile() ? "file" : "other";
  } catch (error) {
    return { error };
  }
}
