#!/usr/bin/env node
/**
 * The floor: what reading and parsing every document of a repository costs
 * with the tool's own parser (parseSource, YAML with positions), in one
 * process and one thread. `check` cannot be faster than this by much; the
 * ratio check / floor shows what the rules, validation and output add.
 *
 *   node bench/floor.js <repo>
 *
 * Walks sop-audit.yaml and scholen/<code>/*.{yaml,yml,md} like the tool does
 * and prints one JSON line: files, bytes, problems, ms.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseSource } from "../dist/documents/parse.js";

const root = resolve(process.argv[2] ?? ".");
const DOC = /\.(ya?ml|md)$/i;
const t0 = performance.now();
let files = 0;
let bytes = 0;
let problems = 0;

async function parseOne(abs, rel) {
  const buf = readFileSync(abs);
  // await: still right if parseSource ever becomes async.
  const src = await parseSource(rel, buf);
  files++;
  bytes += buf.length;
  problems += src.problems.length;
  // Touch the data so nothing is left lazily undone.
  if (src.data && typeof src.data === "object" && !("kind" in src.data)) problems++;
}

await parseOne(join(root, "sop-audit.yaml"), "sop-audit.yaml");
const scholen = join(root, "scholen");
for (const code of readdirSync(scholen, { withFileTypes: true })) {
  if (!code.isDirectory()) continue;
  for (const f of readdirSync(join(scholen, code.name), { withFileTypes: true })) {
    if (!f.isFile() || !DOC.test(f.name)) continue;
    await parseOne(join(scholen, code.name, f.name), `scholen/${code.name}/${f.name}`);
  }
}
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ files, bytes, problems, ms: Math.round(ms) }) + "\n");
if (problems > 0) process.exitCode = 1;
