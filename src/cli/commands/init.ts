/** `sop-audit init [map]`: a new SWV repository, or a copy of a shipped example (`--voorbeeld`). */
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Command } from "commander";
import { UsageError } from "../../core/errors.js";
import type { Lang } from "../../core/types.js";
import { t } from "../../i18n/messages.js";
import { langOption } from "../options.js";
import type { RegisterCommand } from "./index.js";

interface InitFlags {
  profiel?: string;
  swv?: string;
  naam?: string;
  voorbeeld?: string | true;
  lang?: Lang;
}

/** The example `--voorbeeld` copies when it names none. */
const DEFAULT_EXAMPLE = "swv-vo-2203";

export const registerInit: RegisterCommand = (program: Command, io, done, lang) => {
  program
    .command("init")
    .description(t(lang, "cli.init"))
    .argument(`[${t(lang, "cli.arg.dir").slice(1, -1)}]`, t(lang, "cli.init.dir"))
    .option("--profiel <id>", t(lang, "cli.init.profiel"))
    .option("--swv <code>", t(lang, "cli.init.swv"))
    .option(`--naam ${t(lang, "cli.arg.name")}`, t(lang, "cli.init.naam"))
    .option(`--voorbeeld [${t(lang, "cli.arg.name").slice(1, -1)}]`, t(lang, "cli.init.voorbeeld"))
    .addOption(langOption(lang))
    .action(async (dir: string | undefined, flags: InitFlags) => {
      const runLang = flags.lang ?? lang;
      const [{ exampleFiles, initFiles }, { writeNewFiles }] = await Promise.all([import("../../scaffold/init.js"), import("../../scaffold/write-new.js")]);
      const target = resolve(io.cwd, dir ?? ".");
      if (existsSync(target) && !statSync(target).isDirectory()) throw new UsageError(t(runLang, "init.notADir", { dir: dir ?? "." }));
      const example = flags.voorbeeld === undefined ? undefined : flags.voorbeeld === true ? DEFAULT_EXAMPLE : flags.voorbeeld;
      if (example !== undefined && (flags.profiel !== undefined || flags.swv !== undefined || flags.naam !== undefined)) throw new UsageError(t(runLang, "init.exampleAlone"));
      const files = example !== undefined ? exampleFiles(example, runLang) : initFiles({ profiel: flags.profiel, swv: flags.swv, naam: flags.naam, lang: runLang });
      writeNewFiles(target, files, runLang);
      io.out(`${t(runLang, "init.done", { dir: dir ?? "." })}\n`);
      for (const f of files) if (!f.path.startsWith("scholen/") || example === undefined) io.out(`  ${f.path}\n`);
      io.out(`${t(runLang, example !== undefined ? "init.nextExample" : "init.next")}\n`);
      done({ kind: "done" });
    });
};
