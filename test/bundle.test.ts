/**
 * What checking a school loads: the worker thread's bundle and every chunk
 * it imports (`npm run build`, which `npm test` runs first). Each run and each
 * worker parses all of it, so it has a budget. It went from ~1.25 MB to
 * ~0.7 MB when zod was imported as a namespace and esbuild could leave out
 * zod's translations; the budget catches that or anything like it coming back.
 * The fast validators (ajv's generated code, ~0.27 MB once printed) brought it
 * to ~0.95 MB: they cost ~20 ms of start-up and save ~0.4 ms a school.
 * ajv's compiler is not bundled at all: the shipped JSON Schema fragments
 * come precompiled, and ajv is loaded from node_modules for any other.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const BUNDLE = new URL("../dist/bundle/", import.meta.url).pathname;
const BUDGET = 1100 * 1024;

/** The file and, transitively, the chunks it imports statically. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(BUNDLE, file), "utf8");
  for (const m of text.matchAll(/^import\s(?:[^;]*?\sfrom\s)?"\.\/([^"]+)"/gm)) staticClosure(m[1]!, seen);
  return seen;
}

describe("the bundle", () => {
  it("exists: npm test builds it first", () => {
    expect(existsSync(join(BUNDLE, "worker.js")), "run npm run build").toBe(true);
  });

  it("loads less than 1,100 KB of code to check a school", () => {
    const files = staticClosure("worker.js");
    // The worker imports shared chunks, not one big file.
    expect(files.size).toBeGreaterThan(3);
    const bytes = [...files].reduce((n, f) => n + statSync(join(BUNDLE, f)).size, 0);
    expect(bytes).toBeLessThan(BUDGET);
  });

  it("has none of zod's translations but the English default", () => {
    const all = readdirSync(BUNDLE).map((f) => readFileSync(join(BUNDLE, f), "utf8")).join("\n");
    const locales = [...all.matchAll(/node_modules\/zod\/v4\/locales\/([a-zA-Z-]+)\.js/g)].map((m) => m[1]);
    expect([...new Set(locales)]).toEqual(["en"]);
  });

  it("has none of ajv: the fast validators need no runtime helper", () => {
    const all = readdirSync(BUNDLE).map((f) => readFileSync(join(BUNDLE, f), "utf8")).join("\n");
    const modules = [...all.matchAll(/node_modules\/ajv\/dist\/([\w/.-]+\.js)/g)].map((m) => m[1]);
    expect([...new Set(modules)]).toEqual([]);
  });
});
