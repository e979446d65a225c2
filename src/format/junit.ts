/**
 * `--format junit`: JUnit XML for CI test dashboards (GitLab `reports:
 * junit`, Jenkins, Azure DevOps). Each item status of a school is a test:
 *
 * | status          | test outcome                                         |
 * |-----------------|------------------------------------------------------|
 * | voldoet         | passed                                               |
 * | voldoet-niet    | `<failure type="<highest severity>">` with findings  |
 * | niet-aangetoond | `<skipped>`: no evidence, for or against             |
 * | uitgezonderd    | `<skipped>`: every finding is waived                 |
 * | nvt             | `<skipped>`: the item does not apply                 |
 *
 * One `<testsuite>` per school (`<id> <naam>`, sorted by id), after one
 * suite "repository" for findings not tied to a school. Findings of a school
 * that no failing item lists (schema errors, a missing document) become one
 * failing test per file, named after the file, so every finding is in some
 * `<failure>`. `errors` is always 0: an error of sop-audit itself gives no
 * report at all (exit code 3). A finding about a value that other rules also
 * judge names the shared group in its line: `WET-01 [g-abcdefghij]: …`.
 */
import type { AuditResult, Finding, ItemStatus, SchoolResult } from "../core/types.js";
import { escapedInData } from "../core/visible-text.js";
import { severityLabel, statusLabel, t } from "../i18n/messages.js";
import { allFindings, cmpStr, groupOf, groupSizes, highestSeverity, position, sortFindings, sortSchools } from "./shared.js";
import type { FormatContext, Formatter } from "./types.js";

interface TestCase {
  classname: string;
  name: string;
  failure?: { message: string; type: string; body: string };
  skipped?: string;
}

interface Suite {
  name: string;
  cases: TestCase[];
}

export const REPOSITORY_SUITE = "repository";

export const format: Formatter = (result, ctx) => render(suites(result, { ...ctx, groups: groupSizes(allFindings(result)) }), ctx);

/** The run's context and how many findings each group has. */
interface JunitContext extends FormatContext {
  groups: Map<string, number>;
}

function suites(result: AuditResult, ctx: JunitContext): Suite[] {
  const out: Suite[] = [{ name: REPOSITORY_SUITE, cases: fileCases(REPOSITORY_SUITE, sortFindings(result.findings), ctx) }];
  for (const school of sortSchools(result.schools)) out.push(schoolSuite(school, ctx));
  return out;
}

function schoolSuite(school: SchoolResult, ctx: JunitContext): Suite {
  const findings = sortFindings(school.findings);
  const listed = new Set<Finding>();
  const cases: TestCase[] = school.statuses.map((st) => {
    const c: TestCase = { classname: school.id, name: `${st.item} ${statusLabel(ctx.lang, st.status)}` };
    switch (st.status) {
      case "voldoet":
        break;
      case "voldoet-niet": {
        const own = findings.filter((f) => belongsTo(f, st));
        for (const f of own) listed.add(f);
        c.failure = failure(own, ctx, st.reason ?? t(ctx.lang, "format.noItemFindings"));
        break;
      }
      default:
        c.skipped = st.reason ? `${statusLabel(ctx.lang, st.status)}: ${st.reason}` : statusLabel(ctx.lang, st.status);
    }
    return c;
  });
  cases.push(...fileCases(school.id, findings.filter((f) => !listed.has(f)), ctx));
  return { name: school.naam ? `${school.id} ${school.naam}` : school.id, cases };
}

/** A finding is evidence against an item if it names the item, or names no item and comes from one of the item's rules. */
function belongsTo(f: Finding, st: ItemStatus): boolean {
  return f.indicator !== undefined ? f.indicator === st.item : st.rules.includes(f.ruleId);
}

/** One failing test per file for findings not listed under an item. */
function fileCases(classname: string, findings: readonly Finding[], ctx: JunitContext): TestCase[] {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  return [...byFile.keys()].sort(cmpStr).map((file) => ({ classname, name: file, failure: failure(byFile.get(file) ?? [], ctx, "") }));
}

function failure(findings: readonly Finding[], ctx: JunitContext, fallback: string): NonNullable<TestCase["failure"]> {
  if (findings.length === 0) return { message: fallback, type: "error", body: "" };
  const body = findings
    .map((f) => {
      // A value several rules judge: each line names the shared group.
      const group = groupOf(f);
      const rule = (ctx.groups.get(group) ?? 1) > 1 ? `${f.ruleId} [${group}]` : f.ruleId;
      const head = `${position(f)} ${severityLabel(ctx.lang, f.severity)} ${rule}: ${f.message}`;
      return f.hint ? `${head}\n  ${f.hint.replace(/\r?\n/g, "\n  ")}` : head;
    })
    .join("\n");
  return { message: findings.map((f) => f.message).join("; "), type: highestSeverity(findings) ?? "error", body };
}

function render(all: Suite[], ctx: FormatContext): string {
  const ts = ctx.timestamp !== undefined ? ` timestamp="${attr(ctx.timestamp)}"` : "";
  const count = (s: Suite) => ({
    tests: s.cases.length,
    failures: s.cases.filter((c) => c.failure).length,
    skipped: s.cases.filter((c) => c.skipped !== undefined).length,
  });
  const totals = all.map(count).reduce((a, b) => ({ tests: a.tests + b.tests, failures: a.failures + b.failures, skipped: a.skipped + b.skipped }), {
    tests: 0,
    failures: 0,
    skipped: 0,
  });
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="sop-audit" tests="${totals.tests}" failures="${totals.failures}" errors="0" skipped="${totals.skipped}"${ts}>`,
  ];
  for (const s of all) {
    const n = count(s);
    const open = `  <testsuite name="${attr(s.name)}" tests="${n.tests}" failures="${n.failures}" errors="0" skipped="${n.skipped}"${ts}`;
    if (s.cases.length === 0) {
      lines.push(`${open}/>`);
      continue;
    }
    lines.push(`${open}>`);
    for (const c of s.cases) {
      const tc = `    <testcase classname="${attr(c.classname)}" name="${attr(c.name)}"`;
      if (c.failure) {
        lines.push(`${tc}>`);
        const f = c.failure;
        lines.push(`      <failure message="${attr(f.message)}" type="${attr(f.type)}">${text(f.body)}</failure>`);
        lines.push(`    </testcase>`);
      } else if (c.skipped !== undefined) {
        lines.push(`${tc}>`, `      <skipped message="${attr(c.skipped)}"/>`, `    </testcase>`);
      } else {
        lines.push(`${tc}/>`);
      }
    }
    lines.push(`  </testsuite>`);
  }
  lines.push(`</testsuites>`);
  return `${lines.join("\n")}\n`;
}

/** Characters XML 1.0 cannot hold at all (control characters, lone surrogates) become U+FFFD. */
function xmlChars(s: string): string {
  return s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "\uFFFD");
}

/** Text content; DEL, C1 and bidi controls as character references (the same characters to a parser, inert when the file is shown). */
export function text(s: string): string {
  return escapedInData(xmlChars(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"), (hex) => `&#x${hex};`);
}

/** Attribute value between double quotes; tabs and line breaks as character references so parsers keep them. */
export function attr(s: string): string {
  return text(s).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}
