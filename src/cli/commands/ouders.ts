/**
 * `sop-audit ouders <school>`: a short explanation for parents of the help a
 * school gives, in plain language (Wet 36 443), as Markdown and/or HTML, and
 * as PDF with --pdf. With --all: one file per school, as each is published
 * on its own.
 */
import { join } from "node:path";
import { Option, type Command } from "commander";
import { addRepoOptions, auditOptions } from "../options.js";
import { findSchool } from "../school-arg.js";
import type { RegisterCommand } from "./index.js";
import type { SchoolReportFlags } from "./school-report.js";
import { t } from "../../i18n/messages.js";

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
    .action(async (school: string | undefined, flags: SchoolReportFlags) => {
      // Loaded when the command runs: other commands start without them.
      const [{ audit }, { htmlToPdf }, { buildOuders }, { displayPath, writeReportPieces }, { schoolReportSetup }, { schoolFileStem }] = await Promise.all([
        import("../../audit/audit.js"),
        import("../../report/pdf.js"),
        import("../../report/ouders.js"),
        import("./report-output.js"),
        import("./school-report.js"),
        import("../../report/file-names.js"),
      ]);
      const { out, renderers } = schoolReportSetup("ouders", school, flags, io.cwd, helpLang);
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
