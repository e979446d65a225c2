/**
 * One fact, one entry: findings about the same value (same file, same data
 * path, or same range where there is no path) form a group. The engine gives
 * every finding its group id with {@link findingGroupId}; the renderers that
 * show one entry per value gather them with {@link groupFindings}.
 */
import { createHash } from "node:crypto";
import { compareFindings } from "./finding-order.js";
import { SEVERITY_ORDER, type Finding, type Severity, type SourceRange } from "./types.js";

/**
 * `g-` and ten letters a–p from a SHA-256 of the file and the path (or the
 * range). Letters only: the engine masks personal data in every text of a
 * result afterwards, and a run of digits could look like a BSN or a number.
 */
export function findingGroupId(f: Pick<Finding, "file" | "path" | "range">): string {
  const where = f.path !== undefined && f.path !== "" ? `path:${f.path}` : `range:${f.range.line}:${f.range.column}:${f.range.endLine}:${f.range.endColumn}`;
  const hex = createHash("sha256").update(`${f.file}\u0000${where}`).digest("hex").slice(0, 10);
  return `g-${hex.replace(/[0-9a-f]/g, (c) => String.fromCharCode(97 + parseInt(c, 16)))}`;
}

/** The group of a finding: the id the engine gave it, or the same recipe for a finding made elsewhere. */
export function groupOf(f: Finding): string {
  return f.group ?? findingGroupId(f);
}

/** What one or more rules of a group say in the same words and with the same severity. */
export interface Judgement {
  severity: Severity;
  message: string;
  /** The findings that say it, in the one order. */
  findings: Finding[];
  /** Their rule ids, in that order, each once. */
  rules: string[];
  /** Their fix hints, each once. */
  hints: string[];
}

export interface FindingGroup {
  id: string;
  /** The value's place: that of the group's first finding in the one order. */
  file: string;
  range: SourceRange;
  path?: string;
  /** The strongest severity in the group. */
  severity: Severity;
  /** Strongest severity first, then the one order. */
  findings: Finding[];
  /** Same order; findings with the same severity and message share one. */
  judgements: Judgement[];
  /** Every rule id of the group, in the order of its findings, each once. */
  rules: string[];
}

/** Groups in the one order of their first finding; every finding in exactly one group. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const byId = new Map<string, Finding[]>();
  for (const f of [...findings].sort(compareFindings)) {
    const id = groupOf(f);
    const list = byId.get(id);
    if (list) list.push(f);
    else byId.set(id, [f]);
  }
  return [...byId].map(([id, list]) => toGroup(id, list));
}

function toGroup(id: string, inOrder: Finding[]): FindingGroup {
  const first = inOrder[0]!;
  const members = [...inOrder].sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || compareFindings(a, b));
  const judgements: Judgement[] = [];
  for (const f of members) {
    const same = judgements.find((j) => j.severity === f.severity && j.message === f.message);
    const j = same ?? { severity: f.severity, message: f.message, findings: [], rules: [], hints: [] };
    if (!same) judgements.push(j);
    j.findings.push(f);
    if (!j.rules.includes(f.ruleId)) j.rules.push(f.ruleId);
    if (f.hint !== undefined && !j.hints.includes(f.hint)) j.hints.push(f.hint);
  }
  return {
    id,
    file: first.file,
    range: first.range,
    ...(first.path !== undefined ? { path: first.path } : {}),
    severity: members[0]!.severity,
    findings: members,
    judgements,
    rules: [...new Set(members.map((f) => f.ruleId))],
  };
}

/**
 * The rules of some findings as people read them: each rule once, with the
 * items it judged when they are not the rule's own id (`BO-ZE (BO-01.26)`,
 * `VO2203-01-visitatie (BO-10.01, BO-10.02)`), in the order of the findings.
 */
export function ruleLabels(findings: readonly Finding[]): string[] {
  const items = new Map<string, string[]>();
  for (const f of findings) {
    const list = items.get(f.ruleId) ?? [];
    if (f.indicator !== undefined && f.indicator !== f.ruleId && !list.includes(f.indicator)) list.push(f.indicator);
    items.set(f.ruleId, list);
  }
  return [...items].map(([rule, list]) => (list.length > 0 ? `${rule} (${list.join(", ")})` : rule));
}
