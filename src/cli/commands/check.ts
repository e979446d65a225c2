/** `sop-audit check [paths…]`: validate every school and print the findings. */
import { resolve } from "node:path";
import { Option, type Command } from "commander";
import { UsageError } from "../../core/errors.js";
import type { AuditOptions } from "../../audit/audit.js";
import type { AuditResult } from "../../core/types.js";
import { FORMAT_NAMES, isFormatName, type FormatName } from "../../format/index.js";
import type { StylishContext } from "../../format/stylish.js";
import type { RegisterCommand } from "./index.js";
import { addRepoOptions, auditOptions, parseNonNegativeInt, type RepoFlags } from "../options.js";
import { exceedsMaxWarnings, type CommandOutcome, type FailOn } from "../exit-code.js";
import { MAX_INPUT_BYTES } from "../../core/read-input.js";
import type { Lang } from "../../core/types.js";
import type { Io } from "../io.js";
import { reportError } from "../report-error.js";
import { startWorkersEarly } from "../../audit/early-workers.js";
import { t } from "../../i18n/messages.js";

interface CheckFlags extends RepoFlags {
  failOn: FailOn;
  maxWarnings?: number;
  quiet?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  jobs?: number;
  changedSince?: string;
  timestamp?: boolean;
  watch?: boolean;
  stdin?: boolean;
  stdinFilename?: string;
  printConfig?: boolean;
  json?: boolean;
}

interface Output {
  format: FormatName;
  file?: string;
}

