/**
 * `sop-audit ruleset check [paths…]`: checks catalogs and profiles on their
 * own, so an SWV can edit its profile safely. Every profile found is layered.
 */
import { Option, type Command } from "commander";
import { RulesetError } from "../../core/errors.js";
import type { Finding } from "../../core/types.js";
import { rulesetOptions, type RulesetFlags } from "../ruleset-source.js";
import type { RegisterCommand } from "./index.js";
import { compareFindings } from "../../core/finding-order.js";

export const registerRuleset: RegisterCommand = (program: Command, io, done) => {
  const ruleset = program.command("ruleset").description("werk met regelsets (catalogi en profielen)");
  ruleset
    .command("check")
    .description("controleer catalogi en profielen: elk profiel wordt opgebouwd en elke fout getoond met bestand:regel:kolom")
    .argument("[paden...]", "extra mappen of bestanden met catalogi en profielen")
    .option("-C, --repo <map>", "de map van de SWV-repository")
    .option("--profile <id>", "controleer alleen dit profiel")
    .addOption(new Option("--lang <taal>", "taal").choices(["nl", "en"]))
    .action(async (paths: string[], flags: RulesetFlags) => {
      const { loadRuleset, Problems, readRulesetFiles, rulesetFiles } = await import("../../ruleset/load.js");
      const lang = flags.lang ?? "nl";
      const nl = lang === "nl";
      const base = await rulesetOptions(flags, io.cwd, paths, true);
      // Which profiles to layer: the one asked for, else every profile present.
      const problems = new Problems(lang);
      const files = readRulesetFiles(rulesetFiles({ ...(base.paths ? { paths: base.paths } : {}) }), base.root, lang, problems);
      const profiles = flags.profile ? [flags.profile] : base.inRepo ? [base.profile] : files.filter((f) => f.doc.kind === "Profile").map((f) => f.doc.id);
      const all: Finding[] = [...problems.list];
      const summary: string[] = [];
      for (const profile of [...new Set(profiles)].sort()) {
        try {
          const rs = loadRuleset({ ...base, profile });
          summary.push(nl ? `profiel ${profile}: ${rs.items.length} items, ${rs.rules.length} regels, ${rs.layers.length} lagen` : `profile ${profile}: ${rs.items.length} items, ${rs.rules.length} rules, ${rs.layers.length} layers`);
        } catch (error) {
          if (!(error instanceof RulesetError)) throw error;
          all.push(...error.problems);
        }
      }
      const seen = new Set<string>();
      const unique = all.filter((f) => {
        const key = `${f.file}:${f.range.line}:${f.range.column}:${f.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      unique.sort(compareFindings);
      const c = io.color;
      for (const f of unique) io.out(`${f.file}:${f.range.line}:${f.range.column}  ${c.red(nl ? "fout" : "error")}  ${f.message}${f.hint ? `\n    ${c.dim(`→ ${f.hint}`)}` : ""}\n`);
      for (const s of summary) io.out(`${c.green("✔")} ${s}\n`);
      if (unique.length) io.out(c.red.bold(`✖ ${unique.length} ${nl ? (unique.length === 1 ? "fout in de regelset" : "fouten in de regelset") : unique.length === 1 ? "ruleset error" : "ruleset errors"}\n`));
      done({ kind: "audit", summary: { errors: unique.length, warnings: 0, infos: 0 }, failOn: "error" });
    });
};
