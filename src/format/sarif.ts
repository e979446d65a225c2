/**
 * `--format sarif`: SARIF 2.1.0, one run, for GitHub code scanning
 * (`github/codeql-action/upload-sarif`) and any other SARIF viewer.
 *
 * - one rule per distinct rule id among the findings, sorted by id;
 * - one result per finding (waived findings are left out), in the one sort
 *   order; `partialFingerprints["sopAudit/v1"]` does not depend on the line,
 *   so an alert survives lines moving (see shared.ts `fingerprints`);
 *   `properties.group` is shared by the results about the same value;
 * - paths are relative to `%SRCROOT%`, the root of the SWV repository.
 */
import type { Log, ReportingDescriptor, Result } from "sarif";
import type { AuditResult, Finding, Severity } from "../core/types.js";
import { visibleJson } from "../core/visible-text.js";
import { builtinCheckText, t } from "../i18n/messages.js";
import { allFindings, cmpStr, fingerprints, groupOf, highestSeverity, messageWithHint, normalizeRange, ruleHelpUri, TOOL_URI } from "./shared.js";
import type { FormatContext, Formatter } from "./types.js";

export const SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/** Key of our own fingerprint in `partialFingerprints`; bump the suffix if the recipe changes. */
export const FINGERPRINT_KEY = "sopAudit/v1";
export const SRCROOT = "%SRCROOT%";

const LEVEL: Record<Severity, "error" | "warning" | "note"> = { error: "error", warning: "warning", info: "note" };

export const format: Formatter = (result, ctx) => `${visibleJson(JSON.stringify(toSarif(result, ctx), null, 2))}\n`;

export function toSarif(result: AuditResult, ctx: FormatContext): Log {
  const findings = allFindings(result);
  const fps = fingerprints(findings);

  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = byRule.get(f.ruleId);
    if (list) list.push(f);
    else byRule.set(f.ruleId, [f]);
  }
  const ruleIds = [...byRule.keys()].sort(cmpStr);
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => ruleDescriptor(id, byRule.get(id) ?? [], result, ctx));

  const results: Result[] = findings.map((f, i) => {
    const r = normalizeRange(f.range);
    const properties: Record<string, string> = {};
    if (f.school !== undefined) properties.school = f.school;
    if (f.indicator !== undefined) properties.indicator = f.indicator;
    if (f.standard !== undefined) properties.standard = f.standard;
    properties.group = groupOf(f);
    const res: Result = {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId) ?? 0,
      level: LEVEL[f.severity],
      message: { text: messageWithHint(f, "\n") },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: fileUri(f.file), uriBaseId: SRCROOT },
            region: { startLine: r.line, startColumn: r.column, endLine: r.endLine, endColumn: r.endColumn },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: fps[i] ?? "" },
    };
    if (Object.keys(properties).length > 0) res.properties = properties;
    return res;
  });

  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "sop-audit",
            version: ctx.version,
            ...(/^\d+\.\d+\.\d+/.test(ctx.version) ? { semanticVersion: ctx.version } : {}),
            informationUri: TOOL_URI,
            rules,
          },
        },
        invocations: [{ executionSuccessful: true, ...(ctx.timestamp !== undefined ? { endTimeUtc: ctx.timestamp } : {}) }],
        originalUriBaseIds: {
          [SRCROOT]: {
            description: {
              text: t(ctx.lang, "format.sarif.srcroot"),
            },
          },
        },
        language: ctx.lang,
        columnKind: "utf16CodeUnits",
        results,
        properties: {
          swv: result.repo.swv.code,
          profile: result.repo.profile,
          peildatum: result.repo.peildatum,
          schooljaar: result.repo.schooljaar,
        },
      },
    ],
  };
}

function ruleDescriptor(id: string, findings: readonly Finding[], result: AuditResult, ctx: FormatContext): ReportingDescriptor {
  const rule = result.rules.find((r) => r.id === id);
  const item = (rule?.indicator !== undefined ? result.items.find((i) => i.id === rule.indicator) : undefined) ?? itemOfRule(id, result);
  const standard = item ? result.standards.find((s) => s.id === item.standard) : undefined;
  const prefix = id.includes("/") ? id.slice(0, id.indexOf("/")) : undefined;
  // The rule's own title says what it demands; the item's text what it is evidence for.
  const short = sentence(rule?.titel ?? item?.text ?? (prefix !== undefined ? builtinCheckText(ctx.lang, prefix) : undefined) ?? t(ctx.lang, "format.ruleFallback", { id }));
  const helpUri = ruleHelpUri(id);

  const hints = distinct(findings.map((f) => f.hint?.trim() || undefined));
  const sources = distinct(findings.map((f) => f.source));
  const help = [short];
  if (hints.length === 1 && hints[0] !== undefined) help.push(`${t(ctx.lang, "format.help.fix")}: ${hints[0]}`);
  if (sources.length === 1 && sources[0] !== undefined) help.push(`${t(ctx.lang, "format.help.source")}: ${sources[0]}`);
  help.push(`${t(ctx.lang, "format.help.more")}: ${helpUri}`);

  const descriptor: ReportingDescriptor = {
    id,
    shortDescription: { text: short },
    fullDescription: { text: standard && item ? sentence(`${standard.id} ${standard.title}: ${item.text}`) : short },
    helpUri,
    help: { text: help.join("\n") },
    defaultConfiguration: { level: LEVEL[highestSeverity(findings) ?? "warning"] },
  };
  if (standard) descriptor.properties = { tags: [standard.id] };
  return descriptor;
}

/**
 * The item a rule is named after: the item with the same id, or for a second
 * rule of an item (`BO-03.05-uren`) the item whose id is the longest prefix
 * before a `-`. Only the id decides, so a rule reads the same in every run.
 */
function itemOfRule(id: string, result: AuditResult): AuditResult["items"][number] | undefined {
  let best: AuditResult["items"][number] | undefined;
  for (const item of result.items) {
    if (item.id === id) return item;
    if (id.startsWith(`${item.id}-`) && (best === undefined || item.id.length > best.id.length)) best = item;
  }
  return best;
}

/** Distinct values in first-seen order; `undefined` counts as a value, so "some findings have none" is not one value. */
function distinct(values: readonly (string | undefined)[]): (string | undefined)[] {
  const present = values.filter((v) => v !== undefined);
  if (present.length < values.length) return [...new Set(values)];
  return [...new Set(present)];
}

/** Ends with a full stop, as SARIF's own guidance asks of descriptions. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** A repository-relative POSIX path as a relative URI reference. */
export function fileUri(file: string): string {
  return file
    .replace(/\\/g, "/")
    .split("/")
    .map((seg) => encodeURIComponent(seg))
    .join("/");
}
