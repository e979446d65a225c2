/**
 * The core: `audit(options)` → plain result data, shared by every command
 * and by the tests. It throws typed errors for unusable input and otherwise
 * reports everything as findings.
 */
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Worker } from "node:worker_threads";
import type { CheckEnv, Detail } from "../engine/check-env.js";
import { sortFindings } from "../core/finding-order.js";
import { cacheFile, fileStamps, NO_CACHE, SchoolCache, type ResultCache, type Stamped } from "../engine/cache.js";
import { compileRuleset } from "../engine/compiled-ruleset.js";
import { withGroups } from "../engine/findings.js";
import { collectSooner, runSchools } from "../engine/run-schools.js";
import { poolFor, stopWorkers } from "../engine/pool.js";
import { pooledRunner } from "../engine/pooled-runner.js";
import { IN_THREAD, type SchoolRunner } from "../engine/school-runner.js";
import { isRealDate } from "../documents/formats.js";
import { loadConfig, findRepoRoot } from "../repo/config.js";
import { changedSchoolDirs } from "../repo/changed.js";
import { discoverSchools } from "../repo/discover.js";
import { folderSchoolId } from "../engine/school-identity.js";
import { keepSchoolIdsUnique } from "../engine/unique-school-ids.js";
import { refuseInput, repoInputs, type RepoInputs } from "../repo/inputs.js";
import { expandPathGlobs } from "../repo/path-glob.js";
import { onlyFile, stdinSchool, type StdinFile, type StdinSchool } from "./stdin-file.js";
import { loadRuleset, rulesetFiles } from "../ruleset/load.js";
import type { Ruleset } from "../rules/ruleset-model.js";
import { schooljaarOf, todayIso } from "../core/dates.js";
import { UsageError } from "../core/errors.js";
import { t } from "../i18n/messages.js";
import type { AuditResult, Finding, Lang, SchoolResult, Steunpunt } from "../core/types.js";
import { countStatuses } from "../core/status-counts.js";
import { TOOL_VERSION } from "../core/version.js";

export interface AuditOptions {
  /** Repository folder given with -C/--repo; otherwise found from `cwd` upward. */
  repo?: string;
  cwd: string;
  /** Limit to schools that contain these paths (files or folders). */
  paths?: string[];
  /** Limit to these school ids. */
  schools?: string[];
  peildatum?: string;
  schooljaar?: string;
  lang?: Lang;
  /** Worker threads; default: the machine's cores, 1 = none. */
  jobs?: number;
  /**
   * Workers the caller started as it began (`startWorkers(jobs)`), so that
   * they load while this thread loads the tool: used when the run is large
   * enough to pay, stopped otherwise. An audit that fails stops them too.
   */
  workers?: Worker[];
  /** Cache file (`--cache`); absent: no cache. Relative to the repository. */
  cache?: string;
  /** Told one line for stderr when the cache file is not used (damaged, foreign, not a file). */
  warn?: (line: string) => void;
  /** Files the caller will write (`check --output`): refused before anything is checked when they are the repository's input. */
  outputs?: string[];
  /** Only schools with files changed since this git ref. */
  changedSince?: string;
  /**
   * A school file's text from elsewhere (`check --stdin`): only its school is
   * checked, with this text in place of the file, no cache is used, and only
   * the findings about that file are kept.
   */
  stdin?: StdinFile;
  /**
   * `check` needs findings and statuses only; `coverage` also each school's
   * aanbod; reports also the score history and visitaties (default).
   */
  detail?: Detail;
}

export const DEFAULT_CACHE = ".sop-audit-cache";

export interface AuditContext {
  root: string;
  ruleset: Ruleset;
  env: CheckEnv;
}

type Prepared = AuditContext & { config: ReturnType<typeof loadConfig>; lang: Lang };

/** Repository, config, ruleset and dates: everything before the schools. */
export function prepareAudit(options: AuditOptions): Prepared {
  const repo = prepareRepo(options);
  return { ...repo, ruleset: loadRepoRuleset(repo) };
}

