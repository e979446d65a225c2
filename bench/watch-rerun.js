#!/usr/bin/env node
/**
 * A re-run in `check --watch`: how long after one school's SOP is saved the
 * new output is written. Starts `check --watch` on a repository, waits for
 * its first run, then `rounds` times appends a comment line to the SOP and
 * measures until the watch reports its next run (on stderr, after the
 * output file was written). The time includes noticing the change and the
 * quiet spell the watch waits for. The SOP is put back afterwards.
 *
 *   node bench/watch-rerun.js <repo> <sop-file> <output> <rounds>
 *
 * Prints one JSON line: rounds (ms each), checked (schools checked per round).
 */
import { spawn } from "node:child_process";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const [repo, sop, output, roundsArg] = process.argv.slice(2);
if (!repo || !sop || !output || !roundsArg) {
  process.stderr.write("usage: node bench/watch-rerun.js <repo> <sop-file> <output> <rounds>\n");
  process.exit(2);
}
const rounds = Number(roundsArg);
const bin = fileURLToPath(new URL("../bin/sop-audit.js", import.meta.url));
const original = readFileSync(sop);

const child = spawn(process.execPath, [bin, "check", "-C", repo, "--watch", "--format", "json", "--output", output, "--fail-on", "never", "--lang", "en"], {
  env: { ...process.env, NO_COLOR: "1" },
  stdio: ["ignore", "ignore", "pipe"],
});

/** Resolves with each "checked N of M schools" line the watch prints, in turn. */
const waiting = [];
const lines = [];
let stderr = "";
let buffered = "";
child.stderr.setEncoding("utf8");
child.stderr.on("data", (text) => {
  stderr += text;
  buffered += text;
  let at;
  while ((at = buffered.indexOf("\n")) >= 0) {
    const line = buffered.slice(0, at);
    buffered = buffered.slice(at + 1);
    const m = /--watch: checked (\d+) of (\d+) schools/.exec(line);
    if (!m) continue;
    const hit = { at: performance.now(), checked: Number(m[1]) };
    const next = waiting.shift();
    if (next) next(hit);
    else lines.push(hit);
  }
});
const exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
const nextRun = () =>
  Promise.race([
    new Promise((resolve) => (lines.length > 0 ? resolve(lines.shift()) : waiting.push(resolve))),
    exited.then(({ code }) => {
      throw new Error(`check --watch stopped (exit ${code}):\n${stderr}`);
    }),
  ]);

const ms = [];
const checked = [];
try {
  await nextRun();
  for (let r = 0; r < rounds; r++) {
    // A pause between saves, as between a person's edits; the watch is idle when the save comes.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const t0 = performance.now();
    appendFileSync(sop, `# watch round ${r}\n`);
    const run = await nextRun();
    ms.push(Math.round(run.at - t0));
    checked.push(run.checked);
  }
} finally {
  writeFileSync(sop, original);
  child.kill("SIGINT");
}
const end = await exited;
if (end.code !== 0) {
  process.stderr.write(`check --watch ended with exit ${end.code} ${end.signal ?? ""}\n${stderr}`);
  process.exit(1);
}
process.stdout.write(JSON.stringify({ rounds: ms, checked }) + "\n");
