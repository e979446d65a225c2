/**
 * `sop-audit report`: the reports for people — the SWV overview, per school
 * what it still lacks, and the dekkend-aanbod matrix — as Markdown and/or
 * HTML in one folder (default `rapporten/` at the repository root).
 */
import { join, resolve } from "node:path";
import { Option, type Command } from "commander";
import type { ReportFormat, ReportKind } from "../../report/render.js";
import { addRepoOptions, auditOptions, type RepoFlags } from "../options.js";
import type { RegisterCommand } from "./index.js";
import { t } from "../../i18n/messages.js";

interface ReportFlags extends RepoFlags {
  out?: string;
  format?: ReportFormat;
  templates?: string;
}

export const registerReport: RegisterCommand = (program: Command, io, done, helpLang) => {
  const cmd = program
    .command("report")
    .description(t(helpLang, "cli.report"));
  addRepoOptions(cmd, helpLang)
    .option(`-o, --out ${t(helpLang, "cli.arg.dir")}`, t(helpLang, "cli.report.out"))
    .addOption(new Option(`--format ${t(helpLang, "cli.arg.format")}`, t(helpLang, "cli.opt.reportFormat")).choices(["md", "html"]))
    .option(`--templates ${t(helpLang, "cli.arg.dir")}`, t(helpLang, "cli.opt.templates"))
    .action(async (flags: ReportFlags) => {
      // Loaded when the command runs: other commands start without them.
      const [
        { audit },
        { buildCoverage },
        { buildSchoolGap },
        { buildOverview },
        { createRenderer },
        { displayPath, repoPlace, resolveOutDir, writeReportPieces },
        { schoolPageName },
      ] = await Promise.all([
        import("../../audit/audit.js"),
        import("../../report/coverage.js"),
        import("../../report/gap.js"),
        import("../../report/overview.js"),
        import("../../report/render.js"),
        import("./report-output.js"),
        import("../../report/file-names.js"),
      ]);
      // Where they go, and own templates that do not parse, are refused before the schools are checked, not after.
      const place = repoPlace(flags, io.cwd);
      const out = resolveOutDir(flags.out, io.cwd, place);
      const formats: ReportFormat[] = flags.format ? [flags.format] : ["md", "html"];
      const renderers = formats.map((format) => ({ format, renderer: createRenderer({ format, lang: place.lang, ...(flags.templates !== undefined ? { templatesDir: resolve(io.cwd, flags.templates) } : {}) }) }));
      const result = await audit(auditOptions(flags, io.cwd));
      const lang = result.repo.lang;
      io.err(`${t(lang, "cli.report.writing", { dir: displayPath(io.cwd, out) })}\n`);
      let count = 0;
      // One report at a time, in every format, its view built just before and dropped right after:
      // at 10,000 schools the views of all reports at once took more memory than the results.
      const writeAll = (name: string, template: ReportKind, view: object) => {
        for (const { format, renderer } of renderers) writeReportPieces(io, join(out, `${name}.${format}`), renderer.renderPieces(template, view), lang);
        count += renderers.length;
      };
      writeAll("overzicht", "overview", buildOverview(result, { lang, linkSchools: true }));
      writeAll("dekkend-aanbod", "coverage", buildCoverage(result, { lang }));
      for (const school of [...result.schools].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
        writeAll(schoolPageName(school.id), "gap", buildSchoolGap(result, school, { lang }));
      }
      io.err(`${t(lang, "cli.report.written", { count })}\n`);
      done({ kind: "done" });
    });
};
