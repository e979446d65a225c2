#!/usr/bin/env node
/**
 * sop-audit benchmark: `npm run bench [-- options]`.
 *
 *   --sizes 150,1000,10000   repository sizes (school locations); default all three
 *   --runs 3                 timed runs per measurement; the median is reported
 *   --quick                  sizes 150,1000 and 1 run
 *   --seed <s>               generator seed (default: bench/generate.js DEFAULT_SEED)
 *   --no-build               do not build first (tsc -p tsconfig.build.json, the bundle, the standards snapshot)
 *   --no-doc                 do not rewrite docs/performance.md and docs/dev/benchmark.md
 *   --render                 measure nothing: print the tables and rewrite both documents
 *                            from bench/results/latest.json (after a change to how targets are reported)
 *
 * For each size it generates (or reuses) bench/data/<n>/ and measures, each
 * command as a child process, wall time (median), files/s and peak RSS:
 *   (a) floor: bench/floor.js, reading and parsing every file with the tool's parseSource
 *   (b) check, cold
 *   (c) check with a cache: warm-up run, then one school's SOP changed, re-run timed
 *   (d) coverage and report (skipped with a note while the command is missing)
 *   (e) the peer: ajv-cli validating the same files against schemas/*.schema.json
 * plus startup (`node -e 0` vs `sop-audit --version`) and N=150 end to end.
 * Peak RSS comes from GNU time (`/usr/bin/time -f "%e %M"`, the whole process
 * tree it waits for), else from a preload probe (bench/rss.cjs).
 *
 * Results: a table on stdout, bench/results/latest.json, and the part
 * between <!-- bench:start --> and <!-- bench:end --> of two documents:
 * docs/performance.md (for users, in Dutch: the targets and what the
 * commands cost) and docs/dev/benchmark.md (every measurement, the notes
 * and the commands).
 * A failing command is reported (with its stderr) and marked failed; the
 * bench goes on.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, createReadStream } from "node:fs";
import os from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { DEFAULT_SEED, generateRepo, validateSample } from "./generate.js";

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, "..");
// SOP_BENCH_BIN: another CLI entry point (for testing the bench itself).
const BIN = process.env.SOP_BENCH_BIN ? resolve(process.env.SOP_BENCH_BIN) : join(ROOT, "bin", "sop-audit.js");
// SOP_BENCH_DIR: where data/<n>/ and results/latest.json go instead of bench/ (for testing the bench itself).
const OUT = process.env.SOP_BENCH_DIR ? resolve(process.env.SOP_BENCH_DIR) : BENCH;
const dataDir = (n) => join(OUT, "data", String(n));
const RESULTS = join(OUT, "results", "latest.json");
const NODE = process.execPath;
const AJV = join(ROOT, "node_modules", "ajv-cli", "dist", "index.js");
const USER_DOC = join(ROOT, "docs", "performance.md");
const DEV_DOC = join(ROOT, "docs", "dev", "benchmark.md");
const START = "<!-- bench:start -->";
const END = "<!-- bench:end -->";
const TIMEOUT_MS = 45 * 60 * 1000;
const STARTUP_RUNS = 10;

/* ------------------------------------------------------------- options */

