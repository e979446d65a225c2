#!/usr/bin/env node
/**
 * The floor of a cached re-run: what a fresh process must at least do to
 * answer again after one school changed, before it checks or formats
 * anything. It lists the schools folder (a new school must be
 * seen), stats every school folder and every file in it (an edit must be
 * seen), reads the complete output of the run before from disk (the
 * cheapest way to have its bytes) and writes it where `check` writes.
 * `check --cache` cannot be faster than this; the ratio floor / cold shows
 * what target P3 leaves for loading the cache, checking the changed
 * school and formatting.
 *
 *   node bench/rerun-floor.js <repo> <files.json> <previous-output> <output>
 *
 * files.json lists the school folders and their files, as the cache keeps
 * them (made by the bench before the timed runs). Prints one JSON line:
 * stats, bytes, ms.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const [repoArg, listFile, previousFile, outFile] = process.argv.slice(2);
if (!repoArg || !listFile || !previousFile || !outFile) {
  process.stderr.write("usage: node bench/rerun-floor.js <repo> <files.json> <previous-output> <output>\n");
  process.exit(2);
}
const t0 = performance.now();
const root = resolve(repoArg);
const scholen = join(root, "scholen");
/** @type {Record<string, string[]>} */
const folders = JSON.parse(readFileSync(listFile, "utf8"));
let stats = 0;
statSync(join(root, "sop-audit.yaml"));
stats++;
for (const code of readdirSync(scholen)) {
  const names = folders[code];
  if (names === undefined) continue;
  const dir = join(scholen, code);
  statSync(dir);
  stats++;
  for (const name of names) {
    statSync(join(dir, name));
    stats++;
  }
}
const output = readFileSync(previousFile);
writeFileSync(outFile, output);
const ms = performance.now() - t0;
process.stdout.write(JSON.stringify({ stats, bytes: output.length, ms: Math.round(ms) }) + "\n");
