/**
 * Where output goes: formatted results to stdout, progress and notices to
 * stderr. Commands get an Io so tests can capture both.
 */
import { Chalk, type ChalkInstance } from "chalk";

export { writeFileAtomic } from "../core/write.js";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  color: ChalkInstance;
  cwd: string;
}

export function colorEnabled(flag: boolean | undefined, stream: NodeJS.WriteStream): boolean {
  // An explicit flag wins over the environment (as no-color.org allows).
  if (flag !== undefined) return flag;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "") return false;
  if (process.env.FORCE_COLOR) return true;
  return stream.isTTY === true;
}

export function processIo(colorFlag?: boolean): Io {
  const level = colorEnabled(colorFlag, process.stdout) ? 1 : 0;
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    color: new Chalk({ level }),
    cwd: process.cwd(),
  };
}