function parseArgs(argv) {
  const o = { sizes: [150, 1000, 10000], runs: 3, quick: false, seed: DEFAULT_SEED, build: true, doc: true };
  let sizesGiven = false;
  let runsGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      const eq = a.indexOf("=");
      if (eq > 0) return a.slice(eq + 1);
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--quick") o.quick = true;
    else if (a.startsWith("--sizes")) {
      o.sizes = val().split(",").map((s) => Number(s.replace(/[_.]/g, "").trim()));
      sizesGiven = true;
    } else if (a.startsWith("--runs")) {
      o.runs = Number(val());
      runsGiven = true;
    } else if (a.startsWith("--seed")) o.seed = val();
    else if (a === "--no-build") o.build = false;
    else if (a.startsWith("--timer")) o.timer = val(); // gnu-time | preload (testing the fallback)
    else if (a === "--no-doc") o.doc = false;
    else if (a === "--render") o.render = true;
    else if (a === "-h" || a === "--help") {
      console.log(readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n").slice(2, 12).map((l) => l.replace(/^ \* ?/, "")).join("\n"));
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  if (o.quick) {
    if (!sizesGiven) o.sizes = [150, 1000];
    if (!runsGiven) o.runs = 1;
  }
  if (!o.sizes.length || o.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error("--sizes: positive integers, comma-separated");
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error("--runs: a positive integer");
  o.sizes = [...new Set(o.sizes)].sort((a, b) => a - b);
  return o;
}

/* ------------------------------------------------------------- helpers */

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmtS = (ms) => (ms == null ? "–" : ms < 1000 ? `${(ms / 1000).toFixed(3)} s` : `${(ms / 1000).toFixed(2)} s`);
const fmtMB = (kib) => (kib == null ? "–" : `${Math.round(kib / 1024)} MB`);
const fmtInt = (n) => (n == null ? "–" : Math.round(n).toLocaleString("en-US"));
const fmtIntNl = (n) => fmtInt(n).replace(/,/g, ".");
const fmtRatio = (r) => (r == null || !Number.isFinite(r) ? "–" : r.toFixed(2));

let tmpRoot;
function tmp(name) {
  const d = join(tmpRoot, name);
  mkdirSync(d, { recursive: true });
  return d;
}

/** Shows a command the way a person would type it from the project root. */
function display(argv) {
  return argv
    .map((a) => {
      let s = a === NODE ? "node" : a;
      if (tmpRoot) s = s.split(tmpRoot).join("$TMP");
      s = s.split(ROOT + "/").join("");
      if (s === AJV.slice(ROOT.length + 1)) s = "npx ajv";
      return /[\s*?"]/.test(s) ? `"${s}"` : s;
    })
    .join(" ");
}

/** Help text of the CLI (or a subcommand); empty when it fails. */
function help(args) {
  const r = spawnSync(NODE, [BIN, ...args, "--help"], { encoding: "utf8", cwd: ROOT });
  return r.status === 0 ? r.stdout : "";
}
const hasFlag = (text, flag) => new RegExp(`(^|[\\s,])${flag.replace(/[-]/g, "\\-")}(?=[\\s,=<\\[]|$)`, "m").test(text);
function hasCommand(topHelp, name) {
  // The heading is in the CLI's language (Dutch by default).
  const cmds = topHelp.split(/\n\s*(?:Opdrachten|Commands):\s*\n/)[1] ?? "";
  return new RegExp(`^\\s+${name}(\\s|\\|)`, "m").test(cmds);
}

/* ------------------------------------------------------------ measuring */

let timeMode = null; // "gnu-time" | "preload"
/** Elapsed s, peak RSS KiB, user s, system s. */
const TIME_FORMAT = "%e %M %U %S";
const TIME_LINE = /^(\d+(?:\.\d+)?) (\d+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/;
function detectTimer() {
  const r = spawnSync("/usr/bin/time", ["-f", TIME_FORMAT, "true"], { encoding: "utf8" });
  if (r.status === 0 && TIME_LINE.test(r.stderr.trim().split("\n").at(-1) ?? "")) return "gnu-time";
  return "preload";
}

let current = null; // the running child, killed on SIGINT
const cleanups = [];
function onSignal(sig) {
  if (current) {
    try {
      process.kill(-current.pid, "SIGKILL");
    } catch {}
  }
  for (const f of cleanups.splice(0)) {
    try {
      f();
    } catch {}
  }
  process.exit(sig === "SIGINT" ? 130 : 143);
}
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

/**
 * Runs argv once as a child process. stdout goes to /dev/null or a file,
 * stderr is kept (the last 16 KB) for the report.
 */
function runOnce(argv, { cwd = ROOT, stdout = "/dev/null", env = {}, okCodes = [0] } = {}) {
  return new Promise((resolvePromise) => {
    const timeFile = join(tmpRoot, `time-${process.hrtime.bigint()}.txt`);
    const rssDir = timeMode === "preload" ? mkdtempSync(join(tmpRoot, "rss-")) : null;
    const cmd = timeMode === "gnu-time" ? ["/usr/bin/time", "-f", TIME_FORMAT, "-o", timeFile, ...argv] : argv;
    const childEnv = { ...process.env, NO_COLOR: "1", ...env };
    if (rssDir) {
      childEnv.SOP_BENCH_RSS_DIR = rssDir;
      childEnv.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --require ${join(BENCH, "rss.cjs")}`.trim();
    }
    const out = openSync(stdout, "w");
    let stderr = "";
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd[0], cmd.slice(1), { cwd, env: childEnv, stdio: ["ignore", out, "pipe"], detached: true });
    current = child;
    const timer = setTimeout(() => {
      stderr += `\n[bench] killed after ${TIMEOUT_MS / 60000} minutes`;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    }, TIMEOUT_MS);
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (d) => {
      stderr = (stderr + d).slice(-16384);
    });
    const finish = (code, signal, error) => {
      const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
      clearTimeout(timer);
      current = null;
      closeSync(out);
      let rssKiB = null;
      let cpuMs = null;
      if (timeMode === "gnu-time" && existsSync(timeFile)) {
        const lines = readFileSync(timeFile, "utf8").trim().split("\n");
        const m = TIME_LINE.exec(lines.at(-1) ?? "");
        if (m) {
          rssKiB = Number(m[2]);
          cpuMs = (Number(m[3]) + Number(m[4])) * 1000;
        }
        rmSync(timeFile, { force: true });
      } else if (rssDir) {
        for (const f of readdirSync(rssDir)) {
          try {
            const p = JSON.parse(readFileSync(join(rssDir, f), "utf8"));
            rssKiB = Math.max(rssKiB ?? 0, p.maxRSSKiB);
            cpuMs = (cpuMs ?? 0) + p.cpuMs;
          } catch {}
        }
        rmSync(rssDir, { recursive: true, force: true });
      }
      const ok = !error && signal == null && okCodes.includes(code);
      resolvePromise({ ok, code, signal, wallMs, rssKiB, cpuMs, stderr: error ? String(error) : stderr });
    };
    child.on("error", (e) => finish(null, null, e));
    child.on("close", (code, signal) => finish(code, signal));
  });
}

/**
 * `runs` timed runs of one command → a result row. `before(i)` runs before
 * each (untimed), e.g. to clear a cache.
 */
async function measure(row, argv, opts = {}) {
  return (await measureRounds([{ row, argv, opts }], opts.runs ?? 1))[0];
}

/**
 * Several commands measured in rounds, one run of each per round: when the
 * machine gets slower or faster during the bench, all of them see it alike,
 * so the ratios between them (P1) stay fair.
 */
async function measureRounds(specs, runs) {
  const states = specs.map(({ row, argv }) => ({ result: { ...row, command: display(argv), runs, ok: true, notes: [...(row.notes ?? [])] }, walls: [], rss: [], cpus: [] }));
  for (let i = 0; i < runs; i++) {
    for (const [k, { row, argv, opts = {} }] of specs.entries()) {
      const { result, walls, rss, cpus } = states[k];
      if (!result.ok) continue;
      if (opts.before) await opts.before(i);
      const r = await runOnce(argv, opts);
      if (!r.ok) {
        result.ok = false;
        result.error = `exit ${r.code ?? r.signal}`;
        console.error(`  ✖ ${row.label} (N=${row.n ?? "–"}) failed: ${result.error}\n    $ ${result.command}\n${indent(r.stderr.trim() || "(no stderr)", "    | ")}`);
        continue;
      }
      walls.push(r.wallMs);
      if (r.rssKiB != null) rss.push(r.rssKiB);
      if (r.cpuMs != null) cpus.push(r.cpuMs);
      if (opts.after) await opts.after(i, r);
    }
  }
  return states.map(({ result, walls, rss, cpus }) => {
    if (walls.length) {
      result.wallMs = median(walls);
      result.minMs = Math.min(...walls);
      result.maxMs = Math.max(...walls);
      result.walls = walls.map((w) => Math.round(w));
    }
    if (rss.length) result.rssKiB = Math.max(...rss);
    if (cpus.length) result.cpuMs = median(cpus);
    if (result.ok && result.files) result.filesPerS = result.files / (result.wallMs / 1000);
    const status = result.ok ? `${fmtS(result.wallMs)}${result.rssKiB ? `, ${fmtMB(result.rssKiB)}` : ""}` : "FAILED";
    console.log(`  ${result.label.padEnd(34)} ${status}`);
    return result;
  });
}
const indent = (s, p) => s.split("\n").map((l) => p + l).join("\n");

/* ----------------------------------------------------------------- data */

function generatorHash() {
  return createHash("sha256").update(readFileSync(join(BENCH, "generate.js"))).digest("hex").slice(0, 16);
}

async function ensureData(n, seed) {
  const dir = dataDir(n);
  const stampFile = join(dir, ".bench-stamp.json");
  const hash = generatorHash();
  let stamp = null;
  try {
    stamp = JSON.parse(readFileSync(stampFile, "utf8"));
  } catch {}
  if (stamp && stamp.generator === hash && stamp.seed === seed && stamp.n === n && existsSync(join(dir, "sop-audit.yaml"))) {
    return { dir, ...stamp, generated: false };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  process.stdout.write(`  generating ${n} schools into ${relative(ROOT, dir)}/ … `);
  const t0 = performance.now();
  const summary = generateRepo(dir, n, { seed });
  const genMs = performance.now() - t0;
  console.log(`${fmtInt(summary.files)} files, ${(summary.bytes / 1e6).toFixed(1)} MB, ${fmtS(genMs)}`);
  let validation;
  try {
    const v = await validateSample(dir, 30);
    validation = v.problems.length ? `${v.problems.length} of ${v.checked} sampled files fail the zod schemas` : `${v.checked} sampled files pass the zod schemas`;
    if (v.problems.length) console.error(`  ! generator output: ${validation}\n${indent(v.problems.slice(0, 10).join("\n"), "    ")}`);
  } catch (e) {
    validation = `not validated (${e.message.split("\n")[0]})`;
  }
  const newStamp = { generator: hash, seed, n, files: summary.files, bytes: summary.bytes, gapSchools: summary.gapSchools, generateMs: Math.round(genMs), validation };
  writeFileSync(stampFile, JSON.stringify(newStamp, null, 2) + "\n");
  return { dir, ...newStamp, generated: true };
}

/** Document files as the tool sees them: sop-audit.yaml + scholen/<code>/*.{yaml,yml,md}. */
function countFiles(dir) {
  let files = 1;
  for (const code of readdirSync(join(dir, "scholen"), { withFileTypes: true })) {
    if (!code.isDirectory()) continue;
    for (const f of readdirSync(join(dir, "scholen", code.name))) if (/\.(ya?ml|md)$/i.test(f)) files++;
  }
  return files;
}

/* -------------------------------------------------------------- schemas */

const SCHEMA_FILES = {
  SwvConfig: "swv-config.schema.json",
  Schoolondersteuningsprofiel: "sop.schema.json",
  Zelfevaluatie: "zelfevaluatie.schema.json",
  Visitatie: "visitatie.schema.json",
  Uitzonderingen: "uitzonderingen.schema.json",
};
const PEER_GLOBS = [
  ["swv-config.schema.json", "sop-audit.yaml"],
  ["sop.schema.json", "scholen/*/sop-*.yaml"],
  ["zelfevaluatie.schema.json", "scholen/*/zelfevaluatie-*.yaml"],
  ["visitatie.schema.json", "scholen/*/visitatie-*.yaml"],
  ["uitzonderingen.schema.json", "scholen/*/uitzonderingen.yaml"],
];

/** schemas/ when it is complete; otherwise schemas generated for this run (noted). */
async function schemaDir() {
  const published = join(ROOT, "schemas");
  const missing = Object.values(SCHEMA_FILES).filter((f) => !existsSync(join(published, f)));
  if (!missing.length) return { dir: published, note: null };
  const dir = tmp("schemas");
  const { z } = await import("zod");
  const mod = await import(join(ROOT, "dist", "documents", "schemas.js"));
  for (const [kind, file] of Object.entries(mod.SCHEMA_FILES ?? SCHEMA_FILES)) {
    writeFileSync(join(dir, file), JSON.stringify(z.toJSONSchema(mod.DOCUMENT_SCHEMAS[kind], { target: "draft-2020-12" }), null, 2));
  }
  return {
    dir,
    note: `schemas/ is incomplete (missing ${missing.join(", ")}); this run generated them with z.toJSONSchema(schema, { target: "draft-2020-12" }) from dist/documents/schemas.js`,
  };
}

async function countLines(file, re) {
  let n = 0;
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of rl) if (re.test(line)) n++;
  return n;
}

/* ------------------------------------------------------------ the bench */

async function benchSize(n, o, feat, schemas) {
  console.log(`\nN = ${fmtInt(n)}`);
  const data = await ensureData(n, o.seed);
  const repo = data.dir;
  const files = countFiles(repo);
  const base = { n, files };
  const rows = [];
  const work = tmp(`work-${n}`);
  const cacheInRepo = join(repo, ".sop-audit-cache");
  const dropRepoCache = () => rmSync(cacheInRepo, { recursive: true, force: true });

  // (a) floor, (b) check cold and (e) the peer, in rounds (see measureRounds)
  const checkOut = [];
  if (feat.check.format) checkOut.push("--format", "json");
  if (feat.check.output) checkOut.push("--output", "/dev/null");
  const coldArgs = [NODE, BIN, "check", "-C", repo, ...checkOut, "--fail-on", "never", ...(feat.check.noCache ? ["--no-cache"] : [])];
  const peer = peerSpec(base, repo, work, schemas);
  const [floorRow, coldRow, ajvRow] = await measureRounds(
    [
      { row: { ...base, id: "floor", label: "floor (read + parseSource)" }, argv: [NODE, join(BENCH, "floor.js"), repo], opts: { cwd: work } },
      { row: { ...base, id: "check-cold", label: "check, cold" }, argv: coldArgs, opts: { cwd: work, before: dropRepoCache } },
      ...(peer ? [peer.spec] : []),
    ],
    o.runs,
  );
  rows.push(floorRow, coldRow);

  // (c) check with a cache: fill, change one SOP, re-run
  if (feat.check.cache && feat.check.cacheLocation) {
    // --cache-location names the cache file; it lives in a scratch directory of its own.
    const cacheDir = tmp(`cache-${n}`);
    const cachedArgs = [NODE, BIN, "check", "-C", repo, ...checkOut, "--fail-on", "never", "--cache", "--cache-location", join(cacheDir, "sop-audit-cache")];
    const { code, target, original, putBack } = sopToChange(repo);
    // The filling run keeps its output: the re-run floor reads it back.
    const previous = join(work, "previous-output");
    const fillArgs = feat.check.output ? cachedArgs.map((a, i) => (cachedArgs[i - 1] === "--output" ? previous : a)) : cachedArgs;
    try {
      rows.push(await measure({ ...base, id: "check-fill", label: "check --cache, first run (fills)" }, fillArgs, { runs: 1, cwd: work }));
      const floorSpec = rerunFloorSpec(base, repo, work, previous, feat);
      const measured = await measureRounds(
        [
          ...(floorSpec ? [floorSpec] : []),
          {
            row: { ...base, id: "check-cached", label: "check --cache, 1 SOP changed", notes: [`check --cache, N=${fmtInt(n)}: the changed file is scholen/${code}/sop-2025-2026.yaml (a comment line appended before each timed run; restored afterwards).`] },
            argv: cachedArgs,
            opts: {
              cwd: work,
              // Each run appends a different line, so every timed run sees exactly one changed file.
              before: (i) => writeFileSync(target, Buffer.concat([original, Buffer.from(`# bench: wijziging ${i + 1}\n`)])),
            },
          },
        ],
        o.runs,
      );
      rows.push(...measured);
    } finally {
      putBack();
      rmSync(cacheDir, { recursive: true, force: true });
    }
  } else {
    rows.push({ ...base, id: "check-cached", label: "check --cache, 1 SOP changed", skipped: `check has no ${[!feat.check.cache && "--cache", !feat.check.cacheLocation && "--cache-location"].filter(Boolean).join(" / ")} yet` });
    console.log(`  ${"check --cache, 1 SOP changed".padEnd(34)} skipped (no --cache)`);
  }

  // (c) again, in a running `check --watch`
  if (feat.check.watch) rows.push(await measureWatch(base, repo, work, Math.max(o.runs, WATCH_ROUNDS)));
  else console.log(`  ${"check --watch, 1 SOP changed".padEnd(34)} skipped (no --watch)`);

  // (d) coverage and report
  if (feat.coverage.exists) {
    const outFile = join(work, "coverage.json");
    const args = [NODE, BIN, "coverage", "-C", repo];
    const notes = [];
    if (feat.coverage.format) args.push("--format", "json");
    else notes.push("coverage has no --format; default format");
    if (feat.coverage.output) args.push("--output", outFile);
    else notes.push("coverage has no --output; stdout to /dev/null");
    rows.push(await measure({ ...base, id: "coverage", label: "coverage --format json", notes }, args, { runs: o.runs, cwd: work }));
  } else {
    rows.push({ ...base, id: "coverage", label: "coverage --format json", skipped: "no coverage command yet" });
    console.log(`  ${"coverage --format json".padEnd(34)} skipped (no coverage command)`);
  }
  if (feat.report.exists) {
    const outDir = join(work, "report");
    const args = [NODE, BIN, "report", "-C", repo];
    const notes = [];
    if (feat.report.out) args.push("--out", outDir);
    else notes.push("report has no --out; run in a scratch directory");
    if (feat.report.format) args.push("--format", "html");
    else notes.push("report has no --format; default format");
    rows.push(await measure({ ...base, id: "report", label: "report --format html", notes }, args, { runs: o.runs, cwd: work, before: () => rmSync(outDir, { recursive: true, force: true }) }));
  } else {
    rows.push({ ...base, id: "report", label: "report --format html", skipped: "no report command yet" });
    console.log(`  ${"report --format html".padEnd(34)} skipped (no report command)`);
  }

  // (e) the peer, measured above with floor and check
  if (peer) rows.push(await peer.finish(ajvRow));
  else rows.push({ ...base, id: "ajv", label: "ajv-cli (peer)", skipped: "ajv-cli not installed (npm install)" });

  // N = 150 end to end: check as a person runs it (default output, cold).
  if (n === 150) {
    rows.push(
      await measure({ ...base, id: "e2e", label: "check end to end (default output)" }, [NODE, BIN, "check", "-C", repo, "--fail-on", "never", ...(feat.check.noCache ? ["--no-cache"] : [])], {
        runs: o.runs,
        cwd: work,
        before: dropRepoCache,
      }),
    );
  }
  return { n, files, bytes: data.bytes, gapSchools: data.gapSchools, generateMs: data.generateMs, validation: data.validation, generated: data.generated, rows };
}

/**
 * The re-run floor (bench/rerun-floor.js): stat every folder and file, read the
 * previous output back and write it, in a fresh process. Its list of files is
 * made here, untimed, as the cache keeps one.
 */
function rerunFloorSpec(base, repo, work, previous, feat) {
  if (!feat.check.output) return undefined;
  const folders = {};
  const scholen = join(repo, "scholen");
  for (const code of readdirSync(scholen, { withFileTypes: true })) {
    if (!code.isDirectory()) continue;
    folders[code.name] = readdirSync(join(scholen, code.name), { withFileTypes: true })
      .filter((f) => f.isFile() && /\.(ya?ml|md)$/i.test(f.name))
      .map((f) => f.name);
  }
  const list = join(work, "files.json");
  writeFileSync(list, JSON.stringify(folders));
  return {
    row: { ...base, id: "rerun-floor", label: "re-run floor (stat all + output)" },
    argv: [NODE, join(BENCH, "rerun-floor.js"), repo, list, previous, "/dev/null"],
    opts: { cwd: work },
  };
}

/**
 * The SOP the re-runs change: the middle school's. `putBack` restores it;
 * until then a stopped bench restores it on its way out.
 */
function sopToChange(repo) {
  const schools = readdirSync(join(repo, "scholen")).sort();
  const code = schools[Math.floor(schools.length / 2)];
  const target = join(repo, "scholen", code, "sop-2025-2026.yaml");
  const original = readFileSync(target);
  const restore = () => writeFileSync(target, original);
  cleanups.push(restore);
  const putBack = () => {
    restore();
    cleanups.splice(cleanups.indexOf(restore), 1);
  };
  return { code, target, original, putBack };
}

/** Edits timed in one `check --watch` (at least; more when the bench runs more). */
const WATCH_ROUNDS = 5;

/**
 * The re-run in `check --watch` (bench/watch-rerun.js): one watching
 * process, `rounds` edits of the same SOP as the cached re-run, each timed
 * from the save until the watch reports the run that followed it.
 */
async function measureWatch(base, repo, work, rounds) {
  const { code, target, putBack } = sopToChange(repo);
  const label = "check --watch, 1 SOP changed";
  const row = {
    ...base,
    id: "check-watch",
    label,
    command: display([NODE, join(BENCH, "watch-rerun.js"), repo, target, "/dev/null", String(rounds)]),
    notes: [
      `check --watch, N=${fmtInt(base.n)}: one watching process (\`--format json --output /dev/null\`); ${rounds} times a comment line is appended to scholen/${code}/sop-2025-2026.yaml and the time is taken from that save until the watch reports its next run, so noticing the save and the quiet spell the watch waits for are included. The first run (checking every school) is not timed.`,
    ],
  };
  const result = join(work, "watch-rerun.json");
  try {
    const r = await runOnce([NODE, join(BENCH, "watch-rerun.js"), repo, target, "/dev/null", String(rounds)], { cwd: work, stdout: result });
    if (!r.ok) {
      console.error(`  ✖ ${label} (N=${base.n}) failed: exit ${r.code ?? r.signal}\n${indent(r.stderr.trim() || "(no stderr)", "    | ")}`);
      console.log(`  ${label.padEnd(34)} FAILED`);
      return { ...row, runs: rounds, ok: false, error: `exit ${r.code ?? r.signal}` };
    }
    const { rounds: walls, checked } = JSON.parse(readFileSync(result, "utf8"));
    const ok = checked.every((c) => c === 1);
    const measured = { ...row, runs: walls.length, ok, ...(ok ? {} : { error: `a round checked ${checked.join(", ")} schools, not 1` }), wallMs: median(walls), minMs: Math.min(...walls), maxMs: Math.max(...walls), walls };
    console.log(`  ${label.padEnd(34)} ${ok ? fmtS(measured.wallMs) : "FAILED"}`);
    return measured;
  } finally {
    putBack();
  }
}

/**
 * (e) the peer: ajv-cli, one process per schema, in one shell so time sees the whole tree.
 * --strict=false: the published schemas carry the editor's keywords (markdownDescription, errorMessage), which ajv's strict mode refuses.
 */
function peerSpec(base, repo, work, schemas) {
  if (!existsSync(AJV)) return undefined;
  const outFile = join(work, "ajv.out");
  const errFile = join(work, "ajv.err");
  const parts = PEER_GLOBS.map(([schema, glob]) => `${shq(NODE)} ${shq(AJV)} validate --spec=draft2020 --strict=false -c ajv-formats -s ${shq(join(schemas.dir, schema))} -d ${shq(glob)}`);
  const script = `status=0; { ${parts.map((p) => `${p} || status=$?;`).join(" ")} } 2>${shq(errFile)}; exit $status`;
  const schemaShown = (schema) => (schemas.dir === join(ROOT, "schemas") ? relative(repo, join(ROOT, "schemas", schema)) : `$TMP/schemas/${schema}`);
  const shown = PEER_GLOBS.map(([schema, glob]) => `npx ajv validate --spec=draft2020 --strict=false -c ajv-formats -s ${schemaShown(schema)} -d "${glob}"`);
  return {
    spec: { row: { ...base, id: "ajv", label: "ajv-cli (peer)", notes: schemas.note ? [schemas.note] : [] }, argv: ["/bin/sh", "-c", script], opts: { cwd: repo, stdout: outFile, okCodes: [0, 1] } },
    /** Adds the command as a person would type it, and what the last run reported. */
    async finish(row) {
      row.command = `cd ${relative(ROOT, repo)} && { ${shown.join("; ")}; }`;
      if (existsSync(outFile) && existsSync(errFile)) {
        const valid = await countLines(outFile, / valid$/);
        const invalid = await countLines(errFile, / invalid$/);
        row.peerValid = valid;
        row.peerInvalid = invalid;
        if (invalid > 0) {
          row.notes.push(
            `ajv-cli reports files with unquoted dates as invalid (the status column counts them): it reads YAML with js-yaml 3 (YAML 1.1), which turns \`datum: 2025-10-07\` into a Date object, so \`type: string\` fails. The documents are valid (the generator checks a sample against the zod schemas). The time still covers reading, parsing and validating every file; ajv stops at the first error in a file and prints it. ajv-cli needs one process per schema (five here), run one after the other.`,
          );
        }
        if ((await countLines(errFile, /^error/i)) > 0) {
          row.notes.push("ajv-cli printed other errors; see its stderr");
        }
      }
      return row;
    },
  };
}

function shq(s) {
  return `'${String(s).replace(/'/g, `'\\''`)}'`;
}

/** How well the machine runs two threads of the tool's own work (bench/scaling.js); one run, on the largest size ≤ 1,000. */
function benchScaling(sizes) {
  const n = Math.max(...sizes.filter((x) => x <= 1000));
  if (!Number.isFinite(n)) return undefined;
  console.log("\nscaling (bench/scaling.js)");
  const r = spawnSync(NODE, [join(BENCH, "scaling.js"), dataDir(n), String(Math.min(n, 300))], { encoding: "utf8", cwd: ROOT });
  if (r.status !== 0) {
    console.log(`  failed: ${(r.stderr || r.stdout).trim().split("\n")[0]}`);
    return undefined;
  }
  const out = { n, ...JSON.parse(r.stdout) };
  console.log(`  parse ${out.parse.speedup}×, parse+validate+check ${out.check.speedup}× with two threads`);
  return out;
}

async function benchStartup(feat) {
  console.log("\nstartup");
  const work = tmp("startup");
  const node0 = await measure({ id: "node-e0", label: "node -e 0" }, [NODE, "-e", "0"], { runs: STARTUP_RUNS, cwd: work });
  const version = await measure({ id: "version", label: "sop-audit --version" }, [NODE, BIN, "--version"], { runs: STARTUP_RUNS, cwd: work });
  return [node0, version];
}

/* -------------------------------------------------------------- targets */

/**
 * The targets, each with `what` (English, for docs/dev/benchmark.md) and
 * `nl` (Dutch, for docs/performance.md); a row without `nl` is for
 * developers only.
 */
function targets(sizes, startup) {
  const get = (n, id) => sizes.find((s) => s.n === n)?.rows.find((r) => r.id === id && r.ok !== false && r.wallMs != null);
  const measured = sizes.map((s) => s.n);
  const refN = measured.includes(1000) ? 1000 : measured.at(-1);
  const t = [];
  const verdict = (value, limit) => (value == null ? "not measured" : value <= limit ? "pass" : "FAIL");
  /** The wall-time ratio, with the CPU-time ratio beside it (steadier on a busy machine). */
  const ratio = (a, b) => {
    if (!a || !b) return { v: null, text: "–" };
    const v = a.wallMs / b.wallMs;
    const cpu = a.cpuMs != null && b.cpuMs ? ` (CPU ${fmtRatio(a.cpuMs / b.cpuMs)})` : "";
    return { v, text: fmtRatio(v) + cpu };
  };
  const ref = refN === 1000 ? "1,000" : `${fmtInt(refN)} (1,000 not measured)`;
  const refNl = `${fmtIntNl(refN)} scholen`;

  {
    const r = ratio(get(refN, "check-cold"), get(refN, "ajv"));
    t.push({ id: "P1", what: `check cold / ajv-cli, N=${ref}`, nl: `\`check\` zonder cache ÷ ajv-cli (alleen de schema's), ${refNl}`, value: r.text, target: "≤ 1.0", verdict: verdict(r.v, 1.0) });
  }
  /** The same ratio at the other sizes, for a target's label: " (N=150: 2.56, N=10,000: 1.18)". */
  const atOtherSizes = (num, den) => {
    const others = sizes
      .filter((s) => s.n !== refN)
      .map((s) => {
        const a = get(s.n, num);
        const b = get(s.n, den);
        return a && b ? `N=${fmtInt(s.n)}: ${ratio(a, b).text}` : null;
      })
      .filter(Boolean);
    return others.length ? ` (${others.join(", ")})` : "";
  };
  {
    // P3 is the re-run in a process that stays; a fresh process with --cache is shown beside it, as is what
    // such a process spends before it checks or formats anything (the re-run floor).
    const w = ratio(get(refN, "check-watch"), get(refN, "check-cold"));
    t.push({ id: "P3", what: `check --watch, re-run after 1 change / cold, N=${ref}${atOtherSizes("check-watch", "check-cold")}`, nl: `\`check --watch\`: opnieuw na 1 gewijzigde SOP ÷ zonder cache, ${refNl}`, value: w.text, target: "≤ 0.10", verdict: verdict(w.v, 0.1) });
    const c = ratio(get(refN, "check-cached"), get(refN, "check-cold"));
    t.push({ id: "(P3) cache", what: `check --cache, fresh process after 1 change / cold, N=${ref}${atOtherSizes("check-cached", "check-cold")}`, nl: `een nieuwe \`check --cache\` na 1 gewijzigde SOP ÷ zonder cache, ${refNl}`, value: c.text, target: "–", verdict: "for reference" });
    const f = ratio(get(refN, "rerun-floor"), get(refN, "check-cold"));
    if (f.v != null) t.push({ id: "(P3) floor", what: `re-run floor / cold, N=${ref}${atOtherSizes("rerun-floor", "check-cold")}`, value: f.text, target: "–", verdict: "for reference" });
  }
  {
    const e = get(150, "e2e");
    t.push({ id: "P4a", what: "N=150 end to end (check, default output)", nl: "één SWV van 150 scholen, `check` van begin tot eind", value: e ? fmtS(e.wallMs) : "–", target: "≤ 1.0 s", verdict: verdict(e ? e.wallMs / 1000 : null, 1.0) });
    const [node0, version] = startup;
    const r = ratio(version?.ok && version, node0?.ok && node0);
    t.push({
      id: "P4b",
      what: `--version / node -e 0 (${fmtS(version?.wallMs)} / ${fmtS(node0?.wallMs)}, median of ${STARTUP_RUNS})`,
      nl: "`sop-audit --version` ÷ `node -e 0`",
      value: r.text,
      target: "≤ 1.5",
      verdict: verdict(r.v, 1.5),
    });
  }
  {
    const big = get(10000, "check-cold");
    const one = get(1000, "check-cold");
    const gb = big?.rssKiB != null ? big.rssKiB / 1024 / 1024 : null;
    t.push({ id: "P5a", what: "check cold peak RSS, N=10,000", nl: "piekgeheugen van `check`, 10.000 scholen", value: gb == null ? "–" : `${fmtMB(big.rssKiB)}`, target: "≤ 1 GB", verdict: verdict(gb, 1.0) });
    const r = ratio(big, one);
    t.push({ id: "P5b", what: "t(check cold, 10,000) / t(1,000)", nl: "tijd van `check` bij 10.000 ÷ bij 1.000 scholen", value: r.text, target: "≤ 11", verdict: verdict(r.v, 11) });
  }
  return t;
}

