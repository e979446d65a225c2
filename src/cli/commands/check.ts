/** `sop-audit check [paths…]`: validate every school and print the findings. */
import { Option, type Command } from "commander";
import { audit } from "../../core/audit.js";
import { TOOL_VERSION } from "../../core/version.js";
import { format as stylish, type StylishContext } from "../../format/stylish.js";
import type { RegisterCommand } from "./index.js";
import { addRepoOptions, auditOptions, parseNonNegativeInt, type RepoFlags } from "../options.js";
import type { FailOn } from "../exit-code.js";

interface CheckFlags extends RepoFlags {
  failOn: FailOn;
  maxWarnings?: number;
  quiet?: boolean;
}

export const registerCheck: RegisterCommand = (program: Command, io, done) => {
  const cmd = program
    .command("check")
    .description("toets alle scholen (of alleen de genoemde mappen en bestanden) en toon de meldingen")
    .argument("[paden...]", "schoolmappen of bestanden; standaard alle scholen");
  addRepoOptions(cmd)
    .addOption(new Option("--fail-on <ernst>", "vanaf welke ernst de exitcode 1 is").choices(["error", "warning", "info", "never"]).default("error"))
    .option("--max-warnings <n>", "exitcode 1 bij meer waarschuwingen dan dit", parseNonNegativeInt("--max-warnings"))
    .option("--quiet", "toon alleen fouten")
    .action(async (paths: string[], flags: CheckFlags) => {
      const result = await audit({ ...auditOptions(flags, io.cwd), ...(paths.length ? { paths } : {}) });
      const lang = result.repo.lang;
      const shown = flags.quiet ? onlyErrors(result) : result;
      const ctx: StylishContext = { lang, version: TOOL_VERSION, color: io.color };
      io.out(stylish(shown, ctx));
      done({ kind: "audit", summary: result.summary, failOn: flags.failOn, ...(flags.maxWarnings !== undefined ? { maxWarnings: flags.maxWarnings } : {}) });
    });
};

function onlyErrors<T extends { findings: { severity: string }[]; schools: { findings: { severity: string }[] }[]; summary: object }>(r: T): T {
  return {
    ...r,
    findings: r.findings.filter((f) => f.severity === "error"),
    schools: r.schools.map((s) => ({ ...s, findings: s.findings.filter((f) => f.severity === "error") })),
    summary: { ...r.summary, warnings: 0, infos: 0 },
  };
}
