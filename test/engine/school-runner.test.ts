/**
 * The engine's loop is handed a runner: on this thread alone, or shared with
 * worker threads. Both give the same results in school order. Runs the built
 * code in a process of its own (a worker thread loads dist/engine/worker.js).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../cli/run.js";

const scratch = mkdtempSync(join(tmpdir(), "sop-audit-runner-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const dist = (module: string) => JSON.stringify(`${ROOT}dist/${module}`);

describe("school runners", () => {
  it("in-thread and pooled give identical results; the pooled one did use a worker", () => {
    const file = join(scratch, "runners.mjs");
    writeFileSync(
      file,
      `
      import { prepareAudit } from ${dist("audit/audit.js")};
      import { NO_CACHE } from ${dist("engine/cache.js")};
      import { compileRuleset } from ${dist("engine/compiled-ruleset.js")};
      import { runSchools } from ${dist("engine/run-schools.js")};
      import { IN_THREAD } from ${dist("engine/school-runner.js")};
      import { pooledRunner } from ${dist("engine/pooled-runner.js")};
      import { startWorkers } from ${dist("engine/pool.js")};
      import { once } from "node:events";
      import { readdirSync } from "node:fs";
      import { join } from "node:path";

      const { root, ruleset, env } = prepareAudit({ cwd: ${JSON.stringify(join(ROOT, "examples", "swv-vo-2203"))}, repo: "." });
      // The example's schools, many times over: enough that a worker, once started, takes some.
      const ids = readdirSync(join(root, "scholen")).sort();
      const schools = Array.from({ length: 40 }, () => ids.map((id) => ({ id, dir: "scholen/" + id }))).flat();
      /** Counts the results that came from another thread. */
      const counting = (runner) => {
        const counted = { copied: 0 };
        counted.runner = { run: (job, done) => runner.run(job, (n, r) => { if (r.copied) counted.copied++; done(n, r); }), close: runner.close };
        return counted;
      };
      const run = async (runner) => runSchools({ root, compiled: compileRuleset(ruleset), env, schools, cache: NO_CACHE, runner });
      const here = counting(IN_THREAD);
      const started = startWorkers(2, schools.length);
      // Started workers do not keep a process alive until a run takes them; this one waits for them.
      for (const worker of started) worker.ref();
      await Promise.all(started.map((worker) => once(worker, "online")));
      const pooled = counting(pooledRunner(2, started));
      const a = await run(here.runner);
      const b = await run(pooled.runner);
      console.log(JSON.stringify({ schools: a.results.length, same: JSON.stringify(a) === JSON.stringify(b), here: here.copied, workers: pooled.copied > 0 }));
      `,
    );
    const r = spawnSync(process.execPath, [file], { cwd: ROOT, encoding: "utf8", timeout: 30_000 });
    expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(JSON.parse(r.stdout)).toEqual({ schools: 320, same: true, here: 0, workers: true });
  });
});
