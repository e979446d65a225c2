/**
 * `npm run build`, second step: bundles the CLI and the worker thread into
 * dist/bundle/. Node's ESM loader resolves, reads and compiles every module
 * file on its own; for the CLI's ~250 files (zod and ajv are most of them)
 * that was ~70 ms of every run and of every worker's start.
 *
 * Code splitting: what a command imports lazily (handlebars and the reports,
 * the output formats) and what the CLI and the worker share goes into
 * chunks of its own, so that V8 does not even parse code a run never uses
 * (`check --help` 0.23 → 0.15 s).
 *
 * All files sit in dist/bundle/ itself, which has the same depth as
 * dist/cli/, so the paths the code finds from its own location
 * (standards/, templates/, package.json, worker.js) stay right.
 */
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../", import.meta.url));

// Chunk names carry a content hash: without this, chunks of older builds would pile up.
rmSync(`${dist}bundle`, { recursive: true, force: true });

await build({
  entryPoints: { "sop-audit": `${dist}cli/main.js`, worker: `${dist}engine/worker.js` },
  outdir: `${dist}bundle`,
  bundle: true,
  splitting: true,
  chunkNames: "[name]-[hash]",
  platform: "node",
  format: "esm",
  target: "node20",
  // CommonJS dependencies (commander, ajv, handlebars) call require(); an ES module has none of its own.
  banner: { js: 'import { createRequire as __sopAuditRequire } from "node:module"; const require = __sopAuditRequire(import.meta.url);' },
  // Loaded on first use only (src/documents/parse.ts), from node_modules.
  external: ["yaml"],
  legalComments: "none",
  logLevel: "warning",
});
