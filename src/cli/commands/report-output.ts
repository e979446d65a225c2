/**
 * Shared by the commands that write files: where reports go, and the rule
 * that nothing is written on or in the repository's input (input files are
 * never touched).
 */
import { t } from "../../i18n/messages.js";
import { join, relative, isAbsolute, resolve } from "node:path";
import type { Lang } from "../../core/types.js";
import { findRepoRoot, loadConfig } from "../../repo/config.js";
import { refuseInput, repoInputs, type RepoInputs } from "../../repo/inputs.js";
import type { Io } from "../io.js";
import { writeChunksAtomic } from "../../core/write.js";
import type { Piece } from "../../format/types.js";

export const DEFAULT_REPORT_DIR = "rapporten";

export interface RepoPlace {
  /** What the repository reads (its root among them). */
  inputs: RepoInputs;
  /** The language of messages: --lang, else the configuration's, else Dutch. */
  lang: Lang;
}

export function repoPlace(flags: { repo?: string; lang?: Lang }, cwd: string): RepoPlace {
  const start = flags.repo !== undefined ? resolve(cwd, flags.repo) : cwd;
  const first = flags.lang ?? "nl";
  const root = findRepoRoot(start, flags.repo !== undefined, first);
  const { config } = loadConfig(root, first);
  const lang = flags.lang ?? config.taal ?? "nl";
  return { inputs: repoInputs(root, config, lang), lang };
}

/**
 * `--out` relative to the working folder, else `rapporten/` at the
 * repository root; refused on or in the repository's input. (Output files
 * are refused by audit(), with the cache: see AuditOptions.outputs.)
 */
export function resolveOutDir(out: string | undefined, cwd: string, place: RepoPlace): string {
  const dir = out !== undefined ? resolve(cwd, out) : join(place.inputs.root, DEFAULT_REPORT_DIR);
  refuseInput(dir, place.inputs, t(place.lang, "input.outputFolder"), t(place.lang, "input.outputFolder.example", { dir: DEFAULT_REPORT_DIR }), place.lang);
  return dir;
}

/** Writes one report file, made in pieces (never held as one string), and says so on stderr, with a path relative to where the user stands. */
export function writeReportPieces(io: Io, file: string, pieces: Iterable<Piece>, lang: Lang): void {
  writeChunksAtomic(file, pieces, lang);
  io.err(`  ${displayPath(io.cwd, file)}\n`);
}

export function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}