function prepareRepo(options: AuditOptions): Omit<Prepared, "ruleset"> {
  let lang: Lang = options.lang ?? "nl";
  const start = options.repo ? resolve(options.cwd, options.repo) : options.cwd;
  const root = findRepoRoot(start, options.repo !== undefined, lang);
  const config = loadConfig(root, lang);
  lang = options.lang ?? config.config.taal ?? "nl";
  const peildatum = options.peildatum ?? config.config.peildatum ?? todayIso();
  if (!isRealDate(peildatum)) throw new UsageError(t(lang, "usage.peildatum", { found: JSON.stringify(peildatum) }));
  const schooljaar = options.schooljaar ?? config.config.schooljaar ?? schooljaarOf(peildatum);
  if (!/^\d{4}-\d{4}$/.test(schooljaar) || Number(schooljaar.slice(5)) !== Number(schooljaar.slice(0, 4)) + 1) {
    throw new UsageError(t(lang, "usage.schooljaar", { found: JSON.stringify(schooljaar) }));
  }
  const regime = config.config.regime;
  return { root, env: { lang, peildatum, schooljaar, ...(regime ? { regime } : {}) }, config, lang };
}

function loadRepoRuleset({ root, config, lang }: Omit<Prepared, "ruleset">): Ruleset {
  return loadRuleset({
    profile: config.config.ruleset.profile,
    paths: (config.config.ruleset.paths ?? []).map((p) => resolve(root, p)),
    root,
    config: { file: config.source, rules: config.config.ruleset.rules ?? {} },
    lang,
  });
}

/**
 * What identifies the ruleset a run would build: its options and the stamps
 * of its files and sop-audit.yaml. A cache keeps the ruleset under it, so a
 * run whose files did not change skips layering; one with errors is never
 * stored, so they still show.
 */
function rulesetIdentity({ root, config, lang }: Omit<Prepared, "ruleset">): { key: string; stamped: Stamped | undefined } {
  const set = config.config.ruleset;
  const files = [...rulesetFiles({ paths: (set.paths ?? []).map((p) => resolve(root, p)) }), resolve(root, config.source.file)];
  return { key: JSON.stringify({ profile: set.profile, paths: set.paths ?? [], rules: set.rules ?? {}, lang, files }), stamped: fileStamps("", files) };
}

/**
 * The places this run will write, refused when they are the repository's
 * input: the caller's output files, and the cache, whose file it returns.
 */
function placesToWrite(options: AuditOptions, inputs: RepoInputs, lang: Lang): string | undefined {
  for (const file of options.outputs ?? []) {
    refuseInput(file, inputs, t(lang, "input.outputFile"), t(lang, "input.outputFile.example"), lang);
  }
  if (options.cache === undefined) return undefined;
  const file = cacheFile(resolve(inputs.root, options.cache));
  refuseInput(file, inputs, t(lang, "input.cache"), t(lang, "input.cache.example", { dir: DEFAULT_CACHE }), lang);
  return file;
}

export async function audit(options: AuditOptions): Promise<AuditResult> {
  return (await auditWith(options, (file, root, lang) => (file === undefined ? NO_CACHE : new SchoolCache(file, { root, lang, warn: options.warn })))).result;
}

/** One run of an audit session. */
export interface AuditRun {
  result: AuditResult;
  /** Schools checked in this run; the others came from the cache. */
  checked: number;
}

/**
 * Told, before any school is looked at, what the run reads: sop-audit.yaml,
 * the schools folder, the own rule files, and every school folder found
 * (absolute, also those a selection leaves out). A watcher started then
 * sees an edit made while the run checks.
 */
export type InputsListener = (inputs: RepoInputs, schoolDirs: string[], lang: Lang) => void;

/**
 * Audits the same repository again and again (`check --watch`). Each
 * school's result is kept in memory between runs, keyed as `--cache` keys
 * it, so a run after an edit checks only the schools whose files changed,
 * and layers the ruleset again only when its files or sop-audit.yaml
 * changed. With `options.cache` the cache file is read once and kept up to
 * date too. Every run's result is the one `audit()` would give.
 */
export function auditSession(options: AuditOptions, onInputs: InputsListener): { run(): Promise<AuditRun> } {
  // Workers started early serve one run; each run of a session starts its own when it needs them.
  const { workers, ...each } = options;
  stopWorkers(workers);
  let cache: SchoolCache | undefined;
  return { run: () => auditWith(each, (file, root, lang) => (cache ??= new SchoolCache(file, { root, lang, warn: options.warn })), onInputs) };
}

/** The cache to use, given the cache file of the options (if any), the repository and the language. */
type CacheFor = (file: string | undefined, root: string, lang: Lang) => ResultCache;

async function auditWith(
  options: AuditOptions,
  cacheFor: CacheFor,
  onInputs?: InputsListener,
): Promise<AuditRun> {
  try {
    return await auditOnce(options, cacheFor, onInputs);
  } catch (error) {
    // Workers started early would wait for orders that never come.
    stopWorkers(options.workers);
    throw error;
  }
}