export const registerCheck: RegisterCommand = (program: Command, io, done, lang) => {
  // --format and --output pair up in the order given: each --output belongs
  // to the --format before it (or to the default stylish output).
  const outputs: Output[] = [];
  const addFormat = (name: string) => {
    if (!isFormatName(name)) throw new UsageError(t(lang, "cli.check.unknownFormat", { name, formats: FORMAT_NAMES.join(", ") }));
    outputs.push({ format: name });
    return name;
  };
  const addOutput = (file: string) => {
    if (outputs.length === 0) outputs.push({ format: "stylish" });
    const last = outputs[outputs.length - 1]!;
    if (last.file !== undefined) throw new UsageError(t(lang, "cli.check.outputTaken", { file, format: last.format }));
    last.file = file;
    return file;
  };
  const cmd = program
    .command("check")
    .description(t(lang, "cli.check"))
    .argument(t(lang, "cli.arg.paths"), t(lang, "cli.check.paths"));
  addRepoOptions(cmd, lang)
    .option(`-f, --format ${t(lang, "cli.arg.name")}`, t(lang, "cli.check.format", { formats: FORMAT_NAMES.join(", ") }), addFormat)
    .option(`-o, --output ${t(lang, "cli.arg.file")}`, t(lang, "cli.check.output"), addOutput)
    .addOption(new Option(`--fail-on ${t(lang, "cli.arg.severity")}`, t(lang, "cli.check.failOn")).choices(["error", "warning", "info", "never"]).default("error"))
    .option("--max-warnings <n>", t(lang, "cli.check.maxWarnings"), parseNonNegativeInt("--max-warnings", lang))
    .option("--quiet", t(lang, "cli.check.quiet"))
    .option("--changed-since <git-ref>", t(lang, "cli.check.changedSince"))
    .option("--timestamp", t(lang, "cli.check.timestamp"))
    .option("--cache", t(lang, "cli.check.cache"))
    .option(`--cache-location ${t(lang, "cli.arg.file")}`, t(lang, "cli.check.cacheLocation"))
    .option("--jobs <n>", t(lang, "cli.check.jobs"), parseNonNegativeInt("--jobs", lang))
    .option("--watch", t(lang, "cli.check.watch"))
    .addOption(new Option("--stdin", t(lang, "cli.check.stdin")).conflicts(["watch", "changedSince", "cache", "cacheLocation"]))
    .option(`--stdin-filename ${t(lang, "cli.arg.file")}`, t(lang, "cli.check.stdinFilename"))
    .option("--print-config", t(lang, "cli.check.printConfig"))
    .option("--json", t(lang, "cli.check.json"))
    .action(async (paths: string[], flags: CheckFlags) => {
      const stdinPath = stdinPathOf(paths, flags, lang);
      if (flags.json && !flags.printConfig) throw new UsageError(t(lang, "cli.check.jsonNeedsPrintConfig"));
      if (flags.printConfig) {
        const { printConfig } = await import("../print-config.js");
        printConfig(auditOptions(flags, io.cwd), flags.json === true, io);
        return done({ kind: "done" });
      }
      // Started first, so that they load while this thread loads the rest; audit() uses or stops them.
      const stdin = stdinPath !== undefined ? { path: stdinPath, bytes: await readStdin(io, lang) } : undefined;
      const workers = stdin ? undefined : startWorkersEarly({
        jobs: flags.jobs,
        start: flags.repo ? resolve(io.cwd, flags.repo) : io.cwd,
        explicit: flags.repo !== undefined,
        cache: flags.cache === true || flags.cacheLocation !== undefined,
        watch: flags.watch === true,
      });
      // Loaded here, not at start-up: --help and other commands stay fast.
      const [{ audit, DEFAULT_CACHE }, { TOOL_VERSION }, { CHUNKED, FORMATTERS }, { inBlocks, writeChunksAtomic }] = await Promise.all([
        import("../../audit/audit.js"),
        import("../../core/version.js"),
        import("../../format/index.js"),
        import("../../core/write.js"),
      ]);
      const files = outputs.flatMap((o) => (o.file !== undefined ? [resolve(io.cwd, o.file)] : []));
      const options: AuditOptions = {
        ...auditOptions(flags, io.cwd),
        detail: "check",
        // Refused before the schools are checked when they are the repository's input.
        ...(files.length > 0 ? { outputs: files } : {}),
        ...(paths.length ? { paths } : {}),
        // A path given is relative to where the command runs (as --output is); the default lives in the repository.
        ...(flags.cache || flags.cacheLocation ? { cache: flags.cacheLocation !== undefined ? resolve(io.cwd, flags.cacheLocation) : DEFAULT_CACHE } : {}),
        ...(flags.jobs ? { jobs: flags.jobs } : {}),
        ...(workers ? { workers } : {}),
        ...(flags.changedSince !== undefined ? { changedSince: flags.changedSince } : {}),
        ...(stdin ? { stdin } : {}),
        warn: (line) => io.err(`${io.color.yellow("sop-audit:")} ${line}\n`),
      };
      const write = async (result: AuditResult) => {
        const shown = flags.quiet ? onlyErrors(result) : result;
        const ctx: StylishContext = {
          lang: result.repo.lang,
          version: TOOL_VERSION,
          color: io.color,
          ...(flags.timestamp ? { timestamp: new Date().toISOString() } : {}),
          ...(flags.quiet ? { errorsOnly: true } : {}),
        };
        const wanted = outputs.length > 0 ? outputs : [{ format: "stylish" as const }];
        for (const out of wanted) {
          // Files never get colour codes.
          const outCtx = out.file === undefined ? ctx : ({ ...ctx, color: undefined } as StylishContext);
          const chunked = CHUNKED[out.format];
          const pieces = chunked ? (await chunked())(shown, outCtx) : [(await FORMATTERS[out.format]())(shown, outCtx)];
          if (out.file === undefined) {
            for (const block of inBlocks(pieces)) io.out(block);
          } else {
            writeChunksAtomic(resolve(io.cwd, out.file), pieces, result.repo.lang);
            io.err(`${out.format} → ${out.file}\n`);
          }
        }
      };
      const outcome = (result: AuditResult): CommandOutcome => ({
        kind: "audit",
        summary: result.summary,
        failOn: flags.failOn,
        ...(flags.maxWarnings !== undefined ? { maxWarnings: flags.maxWarnings } : {}),
      });
      if (!flags.watch) {
        const result = await audit(options);
        await write(result);
        sayTooManyWarnings(result, flags, io);
        return done(outcome(result));
      }
      done(await watch(options, write, outcome, io, flags));
    });
};

