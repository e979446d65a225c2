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

type CoverageFormat = "md" | "html" | "csv" | "json";
const FORMATS: readonly CoverageFormat[] = ["md", "html", "csv", "json"];

interface CoverageFlags extends RepoFlags {
  format?: CoverageFormat;
  output?: string;
  group?: CoverageGroupKey;
  templates?: string;
}

/** The format: --format, else the extension of --output, else Markdown. */
export function coverageFormat(format: CoverageFormat | undefined, output: string | undefined): CoverageFormat {
  if (format) return format;
  if (output) {
    const ext = extname(output).slice(1).toLowerCase();
    if (ext === "htm") return "html";
    if (ext === "markdown") return "md";
    if ((FORMATS as readonly string[]).includes(ext)) return ext as CoverageFormat;
    throw new UsageError(`kan het formaat van ${output} niet afleiden uit de extensie`, ["Geef --format md, html, csv of json op."]);
  }
  return "md";
}

export const registerCoverage: RegisterCommand = (program: Command, io, done) => {
  const cmd = program
    .command("coverage")
    .description("toon het dekkend aanbod: per ondersteuningsbehoefte welke scholen het bieden, en of de regio gedekt is");
  addRepoOptions(cmd)
    .addOption(new Option("--format <formaat>", "uitvoerformaat (standaard: uit de extensie van --output, anders md)").choices([...FORMATS]))
    .option("--output <bestand>", "schrijf naar dit bestand in plaats van naar het scherm")
    .addOption(new Option("--group <indeling>", "kolommen groeperen per (standaard: het profiel, anders onderwijstype)").choices(["onderwijstype", "kring", "gemeente"]))
    .option("--templates <map>", "eigen sjablonen en partials (huisstijl, logo) die de standaard vervangen")
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
      const format = coverageFormat(flags.format, flags.output);
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
