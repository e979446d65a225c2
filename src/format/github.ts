/**
 * `--format github`: GitHub Actions workflow commands, one line per finding,
 * which the runner turns into annotations on the pull request:
 *
 *   ::error file=12AB00/sop.yaml,line=3,col=5,endLine=3,endColumn=12,title=BO-01.09::melding%0Ahint
 *
 * error → `::error`, warning → `::warning`, info → `::notice`. `col` and
 * `endColumn` are only given for a one-line range (GitHub ignores them
 * otherwise). When several rules judge the same value, each annotation's
 * title names their shared group: `title=WET-01 [g-abcdefghij]`. Message data escapes `%`, CR and LF; property values also
 * `:` and `,`. Paths are relative to the SWV repository root, which must be
 * the root of the checkout for the annotations to land on the right file.
 */
import type { Severity } from "../core/types.js";
import { visibleText } from "../core/visible-text.js";
import { allFindings, groupOf, groupSizes, messageWithHint, normalizeRange } from "./shared.js";
import type { Formatter } from "./types.js";

const COMMAND: Record<Severity, "error" | "warning" | "notice"> = { error: "error", warning: "warning", info: "notice" };

/** Escapes the data (message) part of a workflow command. */
export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a property value of a workflow command. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export const format: Formatter = (result) => {
  const findings = allFindings(result);
  const sizes = groupSizes(findings);
  const lines = findings.map((f) => {
    const r = normalizeRange(f.range);
    // Shown in the job log and on the pull request: nothing in it may act on or reorder the text there.
    const props: [string, string | number][] = [
      ["file", visibleText(f.file)],
      ["line", r.line],
    ];
    if (r.endLine === r.line) props.push(["col", r.column]);
    props.push(["endLine", r.endLine]);
    if (r.endLine === r.line) props.push(["endColumn", r.endColumn]);
    // Several annotations on one value name their shared group, so a reader sees they belong together.
    const group = groupOf(f);
    props.push(["title", visibleText((sizes.get(group) ?? 1) > 1 ? `${f.ruleId} [${group}]` : f.ruleId)]);
    const propText = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(",");
    return `::${COMMAND[f.severity]} ${propText}::${escapeData(visibleText(messageWithHint(f, "\n"), true))}`;
  });
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
};
