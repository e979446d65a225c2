/** Options shared by every command that reads a repository. */
import { Option, type Command } from "commander";
import { UsageError } from "../core/errors.js";
import type { AuditOptions } from "../audit/audit.js";
import type { Lang } from "../core/types.js";
import { t } from "../i18n/messages.js";

export interface RepoFlags {
  repo?: string;
  peildatum?: string;
  schooljaar?: string;
  lang?: Lang;
  color?: boolean;
}

export function addRepoOptions(cmd: Command, lang: Lang): Command {
  return cmd
    .option(`-C, --repo ${t(lang, "cli.arg.dir")}`, t(lang, "cli.opt.repo"))
    .option(`--peildatum ${t(lang, "cli.arg.date")}`, t(lang, "cli.opt.peildatum"))
    .option(`--schooljaar ${t(lang, "cli.arg.schooljaar")}`, t(lang, "cli.opt.schooljaar"))
    .addOption(langOption(lang, t(lang, "cli.opt.lang")))
    .option("--no-color", t(lang, "cli.opt.noColor"))
    .option("--color", t(lang, "cli.opt.color"));
}

/** --lang, as every command has it; `description` says what it sets. */
export function langOption(lang: Lang, description = t(lang, "cli.opt.lang.short")): Option {
  return new Option(`--lang ${t(lang, "cli.arg.lang")}`, description).choices(["nl", "en"]);
}

export function auditOptions(flags: RepoFlags, cwd: string): AuditOptions {
  return {
    cwd,
    ...(flags.repo !== undefined ? { repo: flags.repo } : {}),
    ...(flags.peildatum !== undefined ? { peildatum: flags.peildatum } : {}),
    ...(flags.schooljaar !== undefined ? { schooljaar: flags.schooljaar } : {}),
    ...(flags.lang !== undefined ? { lang: flags.lang } : {}),
  };
}

export function parseNonNegativeInt(name: string, lang: Lang) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new UsageError(t(lang, "cli.notANumber", { name, value }));
    return Number(value);
  };
}
