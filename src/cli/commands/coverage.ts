/**
 * `sop-audit coverage`: the dekkend-aanbod matrix, to stdout or a file, as
 * Markdown, HTML, CSV or JSON.
 */
import { extname, resolve } from "node:path";
import { Option, type Command } from "commander";
import { UsageError } from "../../core/errors.js";
import type { CoverageGroupKey } from "../../report/coverage.js";
import { addRepoOptions, auditOptions, type RepoFlags } from "../options.js";
import type { RegisterCommand } from "./index.js";
import type { Lang } from "../../core/types.js";
import { t } from "../../i18n/messages.js";

type CoverageFormat = "md" | "html" | "csv" | "json";
const FORMATS: readonly CoverageFormat[] = ["md", "html", "csv", "json"];

interface CoverageFlags extends RepoFlags {
  format?: CoverageFormat;
  output?: string;
  group?: CoverageGroupKey;
  templates?: string;
}

/** The format: --format, else the extension of --output, else Markdown. */
export function coverageFormat(format: CoverageFormat | undefined, output: string | undefined, lang: Lang = "nl"): CoverageFormat {
  if (format) return format;
  if (output) {
    const ext = extname(output).slice(1).toLowerCase();
    if (ext === "htm") return "html";
    if (ext === "markdown") return "md";
    if ((FORMATS as readonly string[]).includes(ext)) return ext as CoverageFormat;
    throw new UsageError(t(lang, "cli.coverage.noFormat", { output }), [t(lang, "cli.coverage.noFormat.hint")]);
  }
  return "md";
}

export const registerCoverage: RegisterCommand = (program: Command, io, done, helpLang) => {
  const cmd = program
    .command("coverage")
    .description(t(helpLang, "cli.coverage"));
  addRepoOptions(cmd, helpLang)
    .addOption(new Option(`--format ${t(helpLang, "cli.arg.format")}`, t(helpLang, "cli.coverage.format")).choices([...FORMATS]))
    .option(`--output ${t(helpLang, "cli.arg.file")}`, t(helpLang, "cli.coverage.output"))
    .addOption(new Option(`--group ${t(helpLang, "cli.arg.grouping")}`, t(helpLang, "cli.coverage.group")).choices(["onderwijstype", "kring", "gemeente"]))
    .option(`--templates ${t(helpLang, "cli.arg.dir")}`, t(helpLang, "cli.opt.templates"))
    .action(async (flags: CoverageFlags) => {
      // Loaded when the command runs: other commands start without them.
      const [
        { audit },
        { buildCoverage },
        { coverageCsvPieces, coverageJsonPieces },
        { createRenderer },
        { repoPlace, writeReportPieces },
        { inBlocks },
      ] = await Promise.all([
        import("../../audit/audit.js"),
        import("../../report/coverage.js"),
        import("../../report/coverage-csv.js"),
        import("../../report/render.js"),
        import("./report-output.js"),
        import("../../core/write.js"),
      ]);
      const format = coverageFormat(flags.format, flags.output, flags.lang ?? helpLang);
      const file = flags.output !== undefined ? resolve(io.cwd, flags.output) : undefined;
      // Own templates that do not parse are refused before the schools are checked, not after.
      const renderer =
        format === "md" || format === "html" ? createRenderer({ format, lang: repoPlace(flags, io.cwd).lang, ...(flags.templates !== undefined ? { templatesDir: resolve(io.cwd, flags.templates) } : {}) }) : undefined;
      // So is an output file on the repository's input.
      const result = await audit({ ...auditOptions(flags, io.cwd), detail: "coverage", ...(file !== undefined ? { outputs: [file] } : {}) });
      const lang = result.repo.lang;
      const matrix = buildCoverage(result, { lang, ...(flags.group ? { group: flags.group } : {}) });
      // In pieces, whatever the format: at national scale JSON is the largest text of the run.
      const pieces = format === "json" ? coverageJsonPieces(matrix) : renderer !== undefined ? renderer.renderPieces("coverage", matrix) : coverageCsvPieces(matrix);
      if (file !== undefined) {
        writeReportPieces(io, file, pieces, lang);
      } else {
        for (const block of inBlocks(pieces)) io.out(block);
      }
      done({ kind: "done" });
    });
};
