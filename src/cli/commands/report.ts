/**
 * `sop-audit report`: the reports for people — the SWV overview, per school
 * what it still lacks, and the dekkend-aanbod matrix — as Markdown and/or
 * HTML in one folder (default `rapporten/` at the repository root).
 */
import { join } from "node:path";
import { Option, type Command } from "commander";
import type { ReportFormat } from "../../report/render.js";
import { addRepoOptions, auditOptions, type RepoFlags } from "../options.js";
import type { RegisterCommand } from "./index.js";

interface ReportFlags extends RepoFlags {
  out?: string;
  format?: ReportFormat;
  templates?: string;
}

export const registerReport: RegisterCommand = (program: Command, io, done) => {
  const cmd = program
    .command("report")
    .description("maak de rapporten: overzicht van het SWV, per school wat ontbreekt, en het dekkend aanbod");
  addRepoOptions(cmd)
    .option("-o, --out <map>", "map voor de rapporten (standaard: rapporten/ in de repository; nooit in scholen/)")
    .addOption(new Option("--format <formaat>", "alleen dit formaat (standaard: md en html)").choices(["md", "html"]))
    .option("--templates <map>", "eigen sjablonen en partials (huisstijl, logo) die de standaard vervangen")
    .action(async (flags: ReportFlags) => {
      // Loaded when the command runs: other commands start without them.
      const [
        { audit },
        { buildCoverage },
        { buildGap },
        { buildOverview },
        { createRenderer },
        { displayPath, repoPlace, resolveOutDir, writeReport },
      ] = await Promise.all([
        import("../../core/audit.js"),
        import("../../report/coverage.js"),
        import("../../report/gap.js"),
        import("../../report/overview.js"),
        import("../../report/render.js"),
        import("./report-output.js"),
      ]);
      const result = await audit(auditOptions(flags, io.cwd));
      const lang = result.repo.lang;
      const place = repoPlace(flags, io.cwd, lang);
      const out = resolveOutDir(flags.out, io.cwd, place, lang);
      const formats: ReportFormat[] = flags.format ? [flags.format] : ["md", "html"];
      const overview = buildOverview(result, { lang, linkSchools: true });
      const coverage = buildCoverage(result, { lang });
      const gaps = result.schools.map((s) => ({ id: s.id, vm: buildGap(result, { lang, schools: [s.id] }) }));
      io.err(lang === "en" ? `Writing reports to ${displayPath(io.cwd, out)}:\n` : `Rapporten schrijven naar ${displayPath(io.cwd, out)}:\n`);
      let count = 0;
      for (const format of formats) {
        const renderer = createRenderer({ format, lang, ...(flags.templates !== undefined ? { templatesDir: flags.templates } : {}) });
        writeReport(io, join(out, `overzicht.${format}`), renderer.render("overview", overview));
        writeReport(io, join(out, `dekkend-aanbod.${format}`), renderer.render("coverage", coverage));
        for (const g of [...gaps].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
          writeReport(io, join(out, `school-${g.id}.${format}`), renderer.render("gap", g.vm));
        }
        count += 2 + gaps.length;
      }
      io.err(lang === "en" ? `${count} reports written.\n` : `${count} rapporten geschreven.\n`);
      done({ kind: "done" });
    });
};
