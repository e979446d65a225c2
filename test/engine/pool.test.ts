/**
 * Workers started as a command begins (before the run knows how many
 * schools it has) are put to work or stopped by the run, and never keep a
 * process alive. Each case runs in a process of its own, on the built code
 * (a worker thread loads dist/engine/worker.js).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "../cli/run.js";

const POOL = JSON.stringify(`${ROOT}dist/engine/pool.js`);
const AUDIT = JSON.stringify(`${ROOT}dist/audit/audit.js`);

const scratch = mkdtempSync(join(tmpdir(), "sop-audit-pool-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let scripts = 0;

/**
 * Runs an ES module script from a file (workers inherit Node's options, and
 * one that says the code comes from -e keeps them from starting); a process
 * that does not end within 20 s is killed (code null).
 */
function script(text: string): { code: number | null; stdout: string; stderr: string } {
  const file = join(scratch, `script-${++scripts}.mjs`);
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, [file], { cwd: ROOT, encoding: "utf8", timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("workers started early", () => {
  it("are none with one thread", () => {
    const r = script(`import { startWorkers } from ${POOL}; console.log(String(startWorkers(1, 1000)));`);
    expect(r).toEqual({ code: 0, stdout: "undefined\n", stderr: "" });
  });

  it("are none for a run expected too small for them, unless --jobs asks", () => {
    const r = script(`
      import { startWorkers, stopWorkers } from ${POOL};
      console.log(String(startWorkers(undefined, 249)));
      const asked = startWorkers(2, 2);
      console.log(asked.length);
      stopWorkers(asked);`);
    expect(r).toEqual({ code: 0, stdout: "undefined\n1\n", stderr: "" });
  });

  it("do not keep a process alive that never decides about them", () => {
    const r = script(`import { startWorkers } from ${POOL}; console.log(startWorkers(2, 250).length);`);
    expect(r).toEqual({ code: 0, stdout: "1\n", stderr: "" });
  });

  it("are stopped by a run too small for them", () => {
    const r = script(`
      import { once } from "node:events";
      import { poolFor, startWorkers } from ${POOL};
      const started = startWorkers(2, 250);
      console.log(String(poolFor(undefined, 10, started)));
      await once(started[0], "exit");
      console.log("stopped");`);
    expect(r).toEqual({ code: 0, stdout: "undefined\nstopped\n", stderr: "" });
  });

  it("are the ones a large enough run uses, and take orders", () => {
    const r = script(`
      import { once } from "node:events";
      import { poolFor, startWorkers } from ${POOL};
      const started = startWorkers(2, 250);
      const pool = poolFor(undefined, 250, started);
      console.log(pool === started);
      // No schools to check: the worker answers at once that it is done.
      pool[0].postMessage({ root: ".", ruleset: {}, env: {}, refs: [], envKeys: [], counter: new Int32Array(new SharedArrayBuffer(4)) });
      const [message] = await once(pool[0], "message");
      console.log(JSON.stringify(message));`);
    expect(r).toEqual({ code: 0, stdout: 'true\n{"done":true}\n', stderr: "" });
  });

  it("are not used when one failed to start, and the failure ends nothing", () => {
    const r = script(`
      import { poolFor, startWorkers } from ${POOL};
      const started = startWorkers(2, 250);
      // (events.once would also listen for the error)
      const exited = new Promise((resolve) => started[0].once("exit", resolve));
      started[0].emit("error", new Error("no thread"));
      console.log(String(poolFor(undefined, 250, started)));
      await exited;
      console.log("stopped");`);
    expect(r).toEqual({ code: 0, stdout: "undefined\nstopped\n", stderr: "" });
  });

  // A run that is asked for --jobs 2 uses workers from two schools on; the ruleset of this fixture fails to load.
  it.each([
    ["a repository that is not there", "test/fixtures/niet-hier"],
    ["a ruleset that does not load", "test/fixtures/ruleset-path-missing"],
  ])("are stopped when the audit fails on %s", (_, repo) => {
    const r = script(`
      import { once } from "node:events";
      import { audit } from ${AUDIT};
      import { startWorkers } from ${POOL};
      const workers = startWorkers(2, 250);
      const exited = once(workers[0], "exit");
      await audit({ cwd: process.cwd(), repo: ${JSON.stringify(repo)}, jobs: 2, workers }).then(() => console.log("no error"), (e) => console.log(e.name));
      await exited;
      console.log("stopped");`);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\w*Error\nstopped\n$/);
  });
});
