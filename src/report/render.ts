/**
 * Renders report view models with Handlebars templates.
 *
 * Templates live in `templates/<format>/<kind>.hbs`, shared partials in
 * `templates/<format>/partials/<name>.hbs`. A `--templates <dir>` with the same
 * layout (`<dir>/html/partials/header.hbs`, `<dir>/md/gap.hbs`, …) overrides any
 * template or partial by file name, and may add partials of its own.
 * Templates are compiled once per renderer (one per run).
 */
import { t } from "../i18n/messages.js";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import { UsageError } from "../core/errors.js";
import type { Lang } from "../core/types.js";
import { visibleText } from "../core/visible-text.js";
import { registerHelpers } from "./helpers.js";
import { RenderStream, STREAM_FROM, streamLists } from "./stream.js";
import { tidyHtmlPieces, tidyMarkdownPieces } from "./tidy.js";

export type ReportKind = "overview" | "gap" | "coverage" | "visitatie" | "ouders";
export const REPORT_KINDS: readonly ReportKind[] = ["overview", "gap", "coverage", "visitatie", "ouders"];
export type ReportFormat = "md" | "html";

export interface RenderOptions {
  format: ReportFormat;
  /** A folder whose templates and partials replace the shipped ones with the same file name. */
  templatesDir?: string;
  lang?: Lang;
  /** Lists at least this long are rendered an item at a time as the report is written (tests set it low). */
  streamFrom?: number;
}

/** The shipped templates: `templates/` at the package root (from src/report or dist/report alike). */
export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

export interface Renderer {
  readonly format: ReportFormat;
  render(kind: ReportKind, viewModel: object): string;
  /**
   * The same text in pieces, for writing: a national overview is never held
   * as one string. Long lists are rendered as the pieces are taken, so the
   * view model must stay as it is until then.
   */
  renderPieces(kind: ReportKind, viewModel: object): Iterable<string>;
}

function hbsFiles(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return out;
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith(".hbs")) continue;
    const file = join(dir, name);
    if (statSync(file).isFile()) out.set(name.slice(0, -4), file);
  }
  return out;
}

/** Checks an override folder once, with a message a person can act on. */
function checkTemplatesDir(dir: string): void {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError(`de sjabloonmap ${dir} bestaat niet`, ["Geef met --templates een map op met submappen html/ en/of md/ (zie docs/rapporten.md)."]);
  }
  if (!existsSync(join(dir, "html")) && !existsSync(join(dir, "md"))) {
    throw new UsageError(`de sjabloonmap ${dir} heeft geen submap html/ of md/`, [
      "Zet eigen sjablonen in <map>/html/ en <map>/md/, en eigen partials in <map>/html/partials/ en <map>/md/partials/, met dezelfde bestandsnaam als het sjabloon dat ze vervangen.",
    ]);
  }
}

