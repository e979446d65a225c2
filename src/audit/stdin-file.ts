/**
 * `check --stdin --stdin-filename <path>`: an editor's unsaved text, checked
 * as if it were that school file. Only its school is checked; the file on
 * disk is not read (it may not exist yet) and the school's other files are
 * read as they are, so that rules across documents see the whole school.
 */
import { realpathSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { readInputFile } from "../core/read-input.js";
import { UsageError } from "../core/errors.js";
import type { Finding, Lang, SchoolResult } from "../core/types.js";
import { DOCUMENT_EXTENSIONS } from "../documents/source.js";
import { NO_CACHE, type ResultCache } from "../engine/cache.js";
import { listSchoolFiles } from "../engine/school.js";
import { t } from "../i18n/messages.js";

export interface StdinFile {
  /** Where the text would be, as given: relative to the folder given with -C, else to the working folder. */
  path: string;
  bytes: Buffer;
}

export interface StdinSchool {
  school: { id: string; dir: string };
  /** The repository-relative path findings are reported at. */
  file: string;
  /** Serves the school's files, the text from stdin in place of its own, to the one lookup of the run. */
  cache: ResultCache;
}

/** The school the path lies in, or a usage error that says why the path is no school document. */
export function stdinSchool(stdin: StdinFile, schools: readonly { id: string; dir: string }[], root: string, base: string, lang: Lang): StdinSchool {
  const abs = isAbsolute(stdin.path) ? stdin.path : resolve(base, stdin.path);
  const file = relative(root, abs).split(sep).join("/");
  if (file.startsWith("..") || isAbsolute(file)) throw new UsageError(t(lang, "repo.pathOutside", { path: stdin.path }));
  const school = schools.find((s) => s.dir === dirname(file));
  if (!school || !DOCUMENT_EXTENSIONS.test(basename(file))) throw new UsageError(t(lang, "cli.check.stdinNotSchoolFile", { path: stdin.path }));
  const files = schoolFilesWith(root, school.dir, basename(file), stdin.bytes);
  const cache: ResultCache = { ...NO_CACHE, lookUp: () => ({ miss: { files } }) };
  return { school, file, cache };
}

/** The school's files as they are on disk, but `name` with the given bytes (also when there is no such file yet). */
function schoolFilesWith(root: string, dir: string, name: string, bytes: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let names: string[];
  try {
    names = listSchoolFiles(join(root, dir));
  } catch {
    names = [];
  }
  let realRoot: string | undefined;
  const within = () => (realRoot ??= realpathSync(root));
  for (const other of names) {
    if (other === name) continue;
    // A file that cannot be read is left out: its finding would be about another file than the one asked for.
    const read = readInputFile(join(root, dir, other), { within });
    if (!read.failure) files.set(other, read.bytes);
  }
  files.set(name, bytes);
  return files;
}

/** The school's result with only the findings about `file`: an editor shows those. */
export function onlyFile(school: SchoolResult, file: string): SchoolResult {
  const about = (f: Finding) => f.file === file;
  return { ...school, findings: school.findings.filter(about), waivedFindings: school.waivedFindings.filter(about) };
}
