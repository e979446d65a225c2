/**
 * ESLint-like "stylish" output for people at a terminal: findings grouped per
 * file, 1-based line:col, a fix hint under each, and a summary line.
 */
import { Chalk, type ChalkInstance } from "chalk";
import type { AuditResult, Finding } from "../core/types.js";
import { severityLabel, t } from "../i18n/messages.js";
import type { FormatContext, Formatter } from "./types.js";
import { compareFindings } from "../core/finding-order.js";
import { visibleText as v } from "../core/visible-text.js";

export interface StylishContext extends FormatContext {
  color?: ChalkInstance;
  /** Print hints under findings (default true). */
  hints?: boolean;
}

const PLAIN = new Chalk({ level: 0 });

export const format: Formatter = (result: AuditResult, context: FormatContext): string => {
  const ctx = context as StylishContext;
  const c = ctx.color ?? PLAIN;
  const lang = ctx.lang;
  const all = [...result.findings, ...result.schools.flatMap((s) => s.findings)];
  const byFile = new Map<string, Finding[]>();
  for (const f of all) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  const lines: string[] = [];
  for (const file of [...byFile.keys()].sort()) {
    const findings = byFile.get(file)!.sort(compareFindings);
    // Names and values from the files, each on its one line: nothing in them may act on the terminal.
    lines.push(c.underline(v(file)));
    const posWidth = Math.max(...findings.map((f) => `${f.range.line}:${f.range.column}`.length));
    const sevWidth = Math.max(...findings.map((f) => severityLabel(lang, f.severity).length));
    for (const f of findings) {
      const pos = `${f.range.line}:${f.range.column}`.padEnd(posWidth);
      const sevText = severityLabel(lang, f.severity).padEnd(sevWidth);
      const sev = f.severity === "error" ? c.red(sevText) : f.severity === "warning" ? c.yellow(sevText) : c.blue(sevText);
      const rule = f.indicator && f.indicator !== f.ruleId ? `${f.ruleId} (${f.indicator})` : f.ruleId;
      lines.push(`  ${c.dim(pos)}  ${sev}  ${v(f.message)}  ${c.dim(v(rule))}`);
      if (f.hint && ctx.hints !== false) lines.push(`  ${" ".repeat(posWidth)}  ${" ".repeat(sevWidth)}  ${c.dim(`→ ${v(f.hint)}`)}`);
    }
    lines.push("");
  }
  const s = result.summary;
  const total = s.errors + s.warnings + s.infos;
  const summary =
    total === 0
      ? c.green(`✔ ${t(lang, "summary.none")}`)
      : (s.errors > 0 ? c.red.bold : s.warnings > 0 ? c.yellow.bold : c.bold)(`✖ ${t(lang, "summary.problems", { total, errors: s.errors, warnings: s.warnings, infos: s.infos })}`);
  lines.push(`${summary}${s.waived > 0 ? c.dim(` · ${t(lang, "summary.waived", { waived: s.waived })}`) : ""}`);
  lines.push(c.dim(`  ${t(lang, "summary.scope", { folders: s.schoolFolders, unreadable: s.unreadableSchoolFolders, schools: s.schools, files: s.files, peildatum: result.repo.peildatum, profile: v(result.repo.profile) })}`));
  return `${lines.join("\n")}\n`;
};
