/**
 * `check --watch` notices a change to what sop-audit reads, and nothing
 * else: a save in a school folder, sop-audit.yaml, an own rule file, a
 * school folder that comes or goes. A burst of saves is one change.
 */
import * as fs from "node:fs";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WatchLimitError } from "../../src/core/errors.js";
import { InputWatcher, QUIET_MS, watchTargets } from "../../src/repo/watch.js";
import type { RepoInputs } from "../../src/repo/inputs.js";
import { EXAMPLES } from "../engine/helpers.js";

vi.mock("node:fs", async (original) => {
  const actual = await original<typeof import("node:fs")>();
  return { ...actual, watch: vi.fn(actual.watch) };
});

let repo: string;
let inputs: RepoInputs;
let schoolDirs: string[];
let watcher: InputWatcher | undefined;
let changes = 0;

beforeEach(() => {
  repo = realpathSync(mkdtempSync(join(tmpdir(), "sop-watch-")));
  cpSync(join(EXAMPLES, "swv-vo-2203"), repo, { recursive: true });
  mkdirSync(join(repo, "regels", "profielen"), { recursive: true });
  writeFileSync(join(repo, "regels", "profielen", "eigen.yaml"), "# eigen profiel\n");
  writeFileSync(join(repo, "losse-regels.yaml"), "# eigen catalogus\n");
  inputs = { root: repo, config: join(repo, "sop-audit.yaml"), schoolsDir: join(repo, "scholen"), schoolsRel: "scholen", rulesetPaths: [join(repo, "regels"), join(repo, "losse-regels.yaml")] };
  schoolDirs = ["02KP00", "03WS00"].map((c) => join(repo, "scholen", c));
  changes = 0;
});
afterEach(() => {
  watcher?.close();
  watcher = undefined;
  rmSync(repo, { recursive: true, force: true });
});

/** Starts watching, and lets the system settle before the test changes anything. */
async function watching(): Promise<InputWatcher> {
  watcher = new InputWatcher(() => changes++);
  watcher.update(watchTargets(inputs, schoolDirs), { root: repo, lang: "nl" });
  await settle();
  return watcher;
}

/** Long enough for an event to arrive and the quiet spell to pass. */
const settle = () => new Promise((r) => setTimeout(r, QUIET_MS * 4));

/** What the run a change starts does first: it tells the watcher the folders it reads. */
const rerun = (w: InputWatcher) => w.update(watchTargets(inputs, schoolDirs), { root: repo, lang: "nl" });

/** The folders watched, relative to the repository. */
const watchedHere = (w: InputWatcher) => w.watched().map((d) => d.slice(repo.length));

/** How many changes the watcher reports for what `change` does. */
async function changesFor(change: () => void): Promise<number> {
  changes = 0;
  change();
  await settle();
  return changes;
}

describe("watchTargets", () => {
  it("watches each folder sop-audit reads, and in the root only the names it reads", () => {
    const shown = watchTargets(inputs, schoolDirs).map((t) => ({
      dir: t.dir.slice(repo.length) || "/",
      ...(t.names ? { names: [...t.names].sort() } : {}),
      ...(t.pattern ? { pattern: String(t.pattern) } : {}),
    }));
    expect(shown).toEqual([
      { dir: "/", names: ["losse-regels.yaml", "regels", "scholen", "sop-audit.yaml"] },
      { dir: "/regels" },
      { dir: "/regels/profielen" },
      { dir: "/scholen" },
      { dir: "/scholen/02KP00", pattern: "/\\.(ya?ml|md)$/i" },
      { dir: "/scholen/03WS00", pattern: "/\\.(ya?ml|md)$/i" },
    ]);
  });

  it("watches a schools folder deeper down through every folder above it, so each may be replaced", () => {
    const nested = { ...inputs, schoolsDir: join(repo, "data", "scholen"), rulesetPaths: [] };
    const shown = watchTargets(nested, [join(repo, "data", "scholen", "02KP00")]).map((t) => [t.dir.slice(repo.length) || "/", [...(t.names ?? [])].sort()]);
    expect(shown).toEqual([
      ["/", ["data", "sop-audit.yaml"]],
      ["/data", ["scholen"]],
      ["/data/scholen", []],
      ["/data/scholen/02KP00", []],
    ]);
  });
});