async function auditOnce(
  options: AuditOptions,
  cacheFor: CacheFor,
  onInputs?: InputsListener,
): Promise<AuditRun> {
  const { root, env, config, lang } = prepareRepo(options);
  const inputs = repoInputs(root, config.config, lang);
  const cacheFileAt = placesToWrite(options, inputs, lang);
  const schoolsDir = inputs.schoolsRel;
  const discovered = discoverSchools(root, schoolsDir, lang);
  onInputs?.(inputs, discovered.schools.map((s) => join(root, s.dir)), lang);
  const fromStdin = options.stdin && stdinSchool(options.stdin, discovered.schools, root, pathBase(options), lang);
  let selected = fromStdin ? [fromStdin.school] : selectSchools(discovered.schools, root, options, lang);
  if (options.changedSince !== undefined && !fromStdin) {
    const changed = changedSchoolDirs(root, options.changedSince, schoolsDir, lang);
    if (changed !== "all") selected = selected.filter((s) => changed.has(s.dir));
  }
  if (fromStdin) return auditStdin(fromStdin, root, env, config, lang, options);
  const cache = cacheFor(cacheFileAt, root, lang);
  cache.startRun();
  const runner = chooseRunner(options, cache, selected.length);
  // A school folder that is gone takes its cache entry with it (a run of a selection keeps the others').
  cache.keepOnly(new Set(discovered.schools.map((s) => s.id)));
  let ruleset: Ruleset;
  try {
    const repo = { root, env, config, lang };
    ruleset = cache.rulesetOf(() => rulesetIdentity(repo), () => loadRepoRuleset(repo));
  } catch (error) {
    // Waiting workers would keep the process alive after a ruleset error.
    runner.close();
    throw error;
  }

  const { results, files, checked } = await runSchools({
    root,
    compiled: compileRuleset(ruleset),
    env: { ...env, detail: options.detail ?? "report" },
    schools: selected,
    cache,
    runner,
  });
  cache.save();
  // Reports render from every school's details: from here on garbage is collected sooner.
  if ((options.detail ?? "report") !== "check") collectSooner();
  const topLevel = sortFindings(withGroups([...config.findings, ...discovered.findings]));
  const folders = { found: discovered.schools.length + discovered.unreadable, unreadable: discovered.unreadable };
  return {
    // The configuration file counts as a file read.
    result: buildResult(ruleset, env, config.config.swv, keepSchoolIdsUnique(results, lang), topLevel, files + 1, folders),
    checked,
  };
}

/** One school file's text from stdin, checked on this thread; the result holds the findings about that file alone. */
async function auditStdin(from: StdinSchool, root: string, env: Prepared["env"], config: Prepared["config"], lang: Lang, options: AuditOptions): Promise<AuditRun> {
  stopWorkers(options.workers);
  const ruleset = loadRepoRuleset({ root, env, config, lang });
  const { results } = await runSchools({ root, compiled: compileRuleset(ruleset), env: { ...env, detail: options.detail ?? "report" }, schools: [from.school], cache: from.cache, runner: IN_THREAD });
  const school = onlyFile(keepSchoolIdsUnique(results, lang)[0]!, from.file);
  return { result: buildResult(ruleset, env, config.config.swv, [school], [], 1, { found: 1, unreadable: 0 }), checked: 1 };
}

/** Like `git -C`, paths on the command line are relative to the folder given with -C. */
function pathBase(options: AuditOptions): string {
  return options.repo ? resolve(options.cwd, options.repo) : options.cwd;
}

/**
 * Worker threads, or this thread alone. When the cache holds nothing, every
 * selected school will be checked and whether workers pay is known now: they
 * load their modules while this thread loads the ruleset. Otherwise only the
 * lookups tell how many schools are left, and the pooled runner decides then.
 */
function chooseRunner(options: AuditOptions, cache: ResultCache, selected: number): SchoolRunner {
  if (!cache.holdsNothing()) return pooledRunner(options.jobs, options.workers);
  const pool = poolFor(options.jobs, selected, options.workers);
  return pool ? pooledRunner(options.jobs, pool) : IN_THREAD;
}

