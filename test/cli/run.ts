/** Runs the built binary the way a person or CI does: a real process, NO_COLOR=1. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const BIN = `${ROOT}bin/sop-audit.js`;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "", ...opts.env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** No Node stack trace may reach a user for a user error. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+:\d+:\d+\)?\n/.test(text) || /Error: .*\n\s+at /.test(text);
}
