/**
 * `sop-audit visitatie <school>`: the yearly visitatie report of one school
 * (or of all, with --all, in one document with a page per school), as
 * Markdown and/or HTML, and as PDF with --pdf.
 */
import { join } from "node:path";
import { Option, type Command } from "commander";
import { addRepoOptions, auditOptions } from "../options.js";
import { findSchool } from "../school-arg.js";
import type { RegisterCommand } from "./index.js";
import type { SchoolReportFlags } from "./school-report.js";
import { t } from "../../i18n/messages.js";

export const registerVisitatie: RegisterCommand = (program: Command, io, done, helpLang) => {
  const cmd = program
    .command("visitatie")
    .description(t(helpLang, "cli.visitatie"))
    .argument("[school]", t(helpLang, "cli.visitatie.school"));
  addRepoOptions(cmd, helpLang)
    .option(`-o, --out ${t(helpLang, "cli.arg.dir")}`, t(helpLang, "cli.visitatie.out"))
    .option("--all", t(helpLang, "cli.visitatie.all"))
    .option("--pdf", t(helpLang, "cli.visitatie.pdf"))
    .addOption(new Option(`--format ${t(helpLang, "cli.arg.format")}`, t(helpLang, "cli.opt.reportFormat")).choices(["md", "html"]))
    .option(`--templates ${t(helpLang, "cli.arg.dir")}`, t(helpLang, "cli.opt.templates"))
    .action(async (school: string | undefined, flags: SchoolReportFlags) => {
      // Loaded when the command runs: other commands start without them.
      const [
        { audit },
        { htmlToPdf },
        { buildVisitatie },
        { displayPath, writeReportPieces },
        { schoolReportSetup },
        { schoolFileStem },
      ] = await Promise.all([
        import("../../audit/audit.js"),
        import("../../report/pdf.js"),
        import("../../report/visitatie.js"),
        import("./report-output.js"),
        import("./school-report.js"),
        import("../../report/file-names.js"),
      ]);
      const { out, renderers } = schoolReportSetup("visitatie", school, flags, io.cwd, helpLang);
      const result = await audit(auditOptions(flags, io.cwd));
      const lang = result.repo.lang;
      const schooljaar = result.repo.schooljaar;
      const named = school !== undefined ? findSchool(result, school, lang).id : undefined;
      const vm = buildVisitatie(result, { lang, schooljaar, ...(named !== undefined ? { schools: [named] } : {}) });
      const base = named !== undefined ? `visitatie-${schoolFileStem(named)}-${schooljaar}` : `visitatie-${schooljaar}`;
      io.err(`${t(lang, "cli.visitatie.writing", { dir: displayPath(io.cwd, out) })}\n`);
      for (const { format, renderer } of renderers) writeReportPieces(io, join(out, `${base}.${format}`), renderer.renderPieces("visitatie", vm), lang);
      if (flags.pdf) {
        const pdf = join(out, `${base}.pdf`);
        // The peildatum as the PDF's date: two runs on the same files give the same bytes.
        await htmlToPdf(join(out, `${base}.html`), pdf, { creationDate: result.repo.peildatum });
        io.err(`  ${displayPath(io.cwd, pdf)}\n`);
      }
      done({ kind: "done" });
    });
};
