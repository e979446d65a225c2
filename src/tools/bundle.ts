/**
 * `npm run build`, second step: bundles the CLI and the worker thread into
 * one file each in dist/bundle/. Node's ESM loader resolves, reads and
 * compiles every module file on its own; for the CLI's ~250 files (zod and
 * ajv are most of them) that was ~70 ms of every run and of every worker's
 * start. Modules imported lazily stay lazy inside the bundle.
 *
 * dist/bundle/ has the same depth as dist/cli/, so the paths the code finds
 * from its own location (standards/, templates/, package.json, worker.js)
 * stay right.
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const dist = fileURLToPath(new URL("../", import.meta.url));

await build({
  entryPoints: { "sop-audit": `${dist}cli/main.js`, worker: `${dist}engine/worker.js` },
  outdir: `${dist}bundle`,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // CommonJS dependencies (commander, ajv, handlebars) call require(); an ES module has none of its own.
  banner: { js: 'import { createRequire as __sopAuditRequire } from "node:module"; const require = __sopAuditRequire(import.meta.url);' },
  // Loaded on first use only (src/documents/parse.ts), from node_modules.
  external: ["yaml", "gray-matter"],
  legalComments: "none",
  logLevel: "warning",
});
