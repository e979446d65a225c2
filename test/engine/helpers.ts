/**
 * Shared helpers for the engine tests: where the fixtures are, how to run
 * the audit on one, and a compact view of findings and statuses to compare
 * with `toEqual`.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { expect } from "vitest";
import { audit, type AuditOptions } from "../../src/audit/audit.js";
import type { AuditResult, Finding, SchoolResult, Status } from "../../src/core/types.js";

export const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
export const EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));
export const PROJECT = fileURLToPath(new URL("../../", import.meta.url));
/** The source documents sit beside the repository (../shared/seeds); tests that need them say so when they are absent. */
export const SEEDS = join(PROJECT, "..", "shared", "seeds");

/** A seed document's text; a clear error, not a bare ENOENT, when the seeds are not beside the repository. */
export function seedText(name: string): string {
  const file = join(SEEDS, `${name}.txt`);
  if (!existsSync(file)) throw new Error(`seed document ${name} not found: the tests read the seeds from ../shared/seeds beside the repository (${SEEDS})`);
  return readFileSync(file, "utf8");
}

export const fixture = (name: string): string => join(FIXTURES, name);

/** Replaces `from` by `to` in a file of a (copied) repository; `from` must be there. */
export function editFile(repo: string, file: string, from: string, to: string): void {
  const path = join(repo, file);
  const text = readFileSync(path, "utf8");
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

/** Runs the audit on a repository folder (its own sop-audit.yaml decides the rest). */
export function auditRepo(repo: string, options: Partial<AuditOptions> = {}): Promise<AuditResult> {
  return audit({ cwd: repo, repo: ".", ...options });
}

export interface BriefFinding {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  severity: Finding["severity"];
  message: string;
}

/** What a person sees in the stylish output: where, which rule, how bad, what. */
export const brief = (f: Finding): BriefFinding => ({
  file: f.file,
  line: f.range.line,
  column: f.range.column,
  ruleId: f.ruleId,
  severity: f.severity,
  message: f.message,
});

export function schoolOf(result: AuditResult, id: string): SchoolResult {
  const s = result.schools.find((x) => x.id === id);
  if (!s) throw new Error(`school ${id} niet in het resultaat (wel: ${result.schools.map((x) => x.id).join(", ")})`);
  return s;
}

/** Status per item, optionally only items whose id starts with `prefix`. */
export function statusMap(s: SchoolResult, prefix = ""): Record<string, Status> {
  return Object.fromEntries(s.statuses.filter((x) => x.item.startsWith(prefix)).map((x) => [x.item, x.status]));
}

/** Brief findings of these rules only, in the engine's order. */
export function findingsOf(s: SchoolResult, ...ruleIds: string[]): BriefFinding[] {
  return s.findings.filter((f) => ruleIds.includes(f.ruleId)).map(brief);
}
