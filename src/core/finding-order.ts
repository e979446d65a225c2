/**
 * The one order of findings, for the engine, the ruleset's problems, every
 * format and every report: file, line, column, rule id, message; then the
 * remaining fields, so that the order is total and the output deterministic.
 */
import { compareStrings } from "./similar.js";
import { SEVERITY_ORDER, type Finding } from "./types.js";

const text = (a: string | undefined, b: string | undefined) => compareStrings(a ?? "", b ?? "");

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.file, b.file) ||
    a.range.line - b.range.line ||
    a.range.column - b.range.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.message, b.message) ||
    a.range.endLine - b.range.endLine ||
    a.range.endColumn - b.range.endColumn ||
    SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] ||
    text(a.school, b.school) ||
    text(a.indicator, b.indicator) ||
    text(a.path, b.path) ||
    text(a.hint, b.hint)
  );
}

/** A sorted copy. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}
