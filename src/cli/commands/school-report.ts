/**
 * What the reports of one school or of all (`visitatie`, `ouders`) share
 * before the schools are checked: one school or --all, where the files go,
 * and a renderer per format (HTML too when a PDF is asked).
 */
import { resolve } from "node:path";
import { UsageError } from "../../core/errors.js";
import type { Lang } from "../../core/types.js";
import { t } from "../../i18n/messages.js";
import { createRenderer, type Renderer, type ReportFormat } from "../../report/render.js";
import type { RepoFlags } from "../options.js";
import { repoPlace, resolveOutDir } from "./report-output.js";

export interface SchoolReportFlags extends RepoFlags {
  out?: string;
  all?: boolean;
  pdf?: boolean;
  format?: ReportFormat;
  templates?: string;
}

export function schoolReportSetup(
  command: "visitatie" | "ouders",
  school: string | undefined,
  flags: SchoolReportFlags,
  cwd: string,
  helpLang: Lang,
): { out: string; renderers: { format: ReportFormat; renderer: Renderer }[] } {
  // Before sop-audit.yaml is read: in the language of --lang, as commander's own errors.
  if (school !== undefined && flags.all) throw new UsageError(t(helpLang, `cli.${command}.schoolAndAll`));
  if (school === undefined && !flags.all) throw new UsageError(t(helpLang, `cli.${command}.whichSchool`), [t(helpLang, `cli.${command}.whichSchool.hint`)]);
  // Where it goes, and own templates that do not parse, are refused before the schools are checked, not after.
  const place = repoPlace(flags, cwd);
  const out = resolveOutDir(flags.out, cwd, place);
  const formats: ReportFormat[] = flags.format ? [flags.format] : ["md", "html"];
  if (flags.pdf && !formats.includes("html")) formats.push("html");
  const templatesDir = flags.templates !== undefined ? { templatesDir: resolve(cwd, flags.templates) } : {};
  return { out, renderers: formats.map((format) => ({ format, renderer: createRenderer({ format, lang: place.lang, ...templatesDir }) })) };
}
