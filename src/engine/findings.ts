/**
 * What the rules found on one school, as findings: each located once in
 * its file, then waived or not by the school's uitzonderingen (which bring
 * findings of their own when expired or unused), each with the group id of
 * the value it is about. Sorted, not yet masked.
 */
import { SEVERITY_ORDER, type Finding, type Lang, type WaiverResult } from "../core/types.js";
import { compareFindings } from "../core/finding-order.js";
import { findingGroupId } from "../core/finding-groups.js";
import { t } from "../i18n/messages.js";
import { FILE_START } from "../documents/source.js";
import type { Problem } from "../rules/kind.js";
import { ruleHint, type EffectiveRule, type Ruleset } from "../rules/ruleset-model.js";
import type { CheckEnv } from "./check-env.js";
import type { CompiledRuleset } from "./compiled-ruleset.js";
import type { Found } from "./rule-loop.js";
import type { LoadedDocument, SchoolDocuments } from "./school.js";
import type { VerdictTable } from "./verdict-table.js";

export interface SchoolFindings {
  findings: Finding[];
  waivedFindings: Finding[];
  waivers: WaiverResult[];
}

interface RawFinding {
  finding: Finding;
  item?: string;
  failing: boolean;
  unknown: boolean;
}

/** The school's findings; a failing or not-shown one a waiver covers is counted in `verdicts` (its item may become uitgezonderd). */
export function schoolFindings(
  school: SchoolDocuments,
  found: Found[],
  compiled: CompiledRuleset,
  verdicts: VerdictTable,
  env: CheckEnv,
): SchoolFindings {
  // Most schools have no findings. Made here, not in the rule loop: the few that
  // do bring shapes the loop's optimised code has not seen, and V8 would throw
  // the whole loop's code away for them (3 of its 4 compiles at 1,000 schools).
  const raw = found.length > 0 ? toRawFindings(found, school, compiled.ruleset, env.lang) : [];
  // Most schools have no waivers; looping over their empty list kept deoptimising applyWaivers.
  const { waivers, waivedIndexes, waiverFindings } =
    school.uitzonderingen.length > 0 ? applyWaivers(school, raw, env) : { waivers: [], waivedIndexes: new Set<number>(), waiverFindings: [] };
  const findings: Finding[] = [...school.findings, ...waiverFindings];
  const waivedFindings: Finding[] = [];
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    if (waivedIndexes.has(i)) {
      waivedFindings.push(r.finding);
      const item = r.item ? compiled.itemIndex.get(r.item) : undefined;
      if (item !== undefined && r.failing) verdicts.failWaived[item]!++;
      else if (item !== undefined && r.unknown) verdicts.unknownWaived[item]!++;
    } else findings.push(r.finding);
  }
  return { findings: withGroups(findings).sort(compareFindings), waivedFindings: withGroups(waivedFindings).sort(compareFindings), waivers };
}

/**
 * Gives each finding the id of the value it is about, so that every output
 * of a run shows the same groups; the one place group ids are given.
 */
export function withGroups(findings: Finding[]): Finding[] {
  for (const f of findings) f.group = findingGroupId(f);
  return findings;
}

function toRawFindings(found: Found[], school: SchoolDocuments, ruleset: Ruleset, lang: Lang): RawFinding[] {
  const out: RawFinding[] = [];
  for (const f of found) {
    const severity = f.unknown ? (f.rule.nietAangetoond ?? f.rule.severity) : f.rule.severity;
    // "off" for niet aangetoond: the item keeps its status, without a finding.
    if (severity === "off") continue;
    out.push({ finding: toFinding(f.problem, f.rule, severity, f.itemId, f.read, school, ruleset, lang), failing: f.failing, unknown: f.unknown, ...(f.itemId ? { item: f.itemId } : {}) });
  }
  return out;
}

