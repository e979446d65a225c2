/**
 * Every command's --help ends in an examples block, in Dutch and with
 * --lang en in English, and every example line parses with the real options
 * of its command (the command's action replaced, so nothing runs): help
 * cannot name an option or a command that does not exist.
 */
import { Chalk } from "chalk";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli/main.js";
import { HELP_EXAMPLES } from "../../src/cli/help-examples.js";
import type { Io } from "../../src/cli/io.js";
import type { Lang } from "../../src/core/types.js";
import { runInProcess } from "./in-process.js";
import { ROOT } from "./run.js";

const quietIo = (): Io => ({ out: () => undefined, err: () => undefined, color: new Chalk({ level: 0 }), cwd: ROOT });

/** Every command by its name ("ruleset check" for a subcommand), help itself left out. */
function commandNames(program: Command): string[] {
  const names: string[] = [];
  const visit = (cmd: Command, prefix: string) => {
    for (const sub of cmd.commands) {
      if (sub.name() === "help") continue;
      names.push(`${prefix}${sub.name()}`);
      visit(sub, `${prefix}${sub.name()} `);
    }
  };
  visit(program, "");
  return names;
}

/** A shell line as argv: words apart by spaces, single quotes keep what is inside together. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

const NAMES = commandNames(buildProgram(quietIo(), "nl", () => undefined));

describe("--help examples", () => {
  it("knows the commands and has examples for each, and none for a command that does not exist", () => {
    expect(NAMES).toEqual(expect.arrayContaining(["check", "report", "coverage", "visitatie", "standards", "explain", "ruleset", "ruleset check"]));
    expect(Object.keys(HELP_EXAMPLES).sort()).toEqual([...NAMES].sort());
  });

  const heading: Record<Lang, string> = { nl: "Voorbeelden:", en: "Examples:" };
  for (const lang of ["nl", "en"] as const) {
    it.each(NAMES)(`%s --help (${lang}) ends in an examples block with every example`, async (name) => {
      const r = await runInProcess([...name.split(" "), "--help", ...(lang === "en" ? ["--lang", "en"] : [])]);
      expect(r.code).toBe(0);
      const block = r.stdout.slice(r.stdout.indexOf(`\n${heading[lang]}\n`));
      expect(block.startsWith(`\n${heading[lang]}\n`)).toBe(true);
      const lines = block.split("\n").filter((l) => l.startsWith("  sop-audit "));
      expect(lines).toEqual(HELP_EXAMPLES[name]!.map((e) => `  ${e.line}`));
      // Each example has its own line of explanation, in the language asked for.
      expect(block.split("\n").filter((l) => l.startsWith("  # ")).length).toBe(lines.length);
      expect(r.stdout).toContain(lang === "en" ? "Options:" : "Opties:");
    });
  }

  const all = Object.entries(HELP_EXAMPLES).flatMap(([name, list]) => list.map((e) => [name, e.line] as const));
  it.each(all)("%s: `%s` parses with the command's real options", async (name, line) => {
    const argv = shellWords(line);
    expect(argv[0]).toBe("sop-audit");
    expect(argv.slice(1, 1 + name.split(" ").length).join(" ")).toBe(name);
    const ran: string[] = [];
    const program = buildProgram(quietIo(), "nl", () => undefined);
    const dry = (cmd: Command, prefix: string) => {
      for (const sub of cmd.commands) {
        const full = `${prefix}${sub.name()}`;
        sub.action(() => void ran.push(full));
        dry(sub, `${full} `);
      }
    };
    dry(program, "");
    await program.parseAsync(argv.slice(1), { from: "user" });
    expect(ran).toEqual([name === "ruleset" ? "ruleset check" : name]);
  });
});
