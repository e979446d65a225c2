/**
 * `sop-audit ruleset check [paths…]`: checks catalogs and profiles on their
 * own, so an SWV can edit its profile safely. Every profile found is layered.
 */
import type { Command } from "commander";
import { severityLabel, t } from "../../i18n/messages.js";
import { langOption } from "../options.js";
import { RulesetError } from "../../core/errors.js";
import type { Finding } from "../../core/types.js";
import { rulesetOptions, type RulesetFlags } from "../ruleset-source.js";
import type { RegisterCommand } from "./index.js";
import { compareFindings } from "../../core/finding-order.js";

export const registerRuleset: RegisterCommand = (program: Command, io, done, helpLang) => {
  const ruleset = program.command("ruleset").description(t(helpLang, "cli.ruleset"));
  ruleset
    .command("check")
    .description(t(helpLang, "cli.ruleset.check"))
    .argument(t(helpLang, "cli.arg.paths"), t(helpLang, "cli.ruleset.check.paths"))
    .option(`-C, --repo ${t(helpLang, "cli.arg.dir")}`, t(helpLang, "cli.opt.repo.short"))
    .option("--profile <id>", t(helpLang, "cli.ruleset.check.profile"))
    .addOption(langOption(helpLang))
    .action(async (paths: string[], flags: RulesetFlags) => {
      const { loadRuleset, Problems, readRulesetFiles, rulesetFiles } = await import("../../ruleset/load.js");
      const lang = flags.lang ?? "nl";
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
          summary.push(t(lang, "cli.ruleset.check.built", { profile, items: rs.items.length, rules: rs.rules.length, layers: rs.layers.length }));
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
      for (const f of unique) io.out(`${f.file}:${f.range.line}:${f.range.column}  ${c.red(severityLabel(lang, "error"))}  ${f.message}${f.hint ? `\n    ${c.dim(`→ ${f.hint}`)}` : ""}\n`);
      for (const s of summary) io.out(`${c.green("✔")} ${s}\n`);
      if (unique.length) io.out(c.red.bold(`✖ ${t(lang, "cli.ruleset.check.errors", { n: unique.length })}\n`));
      done({ kind: "audit", summary: { errors: unique.length, warnings: 0, infos: 0 }, failOn: "error" });
    });
};