export function createRenderer(opts: RenderOptions): Renderer {
  const { format } = opts;
  const lang = opts.lang ?? "nl";
  const hb = Handlebars.create();
  registerHelpers(hb);
  streamLists(hb);
  const dirs = [join(DEFAULT_TEMPLATES_DIR, format)];
  const ownDir = opts.templatesDir !== undefined ? resolve(opts.templatesDir) : undefined;
  if (ownDir !== undefined) {
    checkTemplatesDir(ownDir);
    dirs.push(join(ownDir, format));
  }
  const compileOpts: CompileOptions = { strict: false, noEscape: format === "md", preventIndent: format === "md" };
  const partials = new Map<string, string>();
  const templates = new Map<string, string>();
  for (const d of dirs) {
    for (const [name, file] of hbsFiles(join(d, "partials"))) partials.set(name, file);
    for (const [name, file] of hbsFiles(d)) templates.set(name, file);
  }
  // An SWV's own template is input: its syntax is checked now, before any school is, and named by file and line.
  const read = (file: string): string => {
    const src = readFileSync(file, "utf8");
    if (ownDir !== undefined && file.startsWith(ownDir)) checkSyntax(file, src, lang);
    return src;
  };
  for (const [name, file] of [...partials.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    hb.registerPartial(name, hb.compile(partialSource(read(file)), compileOpts));
  }
  const sources = new Map([...templates].map(([kind, file]) => [kind, read(file)]));
  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  const renderPieces = (kind: ReportKind, viewModel: object): Iterable<string> => {
    let tpl = compiled.get(kind);
    if (!tpl) {
      const src = sources.get(kind);
      if (src === undefined) throw new UsageError(`geen sjabloon ${format}/${kind}.hbs gevonden`);
      tpl = hb.compile(src, compileOpts);
      compiled.set(kind, tpl);
    }
    const vm = viewModel as { meta?: object };
    const meta = vm.meta ?? { lang };
    // With own templates, a helper or partial they name that does not exist is theirs to mend.
    const failed = (error: unknown) => (ownDir === undefined || !(error instanceof Error) ? error : templateRunError(ownDir, `${format}/${kind}.hbs`, error, lang));
    const stream = new RenderStream(hb, opts.streamFrom ?? STREAM_FROM, failed);
    let out: string;
    try {
      out = tpl({ ...viewModel, meta }, { data: stream.data() });
    } catch (error) {
      throw failed(error);
    }
    // Values from the files may hold controls and bidi overrides, which neither Handlebars' HTML escaping nor `md`
    // touches. Shown as escapes in the rendered text, they are for every value, helper and own template alike.
    const shown = visiblePieces(stream.expand(out));
    return format === "md" ? tidyMarkdownPieces(shown) : tidyHtmlPieces(shown);
  };
  return { format, renderPieces, render: (kind, viewModel) => [...renderPieces(kind, viewModel)].join("") };
}

/** visibleText over pieces: a CR that ends one piece may begin a CRLF that the next one ends. */
function* visiblePieces(pieces: Iterable<string>): Generator<string> {
  let cr = "";
  for (const piece of pieces) {
    const text = cr + piece;
    cr = text.endsWith("\r") ? "\r" : "";
    const whole = cr === "" ? text : text.slice(0, -1);
    if (whole !== "") yield visibleText(whole, true);
  }
  if (cr !== "") yield visibleText(cr, true);
}

/** Handlebars' own parser on an SWV's template: an error names the file and the line. */
function checkSyntax(file: string, src: string, lang: Lang): void {
  try {
    Handlebars.parse(src);
  } catch (error) {
    const lines = (error instanceof Error ? error.message : String(error)).split("\n");
    const line = /line (\d+)/.exec(lines[0] ?? "")?.[1];
    const where = line !== undefined ? `${file}:${line}` : file;
    throw new UsageError(t(lang, "template.syntax", { where }), [
      // Handlebars shows the place: the text before it, and a caret under it.
      ...lines.slice(1, 3),
      t(lang, "template.syntax.hint"),
    ]);
  }
}

function templateRunError(dir: string, template: string, error: Error, lang: Lang): UsageError {
  const what = error.message.split("\n")[0];
  return new UsageError(t(lang, "template.failed", { dir, template, what }), [t(lang, "template.failed.hint")]);
}

/**
 * A one-line partial (a badge) is used inside a line or a table cell: the
 * newline an editor puts at the end of the file must not end up in the output.
 */
function partialSource(src: string): string {
  const trimmed = src.replace(/\s+$/, "");
  return trimmed.includes("\n") ? src : trimmed;
}

type CompileOptions = NonNullable<Parameters<typeof Handlebars.compile>[1]>;
type HandlebarsTemplateDelegate = ReturnType<typeof Handlebars.compile>;

const cache = new Map<string, Renderer>();

/** Renders one report; renderers (and their compiled templates) are reused for the run. */
export function renderReport(kind: ReportKind, viewModel: object, opts: RenderOptions): string {
  const key = `${opts.format}\u0000${opts.templatesDir ? resolve(opts.templatesDir) : ""}`;
  let r = cache.get(key);
  if (!r) {
    r = createRenderer(opts);
    cache.set(key, r);
  }
  return r.render(kind, viewModel);
}

/** Forgets compiled templates (tests that change template files on disk). */
export function clearRenderCache(): void {
  cache.clear();
}
