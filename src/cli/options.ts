/** Options shared by every command that reads a repository. */
import { Option, type Command } from "commander";
import { UsageError } from "../core/errors.js";
import type { AuditOptions } from "../audit/audit.js";
import type { Lang } from "../core/types.js";

export interface RepoFlags {
  repo?: string;
  peildatum?: string;
  schooljaar?: string;
  lang?: Lang;
  color?: boolean;
}

export function addRepoOptions(cmd: Command): Command {
  return cmd
    .option("-C, --repo <map>", "de map van de SWV-repository (standaard: gezocht vanaf de huidige map naar boven)")
    .option("--peildatum <JJJJ-MM-DD>", "toets alsof het deze datum is (standaard: sop-audit.yaml of vandaag)")
    .option("--schooljaar <JJJJ-JJJJ>", "het schooljaar dat getoetst wordt (standaard: dat van de peildatum)")
    .addOption(new Option("--lang <taal>", "taal van meldingen en rapporten").choices(["nl", "en"]))
    .option("--no-color", "geen kleur in de uitvoer (ook met NO_COLOR)")
    .option("--color", "altijd kleur");
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

export function parseNonNegativeInt(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new UsageError(`${name} moet een geheel getal ≥ 0 zijn, gevonden: ${JSON.stringify(value)}`);
    return Number(value);
  };
}
