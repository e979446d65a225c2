/**
 * `sop-audit ouders <school>`: a short explanation for parents of the help a
 * school gives, in plain language (Wet 36 443), as Markdown and/or HTML, and
 * as PDF with --pdf. With --all: one file per school, as each is published
 * on its own.
 */
import { join, resolve } from "node:path";
import { Option, type Command } from "commander";
import { UsageError } from "../../core/errors.js";
import type { ReportFormat } from "../../report/render.js";
import { addRepoOptions, auditOptions, type RepoFlags } from "../options.js";
import { findSchool } from "../school-arg.js";
import type { RegisterCommand } from "./index.js";
import { t } from "../../i18n/messages.js";

interface OudersFlags extends RepoFlags {
  out?: string;
  all?: boolean;
  pdf?: boolean;
  format?: ReportFormat;
  templates?: string;
}

export const registerOuders: RegisterCommand = (program: Command, io, done, helpLang) => {
  const cmd = program
    .command("ouders")
    .description(t(helpLang, "cli.ouders"))
    .argument("[school]", t(helpLang, "cli.ouders.school"));
  addRepoOptions(cmd, helpLang)
    .option(`-o, --out ${t(helpLang, "cli.arg.dir")}`, t(helpLang, "cli.ouders.out"))
    .option("--all", t(helpLang, "cli.ouders.all"))
    .option("--pdf", t(helpLang, "cli.ouders.pdf"))
    .addOption(new Option(`--format ${t(helpLang, "cli.arg.format")}`, t(helpLang, "cli.opt.reportFormat")).choices(["md", "html"]))
    .option(`--templates ${t(helpLang, "cli.arg.dir")}`, t(helpLang, "cli.opt.templates"))
    .action(async (school: string | undefined, flags: OudersFlags) => {
      // Loaded when the command runs: other commands start without them.
      const [{ audit }, { htmlToPdf }, { createRenderer }, { buildOuders }, { displayPath, repoPlace, resolveOutDir, writeReportPieces }, { schoolFileStem }] = await Promise.all([
        import("../../audit/audit.js"),
        import("../../report/pdf.js"),
        import("../../report/render.js"),
        import("../../report/ouders.js"),
        import("./report-output.js"),
        import("../../report/file-names.js"),
      ]);
      // Before sop-audit.yaml is read: in the language of --lang, as commander's own errors.
      if (school !== undefined && flags.all) throw new UsageError(t(helpLang, "cli.ouders.schoolAndAll"));
      if (school === undefined && !flags.all) throw new UsageError(t(helpLang, "cli.ouders.whichSchool"), [t(helpLang, "cli.ouders.whichSchool.hint")]);
      // Where it goes, and own templates that do not parse, are refused before the schools are checked, not after.
      const place = repoPlace(flags, io.cwd);
      const out = resolveOutDir(flags.out, io.cwd, place);
      const formats: ReportFormat[] = flags.format ? [flags.format] : ["md", "html"];
      if (flags.pdf && !formats.includes("html")) formats.push("html");
      const renderers = formats.map((format) => ({ format, renderer: createRenderer({ format, lang: place.lang, ...(flags.templates !== undefined ? { templatesDir: resolve(io.cwd, flags.templates) } : {}) }) }));
      const result = await audit(auditOptions(flags, io.cwd));
      const lang = result.repo.lang;
      const ids = school !== undefined ? [findSchool(result, school, lang).id] : undefined;
      const vm = buildOuders(result, { lang, ...(ids !== undefined ? { schools: ids } : {}) });
      io.err(`${t(lang, "cli.ouders.writing", { dir: displayPath(io.cwd, out) })}\n`);
      for (const one of vm.schools) {
        const base = `ouders-${schoolFileStem(one.id)}-${result.repo.schooljaar}`;
        const page = { ...vm, schools: [one], subtitle: one.naam };
        for (const { format, renderer } of renderers) writeReportPieces(io, join(out, `${base}.${format}`), renderer.renderPieces("ouders", page), lang);
        if (flags.pdf) {
          const pdf = join(out, `${base}.pdf`);
          await htmlToPdf(join(out, `${base}.html`), pdf, { creationDate: result.repo.peildatum });
          io.err(`  ${displayPath(io.cwd, pdf)}\n`);
        }
      }
      done({ kind: "done" });
    });
};
