#!/usr/bin/env node
// `--version` is asked by scripts and editors often: answer it without loading the tool.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-v")) {
  const { readFileSync } = await import("node:fs");
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  process.stdout.write(`${pkg.version}\n`);
} else {
  const { main } = await import("../dist/bundle/sop-audit.js");
  process.exitCode = await main(args);
}
