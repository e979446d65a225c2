/**
 * Shared by the report commands: where reports go, and the rule that they
 * never go into the schools' folders (input files are never touched).
 */
import { isAbsolute, join, relative, resolve } from "node:path";
import { UsageError } from "../../core/errors.js";
import type { Lang } from "../../core/types.js";
import { findRepoRoot, loadConfig } from "../../repo/config.js";
import type { Io } from "../io.js";
import { writeChunksAtomic } from "../../core/write.js";

export const DEFAULT_REPORT_DIR = "rapporten";

export interface RepoPlace {
  root: string;
  /** Absolute folder with the school folders (`scholen/` unless configured). */
  schoolsDir: string;
}

export function repoPlace(flags: { repo?: string }, cwd: string, lang: Lang): RepoPlace {
  const start = flags.repo !== undefined ? resolve(cwd, flags.repo) : cwd;
  const root = findRepoRoot(start, flags.repo !== undefined, lang);
  const config = loadConfig(root, lang);
  return { root, schoolsDir: resolve(root, config.config.scholenMap ?? "scholen") };
}

function inside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** Refuses a target inside the schools' folders: those hold the SWV's own documents. */
export function checkNotInSchools(target: string, place: RepoPlace, what: string, lang: Lang): void {
  if (inside(resolve(target), place.schoolsDir)) {
    const rel = relative(place.root, place.schoolsDir) || ".";
    throw new UsageError(
      lang === "en"
        ? `${what} ${target} is inside the schools folder ${rel}/: reports are never written there`
        : `${what} ${target} ligt in de schoolmappen (${rel}/): daar schrijft sop-audit nooit rapporten`,
      [
        lang === "en"
          ? `Choose a folder outside ${rel}/, for example ${DEFAULT_REPORT_DIR}/ (the default).`
          : `Kies een map buiten ${rel}/, bijvoorbeeld ${DEFAULT_REPORT_DIR}/ (de standaard).`,
      ],
    );
  }
}

/** `--out` relative to the working folder, else `rapporten/` at the repository root. */
export function resolveOutDir(out: string | undefined, cwd: string, place: RepoPlace, lang: Lang): string {
  const dir = out !== undefined ? resolve(cwd, out) : join(place.root, DEFAULT_REPORT_DIR);
  checkNotInSchools(dir, place, lang === "en" ? "output folder" : "de uitvoermap", lang);
  return dir;
}

/** Writes one report file and says so on stderr, with a path relative to where the user stands. */
export function writeReport(io: Io, file: string, content: string | Uint8Array): void {
  writeReportPieces(io, file, [content]);
}

/** The same for a report made in pieces, which is never held as one string. */
export function writeReportPieces(io: Io, file: string, pieces: Iterable<string | Uint8Array>): void {
  writeChunksAtomic(file, pieces);
  io.err(`  ${displayPath(io.cwd, file)}\n`);
}

export function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}
