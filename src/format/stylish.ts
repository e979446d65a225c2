/**
 * ESLint-like "stylish" output for people at a terminal: findings grouped per
 * file, 1-based line:col, a fix hint under each, and a summary line. Several
 * rules that judge the same value make one entry: the value once, then what
 * each rule says, strongest first.
 */
import { Chalk, type ChalkInstance } from "chalk";
import type { AuditResult, Finding } from "../core/types.js";
import { severityLabel, t } from "../i18n/messages.js";
import type { FormatContext, Formatter } from "./types.js";
import { groupFindings, ruleLabels } from "../core/finding-groups.js";
import { visibleText as v } from "../core/visible-text.js";
import { nietAangetoondOf } from "../core/status-counts.js";

export interface StylishContext extends FormatContext {
  color?: ChalkInstance;
  /** Print hints under findings (default true). */
  hints?: boolean;
  /** `--quiet`: only errors are shown, and the summary line counts only those. */
  errorsOnly?: boolean;
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
  const sevText = (severity: Finding["severity"], width: number) => {
    const label = severityLabel(lang, severity).padEnd(width);
    return severity === "error" ? c.red(label) : severity === "warning" ? c.yellow(label) : c.blue(label);
  };
  for (const file of [...byFile.keys()].sort()) {
    const groups = groupFindings(byFile.get(file)!);
    // Names and values from the files, each on its one line: nothing in them may act on the terminal.
    lines.push(c.underline(v(file)));
    const posWidth = Math.max(...groups.map((g) => `${g.range.line}:${g.range.column}`.length));
    const sevWidth = Math.max(...groups.map((g) => severityLabel(lang, g.severity).length));
    const under = `  ${" ".repeat(posWidth)}  ${" ".repeat(sevWidth)}  `;
    for (const g of groups) {
      const pos = c.dim(`${g.range.line}:${g.range.column}`.padEnd(posWidth));
      if (g.findings.length === 1) {
        const f = g.findings[0]!;
        lines.push(`  ${pos}  ${sevText(f.severity, sevWidth)}  ${v(f.message)}  ${c.dim(v(ruleLabels([f]).join("")))}`);
        if (f.hint && ctx.hints !== false) lines.push(`${under}${c.dim(`→ ${v(f.hint)}`)}`);
        continue;
      }
      // One entry per value: what it is and how many rules judge it, then what each says, strongest first.
      const value = g.path ?? t(lang, "group.place");
      lines.push(`  ${pos}  ${sevText(g.severity, sevWidth)}  ${v(t(lang, "group.value", { value, n: g.rules.length }))}`);
      const width = Math.max(...g.judgements.map((j) => severityLabel(lang, j.severity).length));
      for (const j of g.judgements) {
        const rules = ruleLabels(j.findings).join(", ");
        lines.push(`${under}${sevText(j.severity, width)}  ${v(j.message)}  ${c.dim(v(rules))}`);
        if (ctx.hints !== false) for (const hint of j.hints) lines.push(`${under}${" ".repeat(width)}  ${c.dim(`→ ${v(hint)}`)}`);
      }
    }
    lines.push("");
  }
  const s = result.summary;
  const total = s.errors + s.warnings + s.infos;
  // Items without evidence are no finding of their own, yet a school full of them has not passed.
  const unproven = nietAangetoondOf(s.statuses);
  const unprovenText = unproven.count > 0 ? t(lang, "summary.nietAangetoond", unproven) : undefined;
  const andUnproven = unprovenText ? ` · ${unprovenText}` : "";
  const summary = ctx.errorsOnly
    ? s.errors === 0
      ? unprovenText
        ? c.yellow.bold(`⚠ ${t(lang, "summary.noErrorsButUnproven", { unproven: unprovenText })}`)
        : c.green(`✔ ${t(lang, "summary.noErrors")}`)
      : c.red.bold(`✖ ${t(lang, "summary.errorsOnly", { errors: s.errors })}${andUnproven}`)
    : total === 0
      ? unprovenText
        ? c.yellow.bold(`⚠ ${t(lang, "summary.noneButUnproven", { unproven: unprovenText })}`)
        : c.green(`✔ ${t(lang, "summary.none")}`)
      : (s.errors > 0 ? c.red.bold : s.warnings > 0 ? c.yellow.bold : c.bold)(`✖ ${t(lang, "summary.problems", { total, errors: s.errors, warnings: s.warnings, infos: s.infos })}${andUnproven}`);
  lines.push(`${summary}${s.waived > 0 ? c.dim(` · ${t(lang, "summary.waived", { waived: s.waived })}`) : ""}`);
  lines.push(c.dim(`  ${t(lang, "summary.scope", { folders: s.schoolFolders, unreadable: s.unreadableSchoolFolders, schools: s.schools, files: s.files, peildatum: result.repo.peildatum, profile: v(result.repo.profile) })}`));
  return `${lines.join("\n")}\n`;
};

