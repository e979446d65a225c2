/**
 * Small pieces the report view models share: ordering, finding and waiver
 * views, status symbols. Everything here is pure and deterministic.
 */
import { compareFindings } from "../core/finding-order.js";
import { groupFindings, ruleLabels, type FindingGroup } from "../core/finding-groups.js";
import { compareStrings } from "../core/similar.js";
import type { Finding, Lang, SchoolResult, Severity, Status, WaiverResult } from "../core/types.js";
import type { SchoolRegime } from "../core/regime.js";
import { t } from "../i18n/messages.js";
import { nietAangetoondOf, type StatusCounts } from "../core/status-counts.js";

/** Code-unit order: the same on every machine, unlike locale collation. */
export const cmp = compareStrings;

/** Order for names people read: case- and accent-insensitive first, code points to break ties. */
export function cmpName(a: string, b: string): number {
  const fa = fold(a);
  const fb = fold(b);
  return fa < fb ? -1 : fa > fb ? 1 : cmp(a, b);
}

function fold(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/** Symbols shown next to a status text, so meaning never depends on colour alone. */
export const STATUS_SYMBOL: Record<Status, string> = {
  voldoet: "✓",
  "voldoet-niet": "✗",
  "niet-aangetoond": "?",
  uitgezonderd: "⊘",
  nvt: "–",
};

export const SEVERITY_SYMBOL: Record<Severity, string> = { error: "✗", warning: "!", info: "i" };

export interface StatusView {
  status: Status;
  label: string;
  symbol: string;
}

export function statusView(lang: Lang, status: Status): StatusView {
  return { status, label: t(lang, `status.${status}`), symbol: STATUS_SYMBOL[status] };
}

export type { StatusCounts } from "../core/status-counts.js";
export { emptyStatusCounts as emptyCounts } from "../core/status-counts.js";

/** `unproven`: "107 van 141 indicatoren niet aangetoond"; absent when none is. */
export function unprovenField(lang: Lang, counts: StatusCounts): { unproven?: string } {
  const unproven = nietAangetoondOf(counts);
  return unproven.count > 0 ? { unproven: t(lang, "summary.nietAangetoond", unproven) } : {};
}

export interface FindingView {
  ruleId: string;
  severity: Severity;
  severityLabel: string;
  symbol: string;
  message: string;
  hint?: string;
  file: string;
  line: number;
  column: number;
  /** `file:line:col`, ready to paste into an editor. */
  location: string;
  standard?: string;
  indicator?: string;
}

export function findingView(lang: Lang, f: Finding): FindingView {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    severityLabel: t(lang, `sev.${f.severity}`),
    symbol: SEVERITY_SYMBOL[f.severity],
    message: f.message,
    ...(f.hint !== undefined ? { hint: f.hint } : {}),
    file: f.file,
    line: f.range.line,
    column: f.range.column,
    location: `${f.file}:${f.range.line}:${f.range.column}`,
    ...(f.standard !== undefined ? { standard: f.standard } : {}),
    ...(f.indicator !== undefined ? { indicator: f.indicator } : {}),
  };
}

export function sortedFindings(lang: Lang, findings: readonly Finding[]): FindingView[] {
  return [...findings].sort(compareFindings).map((f) => findingView(lang, f));
}

/** What one or more rules of a group say alike (core/finding-groups.ts). */
export interface JudgementView {
  severity: Severity;
  severityLabel: string;
  symbol: string;
  message: string;
  /** Its rules, with the items they judged: `BO-09.03, MKS-TO.09`. */
  rules: string;
  hints: string[];
}

/**
 * One entry per value: the fields of its strongest finding (so a template
 * that shows one finding still reads), and what every rule says about it.
 */
export interface FindingGroupView extends FindingView {
  group: string;
  /** More than one finding: show the value once and what each rule says (absent on a plain FindingView, so a template can take either). */
  grouped: boolean;
  /** Every rule of the group, with the items they judged. */
  rules: string[];
  /** The value and how many rules judge it: `vaststelling.datum: 4 regels`. */
  value: string;
  /** Strongest first. */
  judgements: JudgementView[];
}

export function findingGroupView(lang: Lang, g: FindingGroup): FindingGroupView {
  return {
    ...findingView(lang, g.findings[0]!),
    // The value's place, which the lead finding (the strongest) need not have first.
    file: g.file,
    line: g.range.line,
    column: g.range.column,
    location: `${g.file}:${g.range.line}:${g.range.column}`,
    group: g.id,
    grouped: g.findings.length > 1,
    rules: ruleLabels(g.findings),
    value: t(lang, "group.value", { value: g.path ?? t(lang, "group.place"), n: g.rules.length }),
    judgements: g.judgements.map((j) => ({
      severity: j.severity,
      severityLabel: t(lang, `sev.${j.severity}`),
      symbol: SEVERITY_SYMBOL[j.severity],
      message: j.message,
      rules: ruleLabels(j.findings).join(", "),
      hints: [...j.hints],
    })),
  };
}

/** One view per value, in the one order of findings. */
export function groupedFindings(lang: Lang, findings: readonly Finding[]): FindingGroupView[] {
  return groupFindings(findings).map((g) => findingGroupView(lang, g));
}

export interface WaiverView extends Omit<WaiverResult, "file" | "range"> {
  stateLabel: string;
  /** State needs attention (expired or unused). */
  attention: boolean;
  waived: number;
  location: string;
}

