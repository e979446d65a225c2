/**
 * What sop-audit reads in an SWV repository: sop-audit.yaml, the schools'
 * folders and the SWV's own rule files. Nothing it writes (an output file,
 * a report folder, the cache) may land on or in one of them: input files
 * are never written.
 */
import { t } from "../i18n/messages.js";
import { existsSync, realpathSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { ConfigError, UsageError } from "../core/errors.js";
import { isInside } from "../core/read-input.js";
import type { Lang } from "../core/types.js";
import type { SwvConfigDoc } from "../documents/schemas.js";
import { CONFIG_FILE, DEFAULT_SCHOOLS_DIR } from "./root.js";

export interface RepoInputs {
  root: string;
  /** sop-audit.yaml. */
  config: string;
  /** The folder with the school folders (`scholen/` unless configured), absolute. */
  schoolsDir: string;
  /** The same folder relative to the root, POSIX: where schools are read from and how findings name it. */
  schoolsRel: string;
  /** `ruleset.paths`: the SWV's own catalogs and profiles, files or folders. */
  rulesetPaths: readonly string[];
}

/**
 * The inputs of a repository. `scholenMap` may be relative or absolute but
 * must lie in the repository: the schools are read from, and guarded at,
 * the one folder it names.
 */
export function repoInputs(root: string, config: SwvConfigDoc, lang: Lang = "nl"): RepoInputs {
  const named = config.scholenMap ?? DEFAULT_SCHOOLS_DIR;
  const schoolsDir = resolve(root, named);
  const schoolsRel = relative(root, schoolsDir).split("\\").join("/");
  if (schoolsRel === "" || !isInside(schoolsDir, root)) {
    throw new ConfigError(t(lang, "repo.schoolsDirOutside", { named }), [t(lang, "repo.schoolsDirOutside.hint", { config: CONFIG_FILE, example: DEFAULT_SCHOOLS_DIR })]);
  }
  return {
    root,
    config: join(root, CONFIG_FILE),
    schoolsDir,
    schoolsRel,
    rulesetPaths: (config.ruleset.paths ?? []).map((p) => resolve(root, p)),
  };
}

/**
 * Refuses a place to write that is an input or lies in one. `what` names the
 * place for the message ("het uitvoerbestand"), `example` a good place
 * instead ("rapporten/ (de standaard)").
 */
export function refuseInput(target: string, inputs: RepoInputs, what: string, example: string, lang: Lang): void {
  const at = canonical(resolve(target));
  const rel = (p: string) => relative(inputs.root, p).split("\\").join("/") || ".";
  let problem: string | undefined;
  if (inside(at, canonical(inputs.schoolsDir))) {
    const dir = rel(inputs.schoolsDir);
    problem = t(lang, "input.inSchools", { dir });
  } else if (at === canonical(inputs.config)) {
    problem = t(lang, "input.isConfig");
  } else {
    const own = inputs.rulesetPaths.find((p) => inside(at, canonical(p)));
    if (own !== undefined) problem = t(lang, "input.inOwnRules", { dir: rel(own) });
  }
  if (problem === undefined) return;
  // As the repository names it, when it lies in the repository.
  const shown = inside(resolve(target), inputs.root) ? rel(resolve(target)) : target;
  throw new UsageError(t(lang, "input.refused", { what, target: shown, problem }), [t(lang, "input.refused.hint", { config: CONFIG_FILE, example })]);
}

const inside = isInside;

/**
 * The path with its symbolic links resolved, as far as it exists: a link to
 * a school folder, or a file not written yet in one, is still that place.
 * The native call gives the name's case as stored, so a case-insensitive
 * file system cannot make `Scholen/` look like another folder.
 */
function canonical(path: string): string {
  if (existsSync(path)) return realpathSync.native(path);
  const parent = dirname(path);
  return parent === path ? path : join(canonical(parent), basename(path));
}
