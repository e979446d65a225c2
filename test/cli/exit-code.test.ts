/** The exit-code table, for every combination of fail level, counts and --max-warnings. */
import { describe, expect, it } from "vitest";
import { CommanderError } from "commander";
import { exitCodeFor, exitCodeForError, type FailOn } from "../../src/cli/exit-code.js";
import { ConfigError, RulesetError, UsageError } from "../../src/core/errors.js";

const counts = { none: [0, 0, 0], info: [0, 0, 1], warning: [0, 1, 0], error: [1, 0, 0] } as const;
// Rows: what was found; columns: --fail-on; cell: exit code.
const TABLE: Record<keyof typeof counts, Record<FailOn, number>> = {
  none: { error: 0, warning: 0, info: 0, never: 0 },
  info: { error: 0, warning: 0, info: 1, never: 0 },
  warning: { error: 0, warning: 1, info: 1, never: 0 },
  error: { error: 1, warning: 1, info: 1, never: 0 },
};

describe("exit codes", () => {
  for (const [found, row] of Object.entries(TABLE)) {
    for (const [failOn, code] of Object.entries(row)) {
      it(`${found} with --fail-on ${failOn} → ${code}`, () => {
        const [errors, warnings, infos] = counts[found as keyof typeof counts];
        expect(exitCodeFor({ kind: "audit", summary: { errors, warnings, infos }, failOn: failOn as FailOn })).toBe(code);
      });
    }
  }
  it("--max-warnings fails on more warnings than allowed, also with --fail-on error", () => {
    const summary = { errors: 0, warnings: 3, infos: 0 };
    expect(exitCodeFor({ kind: "audit", summary, failOn: "error", maxWarnings: 2 })).toBe(1);
    expect(exitCodeFor({ kind: "audit", summary, failOn: "error", maxWarnings: 3 })).toBe(0);
    expect(exitCodeFor({ kind: "audit", summary, failOn: "never", maxWarnings: 0 })).toBe(1);
  });
  it("usage, configuration and ruleset problems → 2; anything else → 3", () => {
    expect(exitCodeForError(new UsageError("x"))).toBe(2);
    expect(exitCodeForError(new ConfigError("x"))).toBe(2);
    expect(exitCodeForError(new RulesetError("x", []))).toBe(2);
    expect(exitCodeForError(new CommanderError(1, "commander.unknownOption", "x"))).toBe(2);
    expect(exitCodeForError(new TypeError("a bug"))).toBe(3);
    expect(exitCodeForError("thrown string")).toBe(3);
  });
  it("commands that only show something exit 0", () => {
    expect(exitCodeFor({ kind: "done" })).toBe(0);
  });
});