/**
 * `--watch`: every run's outputs as without it, and a line on stderr after
 * each; Ctrl-C (or SIGTERM) stops, with the exit code of the last run.
 * During the first run (all schools, which may take a while) a signal
 * still ends the process at once, as it ends a check without --watch.
 */
async function watch(options: AuditOptions, write: (result: AuditResult) => Promise<void>, outcome: (result: AuditResult) => CommandOutcome, io: Io, flags: CheckFlags): Promise<CommandOutcome> {
  const [{ watchAudit }, { t }] = await Promise.all([import("../../audit/watch.js"), import("../../i18n/messages.js")]);
  const stopper = new AbortController();
  const stop = () => stopper.abort();
  let listening = false;
  let lang = options.lang ?? "nl";
  try {
    const end = await watchAudit({
      audit: options,
      signal: stopper.signal,
      onRun: async ({ result, checked }) => {
        if (!listening) {
          listening = true;
          process.on("SIGINT", stop);
          process.on("SIGTERM", stop);
        }
        lang = result.repo.lang;
        await write(result);
        sayTooManyWarnings(result, flags, io);
        io.err(`sop-audit --watch: ${t(lang, "watch.ran", { checked, schools: result.summary.schools })}\n`);
      },
      onError: (error) => {
        reportError(error, io);
        io.err(`sop-audit --watch: ${t(lang, "watch.failed")}\n`);
      },
    });
    return "run" in end ? outcome(end.run.result) : { kind: "failed", error: end.error };
  } finally {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
  }
}

/** --quiet: warnings and info are not shown, nor counted in the summary; they still count for --fail-on and --max-warnings. */
function onlyErrors(r: AuditResult): AuditResult {
  return {
    ...r,
    findings: r.findings.filter((f) => f.severity === "error"),
    schools: r.schools.map((s) => ({ ...s, findings: s.findings.filter((f) => f.severity === "error") })),
    summary: { ...r.summary, warnings: 0, infos: 0 },
  };
}

/** Why the exit code is 1 when the findings alone would not say it: one line on stderr, as ESLint gives. */
function sayTooManyWarnings(result: AuditResult, flags: CheckFlags, io: Io): void {
  const { warnings } = result.summary;
  if (!exceedsMaxWarnings(warnings, flags.maxWarnings)) return;
  io.err(`${io.color.yellow("sop-audit:")} ${t(result.repo.lang, "cli.check.tooManyWarnings", { warnings, max: flags.maxWarnings! })}\n`);
}

/** --stdin and --stdin-filename come together, and without paths: the path of the text is the one path. */
function stdinPathOf(paths: string[], flags: CheckFlags, lang: Lang): string | undefined {
  if (!flags.stdin && flags.stdinFilename === undefined) return undefined;
  if (!flags.stdin) throw new UsageError(t(lang, "cli.check.stdinFilenameAlone"));
  if (flags.stdinFilename === undefined) throw new UsageError(t(lang, "cli.check.stdinNeedsFilename"));
  if (paths.length > 0) throw new UsageError(t(lang, "cli.check.stdinWithPaths"));
  return flags.stdinFilename;
}

/** All of standard input, refused when it is larger than any school file may be. */
async function readStdin(io: Io, lang: Lang): Promise<Buffer> {
  const bytes = io.readStdin ? await io.readStdin(MAX_INPUT_BYTES) : Buffer.alloc(0);
  if (bytes.length > MAX_INPUT_BYTES) throw new UsageError(t(lang, "cli.check.stdinTooLarge", { limit: MAX_INPUT_BYTES }));
  return bytes;
}
