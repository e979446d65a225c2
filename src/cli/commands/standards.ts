/** `sop-audit standards`: list catalogs, profiles, items and rules. */
import { Option, type Command } from "commander";
import { t } from "../../i18n/messages.js";
import { langOption } from "../options.js";
import { UsageError } from "../../core/errors.js";
import type { Lang } from "../../core/types.js";
import { closest } from "../../core/similar.js";
import { coversSector, SECTORS } from "../../core/sector.js";
import { rulesetOptions, type RulesetFlags } from "../ruleset-source.js";
import type { RegisterCommand } from "./index.js";
import { visibleText } from "../../core/visible-text.js";

interface StandardsFlags extends RulesetFlags {
  standard?: string;
  sector?: string;
  source?: string;
  kinds?: boolean;
  lijsten?: boolean;
  json?: boolean;
}

export const registerStandards: RegisterCommand = (program: Command, io, done, helpLang) => {
  program
    .command("standards")
    .description(t(helpLang, "cli.standards"))
    .option(`-C, --repo ${t(helpLang, "cli.arg.dir")}`, t(helpLang, "cli.opt.repo.short"))
    .option("--profile <id>", t(helpLang, "cli.standards.profile"))
    .option("--standard <id>", t(helpLang, "cli.standards.standard"))
    .addOption(new Option("--sector <sector>", t(helpLang, "cli.standards.sector")).choices(SECTORS))
    .option("--source <id>", t(helpLang, "cli.standards.source"))
    .option("--kinds", t(helpLang, "cli.standards.kinds"))
    .option("--lijsten", t(helpLang, "cli.standards.lijsten"))
    .option("--json", t(helpLang, "cli.opt.json"))
    .addOption(langOption(helpLang))
    .action(async (flags: StandardsFlags) => {
      const [{ loadRuleset }, { RULE_KINDS }] = await Promise.all([import("../../ruleset/load.js"), import("../../rules/registry.js")]);
      const lang = flags.lang ?? "nl";
      if (flags.kinds) {
        const kinds = RULE_KINDS.map((k) => ({ name: k.name, summary: k.summary[lang] }));
        io.out(flags.json ? `${JSON.stringify(kinds, null, 2)}\n` : kinds.map((k) => `${k.name.padEnd(22)} ${k.summary}`).join("\n") + "\n");
        done({ kind: "done" });
        return;
      }
      const ruleset = loadRuleset(await rulesetOptions(flags, io.cwd));
      if (flags.lijsten) {
        // The words the rules, the coverage matrix and the reports all match against: a user should not have to open the YAML.
        const lists = Object.keys(ruleset.lijsten).sort().map((name) => ({ name, terms: ruleset.lijsten[name]!.map((term) => ({ id: term.id, ...(term.naam ? { naam: term.naam } : {}), synoniemen: term.synoniemen ?? [], ...(term.sectoren ? { sectoren: term.sectoren } : {}) })) }));
        if (flags.json) io.out(`${JSON.stringify(lists, null, 2)}\n`);
        else {
          const v = (text: string) => visibleText(text, true);
          const lines = lists.flatMap(({ name, terms }) => [
            io.color.bold(v(name)),
            ...terms.map(
              (term) =>
                `  ${v(term.id).padEnd(24)} ${term.naam ? v(term.naam) : ""}${term.synoniemen.length ? io.color.dim(`  ${t(lang, "cli.standards.synonyms")}: ${term.synoniemen.map(v).join(", ")}`) : ""}${term.sectoren ? io.color.dim(`  ${t(lang, "cli.standards.termSectors")}: ${term.sectoren.join(", ")}`) : ""}`,
            ),
            "",
          ]);
          io.out(`${lines.join("\n")}`);
        }
        done({ kind: "done" });
        return;
      }
      // A filter that matches nothing the profile has is a typo, not an empty list.
      if (flags.standard !== undefined) known(flags.standard, "--standard", [...ruleset.standards.map((st) => st.id), ...ruleset.itemById.keys()], ruleset.profile, lang);
      // Sources: the layers, and sop-audit.yaml when it changes a rule.
      if (flags.source !== undefined) known(flags.source, "--source", [...new Set([...ruleset.layers.map((l) => l.id), ...ruleset.rules.flatMap((r) => r.provenance.map((p) => p.layer))])], ruleset.profile, lang);
      const items = ruleset.items
        .filter((it) => !flags.standard || it.standaard === flags.standard || it.id === flags.standard)
        .filter((it) => !flags.sector || !it.sectoren || coversSector(it.sectoren, flags.sector))
        .filter((it) => !flags.source || it.source === flags.source);
      const itemIds = new Set(items.map((i) => i.id));
      const rules = ruleset.rules
        .filter((r) => !flags.source || r.source === flags.source || r.provenance.some((p) => p.layer === flags.source))
        .filter((r) => !flags.standard || (r.indicator ? itemIds.has(r.indicator) : r.indicatoren?.standaard?.includes(flags.standard) || r.indicatoren?.catalog !== undefined))
        .filter((r) => !flags.sector || !r.sectoren || coversSector(r.sectoren, flags.sector));
      if (flags.json) {
        io.out(
          `${JSON.stringify(
            {
              profile: ruleset.profile,
              layers: ruleset.layers,
              standards: ruleset.standards.filter((s) => items.some((i) => i.standaard === s.id)),
              items: items.map(({ range, file, ...rest }) => rest),
              rules: rules.map((r) => ({ id: r.id, titel: r.titel, kind: r.kind, severity: r.severity, indicator: r.indicator, indicatoren: r.indicatoren, source: r.source, legalMinimum: r.legalMinimum, ...(r.tightens ? { tightens: r.tightens } : {}) })),
            },
            null,
            2,
          )}\n`,
        );
        done({ kind: "done" });
        return;
      }
      const c = io.color;
      // Texts from the rule files, shown in a terminal: nothing in them may act on it.
      const v = (text: string) => visibleText(text, true);
      const out: string[] = [];
      out.push(c.bold(t(lang, "cli.standards.profileHeading", { profile: v(ruleset.profile) })));
      for (const l of ruleset.layers) out.push(`  ${l.kind.padEnd(7)} ${v(l.id).padEnd(34)} ${c.dim(v(l.file))}`);
      out.push("");
      for (const s of ruleset.standards) {
        const its = items.filter((i) => i.standaard === s.id);
        if (its.length === 0) continue;
        out.push(c.bold(`${v(s.id)}  ${v(s.titel)}`) + c.dim(`  (${v(s.source)}, ${its.length})`));
        for (const it of its) {
          const checks = rules.filter((r) => r.indicator === it.id).map((r) => r.id);
          out.push(`  ${v(it.id).padEnd(11)} ${v(it.tekst)}${it.sectoren ? c.dim(` [${it.sectoren.join(", ")}]`) : ""}${checks.length ? c.dim(`  ← ${checks.join(", ")}`) : ""}`);
        }
        out.push("");
      }
      out.push(c.bold(t(lang, "cli.standards.rulesHeading", { n: rules.length })));
      for (const r of rules) {
        const target = r.indicator ?? (r.indicatoren ? JSON.stringify(r.indicatoren) : "");
        out.push(`  ${v(r.id).padEnd(24)} ${r.severity.padEnd(7)} ${v(r.kind).padEnd(20)} ${v(target).padEnd(12)} ${v(r.titel)}${r.legalMinimum ? c.dim(t(lang, "cli.standards.legalMinimum")) : ""}`);
      }
      io.out(`${out.join("\n")}\n`);
      done({ kind: "done" });
    });
};

function known(given: string, option: string, ids: string[], profile: string, lang: Lang): void {
  if (ids.includes(given)) return;
  const s = closest(given, ids);
  throw new UsageError(t(lang, "cli.standards.notInProfile", { option, given, profile, suggestion: s }));
}