/* --------------------------------------------------------------- output */

function table(sizes, startup) {
  const lines = [];
  lines.push("| N | measurement | wall (median) | min – max | CPU user+sys | files/s | peak RSS | status |");
  lines.push("|---:|---|---:|---:|---:|---:|---:|---|");
  for (const s of sizes) {
    for (const r of s.rows) {
      const status = r.skipped ? `skipped: ${r.skipped}` : r.ok ? (r.peerInvalid ? `ok (${fmtInt(r.peerInvalid)} files "invalid", see note)` : "ok") : `**failed** (${r.error})`;
      const range = r.runs > 1 && r.minMs != null ? `${fmtS(r.minMs)} – ${fmtS(r.maxMs)}` : "";
      lines.push(`| ${fmtInt(s.n)} | ${r.label} | ${r.skipped ? "–" : fmtS(r.wallMs)} | ${range} | ${fmtS(r.cpuMs)} | ${r.filesPerS ? fmtInt(r.filesPerS) : "–"} | ${fmtMB(r.rssKiB)} | ${status} |`);
    }
  }
  for (const r of startup) {
    lines.push(`| – | ${r.label} (×${STARTUP_RUNS}) | ${fmtS(r.wallMs)} | ${r.minMs != null ? `${fmtS(r.minMs)} – ${fmtS(r.maxMs)}` : ""} | ${fmtS(r.cpuMs)} | – | ${fmtMB(r.rssKiB)} | ${r.ok ? "ok" : `**failed** (${r.error})`} |`);
  }
  return lines.join("\n");
}