describe("InputWatcher", () => {
  it("one burst of saves in a school folder is one change", async () => {
    await watching();
    const sop = join(repo, "scholen/02KP00/sop-2025-2026.yaml");
    appendFileSync(sop, "# a\n");
    appendFileSync(sop, "# b\n");
    // An editor that saves a copy and renames it over the file.
    writeFileSync(`${sop}.tmp`, "x");
    renameSync(`${sop}.tmp`, sop);
    await settle();
    expect(changes).toBe(1);
  });

  it.each([
    ["sop-audit.yaml", (r: string) => appendFileSync(join(r, "sop-audit.yaml"), "# x\n")],
    ["an own rule file in a subfolder", (r: string) => appendFileSync(join(r, "regels/profielen/eigen.yaml"), "# x\n")],
    ["an own rule file named in ruleset.paths", (r: string) => appendFileSync(join(r, "losse-regels.yaml"), "# x\n")],
    ["a new school folder", (r: string) => mkdirSync(join(r, "scholen/30AB00"))],
    ["a school folder that goes", (r: string) => rmSync(join(r, "scholen/03WS00"), { recursive: true })],
    ["a document added to a school", (r: string) => writeFileSync(join(r, "scholen/03WS00/visitatie-2025-2026.md"), "---\n---\n")],
  ])("notices a change to %s", async (_what, change) => {
    await watching();
    change(repo);
    await settle();
    expect(changes).toBe(1);
  });

  it.each([
    ["an editor's swap file in a school folder", (r: string) => writeFileSync(join(r, "scholen/02KP00/.sop-2025-2026.yaml.swp"), "x")],
    ["a report written next to sop-audit.yaml", (r: string) => mkdirSync(join(r, "rapporten"))],
    ["another file at the root", (r: string) => writeFileSync(join(r, "README.md"), "# x\n")],
  ])("ignores %s", async (_what, change) => {
    await watching();
    change(repo);
    await settle();
    expect(changes).toBe(0);
  });

  it("follows the school folders each run reports: a new one is watched, one that went is not", async () => {
    const w = await watching();
    mkdirSync(join(repo, "scholen/30AB00"));
    // The change first, then the run it starts.
    await settle();
    schoolDirs = [join(repo, "scholen/02KP00"), join(repo, "scholen/30AB00")];
    rerun(w);
    expect(watchedHere(w)).toEqual(["", "/regels", "/regels/profielen", "/scholen", "/scholen/02KP00", "/scholen/30AB00"]);
    await settle();
    changes = 0;
    writeFileSync(join(repo, "scholen/30AB00/sop-2025-2026.yaml"), "x");
    await settle();
    expect(changes).toBe(1);
    appendFileSync(join(repo, "scholen/03WS00/sop-2025-2026.md"), "x");
    await settle();
    expect(changes).toBe(1);
  });

  it.each([
    // As `git checkout` of another branch or a sync tool does it.
    ["moved away and a copy put in its place", (r: string) => {
      renameSync(join(r, "scholen"), join(r, "scholen.oud"));
      cpSync(join(r, "scholen.oud"), join(r, "scholen"), { recursive: true });
      return join(r, "scholen.oud");
    }],
    ["removed and made again", (r: string) => {
      const copy = mkdtempSync(join(tmpdir(), "sop-watch-copy-"));
      cpSync(join(r, "scholen"), copy, { recursive: true });
      rmSync(join(r, "scholen"), { recursive: true });
      mkdirSync(join(r, "scholen"));
      cpSync(copy, join(r, "scholen"), { recursive: true });
      return copy;
    }],
  ])("follows a schools folder %s: edits in the new one are noticed, in the old one not", async (_how, replace) => {
    const w = await watching();
    let old = "";
    expect(await changesFor(() => (old = replace(repo)))).toBeGreaterThan(0);
    rerun(w);
    expect(watchedHere(w)).toEqual(["", "/regels", "/regels/profielen", "/scholen", "/scholen/02KP00", "/scholen/03WS00"]);
    await settle();
    expect(await changesFor(() => appendFileSync(join(repo, "scholen/02KP00/sop-2025-2026.yaml"), "# x\n"))).toBe(1);
    expect(await changesFor(() => mkdirSync(join(repo, "scholen/30AB00")))).toBe(1);
    expect(await changesFor(() => appendFileSync(join(old, "02KP00/sop-2025-2026.yaml"), "# x\n"))).toBe(0);
    rmSync(old, { recursive: true });
  });

  it("does not follow the old schools folder once it moved away", async () => {
    const w = await watching();
    expect(await changesFor(() => renameSync(join(repo, "scholen"), join(repo, "scholen.oud")))).toBe(1);
    schoolDirs = [];
    rerun(w);
    expect(watchedHere(w)).toEqual(["", "/regels", "/regels/profielen"]);
    const inOld = () => {
      appendFileSync(join(repo, "scholen.oud/02KP00/sop-2025-2026.yaml"), "# x\n");
      mkdirSync(join(repo, "scholen.oud/30AB00"));
    };
    expect(await changesFor(inOld)).toBe(0);
    // Back under its name: watched again.
    expect(await changesFor(() => mkdirSync(join(repo, "scholen")))).toBe(1);
    rerun(w);
    expect(await changesFor(() => mkdirSync(join(repo, "scholen/30AB00")))).toBe(1);
  });

  it("says so, with the folder and a way out, when the system allows no more watches", () => {
    const limit = Object.assign(new Error("ENOSPC: System limit for number of file watchers reached"), { code: "ENOSPC" });
    vi.mocked(fs.watch).mockImplementationOnce((() => {
      throw limit;
    }) as unknown as typeof fs.watch);
    watcher = new InputWatcher(() => changes++);
    let error: unknown;
    try {
      watcher.update(watchTargets(inputs, schoolDirs), { root: repo, lang: "nl" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(WatchLimitError);
    expect((error as WatchLimitError).message).toBe("kan de map . niet volgen: het systeem staat niet meer gevolgde mappen toe");
    expect((error as WatchLimitError).details).toEqual([
      "sop-audit volgde al 0 mappen. Verhoog op Linux fs.inotify.max_user_watches (met sysctl), of toets zonder --watch.",
    ]);
  });

  it("closed, it calls nobody", async () => {
    const w = await watching();
    w.close();
    appendFileSync(join(repo, "sop-audit.yaml"), "# x\n");
    await settle();
    expect(changes).toBe(0);
    expect(w.watched()).toEqual([]);
  });
});
