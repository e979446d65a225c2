/**
 * docs/regelreferentie.md, generated from the shipped standards/ and the
 * built-in checks: one heading per rule id, whose anchor is what
 * `ruleAnchor` gives, so that the helpUri of a SARIF rule lands on it.
 */
import { compareStrings } from "../core/similar.js";
import { BUILTIN_CHECKS } from "../rules/builtin-checks.js";
import { KIND_BY_NAME } from "../rules/registry.js";
import { shippedProfiles as shippedProfileInfo } from "../scaffold/init.js";
import { loadRuleset } from "../ruleset/load.js";
import type { EffectiveRule, Ruleset } from "../rules/ruleset-model.js";

export const RULE_REFERENCE_FILE = "docs/regelreferentie.md";

export function shippedProfiles(): string[] {
  return shippedProfileInfo("nl").map((p) => p.id);
}

const SEVERITY_NL: Record<string, string> = { error: "fout", warning: "waarschuwing", info: "info", off: "uit" };

/** Markdown: inline code that may itself hold backticks. */
const code = (s: string) => (s.includes("`") ? `\`\` ${s} \`\`` : `\`${s}\``);
/** Markdown: text on one line, with the characters that would start markup escaped. */
const text = (s: string) => s.replace(/\s+/g, " ").replace(/([\\*_[\]<>|])/g, "\\$1").trim();

export function ruleReference(): string {
  const profiles = shippedProfiles();
  const rulesets = new Map<string, Ruleset>(profiles.map((p) => [p, loadRuleset({ profile: p })]));
  const byId = new Map<string, { rule: EffectiveRule; ruleset: Ruleset; in: Map<string, EffectiveRule> }>();
  for (const [profile, ruleset] of rulesets) {
    for (const rule of ruleset.rules) {
      let entry = byId.get(rule.id);
      if (!entry) byId.set(rule.id, (entry = { rule, ruleset, in: new Map() }));
      entry.in.set(profile, rule);
    }
  }

  const L: string[] = [];
  L.push("# Regelreferentie", "");
  L.push(
    `<!-- Gegenereerd door \`npm run docs\` (src/tools/rule-reference.ts) uit standards/ en de ingebouwde controles; niet met de hand bewerken. -->`,
    "",
    "Elke regel-id die een melding kan dragen staat hier onder een eigen kop: de ingebouwde controles van sop-audit en de regels van de meegeleverde catalogi en profielen " +
      `(${profiles.map(code).join(", ")}). De SARIF-uitvoer linkt per regel naar deze kop (\`helpUri\`). ` +
      "Regels die een SWV zelf toevoegt, staan in zijn eigen catalogus of profiel; `sop-audit explain <id>` toont ze. Hoe regels werken: [rules.md](rules.md).",
    "",
  );

  L.push("## Ingebouwde controles", "");
  L.push("Deze controles horen bij sop-audit zelf, niet bij een catalogus; hun ernst is vast (meestal fout).", "");
  for (const c of BUILTIN_CHECKS) L.push(`### ${c.id}`, "", text(c.omschrijving), "");

  L.push("## Regels uit de meegeleverde standaarden", "");
  for (const id of [...byId.keys()].sort(compareStrings)) {
    const { rule, ruleset, in: inProfiles } = byId.get(id)!;
    const item = rule.indicator ? ruleset.itemById.get(rule.indicator) : undefined;
    const defined = rule.provenance.find((p) => p.action === "defined");
    L.push(`### ${id}`, "", `**${text(rule.titel)}**`, "");
    const facts: string[] = [];
    facts.push(`soort: ${code(rule.kind)} — ${text(KIND_BY_NAME.get(rule.kind)?.summary.nl ?? "")}`);
    if (rule.document) facts.push(`document: ${code(rule.document)}`);
    if (item) facts.push(`item: ${code(item.id)} (standaard ${code(item.standaard)}): ${text(item.tekst)}`);
    if (rule.indicatoren) facts.push(`indicatoren: ${code(JSON.stringify(rule.indicatoren))}`);
    if (defined) facts.push(`gedefinieerd in: ${code(`${defined.file}:${defined.range.line}`)} (${code(rule.source)})${rule.legalMinimum ? ", wettelijk minimum: alleen strenger te maken" : ""}`);
    const perProfile = profiles.map((p) => {
      const r = inProfiles.get(p);
      return `${code(p)}: ${r ? SEVERITY_NL[r.severity] : "geldt niet"}`;
    });
    facts.push(`ernst per profiel: ${perProfile.join("; ")}`);
    const params = distinct(profiles.flatMap((p) => (inProfiles.has(p) ? [JSON.stringify(inProfiles.get(p)!.params)] : [])));
    if (params.length === 1 && params[0] !== "{}" && params[0] !== undefined) facts.push(`parameters: ${code(params[0])}`);
    else if (params.length > 1) {
      for (const p of profiles) if (inProfiles.has(p)) facts.push(`parameters in ${code(p)}: ${code(JSON.stringify(inProfiles.get(p)!.params))}`);
    }
    if (rule.hint) facts.push(`oplossing: ${text(rule.hint)}`);
    for (const f of facts) L.push(`- ${f}`);
    L.push("");
  }
  return `${L.join("\n").replace(/\n+$/, "")}\n`;
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}
