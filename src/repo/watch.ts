/**
 * `check --watch`: noticing that an input changed. Every folder sop-audit
 * reads is watched on its own (inotify on Linux; Node's recursive watch
 * would also watch every file in them): the repository root for
 * sop-audit.yaml, the schools folder, each school's folder and the SWV's own
 * rule files. What changed is not worked out here: a change only starts a
 * new run, and the run finds the changed schools by their stamps, as
 * `--cache` does.
 *
 * A watch follows the folder, not its name: when the schools folder is moved
 * away and another put in its place (`git checkout` of another branch, a
 * sync tool), the old watches would go on following the old folder. An event
 * in a folder's parent for its name therefore ends the watches of that folder
 * and those below it; the run that event starts watches what is there now.
 */
import { readdirSync, statSync, watch, type FSWatcher } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, sep } from "node:path";
import { WatchLimitError } from "../core/errors.js";
import type { Lang } from "../core/types.js";
import { DOCUMENT_EXTENSIONS } from "../documents/source.js";
import { t } from "../i18n/messages.js";
import type { RepoInputs } from "./inputs.js";

/** A folder to watch, and which names in it matter (all, when absent). */
export interface WatchTarget {
  dir: string;
  names?: ReadonlySet<string>;
  /** Names matching this matter (a school's documents), besides `names`. */
  pattern?: RegExp;
}

/**
 * How long the inputs must stay quiet before a run starts. An editor's save
 * is a few events within a millisecond or two (write, or write a copy and
 * rename it); a `git checkout` is a burst. Waiting for a short quiet spell
 * makes one run of a burst, and keeps an edit's answer quick.
 */
export const QUIET_MS = 50;

/** The folders to watch for a repository with these school folders (absolute). */
export function watchTargets(inputs: RepoInputs, schoolDirs: readonly string[]): WatchTarget[] {
  const byDir = new Map<string, WatchTarget>();
  /** No `names` and no `pattern`: every name in the folder matters. */
  const add = (dir: string, name?: string, pattern?: RegExp) => {
    const known = byDir.get(dir);
    if (known && known.names === undefined && known.pattern === undefined) return;
    if (name === undefined && pattern === undefined) byDir.set(dir, { dir });
    else if (pattern !== undefined) byDir.set(dir, { ...known, dir, pattern });
    else byDir.set(dir, { ...known, dir, names: new Set([...(known?.names ?? []), name!]) });
  };
  /**
   * A path is watched through the folders above it, down from the root: a
   * file, as an editor that saves by renaming a copy over it replaces the
   * file itself; a folder, as it may come, go or be replaced.
   */
  const addPath = (path: string) => {
    const rel = relative(inputs.root, path);
    // The root itself, or a path outside the repository: only the folder it is in.
    if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      add(dirname(path), basename(path));
      return;
    }
    let dir = inputs.root;
    for (const name of rel.split(sep)) {
      add(dir, name);
      dir = join(dir, name);
    }
  };
  addPath(inputs.config);
  addPath(inputs.schoolsDir);
  add(inputs.schoolsDir);
  for (const dir of schoolDirs) add(dir, undefined, DOCUMENT_EXTENSIONS);
  for (const path of inputs.rulesetPaths) {
    addPath(path);
    for (const dir of foldersIn(path)) add(dir);
  }
  return [...byDir.values()].sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
}

/** A folder and every folder below it; nothing when `path` is not a folder. */
function foldersIn(path: string): string[] {
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory() !== true) return [];
  const out = [path];
  for (const e of readdirSync(path, { withFileTypes: true })) if (e.isDirectory()) out.push(...foldersIn(join(path, e.name)));
  return out;
}

/**
 * Watches folders, and calls `onChange` once the inputs have been quiet for
 * QUIET_MS after a change that matters. `update` is called at the start of
 * every run with the folders that run reads: new school folders are watched
 * from then on, and those that went are no longer.
 */
export class InputWatcher {
  private readonly watchers = new Map<string, { target: WatchTarget; watcher: FSWatcher }>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly onChange: () => void) {}

  /**
   * Watches exactly these folders from now on. Throws a WatchLimitError when
   * the system allows no more watches (its message in `lang`, the folder
   * relative to `root`).
   */
  update(targets: readonly WatchTarget[], context: { root: string; lang: Lang }): void {
    if (this.closed) return;
    const wanted = new Map(targets.map((target) => [target.dir, target]));
    for (const [dir, w] of this.watchers) {
      if (wanted.has(dir)) continue;
      w.watcher.close();
      this.watchers.delete(dir);
    }
    for (const target of targets) {
      const known = this.watchers.get(target.dir);
      if (known) {
        known.target = target;
        continue;
      }
      const watcher = this.start(target, context);
      if (watcher) this.watchers.set(target.dir, { target, watcher });
    }
  }

  /** The folders watched now (sorted). */
  watched(): string[] {
    return [...this.watchers.keys()].sort();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const { watcher } of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }

  private start(target: WatchTarget, { root, lang }: { root: string; lang: Lang }): FSWatcher | undefined {
    let watcher: FSWatcher;
    try {
      watcher = watch(target.dir, { persistent: true }, (_event, name) => {
        const current = this.watchers.get(target.dir)?.target ?? target;
        const replaced = name !== null && this.forget(join(target.dir, name.toString()));
        if (replaced || matters(current, name)) this.changed();
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Gone (or not a folder yet) since the run listed it: its parent's change starts the next run.
      if (code === "ENOENT" || code === "ENOTDIR") return undefined;
      if (code === "ENOSPC" || code === "EMFILE") {
        const dir = relative(root, target.dir) || ".";
        throw new WatchLimitError(t(lang, "watch.limit", { dir }), [t(lang, "watch.limit.hint", { watched: this.watchers.size })]);
      }
      throw error;
    }
    // A folder that is removed ends its watch: forget it, and run (the run finds out what went).
    watcher.on("error", () => {
      watcher.close();
      if (this.watchers.get(target.dir)?.watcher === watcher) this.watchers.delete(target.dir);
      this.changed();
    });
    return watcher;
  }

  /**
   * Something happened to the entry `path` in a watched folder: if it is a
   * watched folder, it may be another one now. Its watches and those below
   * it end; the run this starts watches the folders found there then.
   */
  private forget(path: string): boolean {
    let any = false;
    for (const [dir, w] of this.watchers) {
      if (dir !== path && !dir.startsWith(path + sep)) continue;
      w.watcher.close();
      this.watchers.delete(dir);
      any = true;
    }
    return any;
  }

  private changed(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.closed) this.onChange();
    }, QUIET_MS);
  }
}

/** Does an event for `name` in this folder matter? A platform that gives no name: assume it does. */
function matters(target: WatchTarget, name: string | Buffer | null): boolean {
  if (name === null) return true;
  if (target.names === undefined && target.pattern === undefined) return true;
  const text = name.toString();
  return target.names?.has(text) === true || target.pattern?.test(text) === true;
}
