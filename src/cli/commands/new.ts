/** `sop-audit new <schoolcode>`: a new school's folder with documents to fill in. */
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { UsageError } from "../../core/errors.js";
import { t } from "../../i18n/messages.js";
import { addRepoOptions, auditOptions, type RepoFlags } from "../options.js";
import type { RegisterCommand } from "./index.js";

interface NewFlags extends RepoFlags {
  naam?: string;
  sector?: string;
  markdown?: boolean;
  schoolgids?: boolean;
  sop?: boolean;
}

export const registerNew: RegisterCommand = (program: Command, io, done, lang) => {
  const cmd = program
    .command("new")
    .description(t(lang, "cli.new"))
    .argument("<schoolcode>", t(lang, "cli.new.code"))
    .option(`--naam ${t(lang, "cli.arg.name")}`, t(lang, "cli.new.naam"))
    .option("--sector <sector>", t(lang, "cli.new.sector"))
    .option("--markdown", t(lang, "cli.new.markdown"))
    .option("--schoolgids", t(lang, "cli.new.schoolgids"))
    .option("--sop", t(lang, "cli.new.sop"));
  addRepoOptions(cmd, lang).action(async (code: string, flags: NewFlags) => {
    const runLang = flags.lang ?? lang;
    if (flags.naam === undefined) throw new UsageError(t(runLang, "new.noName"));
    if (flags.sector === undefined) throw new UsageError(t(runLang, "new.noSector"));
    const [{ newSchoolFiles }, { writeNewFiles }] = await Promise.all([import("../../scaffold/school.js"), import("../../scaffold/write-new.js")]);
    const school = newSchoolFiles({ code, naam: flags.naam, sector: flags.sector, markdown: flags.markdown === true, options: [...(flags.schoolgids ? ["schoolgids"] : []), ...(flags.sop ? ["sop"] : [])], audit: auditOptions(flags, io.cwd) });
    // The whole folder, not only the files: a school that has one already is completed by hand.
    if (existsSync(join(school.root, school.dir))) throw new UsageError(t(school.lang, "new.exists", { dir: school.dir }), [t(school.lang, "new.exists.hint")]);
    writeNewFiles(school.root, school.files, school.lang);
    io.out(`${t(school.lang, "new.done", { code: code.toUpperCase(), naam: flags.naam, schooljaar: school.schooljaar })}\n`);
    for (const f of school.files) io.out(`  ${f.path}\n`);
    if (school.schoolgidsByLaw) io.out(`${t(school.lang, "new.schoolgidsByLaw", { schooljaar: school.schoolgidsByLaw.eersteSchooljaar })}\n`);
    io.out(`${t(school.lang, "new.next")}\n`);
    done({ kind: "done" });
  });
};
