/**
 * Typed errors. Everything below the CLI throws one of these; `cli/exit-code.ts`
 * alone turns them into an exit code and a message.
 */

export class SopAuditError extends Error {
  /** Extra lines shown under the message (hints), already localised. */
  readonly details: string[];
  constructor(message: string, details: string[] = []) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

/** Wrong command-line usage: bad option value, unknown school, … (exit 2). */
export class UsageError extends SopAuditError {}

/** `check --watch` cannot watch another folder: the system's limit is reached (exit 2). */
export class WatchLimitError extends UsageError {}

/** The repository or its configuration cannot be used (exit 2). */
export class ConfigError extends SopAuditError {}

/** A file cannot be written: no permission, a path through a file, a full disk (exit 2). */
export class WriteError extends SopAuditError {}

/** The ruleset does not load: each problem is listed with its position (exit 2). */
export class RulesetError extends SopAuditError {
  readonly problems: import("./types.js").Finding[];
  constructor(message: string, problems: import("./types.js").Finding[]) {
    super(message);
    this.problems = problems;
  }
}