function targetTable(t) {
  return ["| target | measure | value | goal | verdict |", "|---|---|---:|---:|---|", ...t.map((x) => `| ${x.id} | ${x.what} | ${x.value} | ${x.target} | ${x.verdict} |`)].join("\n");
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? "unknown"} × ${cpus.length}`,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
    load: os.loadavg().map((x) => x.toFixed(2)).join(" "),
  };
}

/** The generated part of docs/dev/benchmark.md: every measurement, the notes and the commands. */
function devSection(result) {
  const m = result.machine;
  const L = [];
  L.push(START);
  L.push("<!-- Generated by `npm run bench`; everything between the markers is rewritten on each run. -->");
  L.push("");
  L.push(`Run of ${m.date}${result.options.quick ? " (**quick**: one run per measurement)" : ""}: sizes ${result.options.sizes.map(fmtInt).join(", ")}, ${result.options.runs} run(s) per measurement (median), sop-audit ${result.version}.`);
  L.push("");
  L.push(`- Machine: ${m.cpu}, ${m.memory} RAM, ${m.os}`);
  L.push(`- Load average (1, 5, 15 min) at the start: ${result.loadStart}; at the end: ${m.load}${result.busy ? " — **the machine was busy; wall times are noisy, compare CPU time**" : ""}`);
  L.push(`- Node ${m.node}; peak RSS via ${result.timer === "gnu-time" ? "GNU time (`/usr/bin/time -f \"%e %M %U %S\"`: wall, peak RSS of the whole process tree, CPU user and system)" : "the preload probe bench/rss.cjs (largest Node process)"}`);
  L.push(`- Data: bench/generate.js, seed \`${result.options.seed}\`, generator ${result.generator}; ${result.sizes.map((s) => `N=${fmtInt(s.n)}: ${fmtInt(s.files)} files, ${(s.bytes / 1e6).toFixed(1)} MB, ${fmtInt(s.gapSchools)} schools with gaps`).join("; ")}`);
  L.push("");
  L.push("### Results");
  L.push("");
  L.push(table(result.sizes, result.startup));
  L.push("");
  L.push("### Targets");
  L.push("");
  L.push(targetTable(result.targets));
  const notes = [...new Set(result.sizes.flatMap((s) => s.rows.flatMap((r) => r.notes ?? [])).concat(result.notes))];
  if (notes.length) {
    L.push("");
    L.push("### Notes");
    L.push("");
    for (const n of notes) L.push(`- ${n}`);
  }
  L.push("");
  L.push("### Commands");
  L.push("");
  L.push("`$TMP` is a scratch directory of the run; every command runs as its own child process" + (result.timer === "gnu-time" ? " under `/usr/bin/time -f \"%e %M %U %S\"`" : "") + ".");
  L.push("");
  L.push("```sh");
  const seen = new Set();
  for (const s of result.sizes) {
    for (const r of s.rows) {
      if (!r.command) continue;
      const line = `# ${r.label}, N=${fmtInt(s.n)}\n${r.command}`;
      if (!seen.has(line)) {
        seen.add(line);
        L.push(line);
      }
    }
  }
  for (const r of result.startup) L.push(`# ${r.label}\n${r.command}`);
  L.push("```");
  L.push(END);
  return L.join("\n");
}

