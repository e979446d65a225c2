/** `sop-audit explain <id>`: what a rule or item demands, where it came from. */
import { Option, type Command } from "commander";
import { closest } from "../../core/similar.js";
import { UsageError } from "../../core/errors.js";
import { rulesetOptions, type RulesetFlags } from "../ruleset-source.js";
import type { RegisterCommand } from "./index.js";
import { visibleText } from "../../core/visible-text.js";

export const registerExplain: RegisterCommand = (program: Command, io, done) => {
  program
    .command("explain")
    .description("leg een regel of indicator uit: tekst, bron, parameters, ernst en herkomst")
    .argument("<id>", "regel- of indicator-id, bijvoorbeeld BO-03.08, WET-01 of yaml/syntax")
    .option("-C, --repo <map>", "de map van de SWV-repository")
    .option("--profile <id>", "leg uit binnen dit profiel (standaard: dat van sop-audit.yaml)")
    .option("--json", "uitvoer als JSON")
    .addOption(new Option("--lang <taal>", "taal").choices(["nl", "en"]))
    .action(async (id: string, flags: RulesetFlags & { json?: boolean }) => {
      const [{ loadRuleset }, { KIND_BY_NAME }, { BUILTIN_CHECKS }, { ruleAnchor }] = await Promise.all([
        import("../../ruleset/load.js"),
        import("../../rules/registry.js"),
        import("../../rules/builtin-checks.js"),
        import("../../format/shared.js"),
      ]);
      const lang = flags.lang ?? "nl";
      const nl = lang === "nl";
      // A check of sop-audit itself (yaml/syntax, schema/type): the same in every profile.
      const builtin = BUILTIN_CHECKS.find((c) => c.id === id);
      if (builtin) {
        const text = nl ? builtin.omschrijving : builtin.description;
        if (flags.json) io.out(`${JSON.stringify({ builtin: { id: builtin.id, text } }, null, 2)}\n`);
        else io.out(`${io.color.bold(builtin.id)}  ${nl ? "ingebouwde controle van sop-audit" : "built-in check of sop-audit"}\n  ${text}\n  ${nl ? "meer" : "more"}: docs/regelreferentie.md#${ruleAnchor(builtin.id)}\n`);
        done({ kind: "done" });
        return;
      }
      const ruleset = loadRuleset(await rulesetOptions(flags, io.cwd));
      const rule = ruleset.rules.find((r) => r.id === id);
      const item = ruleset.itemById.get(id) ?? (rule?.indicator ? ruleset.itemById.get(rule.indicator) : undefined);
      if (!rule && !item) {
        const s = closest(id, [...ruleset.rules.map((r) => r.id), ...ruleset.itemById.keys(), ...BUILTIN_CHECKS.map((c) => c.id)]);
        throw new UsageError(nl ? `"${id}" is geen regel of indicator in profiel ${ruleset.profile}${s ? `; bedoelde je "${s}"?` : ""}` : `"${id}" is not a rule or item in profile ${ruleset.profile}${s ? `; did you mean "${s}"?` : ""}`);
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
      if (flags.json) {
        io.out(`${JSON.stringify({ item: item ? { ...item, bron: layer(item.source)?.bron } : undefined, rule: rule ?? undefined, rules: related.map((r) => r.id) }, null, 2)}\n`);
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
        out.push(`  ${nl ? "standaard" : "standard"}:   ${v(item.standaard)}${std ? ` — ${v(std.titel)}` : ""}`);
        out.push(`  ${nl ? "bron" : "source"}:        ${v(layer(item.source)?.bron ?? item.source)} (${v(item.file)}:${item.range.line})`);
        if (item.aspect) out.push(`  aspect:      ${v(item.aspect)}`);
        out.push(`  ${nl ? "getoetst" : "evaluated"}:    ${v(item.evaluatie.join(", "))}`);
        out.push(`  ${nl ? "sectoren" : "sectors"}:    ${v(item.sectoren?.join(", ") ?? (nl ? "alle" : "all"))}`);
        if (item.inspectie) out.push(`  inspectie:   ${v(item.inspectie.join(", "))}`);
        if (item.noot) out.push(`  ${nl ? "noot" : "note"}:        ${v(item.noot)}`);
        out.push(`  ${nl ? "regels" : "rules"}:      ${related.map((r) => `${v(r.id)} (${r.severity})`).join(", ") || (nl ? "geen: status is altijd niet aangetoond" : "none: status is always not shown")}`);
        out.push("");
      }
      const shown = rule ? [rule] : related.filter((r) => r.indicator === item!.id);
      for (const r of shown) {
        const kind = KIND_BY_NAME.get(r.kind);
        out.push(c.bold(`${nl ? "regel" : "rule"} ${v(r.id)}  ${v(r.titel)}`));
        out.push(`  ${nl ? "soort" : "kind"}:       ${v(r.kind)}${kind ? ` — ${kind.summary[lang]}` : ""}`);
        out.push(`  ${nl ? "ernst" : "severity"}:       ${r.severity}${r.legalMinimum ? (nl ? " (wettelijk minimum: kan niet versoepeld worden)" : " (legal minimum: cannot be loosened)") : ""}`);
        if (r.document) out.push(`  document:    ${v(r.document)}`);
        if (r.indicator) out.push(`  indicator:   ${v(r.indicator)}`);
        if (r.indicatoren) out.push(`  indicatoren: ${v(JSON.stringify(r.indicatoren))}`);
        if (r.sectoren) out.push(`  ${nl ? "sectoren" : "sectors"}:    ${v(r.sectoren.join(", "))}`);
        out.push(`  params:      ${v(JSON.stringify(r.params))}`);
        const hint = nl ? r.hint : (r.hintEn ?? r.hint);
        if (hint) out.push(`  ${nl ? "oplossing" : "fix"}:   ${v(hint)}`);
        out.push(`  ${nl ? "herkomst" : "provenance"}:`);
        for (const p of r.provenance) {
          const what = p.action === "defined" ? (nl ? "gedefinieerd" : "defined") : nl ? "aangepast" : "overridden";
          out.push(`    ${what.padEnd(12)} ${v(p.layer.padEnd(32))} ${v(p.file)}:${p.range.line}:${p.range.column}${p.detail ? `  ${v(p.detail)}` : ""}`);
        }
        out.push("");
      }
      io.out(`${out.join("\n").trimEnd()}\n`);
      done({ kind: "done" });
    });
};
