#!/usr/bin/env node
// `--version` is asked by scripts and editors often: answer it without loading the tool.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-v")) {
  const { readFileSync } = await import("node:fs");
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
  process.stdout.write(`${pkg.version}\n`);
} else {
  // Whatever escapes main (a thread, a stream, a timer) is a bug in sop-audit: exit 3, never 1.
  const internal = (error) => {
    process.stderr.write(`sop-audit: interne fout (dit is een fout in sop-audit, geen fout in uw bestanden)\n${error?.stack ?? error}\n`);
    process.exit(3);
  };
  process.on("uncaughtException", internal);
  process.on("unhandledRejection", internal);
  const { main } = await import("../dist/bundle/sop-audit.js");
  process.exitCode = await main(args);
}