export function waiverViews(lang: Lang, waivers: readonly WaiverResult[]): WaiverView[] {
  return [...waivers]
    .sort((a, b) => cmp(a.expires, b.expires) || cmp(a.rule, b.rule) || cmp(a.scope ?? "", b.scope ?? "") || cmp(a.file, b.file) || a.range.line - b.range.line)
    .map((w) => ({
      rule: w.rule,
      ...(w.scope !== undefined ? { scope: w.scope } : {}),
      reason: w.reason,
      owner: w.owner,
      granted: w.granted,
      expires: w.expires,
      state: w.state,
      stateLabel: t(lang, `waiver.${w.state}`),
      attention: w.state !== "actief",
      waived: w.waived,
      location: `${w.file}:${w.range.line}:${w.range.column}`,
    }));
}

export interface SchoolIdentity {
  id: string;
  /** Name, or the id when the school has no name yet. */
  naam: string;
  bestuur?: string;
  sector?: string;
  onderwijstypen: string[];
  gemeente?: string;
  kring?: string;
  /** Which law judged the school, and why, in words. */
  regime?: string;
}

/** Which law judged a school and why, in one sentence: every report says it. */
export function regimeText(lang: Lang, regime: SchoolRegime): string {
  const bron = t(lang, `regime.bron.${regime.bron}`);
  if (regime.overgang) return t(lang, "regime.transition", { schooljaar: regime.eersteSchooljaar, sop: regime.overgang.sop, vastgesteld: regime.overgang.vastgesteld });
  return regime.naam === "schoolgids"
    ? t(lang, "regime.schoolgids", { eerste: regime.eersteSchooljaar, datum: regime.datum, bron })
    : t(lang, "regime.sop", { eerste: regime.eersteSchooljaar, datum: regime.datum, bron });
}

export function schoolIdentity(s: SchoolResult, lang: Lang = "nl"): SchoolIdentity {
  return {
    id: s.id,
    naam: s.naam ?? s.id,
    ...(s.bestuur !== undefined ? { bestuur: s.bestuur } : {}),
    ...(s.sector !== undefined ? { sector: s.sector } : {}),
    onderwijstypen: [...s.onderwijstypen],
    ...(s.gemeente !== undefined ? { gemeente: s.gemeente } : {}),
    ...(s.kring !== undefined ? { kring: s.kring } : {}),
    ...(s.regime ? { regime: regimeText(lang, s.regime) } : {}),
  };
}

export function sortSchools<T extends { naam?: string; id: string }>(schools: readonly T[]): T[] {
  return [...schools].sort((a, b) => cmpName(a.naam ?? a.id, b.naam ?? b.id) || cmp(a.id, b.id));
}

/** The standard an item belongs to: from the catalog, else the id up to its last dot (`BO-03.05` → `BO-03`). */
export function standardOf(itemId: string, itemStandard: ReadonlyMap<string, string>): string {
  const known = itemStandard.get(itemId);
  if (known !== undefined) return known;
  const dot = itemId.lastIndexOf(".");
  return dot > 0 ? itemId.slice(0, dot) : itemId;
}

/** The meta block every report starts with. */
export interface ReportMeta {
  lang: Lang;
  swv: { code?: string; naam: string };
  profile: string;
  peildatum: string;
  schooljaar: string;
  tool: string;
}

export function reportMeta(lang: Lang, result: { repo: { swv: { code?: string; naam: string }; profile: string; peildatum: string; schooljaar: string }; tool: { name: string; version: string } }): ReportMeta {
  return {
    lang,
    swv: { ...(result.repo.swv.code !== undefined ? { code: result.repo.swv.code } : {}), naam: result.repo.swv.naam },
    profile: result.repo.profile,
    peildatum: result.repo.peildatum,
    schooljaar: result.repo.schooljaar,
    tool: `${result.tool.name} ${result.tool.version}`,
  };
}

/** A zelfevaluatie score as a trend counts it: voldoet, n.v.t. (left out of the share) or anything below voldoet. */
function scoreKind(score: string): "voldoet" | "nvt" | "other" {
  const s = score.trim().toLowerCase();
  return s === "voldoet" ? "voldoet" : s === "n.v.t." || s === "nvt" || s === "n.v.t" ? "nvt" : "other";
}

export interface ScoreTally {
  voldoet: number;
  /** Scored indicators, n.v.t. left out. */
  scored: number;
}

/**
 * Per standard and schooljaar how many of the scored indicators voldoet, over
 * the zelfevaluaties given: the trends of the overview and the visitatie
 * report. A standard scored only n.v.t. in a year has a tally of 0 scored.
 */
export function tallyScores(
  zelfevaluaties: Iterable<{ schooljaar: string; scores: Readonly<Record<string, string>> }>,
  itemStandard: ReadonlyMap<string, string>,
): Map<string, Map<string, ScoreTally>> {
  const perStd = new Map<string, Map<string, ScoreTally>>();
  for (const z of zelfevaluaties) {
    for (const [item, score] of Object.entries(z.scores)) {
      const std = standardOf(item, itemStandard);
      const byYear = perStd.get(std) ?? new Map<string, ScoreTally>();
      const c = byYear.get(z.schooljaar) ?? { voldoet: 0, scored: 0 };
      const kind = scoreKind(score);
      if (kind !== "nvt") c.scored++;
      if (kind === "voldoet") c.voldoet++;
      byYear.set(z.schooljaar, c);
      perStd.set(std, byYear);
    }
  }
  return perStd;
}