/** Numbers in Dutch for a table cell of docs/performance.md: 1,000 → 1.000, 0.56 → 0,56. */
const nlNumbers = (text) => text.replace(/\d[\d,.]*\d|\d/g, (n) => n.replace(/[.,]/g, (c) => (c === "." ? "," : ".")));
const VERDICT_NL = { pass: "gehaald", FAIL: "**niet gehaald**", "not measured": "niet gemeten", "for reference": "ter vergelijking" };
/** The commands a user runs, in the order of the table of docs/performance.md. */
const USER_ROWS = [
  ["check-cold", "`check`"],
  ["check-fill", "`check --cache`, eerste run"],
  ["check-cached", "`check --cache`, 1 SOP gewijzigd"],
  ["check-watch", "`check --watch`, 1 SOP gewijzigd"],
  ["coverage", "`coverage --format json`"],
  ["report", "`report --format html`"],
];

/** The generated part of docs/performance.md, for users: what each command costs at each size, and the targets. */
function userSection(result) {
  const m = result.machine;
  const L = [START, "<!-- Gemaakt door `npm run bench`; alles tussen de markeringen wordt bij elke run opnieuw geschreven. -->", ""];
  L.push(
    `Meting van ${m.date}: sop-audit ${result.version}, Node ${m.node}, ${m.cpu}, ${nlNumbers(m.memory)} RAM; ` +
      `${result.options.runs > 1 ? `mediaan van ${result.options.runs} runs` : "één run"} per meting.${result.busy ? " De machine was tijdens de meting ook met ander werk bezig: de tijden schommelen." : ""} ` +
      "Alle metingen, de machine en de opdrachten: [dev/benchmark.md](dev/benchmark.md).",
  );
  L.push("");
  L.push("### Tijd en piekgeheugen");
  L.push("");
  L.push(`| opdracht | ${result.sizes.map((s) => `${fmtIntNl(s.n)} scholen`).join(" | ")} |`);
  L.push(`|---|${result.sizes.map(() => "---:").join("|")}|`);
  for (const [id, label] of USER_ROWS) {
    const cells = result.sizes.map((s) => {
      const r = s.rows.find((x) => x.id === id);
      if (!r || !r.ok || r.skipped || r.wallMs == null) return "–";
      return nlNumbers(r.rssKiB != null ? `${fmtS(r.wallMs)} · ${fmtMB(r.rssKiB)}` : fmtS(r.wallMs));
    });
    L.push(`| ${label} | ${cells.join(" | ")} |`);
  }
  L.push("");
  L.push("### Doelen");
  L.push("");
  L.push("| doel | wat | gemeten | grens | uitkomst |");
  L.push("|---|---|---:|---:|---|");
  for (const t of result.targets) if (t.nl) L.push(`| ${t.id} | ${t.nl} | ${nlNumbers(t.value)} | ${nlNumbers(t.target)} | ${VERDICT_NL[t.verdict] ?? t.verdict} |`);
  L.push(END);
  return L.join("\n");
}

