/**
 * Runs the CLI in this process through main(argv, io), as ESLint's tests call
 * cli.execute: no spawn, the exit code returned. Worker threads need the
 * built bundle, so runs here are single-threaded unless a test asks otherwise.
 */
import { Chalk } from "chalk";
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runInProcess(args: string[], opts: { cwd?: string; jobs?: boolean } = {}): Promise<InProcessRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (text) => out.push(typeof text === "string" ? text : Buffer.from(text).toString("utf8")),
    err: (text) => err.push(text),
    color: new Chalk({ level: 0 }),
    cwd: opts.cwd ?? process.cwd(),
  };
  const withJobs = opts.jobs === true || args.includes("--jobs") || args[0] !== "check" ? args : [...args, "--jobs", "1"];
  const code = await main(withJobs, io);
  return { code, stdout: out.join(""), stderr: err.join("") };
}
