/**
 * `--format markdown`: a compact summary for a pull-request comment or
 * `$GITHUB_STEP_SUMMARY`. The totals line, one overview table (per school:
 * findings per severity and item statuses), then a findings table for the
 * repository and for every school that has findings: one row per value,
 * listing the rules that judge it. At most {@link MAX_ROWS} rows, so the text
 * stays well under GitHub's comment limit (65,536 characters); the findings
 * left over are counted, not listed.
 */
import type { AuditResult, Finding, Lang, SchoolResult } from "../core/types.js";
import { groupFindings, ruleLabels, type FindingGroup } from "../core/finding-groups.js";
import { STATUSES } from "../core/types.js";
import { visibleText } from "../core/visible-text.js";
import { nietAangetoondOf, schoolStatusCounts } from "../core/status-counts.js";
import { severityLabel, statusLabel, t } from "../i18n/messages.js";
import { normalizeRange, sortFindings, sortSchools } from "./shared.js";
import type { FormatContext, Formatter } from "./types.js";

export const MAX_ROWS = 200;

export const format: Formatter = (result, ctx) => {
  const s = result.summary;
  const total = s.errors + s.warnings + s.infos;
  const out: string[] = [];

  const swvCode = result.repo.swv.code !== undefined ? ` (${md(result.repo.swv.code)})` : "";
  out.push(`## sop-audit: ${md(result.repo.swv.naam)}${swvCode}`, "");
  const unproven = nietAangetoondOf(s.statuses);
  const unprovenText = unproven.count > 0 ? t(ctx.lang, "summary.nietAangetoond", unproven) : undefined;
  const headline =
    total === 0
      ? unprovenText
        ? t(ctx.lang, "summary.noneButUnproven", { unproven: unprovenText })
        : t(ctx.lang, "summary.none")
      : `${t(ctx.lang, "summary.problems", { total, errors: s.errors, warnings: s.warnings, infos: s.infos })}${unprovenText ? ` · ${unprovenText}` : ""}`;
  const scope = t(ctx.lang, "summary.scope", { folders: s.schoolFolders, unreadable: s.unreadableSchoolFolders, schools: s.schools, files: s.files, peildatum: result.repo.peildatum, profile: result.repo.profile });
  const waived = s.waived > 0 ? ` · ${t(ctx.lang, "summary.waived", { waived: s.waived })}` : "";
  out.push(`**${md(headline)}** · ${md(scope)}${waived}`, "");

  const schools = sortSchools(result.schools);
  if (schools.length > 0) {
    out.push(`### ${t(ctx.lang, "format.schools")}`, "");
    const head = [t(ctx.lang, "format.school"), t(ctx.lang, "format.name"), t(ctx.lang, "format.errors"), t(ctx.lang, "format.warnings"), t(ctx.lang, "format.infos"), ...STATUSES.map((st) => statusLabel(ctx.lang, st))];
    out.push(row(head), `|---|---|${"--:|".repeat(head.length - 2)}`);
    for (const school of schools) {
      const c = severityCounts(school.findings);
      const st = schoolStatusCounts(school);
      out.push(row([code(school.id), md(school.naam ?? ""), ...[c.error, c.warning, c.info, ...STATUSES.map((x) => st[x])].map(String)]));
    }
    out.push("");
  }

  let budget = MAX_ROWS;
  let left = 0;
  const sections: { title: string; note?: string; findings: Finding[] }[] = [];
  if (result.findings.length > 0) sections.push({ title: t(ctx.lang, "format.repository"), note: t(ctx.lang, "format.repository.note"), findings: sortFindings(result.findings) });
  for (const school of schools) {
    if (school.findings.length > 0) sections.push({ title: school.naam ? `${school.id} ${school.naam}` : school.id, findings: sortFindings(school.findings) });
  }
  for (const section of sections) {
    const groups = groupFindings(section.findings);
    if (budget <= 0) {
      left += section.findings.length;
      continue;
    }
    out.push(`### ${md(section.title)}`, "");
    if (section.note) out.push(`_${md(section.note)}_`, "");
    out.push(row([t(ctx.lang, "format.location"), t(ctx.lang, "format.severity"), t(ctx.lang, "format.rule"), t(ctx.lang, "format.message")]), "|---|---|---|---|");
    const shown = groups.slice(0, budget);
    for (const g of shown) {
      const line = normalizeRange(g.range).line;
      const rules = g.findings.length === 1 ? code(g.findings[0]!.ruleId) : ruleLabels(g.findings).map(code).join(", ");
      out.push(row([code(`${g.file}:${line}`), severityLabel(ctx.lang, g.severity), rules, groupMessage(g, ctx.lang)]));
    }
    budget -= shown.length;
    left += shown.length < groups.length ? groups.slice(shown.length).reduce((n, g) => n + g.findings.length, 0) : 0;
    out.push("");
  }
  if (left > 0) out.push(md(t(ctx.lang, "format.truncated", { n: left })), "");
  if (sections.length === 0 && schools.length > 0) out.push(t(ctx.lang, "format.noFindings"), "");

  out.push(`<sub>sop-audit ${md(ctx.version)}${ctx.timestamp !== undefined ? ` · ${md(ctx.timestamp)}` : ""}</sub>`);
  return `${out.join("\n")}\n`;
};

/**
 * A row's message: one finding's message and hint; for a value several rules
 * judge, what each says (with its rules and hints), strongest first.
 */
function groupMessage(g: FindingGroup, lang: Lang): string {
  if (g.findings.length === 1) {
    const f = g.findings[0]!;
    return f.hint ? `${md(f.message)}<br>${md(f.hint)}` : md(f.message);
  }
  const head = `**${md(t(lang, "group.value", { value: g.path ?? t(lang, "group.place"), n: g.rules.length }))}**`;
  const said = g.judgements.map((j) => {
    const line = `• ${severityLabel(lang, j.severity)}: ${md(j.message)} (${ruleLabels(j.findings).map(code).join(", ")})`;
    return [line, ...j.hints.map((h) => `→ ${md(h)}`)].join("<br>");
  });
  return [head, ...said].join("<br>");
}

function severityCounts(findings: readonly Finding[]): Record<Finding["severity"], number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

/**
 * Text in Markdown (and in a table cell): characters that act shown as escapes,
 * punctuation that means something escaped, line breaks become spaces.
 */
export function md(s: string): string {
  return visibleText(s, true)
    .replace(/\r\n?|\n/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

/** A code span that survives backticks and table pipes in its content. */
export function code(s: string): string {
  const clean = visibleText(s, true).replace(/\r\n?|\n/g, " ").replace(/\|/g, "\\|");
  const runs = clean.match(/`+/g) ?? [];
  const fence = "`".repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = clean.startsWith("`") || clean.endsWith("`") ? " " : "";
  return `${fence}${pad}${clean}${pad}${fence}`;
}
