/**
 * Runs the CLI in this process through main(argv, io), as ESLint's tests call
 * cli.execute: no spawn, the exit code returned. Worker threads need the
 * built bundle, so runs here are single-threaded unless a test asks otherwise.
 */
import { Chalk } from "chalk";
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";
import { ROOT } from "./run.js";

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `cwd` is where the command runs (the checkout by default, as for run()); relative paths in `args` resolve against it. */
/** `stdin`: what standard input holds (`check --stdin`); none given: nothing. */
export async function runInProcess(args: string[], opts: { cwd?: string; jobs?: boolean; stdin?: string } = {}): Promise<InProcessRun> {
  // Bytes, decoded once at the end: a block of bytes may end inside a character.
  const out: Buffer[] = [];
  const err: string[] = [];
  const io: Io = {
    out: (text) => out.push(typeof text === "string" ? Buffer.from(text, "utf8") : Buffer.from(text)),
    err: (text) => err.push(text),
    color: new Chalk({ level: 0 }),
    cwd: opts.cwd ?? ROOT,
    readStdin: async (limit) => Buffer.from(opts.stdin ?? "", "utf8").subarray(0, limit + 1),
  };
  const withJobs = opts.jobs === true || args.includes("--jobs") || args[0] !== "check" ? args : [...args, "--jobs", "1"];
  const code = await main(withJobs, io);
  return { code, stdout: Buffer.concat(out).toString("utf8"), stderr: err.join("") };
}
