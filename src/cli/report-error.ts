/** How an error reaches the user: a typed error as its message and hints, anything else as a bug to report. */
import { RulesetError, SopAuditError } from "../core/errors.js";
import type { Io } from "./io.js";

export function reportError(error: unknown, io: Io): void {
  const c = io.color;
  if (error instanceof RulesetError) {
    io.err(`${c.red("sop-audit:")} ${error.message}\n`);
    for (const p of error.problems) {
      io.err(`  ${p.file}:${p.range.line}:${p.range.column}  ${p.message}${p.hint ? `\n    ${c.dim(p.hint)}` : ""}\n`);
    }
    return;
  }
  if (error instanceof SopAuditError) {
    io.err(`${c.red("sop-audit:")} ${error.message}\n`);
    for (const d of error.details) io.err(`  ${d}\n`);
    return;
  }
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.err(`${c.red("sop-audit: interne fout (dit is een fout in sop-audit, geen fout in uw bestanden)")}\n${text}\n`);
  io.err("Meld dit met de uitvoer hierboven bij de beheerders van sop-audit.\n");
}
