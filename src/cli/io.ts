/**
 * Where output goes: formatted results to stdout, progress and notices to
 * stderr. Commands get an Io so tests can capture both.
 */
import { Chalk, type ChalkInstance } from "chalk";

export interface Io {
  /** Text, or text as UTF-8 bytes (large outputs are written in blocks of bytes). */
  out(text: string | Uint8Array): void;
  err(text: string): void;
  color: ChalkInstance;
  cwd: string;
  /**
   * Standard input, read to its end (`check --stdin`): at most `limit` + 1
   * bytes, so a caller sees that there was more. Absent: nothing comes in.
   */
  readStdin?(limit: number): Promise<Buffer>;
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
  // A reader that stops early (`sop-audit check | head`) closes the pipe. The
  // rest of the output is then not wanted, which is no error: it is dropped
  // and the run ends with its own exit code, without a stack trace.
  let readerGone = false;
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
    readerGone = true;
  });
  return {
    out: (text) => {
      if (!readerGone && !process.stdout.destroyed) process.stdout.write(text);
    },
    err: (text) => process.stderr.write(text),
    color: new Chalk({ level }),
    cwd: process.cwd(),
    readStdin: (limit) => readStream(process.stdin, limit),
  };
}

/** A stream's bytes up to `limit` + 1; it stops reading there. */
async function readStream(stream: NodeJS.ReadableStream, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    chunks.push(bytes);
    size += bytes.length;
    if (size > limit) break;
  }
  return Buffer.concat(chunks).subarray(0, limit + 1);
}
