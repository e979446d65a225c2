/** `sop-audit check [paths…]`: validate every school and print the findings. */
import { Option, type Command } from "commander";
import type { StylishContext } from "../../format/stylish.js";
import type { RegisterCommand } from "./index.js";
import { addRepoOptions, auditOptions, parseNonNegativeInt, type RepoFlags } from "../options.js";
import type { FailOn } from "../exit-code.js";

interface CheckFlags extends RepoFlags {
  failOn: FailOn;
  maxWarnings?: number;
  quiet?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  jobs?: number;
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
    .option("--cache", "hergebruik resultaten van scholen waarvan niets veranderde")
    .option("--cache-location <bestand>", "waar de cache staat (standaard .sop-audit-cache in de repository)")
    .option("--jobs <n>", "aantal threads (standaard: het aantal kernen; 1 = geen)", parseNonNegativeInt("--jobs"))
    .action(async (paths: string[], flags: CheckFlags) => {
      // Loaded here, not at start-up: --help and other commands stay fast.
      const [{ audit, DEFAULT_CACHE }, { TOOL_VERSION }, { format: stylish }] = await Promise.all([
        import("../../core/audit.js"),
        import("../../core/version.js"),
        import("../../format/stylish.js"),
      ]);
      const result = await audit({
        ...auditOptions(flags, io.cwd),
        ...(paths.length ? { paths } : {}),
        ...(flags.cache || flags.cacheLocation ? { cache: flags.cacheLocation ?? DEFAULT_CACHE } : {}),
        ...(flags.jobs ? { jobs: flags.jobs } : {}),
      });
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
