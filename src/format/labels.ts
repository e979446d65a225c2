/**
 * Words the output formats print that are not in src/i18n/messages.ts:
 * table headings and descriptions of the built-in checks. Dutch by default,
 * English with lang "en".
 */
import type { Lang } from "../core/types.js";

const nl = {
  schools: "Scholen",
  school: "school",
  naam: "naam",
  errors: "fouten",
  warnings: "waarschuwingen",
  infos: "info",
  location: "plaats",
  severity: "ernst",
  rule: "regel",
  message: "melding",
  repository: "Repository",
  repositoryNote: "meldingen die niet bij één school horen",
  noFindings: "Geen meldingen.",
  truncated: (n: number) => `… en nog ${n} ${n === 1 ? "melding" : "meldingen"}; zie de volledige uitvoer (--format sarif of --format json).`,
  findingsOf: (n: number) => `${n} ${n === 1 ? "melding" : "meldingen"}`,
  rule_fallback: (id: string) => `Regel ${id}`,
  help_fix: "Oplossing",
  help_source: "Herkomst",
  help_more: "Uitleg",
  builtin: {
    file: "Het bestand kan gelezen worden als tekst (UTF-8)",
    yaml: "Het bestand is geldige YAML",
    markdown: "Het Markdown-bestand begint met gegevens (front matter)",
    schema: "Het document voldoet aan het schema van zijn soort",
    repo: "De repository is ingedeeld zoals sop-audit verwacht",
    config: "De configuratie (sop-audit.yaml) is geldig",
    ruleset: "De regelset is geldig",
    waiver: "De uitzondering is geldig",
  } as Record<string, string>,
  noItemFindings: "geen meldingen gevonden bij dit item",
};

export type Labels = typeof nl;

const en: Labels = {
  schools: "Schools",
  school: "school",
  naam: "name",
  errors: "errors",
  warnings: "warnings",
  infos: "info",
  location: "location",
  severity: "severity",
  rule: "rule",
  message: "message",
  repository: "Repository",
  repositoryNote: "findings not tied to one school",
  noFindings: "No findings.",
  truncated: (n: number) => `… and ${n} more ${n === 1 ? "finding" : "findings"}; see the full output (--format sarif or --format json).`,
  findingsOf: (n: number) => `${n} ${n === 1 ? "finding" : "findings"}`,
  rule_fallback: (id: string) => `Rule ${id}`,
  help_fix: "Fix",
  help_source: "Source",
  help_more: "More",
  builtin: {
    file: "The file can be read as text (UTF-8)",
    yaml: "The file is valid YAML",
    markdown: "The Markdown file starts with data (front matter)",
    schema: "The document matches the schema of its kind",
    repo: "The repository is laid out as sop-audit expects",
    config: "The configuration (sop-audit.yaml) is valid",
    ruleset: "The ruleset is valid",
    waiver: "The waiver is valid",
  },
  noItemFindings: "no findings found for this item",
};

export function labels(lang: Lang): Labels {
  return lang === "en" ? en : nl;
}
