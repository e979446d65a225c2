/**
 * The "Voorbeelden:" block under each command's --help: command lines that
 * work on the shipped examples, each under a line from the catalogue that
 * says what it does. The lines are data, the same in every language; a test
 * parses every one with the real options, so help cannot drift from them.
 */
import type { Command } from "commander";
import type { Lang } from "../core/types.js";
import { t, type MessageKey } from "../i18n/messages.js";

export interface HelpExample {
  /** A command line as typed in a shell (single quotes keep a glob from the shell). */
  line: string;
  says: MessageKey;
}

const RULESET_CHECK: HelpExample[] = [
  { line: "sop-audit ruleset check", says: "cli.example.ruleset.repo" },
  { line: "sop-audit ruleset check regels --profile mijn-profiel", says: "cli.example.ruleset.own" },
];

/** Per command, by its name (a subcommand: "parent child"). */
export const HELP_EXAMPLES: Readonly<Record<string, readonly HelpExample[]>> = {
  init: [
    { line: "sop-audit init mijn-swv --profiel swv-vo-2203 --swv 'VO 22.03' --naam 'SWV VO Dommel en Kempen'", says: "cli.example.init.new" },
    { line: "sop-audit init proef --voorbeeld swv-meierij-po", says: "cli.example.init.example" },
  ],
  new: [
    { line: "sop-audit new 12AB00 --naam 'Het Voorbeeldcollege' --sector VO", says: "cli.example.new.yaml" },
    { line: "sop-audit new 12AB01 --naam 'De Linde' --sector PO --markdown", says: "cli.example.new.markdown" },
    { line: "sop-audit new 12AB02 --naam 'Het Gidscollege' --sector VO --sop", says: "cli.example.new.sop" },
  ],
  schema: [
    { line: "sop-audit schema --out schemas -C examples/swv-vo-2203", says: "cli.example.schema.repo" },
    { line: "sop-audit schema --out schemas --profile meierij-po", says: "cli.example.schema.profile" },
  ],
  check: [
    { line: "sop-audit check", says: "cli.example.check.all" },
    { line: "sop-audit check -C examples/swv-vo-2203", says: "cli.example.check.repo" },
    { line: "sop-audit check 'scholen/14*' -C examples/swv-vo-2203", says: "cli.example.check.glob" },
    { line: "sop-audit check --quiet --max-warnings 10", says: "cli.example.check.quiet" },
    { line: "sop-audit check --format sarif --output sop-audit.sarif --format github", says: "cli.example.check.ci" },
    { line: "sop-audit check --stdin --stdin-filename scholen/14RV00/sop-2025-2026.yaml -C examples/swv-vo-2203", says: "cli.example.check.stdin" },
    { line: "sop-audit check --print-config -C examples/swv-vo-2203", says: "cli.example.check.printConfig" },
  ],
  report: [
    { line: "sop-audit report -C examples/swv-vo-2203 --out rapporten", says: "cli.example.report.all" },
    { line: "sop-audit report --format html --out rapporten", says: "cli.example.report.html" },
  ],
  coverage: [
    { line: "sop-audit coverage -C examples/swv-meierij-po", says: "cli.example.coverage.md" },
    { line: "sop-audit coverage --format html --output rapporten/dekkend-aanbod.html", says: "cli.example.coverage.html" },
  ],
  visitatie: [
    { line: "sop-audit visitatie 14RV00 -C examples/swv-vo-2203 --out rapporten", says: "cli.example.visitatie.one" },
    { line: "sop-audit visitatie --all --out rapporten", says: "cli.example.visitatie.all" },
  ],
  ouders: [
    { line: "sop-audit ouders 14RV00 -C examples/swv-vo-2203 --out rapporten", says: "cli.example.ouders.one" },
    { line: "sop-audit ouders --all --pdf --out rapporten", says: "cli.example.ouders.all" },
  ],
  standards: [
    { line: "sop-audit standards --standard BO-03 -C examples/swv-vo-2203", says: "cli.example.standards.standard" },
    { line: "sop-audit standards --profile meierij-po --json", says: "cli.example.standards.json" },
  ],
  explain: [
    { line: "sop-audit explain BO-03.08 -C examples/swv-vo-2203", says: "cli.example.explain.item" },
    { line: "sop-audit explain WET-01 -C examples/swv-vo-2203 --school 14RV00", says: "cli.example.explain.school" },
  ],
  ruleset: RULESET_CHECK,
  "ruleset check": RULESET_CHECK,
};

/** The examples block of one command in the run's language, or nothing when it has none. */
export function examplesText(name: string, lang: Lang): string | undefined {
  const examples = HELP_EXAMPLES[name];
  if (!examples) return undefined;
  return `\n${t(lang, "cli.examples")}\n${examples.map((e) => `  # ${t(lang, e.says)}\n  ${e.line}\n`).join("")}`;
}

/** Adds the examples block under the help of every command that has one, subcommands too. */
export function addHelpExamples(program: Command, lang: Lang): void {
  const visit = (cmd: Command, prefix: string) => {
    for (const sub of cmd.commands) {
      const name = `${prefix}${sub.name()}`;
      // Made only when help is shown: every run builds the program, few print its help.
      if (HELP_EXAMPLES[name]) sub.addHelpText("after", () => examplesText(name, lang) ?? "");
      visit(sub, `${name} `);
    }
  };
  visit(program, "");
}