/** Replaces the part between the markers; a document without them gets it at its end. */
function writeDoc(file, section, title) {
  let text = existsSync(file) ? readFileSync(file, "utf8") : `${title}\n\n`;
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a >= 0 && b > a) text = text.slice(0, a) + section + text.slice(b + END.length);
  else text = text.replace(/\s*$/, "\n\n") + section + "\n";
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function writeDocs(result) {
  writeDoc(USER_DOC, userSection(result), "# Snelheid en geheugen");
  writeDoc(DEV_DOC, devSection(result), "# The benchmark");
}

/* ----------------------------------------------------------------- main */

async function main() {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`bench: ${e.message} (see --help)`);
    process.exit(2);
  }
  if (o.render) return render(o);
  const loadStart = os.loadavg().map((x) => x.toFixed(2)).join(" ");
  const loadStart1 = os.loadavg()[0];
  tmpRoot = mkdtempSync(join(os.tmpdir(), "sop-audit-bench-"));
  cleanups.push(() => rmSync(tmpRoot, { recursive: true, force: true }));
  const notes = [];

  if (o.build) {
    process.stdout.write("building (tsc -p tsconfig.build.json, bundle, standards snapshot) … ");
    let r = spawnSync(NODE, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT, encoding: "utf8" });
    // The same steps as `npm run build`.
    for (const step of ["bundle.js", "standards-snapshot.js"]) if (r.status === 0) r = spawnSync(NODE, [join(ROOT, "dist", "tools", step)], { cwd: ROOT, encoding: "utf8" });
    if (r.status === 0) console.log("ok");
    else {
      console.log("failed");
      console.error(indent((r.stdout + r.stderr).trim().split("\n").slice(0, 30).join("\n"), "  | "));
      notes.push("The build failed before this run; it measured the dist/ that was there.");
    }
  }
  if (!existsSync(join(ROOT, "dist", "bundle", "sop-audit.js")) || !existsSync(join(ROOT, "dist", "documents", "parse.js"))) {
    console.error("dist/ is missing: run `npm run build` first.");
    process.exit(2);
  }

  timeMode = o.timer ?? detectTimer();
  if (timeMode !== "gnu-time") {
    console.log("GNU time not found (/usr/bin/time); peak RSS from bench/rss.cjs. For the whole process tree: apt-get install -y time");
    notes.push("GNU time was not used; peak RSS is the largest Node process (bench/rss.cjs), not the whole tree.");
  }

  // What the CLI offers right now; the bench adapts and says so.
  const top = help([]);
  const checkHelp = help(["check"]);
  const feat = {
    check: {
      format: hasFlag(checkHelp, "--format"),
      output: hasFlag(checkHelp, "--output"),
      cache: hasFlag(checkHelp, "--cache"),
      cacheLocation: hasFlag(checkHelp, "--cache-location"),
      noCache: hasFlag(checkHelp, "--no-cache"),
      jobs: hasFlag(checkHelp, "--jobs"),
      watch: hasFlag(checkHelp, "--watch"),
    },
    coverage: { exists: hasCommand(top, "coverage") },
    report: { exists: hasCommand(top, "report") },
  };
  if (feat.coverage.exists) {
    const h = help(["coverage"]);
    Object.assign(feat.coverage, { format: hasFlag(h, "--format"), output: hasFlag(h, "--output") });
  }
  if (feat.report.exists) {
    const h = help(["report"]);
    Object.assign(feat.report, { format: hasFlag(h, "--format"), out: hasFlag(h, "--out") });
  }
  const missing = [];
  if (!feat.check.format || !feat.check.output) missing.push("`check --format json --output <file>` (the bench sends the default output to /dev/null instead)");
  if (!feat.check.noCache) notes.push("`check` has no `--no-cache`: cold runs pass no `--cache` and delete `<repo>/.sop-audit-cache` before each run.");
  if (!feat.check.cache || !feat.check.cacheLocation) missing.push("`check --cache --cache-location <dir>` (the re-run with --cache not measured)");
  if (!feat.coverage.exists) missing.push("`coverage` command");
  if (!feat.report.exists) missing.push("`report` command");
  if (missing.length) notes.push(`Not in the CLI yet, so adapted or skipped: ${missing.join("; ")}.`);
  if (feat.check.jobs) notes.push(`\`check\` runs with its default \`--jobs\` (worker threads, up to the ${os.cpus().length} cores here); the floor is one thread. The CPU column adds up all threads and processes.`);
  const version = spawnSync(NODE, [BIN, "--version"], { encoding: "utf8" }).stdout.trim() || "?";

  console.log(`sop-audit ${version}; sizes ${o.sizes.join(", ")}; ${o.runs} run(s); timer: ${timeMode}; load average ${loadStart}`);
  if (loadStart1 > os.cpus().length * 0.5) console.log(`note: the machine is busy (load ${loadStart1.toFixed(2)} on ${os.cpus().length} cores); wall times will be noisy`);
  console.log(`check flags: ${Object.entries(feat.check).map(([k, v]) => `${k}=${v ? "yes" : "no"}`).join(" ")}; coverage: ${feat.coverage.exists ? "yes" : "no"}; report: ${feat.report.exists ? "yes" : "no"}`);

  const schemas = await schemaDir();
  if (schemas.note) console.log(`note: ${schemas.note}`);

  const sizes = [];
  for (const n of o.sizes) sizes.push(await benchSize(n, o, feat, schemas));
  const startup = await benchStartup(feat);
  const scaling = benchScaling(o.sizes);
  if (scaling) {
    notes.push(
      `What a second thread adds on this machine (bench/scaling.js, ${scaling.schools} schools of N=${fmtInt(scaling.n)}, files already in memory, both threads warm): parsing alone ${scaling.parse.speedup}× (${fmtS(scaling.parse.oneThreadMs)} → ${fmtS(scaling.parse.twoThreadsMs)}), a school's whole unit of work (parse, validate, check) ${scaling.check.speedup}× (${fmtS(scaling.check.oneThreadMs)} → ${fmtS(scaling.check.twoThreadsMs)}); 2.0× would be perfect.`,
    );
  }

  const loadEnd = os.loadavg()[0];
  const result = {
    loadStart,
    busy: Math.max(loadStart1, loadEnd) > os.cpus().length * 0.5,
    machine: machine(),
    version,
    timer: timeMode,
    generator: generatorHash(),
    options: o,
    features: feat,
    sizes,
    startup,
    ...(scaling ? { scaling } : {}),
    targets: targets(sizes, startup),
    notes,
  };

  console.log("\n" + table(sizes, startup));
  console.log("\n" + targetTable(result.targets));
  const allNotes = [...new Set(sizes.flatMap((s) => s.rows.flatMap((r) => r.notes ?? [])).concat(notes))];
  if (allNotes.length) console.log("\nNotes:\n" + allNotes.map((n) => `- ${n}`).join("\n"));

  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, JSON.stringify(result, null, 2) + "\n");
  if (o.doc) {
    writeDocs(result);
    console.log(`\nwrote ${relative(ROOT, USER_DOC)}, ${relative(ROOT, DEV_DOC)} and ${relative(ROOT, RESULTS)}`);
  } else console.log(`\nwrote ${relative(ROOT, RESULTS)}`);

  for (const f of cleanups.splice(0)) f();
}

/** --render: the last run's results again, with the targets computed by this version of the bench. */
function render(o) {
  const file = RESULTS;
  if (!existsSync(file)) {
    console.error(`${relative(ROOT, file)} is missing: run the bench first.`);
    process.exit(2);
  }
  const result = JSON.parse(readFileSync(file, "utf8"));
  result.targets = targets(result.sizes, result.startup);
  console.log(table(result.sizes, result.startup));
  console.log("\n" + targetTable(result.targets));
  writeFileSync(file, JSON.stringify(result, null, 2) + "\n");
  if (o.doc) {
    writeDocs(result);
    console.log(`\nwrote ${relative(ROOT, USER_DOC)}, ${relative(ROOT, DEV_DOC)} and ${relative(ROOT, file)} (from the stored results)`);
  }
}

main().catch((e) => {
  console.error(e?.stack ?? e);
  for (const f of cleanups.splice(0)) {
    try {
      f();
    } catch {}
  }
  process.exit(1);
});