function toFinding(
  problem: Problem,
  rule: EffectiveRule,
  ruleSeverity: Finding["severity"],
  itemId: string | undefined,
  read: LoadedDocument | undefined,
  school: SchoolDocuments,
  ruleset: Ruleset,
  lang: Lang,
): Finding {
  const source = problem.file ?? read?.source;
  const file = source?.file ?? school.dir;
  const range = problem.range ?? (source && problem.path ? source.locate(problem.path, { key: problem.key }) : FILE_START);
  const item = itemId ? ruleset.itemById.get(itemId) : undefined;
  const hint = ruleHint(rule, lang);
  const f: Finding = {
    ruleId: rule.id,
    severity: problem.severity && SEVERITY_ORDER[problem.severity] < SEVERITY_ORDER[ruleSeverity] ? problem.severity : ruleSeverity,
    // A profile's stricter term beside a legal minimum says whose term it is, so it never reads as the law.
    message: rule.tightens ? t(lang, "engine.agreement", { message: problem.message, layer: rule.source, legal: rule.tightens }) : problem.message,
    file,
    range,
    school: school.id,
    source: rule.source,
  };
  if (hint) f.hint = hint;
  if (item) f.standard = item.standaard;
  if (itemId) f.indicator = itemId;
  if (problem.expected !== undefined) f.expected = problem.expected;
  if (problem.found !== undefined) f.found = problem.found;
  if (problem.about) f.path = problem.about;
  else if (problem.path && problem.path.length) f.path = problem.path.map((p) => (typeof p === "number" ? `[${p}]` : p)).join(".").replace(/\.\[/g, "[");
  return f;
}

function applyWaivers(
  school: SchoolDocuments,
  raw: RawFinding[],
  env: CheckEnv,
): { waivers: WaiverResult[]; waivedIndexes: Set<number>; waiverFindings: Finding[] } {
  const waivers: WaiverResult[] = [];
  const waivedIndexes = new Set<number>();
  const waiverFindings: Finding[] = [];
  for (const loaded of school.uitzonderingen) {
    const list = (loaded.doc as { uitzonderingen: { regel: string; scope?: string; reden: string; eigenaar: string; verleend: string; verloopt: string }[] }).uitzonderingen;
    list.forEach((w, i) => {
      const range = loaded.source.locate(["uitzonderingen", i]);
      const matches = raw
        .map((r, idx) => ({ r, idx }))
        .filter(({ r }) => r.finding.ruleId === w.regel || r.finding.indicator === w.regel)
        .filter(({ r }) => !w.scope || w.scope === env.schooljaar || r.finding.file === `${school.dir}/${w.scope}` || r.finding.file.endsWith(`/${w.scope}`));
      const expired = w.verloopt < env.peildatum;
      const notYet = w.verleend > env.peildatum;
      let state: WaiverResult["state"] = "actief";
      if (expired) {
        state = "verlopen";
        waiverFindings.push({
          ruleId: "waiver/expired",
          severity: "warning",
          file: loaded.source.file,
          range: loaded.source.locate(["uitzonderingen", i, "verloopt"]),
          school: school.id,
          path: `uitzonderingen[${i}].verloopt`,
          message: t(env.lang, "engine.waiverExpired", { regel: w.regel, verloopt: w.verloopt }),
          hint: t(env.lang, "engine.waiverExpired.hint"),
          expected: `>= ${env.peildatum}`,
          found: w.verloopt,
        });
      } else if (!notYet && matches.length === 0) {
        state = "ongebruikt";
        waiverFindings.push({
          ruleId: "waiver/unused",
          severity: "info",
          file: loaded.source.file,
          range: loaded.source.locate(["uitzonderingen", i, "regel"]),
          school: school.id,
          path: `uitzonderingen[${i}].regel`,
          message: t(env.lang, "engine.waiverUnused", { regel: w.regel }),
          hint: t(env.lang, "engine.waiverUnused.hint"),
          found: w.regel,
        });
      }
      if (state === "actief" && !notYet) for (const { idx } of matches) waivedIndexes.add(idx);
      waivers.push({
        rule: w.regel,
        ...(w.scope ? { scope: w.scope } : {}),
        reason: w.reden,
        owner: w.eigenaar,
        granted: w.verleend,
        expires: w.verloopt,
        state,
        file: loaded.source.file,
        range,
        waived: state === "actief" && !notYet ? matches.length : 0,
      });
    });
  }
  return { waivers, waivedIndexes, waiverFindings };
}
