/**
 * `--format gitlab`: a GitLab Code Quality report (a JSON array in the Code
 * Climate subset GitLab reads), for `artifacts: reports: codequality`.
 *
 * severity: error → major, warning → minor, info → info. `fingerprint` is
 * the same line-independent hash as SARIF's (shared.ts `fingerprints`), so
 * GitLab sees a moved finding as the same one. `group` (ignored by GitLab) is
 * shared by the issues about the same value.
 */
import type { Severity } from "../core/types.js";
import { visibleJson } from "../core/visible-text.js";
import { allFindings, fingerprints, groupOf, messageWithHint, normalizeRange } from "./shared.js";
import type { Formatter } from "./types.js";

export type GitlabSeverity = "blocker" | "critical" | "major" | "minor" | "info";

export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: GitlabSeverity;
  location: { path: string; lines: { begin: number } };
  /** sop-audit's own: shared by the issues about the same value (GitLab ignores it). */
  group: string;
}

const SEVERITY: Record<Severity, GitlabSeverity> = { error: "major", warning: "minor", info: "info" };

export const format: Formatter = (result) => {
  const findings = allFindings(result);
  const fps = fingerprints(findings);
  const issues: GitlabIssue[] = findings.map((f, i) => ({
    description: messageWithHint(f, " "),
    check_name: f.ruleId,
    fingerprint: fps[i] ?? "",
    severity: SEVERITY[f.severity],
    location: { path: f.file, lines: { begin: normalizeRange(f.range).line } },
    group: groupOf(f),
  }));
  return `${visibleJson(JSON.stringify(issues, null, 2))}\n`;
};
