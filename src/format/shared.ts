/**
 * Helpers the output formats share: one sort order, one fingerprint, one way
 * to join a message and its hint. Pure functions; nothing here reads a clock,
 * the environment or the file system.
 */
import { createHash } from "node:crypto";
import { compareFindings } from "../core/finding-order.js";
import { compareStrings } from "../core/similar.js";
import { groupOf } from "../core/finding-groups.js";
import { SEVERITY_ORDER, type AuditResult, type Finding, type SchoolResult, type Severity, type SourceRange } from "../core/types.js";

/** Home of the tool, for SARIF `informationUri`. */
export const TOOL_URI = "https://github.com/sop-audit/sop-audit";
/** The rules documentation; every rule id has an anchor in it (see {@link ruleHelpUri}). */
export const RULES_DOC_URI = "https://github.com/sop-audit/sop-audit/blob/main/docs/regelreferentie.md";

/** Code-unit order, undefined as "". */
export function cmpStr(a: string | undefined, b: string | undefined): number {
  return compareStrings(a ?? "", b ?? "");
}

export { compareFindings, sortFindings } from "../core/finding-order.js";

export function sortSchools(schools: readonly SchoolResult[]): SchoolResult[] {
  return [...schools].sort((a, b) => cmpStr(a.id, b.id));
}

/**
 * Every finding of the result (top-level and per school; waived findings
 * excluded), each with `school` filled in from the school it belongs to,
 * in the one sort order.
 */
export function allFindings(result: AuditResult): Finding[] {
  const out: Finding[] = [...result.findings];
  for (const school of result.schools) {
    for (const f of school.findings) out.push(f.school === undefined ? { ...f, school: school.id } : f);
  }
  return out.sort(compareFindings);
}

export { groupOf } from "../core/finding-groups.js";

/** How many findings each group has: annotations name the group only when it has others. */
export function groupSizes(findings: readonly Finding[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const f of findings) sizes.set(groupOf(f), (sizes.get(groupOf(f)) ?? 0) + 1);
  return sizes;
}

/** A range every consumer accepts: 1-based, end not before start. */
export function normalizeRange(range: SourceRange): SourceRange {
  const line = posInt(range.line, 1);
  const column = posInt(range.column, 1);
  const endLine = Math.max(line, posInt(range.endLine, line));
  let endColumn = posInt(range.endColumn, column);
  if (endLine === line && endColumn < column) endColumn = column;
  return { line, column, endLine, endColumn };
}

function posInt(value: number, fallback: number): number {
  return Number.isFinite(value) && value >= 1 ? Math.trunc(value) : fallback;
}

/** Message and hint as one text; `sep` `"\n"` for multi-line consumers, `" "` for one line. */
export function messageWithHint(f: Pick<Finding, "message" | "hint">, sep: "\n" | " "): string {
  const oneLine = (s: string) => (sep === " " ? s.replace(/\s*[\r\n]+\s*/g, " ") : s);
  const message = oneLine(f.message.trim());
  const hint = f.hint === undefined ? undefined : oneLine(f.hint.trim());
  if (!hint) return message;
  if (sep === "\n") return `${message}\n${hint}`;
  return /[.!?:;…]$/.test(message) ? `${message} ${hint}` : `${message}. ${hint}`;
}

export function highestSeverity(findings: readonly Finding[]): Severity | undefined {
  let best: Severity | undefined;
  for (const f of findings) if (best === undefined || SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[best]) best = f.severity;
  return best;
}

/**
 * Fingerprints that survive lines moving: sha256 over rule id, file, data
 * path, indicator and message, never the position. Findings that agree on
 * all of those get an occurrence number (in the given order) mixed in, so
 * fingerprints stay unique within one result.
 *
 * `findings` must be in the one sort order ({@link compareFindings}).
 */
export function fingerprints(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = [f.ruleId, f.file, f.path ?? "", f.indicator ?? "", f.message].join("\u0000");
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return createHash("sha256")
      .update(n === 1 ? base : `${base}\u0000${n}`)
      .digest("hex");
  });
}

/**
 * The anchor GitHub gives a heading that consists of the rule id:
 * lower case, punctuation other than `-` and `_` dropped, spaces to `-`.
 * `BO-03.05` → `bo-0305`, `schema/type` → `schematype`.
 */
export function ruleAnchor(ruleId: string): string {
  return ruleId
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
    .replace(/ /g, "-");
}

export function ruleHelpUri(ruleId: string): string {
  return `${RULES_DOC_URI}#${ruleAnchor(ruleId)}`;
}

/** `file:line:column`, 1-based. */
export function position(f: Finding): string {
  const r = normalizeRange(f.range);
  return `${f.file}:${r.line}:${r.column}`;
}
