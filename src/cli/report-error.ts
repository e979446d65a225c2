/** How an error reaches the user: a typed error as its message and hints, anything else as a bug to report. */
import { RulesetError, SopAuditError } from "../core/errors.js";
import { visibleText } from "../core/visible-text.js";
import type { Io } from "./io.js";

export function reportError(error: unknown, io: Io): void {
  const c = io.color;
  // Messages quote names and values from the files; in them nothing may act on the terminal.
  const v = (text: string) => visibleText(text, true);
  if (error instanceof RulesetError) {
    io.err(`${c.red("sop-audit:")} ${v(error.message)}\n`);
    for (const p of error.problems) {
      io.err(`  ${v(p.file)}:${p.range.line}:${p.range.column}  ${v(p.message)}${p.hint ? `\n    ${c.dim(v(p.hint))}` : ""}\n`);
    }
    return;
  }
  if (error instanceof SopAuditError) {
    io.err(`${c.red("sop-audit:")} ${v(error.message)}\n`);
    for (const d of error.details) io.err(`  ${v(d)}\n`);
    return;
  }
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.err(`${c.red("sop-audit: interne fout (dit is een fout in sop-audit, geen fout in uw bestanden)")}\n${v(text)}\n`);
  io.err("Meld dit met de uitvoer hierboven bij de beheerders van sop-audit.\n");
}