export function buildResult(
  ruleset: Ruleset,
  env: CheckEnv,
  swv: { code?: string; naam: string; website?: string; ouderJeugdsteunpunt?: Steunpunt },
  schools: SchoolResult[],
  findings: Finding[],
  files: number,
  /** School folders found, and of those the ones that could not be audited; by default the schools given. */
  folders: { found: number; unreadable: number } = { found: schools.length, unreadable: 0 },
): AuditResult {
  const all = [...findings, ...schools.flatMap((s) => s.findings)];
  const statuses = countStatuses(schools.map((s) => s.statuses));
  const vocab = (name: string) => (ruleset.lijsten[name] ?? []).map((v) => ({ id: v.id, ...(v.naam ? { naam: v.naam } : {}), ...(v.uitleg ? { uitleg: { ...v.uitleg } } : {}) }));
  const steunpunt = swv.ouderJeugdsteunpunt;
  return {
    formatVersion: 1,
    tool: { name: "sop-audit", version: TOOL_VERSION },
    repo: {
      swv: {
        ...(swv.code !== undefined ? { code: swv.code } : {}),
        naam: swv.naam,
        ...(swv.website !== undefined ? { website: swv.website } : {}),
        ...(steunpunt !== undefined ? { ouderJeugdsteunpunt: { ...steunpunt } } : {}),
      },
      profile: ruleset.profile,
      lang: env.lang,
      peildatum: env.peildatum,
      schooljaar: env.schooljaar,
      rulesetHash: ruleset.hash,
    },
    standards: ruleset.standards.map((s) => ({ id: s.id, title: s.titel, source: s.source })),
    items: ruleset.items.map((it) => ({ id: it.id, standard: it.standaard, text: it.tekst, source: it.source, sectors: it.sectoren ?? [] })),
    rules: ruleset.rules.map((r) => ({
      id: r.id,
      titel: r.titel,
      kind: r.kind,
      severity: r.severity,
      source: r.source,
      ...(r.indicator ? { indicator: r.indicator } : {}),
      ...(r.document ? { document: r.document } : {}),
      cadence: isCadenceRule(r),
    })),
    vocab: { behoeften: vocab("ondersteuningsbehoeften"), niveaus: vocab("niveaus"), onderwijstypen: vocab("onderwijstypen") },
    dekkendAanbod: ruleset.dekkendAanbod,
    schools,
    findings,
    summary: {
      schoolFolders: folders.found,
      unreadableSchoolFolders: folders.unreadable,
      schools: schools.length,
      files,
      errors: all.filter((f) => f.severity === "error").length,
      warnings: all.filter((f) => f.severity === "warning").length,
      infos: all.filter((f) => f.severity === "info").length,
      waived: schools.reduce((n, s) => n + s.waivedFindings.length, 0),
      statuses,
    },
  };
}

/** Does the rule check that a document is there, or recent enough? */
function isCadenceRule(rule: Ruleset["rules"][number]): boolean {
  if (rule.document !== "sop" && rule.document !== "zelfevaluatie" && rule.document !== "visitatie") return false;
  if (rule.kind === "document-exists") return true;
  // The document's own date: when the SOP was set, the zelfevaluatie filled in, the visit made.
  const path = (rule.params as { path?: string }).path;
  return rule.kind === "date-max-age" && (path === "vaststelling.datum" || path === "datum");
}

function selectSchools(all: { id: string; dir: string }[], root: string, options: AuditOptions, lang: Lang) {
  let out = all;
  if (options.schools) {
    const wanted = new Set(options.schools);
    // By folder name, or by the school code a folder's name makes in capitals (09qa00 → 09QA00).
    out = out.filter((s) => wanted.has(s.id) || wanted.has(folderSchoolId(s.id)));
  }
  if (options.paths && options.paths.length > 0) {
    const base = pathBase(options);
    // A quoted glob ('scholen/12*') is expanded here, the same on every shell and system.
    const paths = expandPathGlobs(options.paths, all, root, base, lang);
    const rels = paths.map((p) => {
      const abs = isAbsolute(p) ? p : resolve(base, p);
      const rel = relative(root, abs).split(sep).join("/");
      if (rel.startsWith("..")) throw new UsageError(t(lang, "repo.pathOutside", { path: p }));
      return rel;
    });
    out = out.filter((s) => rels.some((r) => r === "" || r === s.dir || r.startsWith(`${s.dir}/`) || s.dir.startsWith(`${r}/`)));
    for (const [i, r] of rels.entries()) {
      const known = all.some((s) => r === "" || r === s.dir || r.startsWith(`${s.dir}/`) || s.dir.startsWith(`${r}/`));
      if (!known) throw new UsageError(t(lang, "repo.unknownPath", { path: paths[i] }));
    }
  }
  return out;
}
