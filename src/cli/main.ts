/**
 * Entry point: builds the commander program from one file per command and
 * turns what a command returns (or throws) into an exit code.
 */
import { Command, CommanderError, Help } from "commander";
import { TOOL_VERSION } from "../core/version.js";
import { exitCodeFor, exitCodeForError, EXIT, type CommandOutcome } from "./exit-code.js";
import { processIo, type Io } from "./io.js";
import { reportError } from "./report-error.js";
import { argvLang, commanderError, helpExtras, helpTitle, usageWords } from "./commander-texts.js";
import { t } from "../i18n/messages.js";
import { COMMANDS } from "./commands/index.js";
import { addHelpExamples } from "./help-examples.js";
import type { Lang } from "../core/types.js";

export async function main(argv: string[], io?: Io): Promise<number> {
  let outcome: CommandOutcome | undefined;
  const colorArg = argv.includes("--no-color") ? false : argv.includes("--color") ? true : undefined;
  const ioToUse = io ?? processIo(colorArg);
  const program = buildProgram(ioToUse, argvLang(argv), (o) => {
    outcome = o;
  });
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    reportError(error, ioToUse);
    return exitCodeForError(error);
  }
  return outcome ? exitCodeFor(outcome) : EXIT.ok;
}

/** The whole program, every command registered, its help and usage texts in `lang`; `done` is told what a command returns. */
export function buildProgram(ioToUse: Io, lang: Lang, done: (outcome: CommandOutcome) => void): Command {
  const program = new Command();
  program
    .name("sop-audit")
    .description(t(lang, "cli.program"))
    .version(TOOL_VERSION, "-v, --version", t(lang, "cli.version"))
    .helpOption("-h, --help", t(lang, "cli.help"))
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ioToUse.out(s),
      writeErr: (s) => ioToUse.err(s),
      outputError: (s, write) => write(commanderError(lang, s)),
    })
    .configureHelp({
      styleTitle: (title) => helpTitle(lang, title),
      commandUsage: (cmd) => usageWords(lang, Help.prototype.commandUsage.call(new Help(), cmd)),
      subcommandTerm: (cmd) => usageWords(lang, Help.prototype.subcommandTerm.call(new Help(), cmd)),
      optionDescription: (option) => helpExtras(lang, Help.prototype.optionDescription.call(new Help(), option), option.description),
      argumentDescription: (argument) => helpExtras(lang, Help.prototype.argumentDescription.call(new Help(), argument), argument.description),
    })
    .helpCommand(`help ${t(lang, "cli.usage.command")}`, t(lang, "cli.helpCommand"));
  for (const register of COMMANDS) register(program, ioToUse, done, lang);
  addHelpExamples(program, lang);
  return program;
}
