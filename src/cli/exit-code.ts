/**
 * The only module that decides the exit code.
 *
 * | code | meaning |
 * |---|---|
 * | 0 | no findings at or above the fail level (and warnings within --max-warnings) |
 * | 1 | findings at or above the fail level, or more warnings than --max-warnings |
 * | 2 | usage or configuration problem: bad option, no repository, broken ruleset, an output that cannot be written |
 * | 3 | internal error: a bug in sop-audit |
 */
import { ConfigError, RulesetError, UsageError, WriteError } from "../core/errors.js";
import type { Summary } from "../core/types.js";

export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

export type FailOn = "error" | "warning" | "info" | "never";

/** What a command hands back to the CLI: data, never an exit code. */
export type CommandOutcome =
  | { kind: "done" }
  | { kind: "audit"; summary: Pick<Summary, "errors" | "warnings" | "infos">; failOn: FailOn; maxWarnings?: number }
  | { kind: "invalid"; problems: number }
  /** A command that reported an error itself and went on (`check --watch` whose last run failed). */
  | { kind: "failed"; error: unknown };

export function exitCodeFor(outcome: CommandOutcome): number {
  switch (outcome.kind) {
    case "done":
      return EXIT.ok;
    case "invalid":
      return outcome.problems > 0 ? EXIT.usage : EXIT.ok;
    case "failed":
      return exitCodeForError(outcome.error);
    case "audit": {
      const { errors, warnings, infos } = outcome.summary;
      const failing =
        outcome.failOn === "error"
          ? errors
          : outcome.failOn === "warning"
            ? errors + warnings
            : outcome.failOn === "info"
              ? errors + warnings + infos
              : 0;
      if (failing > 0) return EXIT.findings;
      if (exceedsMaxWarnings(warnings, outcome.maxWarnings)) return EXIT.findings;
      return EXIT.ok;
    }
  }
}

/** More warnings than --max-warnings allows (none given: any number is fine). */
export function exceedsMaxWarnings(warnings: number, maxWarnings: number | undefined): boolean {
  return maxWarnings !== undefined && maxWarnings >= 0 && warnings > maxWarnings;
}

export function exitCodeForError(error: unknown): number {
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof RulesetError || error instanceof WriteError) return EXIT.usage;
  if (isCommanderError(error)) return EXIT.usage;
  return EXIT.internal;
}

function isCommanderError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code?.toString().startsWith("commander.") === true;
}
