/** `sop-audit explain <id>`: what a rule or item demands, where it came from. */
import { Option, type Command } from "commander";
import { SECTORS } from "../../core/sector.js";
import { closest } from "../../core/similar.js";
import type { SchoolResult } from "../../core/types.js";
import { UsageError } from "../../core/errors.js";
import { rulesetOptions, type RulesetFlags } from "../ruleset-source.js";
import type { RegisterCommand } from "./index.js";
import { visibleText } from "../../core/visible-text.js";
import { statusLabel, t, type MessageKey } from "../../i18n/messages.js";
import { ruleHint } from "../../rules/ruleset-model.js";
import { langOption } from "../options.js";
import { regimeText } from "../../report/common.js";
import type { Io } from "../io.js";
import type { Lang } from "../../core/types.js";
import type { SectorScope } from "../../rules/sector-scope.js";

interface ExplainFlags extends RulesetFlags {
  json?: boolean;
  sector?: string;
  school?: string;
}

export const registerExplain: RegisterCommand = (program: Command, io, done, helpLang) => {
  program
    .command("explain")
    .description(t(helpLang, "cli.explain"))
    .argument("<id>", t(helpLang, "cli.explain.id"))
    .option(`-C, --repo ${t(helpLang, "cli.arg.dir")}`, t(helpLang, "cli.opt.repo.short"))
    .option("--profile <id>", t(helpLang, "cli.explain.profile"))
    .addOption(new Option("--sector <sector>", t(helpLang, "cli.explain.sector")).choices(SECTORS))
    .option("--school <code>", t(helpLang, "cli.explain.school"))
    .option("--json", t(helpLang, "cli.opt.json"))
    .addOption(langOption(helpLang))
    .action(async (id: string, flags: ExplainFlags) => {
      const [{ loadRuleset }, { KIND_BY_NAME }, { BUILTIN_CHECKS }, { ruleAnchor }, { sectorScope }] = await Promise.all([
        import("../../ruleset/load.js"),
        import("../../rules/registry.js"),
        import("../../rules/builtin-checks.js"),
        import("../../format/shared.js"),
        import("../../rules/sector-scope.js"),
      ]);
      const lang = flags.lang ?? "nl";
      // One sector to explain for: the school's own is what its documents say, so both at once would disagree.
      if (flags.sector !== undefined && flags.school !== undefined) throw new UsageError(t(lang, "cli.explain.sectorAndSchool"));
      const say = (id: MessageKey) => t(lang, id);
      // A check of sop-audit itself (yaml/syntax, schema/type): the same in every profile.
      const builtin = BUILTIN_CHECKS.find((c) => c.id === id);
      if (builtin) {
        const text = lang === "en" ? builtin.description : builtin.omschrijving;
        if (flags.json) io.out(`${JSON.stringify({ builtin: { id: builtin.id, text } }, null, 2)}\n`);
        else io.out(`${io.color.bold(builtin.id)}  ${say("cli.explain.builtin")}\n  ${text}\n  ${say("cli.explain.more")}: docs/regelreferentie.md#${ruleAnchor(builtin.id)}\n`);
        done({ kind: "done" });
        return;
      }
      const ruleset = loadRuleset(await rulesetOptions(flags, io.cwd));
      const rule = ruleset.rules.find((r) => r.id === id);
      const item = ruleset.itemById.get(id) ?? (rule?.indicator ? ruleset.itemById.get(rule.indicator) : undefined);
      if (!rule && !item) {
        const s = closest(id, [...ruleset.rules.map((r) => r.id), ...ruleset.itemById.keys(), ...BUILTIN_CHECKS.map((c) => c.id)]);
        throw new UsageError(t(lang, "cli.explain.notFound", { id, profile: ruleset.profile, suggestion: s }));
      }
      // Rules that give evidence for this item, directly or through a selection.
      const related = ruleset.rules.filter(
        (r) =>
          item &&
          (r.indicator === item.id ||
            (r.indicatoren &&
              (!r.indicatoren.catalog || r.indicatoren.catalog === item.source) &&
              (!r.indicatoren.standaard || r.indicatoren.standaard.includes(item.standaard)) &&
              (!r.indicatoren.evaluatie || item.evaluatie.includes(r.indicatoren.evaluatie)))),
      );
      const layer = (src: string) => ruleset.layers.find((l) => l.id === src);
      const school = flags.school !== undefined ? await schoolNamed(flags.school, flags, io, lang) : undefined;
      const sector = flags.sector ?? school?.sector;
      const scope = sector !== undefined ? sectorScope(ruleset, item, item ? related : [rule!, ...ruleset.rules.filter((r) => r.tightens === rule!.id)], sector) : undefined;
      const status = school && item ? school.statuses.find((st) => st.item === item.id) : undefined;
      if (flags.json) {
        const agreements = rule ? ruleset.rules.filter((r) => r.tightens === rule.id) : [];
        const schoolFacts = school && {
          id: school.id,
          naam: school.naam,
          sector: school.sector,
          ...(school.regime ? { regime: { ...school.regime, text: regimeText(lang, school.regime) } } : {}),
          ...(status ? { status: status.status, reason: status.reason } : {}),
        };
        io.out(
          `${JSON.stringify({ item: item ? { ...item, bron: layer(item.source)?.bron } : undefined, rule: rule ?? undefined, ...(agreements.length > 0 ? { agreements } : {}), rules: related.map((r) => r.id), ...(schoolFacts ? { school: schoolFacts } : {}), ...(scope ? { sector: scope } : {}) }, null, 2)}\n`,
        );
        done({ kind: "done" });
        return;
      }
      const c = io.color;
      // Texts from the rule files, shown in a terminal: nothing in them may act on it.
      const v = (text: string) => visibleText(text, true);
      const out: string[] = [];
      if (item) {
        out.push(c.bold(`${v(item.id)}  ${v(item.tekst)}`));
        const std = ruleset.standards.find((s) => s.id === item.standaard);
        out.push(`  ${say("cli.explain.standard")}:   ${v(item.standaard)}${std ? ` — ${v(std.titel)}` : ""}`);
        out.push(`  ${say("cli.explain.source")}:        ${v(layer(item.source)?.bron ?? item.source)} (${v(item.file)}:${item.range.line})`);
        if (item.aspect) out.push(`  aspect:      ${v(item.aspect)}`);
        out.push(`  ${say("cli.explain.evaluated")}:    ${v(item.evaluatie.join(", "))}`);
        out.push(`  ${say("cli.explain.sectors")}:    ${v(item.sectoren?.join(", ") ?? say("cli.explain.allSectors"))}`);
        out.push(`  ${say("cli.explain.regime")}:      ${say(item.regime === "sop" ? "cli.explain.regime.sop" : item.regime === "schoolgids" ? "cli.explain.regime.schoolgids" : "cli.explain.regime.both")}`);
        if (item.inspectie) out.push(`  inspectie:   ${v(item.inspectie.join(", "))}`);
        if (item.noot) out.push(`  ${say("cli.explain.note")}:        ${v(item.noot)}`);
        out.push(`  ${say("cli.explain.rules")}:      ${related.map((r) => `${v(r.id)} (${r.severity})`).join(", ") || say("cli.explain.noRules")}`);
        out.push("");
      }
      if (school) {
        const naam = school.naam ? ` (${v(school.naam)})` : "";
        out.push(c.bold(school.sector ? t(lang, "cli.explain.forSchool", { school: `${v(school.id)}${naam}`, sector: school.sector }) : t(lang, "cli.explain.schoolNoSector", { school: `${v(school.id)}${naam}` })));
        if (school.regime) out.push(`  ${say("cli.explain.regime")}:      ${v(regimeText(lang, school.regime))}`);
        if (status) out.push(`  ${say("cli.explain.status")}:      ${statusLabel(lang, status.status)}${status.reason ? ` — ${v(status.reason)}` : ""}`);
      } else if (scope) out.push(c.bold(t(lang, "cli.explain.forSector", { sector: scope.sector })));
      if (scope) out.push(...scopeLines(scope, item !== undefined, lang).map((line) => `  ${v(line)}`));
      if (school || scope) out.push("");
      // A legal minimum is shown with the stricter agreements beside it: both judge the same value.
      const shown = rule ? [rule, ...ruleset.rules.filter((r) => r.tightens === rule.id)] : related.filter((r) => r.indicator === item!.id);
      for (const r of shown) {
        const kind = KIND_BY_NAME.get(r.kind);
        out.push(c.bold(`${say("cli.explain.rule")} ${v(r.id)}  ${v(r.titel)}`));
        out.push(`  ${say("cli.explain.kind")}:       ${v(r.kind)}${kind ? ` — ${kind.summary[lang]}` : ""}`);
        out.push(`  ${say("cli.explain.severity")}:       ${r.severity}${r.legalMinimum ? say("cli.explain.legalMinimum") : ""}`);
        if (r.tightens) out.push(`  ${v(t(lang, "cli.explain.agreement", { layer: r.source, legal: r.tightens }))}`);
        const agreements = ruleset.rules.filter((x) => x.tightens === r.id).map((x) => x.id);
        if (agreements.length > 0) out.push(`  ${v(t(lang, "cli.explain.agreements", { ids: agreements.join(", ") }))}`);
        if (r.document) out.push(`  document:    ${v(r.document)}`);
        if (r.indicator) out.push(`  indicator:   ${v(r.indicator)}`);
        if (r.indicatoren) out.push(`  indicatoren: ${v(JSON.stringify(r.indicatoren))}`);
        if (r.sectoren) out.push(`  ${say("cli.explain.sectors")}:    ${v(r.sectoren.join(", "))}`);
        out.push(`  params:      ${v(JSON.stringify(r.params))}`);
        const hint = ruleHint(r, lang);
        if (hint) out.push(`  ${say("cli.explain.fix")}:   ${v(hint)}`);
        out.push(`  ${say("cli.explain.provenance")}:`);
        for (const p of r.provenance) {
          const what = say(p.action === "defined" ? "cli.explain.defined" : p.action === "tightened" ? "cli.explain.tightened" : "cli.explain.overridden");
          out.push(`    ${what.padEnd(12)} ${v(p.layer.padEnd(32))} ${v(p.file)}:${p.range.line}:${p.range.column}${p.detail ? `  ${v(p.detail)}` : ""}`);
        }
        out.push("");
      }
      io.out(`${out.join("\n").trimEnd()}\n`);
      done({ kind: "done" });
    });
};

