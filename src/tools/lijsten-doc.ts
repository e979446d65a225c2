/**
 * docs/lijsten.md, generated from the shipped standards/: every word list
 * with its terms and synonyms, so a changed list changes the doc and the
 * docs-current test catches a stale one.
 */
import { compareStrings } from "../core/similar.js";
import { loadRuleset } from "../ruleset/load.js";
import type { Ruleset } from "../rules/ruleset-model.js";
import { shippedProfiles } from "./rule-reference.js";

export const LIJSTEN_FILE = "docs/lijsten.md";

/** Where in the documents a list's words are written; a list not named here is shown without. */
const WHERE: Record<string, string> = {
  ondersteuningsbehoeften: "`aanbod[].behoefte`, `voorzieningen[].behoeften`; de rijen van de dekkingsmatrix",
  niveaus: "`aanbod[].niveau`, `voorzieningen[].niveau`; oplopend, de volgorde telt",
  rollen: "`ondersteuningsstructuur.ondersteuningsteam.rollen`",
  functionarissen: "de sleutels van `ondersteuningsstructuur.functionarissen`",
  protocollen: "`ondersteuningsstructuur.protocollen[].soort`",
  onderwijstypen: "`school.onderwijstypen`, `aanbod[].onderwijstypen`, `voorzieningen[].onderwijstypen`",
  kernpartners: "`ondersteuningsstructuur.kernpartners`",
  teams: "`ondersteuningsstructuur.ondersteuningsteam.naam`",
  organisatieniveaus: "`voorzieningen[].georganiseerdDoor`, `deskundigheid[].beschikbaarVia`, `procedures[].niveau`",
  voorzieningsoorten: "`voorzieningen[].soort`",
  procedures: "`procedures[].soort`",
  fysiekeVoorzieningen: "`fysiekeVoorzieningen`",
};

/** Markdown table cell: on one line, with the characters that would start markup escaped. */
const cell = (s: string) => s.replace(/\s+/g, " ").replace(/([\\*_[\]<>|`])/g, "\\$1").trim();

/** The rules of the shipped profiles that read a list, by the list's name. */
function readers(rulesets: readonly Ruleset[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const rule of rulesets.flatMap((r) => r.rules)) {
    for (const m of JSON.stringify(rule.params ?? {}).matchAll(/"list":"([^"]+)"/g)) {
      const ids = out.get(m[1]!) ?? [];
      if (!ids.includes(rule.id)) ids.push(rule.id);
      out.set(m[1]!, ids);
    }
  }
  return out;
}

export function lijstenDoc(): string {
  const profiles = shippedProfiles();
  const rulesets = profiles.map((p) => [p, loadRuleset({ profile: p })] as const);
  const [, first] = rulesets[0]!;
  const L: string[] = [];
  L.push("# Woordenlijsten", "");
  L.push(
    "<!-- Gegenereerd door `npm run docs` (src/tools/lijsten-doc.ts) uit standards/; niet met de hand bewerken. -->",
    "",
    "Dit zijn de woordenlijsten van de meegeleverde regelset (catalogus `lijsten`, " +
      `gebruikt door de profielen ${profiles.map((p) => `\`${p}\``).join(", ")}). ` +
      "Een SOP mag de id, de naam of een synoniem gebruiken; vergeleken wordt zonder hoofdletters, accenten, leestekens en een afkorting tussen haakjes. " +
      "Hoe dat werkt en hoe je een synoniem toevoegt in een eigen profiel: [sop-opstellen.md](sop-opstellen.md#zo-worden-koppen-rollen-en-lijsten-herkend). " +
      "De lijsten van je eigen profiel toon je met `sop-audit standards --lijsten`.",
    "",
  );
  const names = Object.keys(first.lijsten).sort(compareStrings);
  L.push("Lijsten: " + names.map((n) => `[${n}](#${n.toLowerCase()})`).join(" · "), "");
  const readBy = readers(rulesets.map(([, r]) => r));
  for (const name of names) {
    const terms = first.lijsten[name]!;
    L.push(`## ${name}`, "");
    if (WHERE[name]) L.push(`Waar: ${WHERE[name]}.`, "");
    const rules = readBy.get(name);
    if (rules?.length) L.push(`Gelezen door de regels ${rules.sort(compareStrings).map((r) => `\`${r}\``).join(", ")}.`, "");
    // Terms may carry sectors; the column only appears when one does.
    const withSectors = terms.some((t) => Array.isArray((t as { sectoren?: unknown }).sectoren));
    L.push(withSectors ? "| id | naam | synoniemen | sectoren |" : "| id | naam | synoniemen |", withSectors ? "|---|---|---|---|" : "|---|---|---|");
    for (const t of terms) {
      const row = [`\`${t.id}\``, cell(t.naam ?? ""), (t.synoniemen ?? []).map(cell).join(", ")];
      if (withSectors) row.push(((t as { sectoren?: string[] }).sectoren ?? []).join(", "));
      L.push(`| ${row.join(" | ")} |`);
    }
    L.push("");
    for (const [profile, ruleset] of rulesets.slice(1)) {
      if (JSON.stringify(ruleset.lijsten[name]) !== JSON.stringify(terms)) L.push(`Let op: profiel \`${profile}\` vervangt deze lijst; zie \`sop-audit standards --lijsten --profile ${profile}\`.`, "");
    }
  }
  return `${L.join("\n").trimEnd()}\n`;
}