/**
 * The school of a code (or folder name), checked as `check` would: its
 * sector is what its documents say, and the item's status is its own.
 */
async function schoolNamed(code: string, flags: ExplainFlags, io: Io, lang: Lang): Promise<SchoolResult> {
  const { audit } = await import("../../audit/audit.js");
  const base = { cwd: io.cwd, ...(flags.repo !== undefined ? { repo: flags.repo } : {}), ...(flags.lang ? { lang: flags.lang } : {}), jobs: 1, detail: "check" as const };
  const byFolder = (await audit({ ...base, schools: [code] })).schools[0];
  if (byFolder) return byFolder;
  // A code that comes from the school's documents, not from its folder's name.
  const all = (await audit(base)).schools;
  const found = all.find((s) => s.id === code || s.id === code.toUpperCase());
  if (!found) throw new UsageError(t(lang, "cli.explain.schoolNotFound", { school: code, suggestion: closest(code, all.map((s) => s.id)) }));
  return found;
}

/** Why the item, and each rule that gives evidence for it, applies to the sector or not: one line each. */
function scopeLines(scope: SectorScope, isItem: boolean, lang: Lang): string[] {
  const { sector } = scope;
  if (scope.itemSectoren) return [t(lang, "cli.explain.itemNotForSector", { sector, sectoren: scope.itemSectoren.join(", ") })];
  const lines = isItem ? [t(lang, "cli.explain.itemForSector", { sector })] : [];
  for (const r of scope.rules) {
    if (r.sectoren) lines.push(t(lang, "cli.explain.ruleNotForSector", { sector, rule: r.id, sectoren: r.sectoren.join(", ") }));
    else if (r.notAsked) {
      const values = r.notAsked.values.map((n) => `${JSON.stringify(n.value)} (${n.sectoren.join(", ")})`).join(", ");
      lines.push(t(lang, r.applies ? "cli.explain.ruleNotAsked" : "cli.explain.ruleAsksNothing", { sector, rule: r.id, list: r.notAsked.list, values }));
    }
  }
  if (!isItem && lines.length === 0) lines.push(t(lang, "cli.explain.ruleForSector", { sector }));
  return lines;
}
