/**
 * The gap report: per school what it still lacks — per standard the status of
 * each item, the findings with where to fix them, waivers, ontwikkelpunten,
 * and a short "wat eerst te doen" list.
 */
import { isAgreementRuleId } from "../core/agreement-rule.js";
import { groupFindings } from "../core/finding-groups.js";
import { UsageError } from "../core/errors.js";
import type { AuditResult, Finding, Lang, SchoolResult, Status } from "../core/types.js";
import { t } from "../i18n/messages.js";
import {
  cmp,
  emptyCounts,
  unprovenField,
  findingGroupView,
  groupedFindings,
  type FindingGroupView,
  reportMeta,
  schoolIdentity,
  sortedFindings,
  sortSchools,
  standardOf,
  statusView,
  waiverViews,
  type FindingView,
  type ReportMeta,
  type SchoolIdentity,
  type StatusCounts,
  type StatusView,
  type WaiverView,
} from "./common.js";
import { schoolStatusCounts } from "../core/status-counts.js";
import { aanbodViews, type AanbodView } from "./aanbod-view.js";
import { plainBlocks, plainContext, plainGroup, severityRank, type PlainBlock, type PlainContext, type PlainFinding } from "./plain.js";

export interface GapOptions {
  lang?: Lang;
  /** School ids to include; default all, sorted by name. */
  schools?: string[];
  /** Findings on these rules or items come first in "wat eerst te doen". Default: ids starting with `WET-`. */
  legalPattern?: RegExp;
  /** Length of "wat eerst te doen"; default 5. */
  todoLimit?: number;
  /** Length of "wat moet er gebeuren"; default 7. */
  fixLimit?: number;
}

export interface GapItem extends StatusView {
  id: string;
  text: string;
  reason?: string;
  /** The school's explanation of its score in the zelfevaluatie, whole. */
  toelichting?: string;
  rules: string[];
}

export interface GapStandard {
  id: string;
  title: string;
  counts: StatusCounts;
  items: GapItem[];
  /** The items that do not (yet) meet it: the rows a reader needs. */
  openItems: GapItem[];
  /** The items that meet it, summed up rather than one row each. */
  voldoetItems: GapItem[];
  /** The items that do not apply, per reason, so a reason shared by many is read once. */
  nvtGroups: { reason?: string; items: GapItem[] }[];
  /** "12 van 14 voldoen". */
  summary: string;
}

/** One thing to fix on the school page: a value, in words, with what to do. */
export interface GapFix extends PlainFinding {
  /** 1-based place in the list. */
  rank: number;
  /** One of its findings is an error on a legal minimum (WET). */
  legal: boolean;
  /** How many indicators that do not yet meet their standard this fix concerns. */
  settles: number;
  /** What to do is the same as for the entry with this rank (its hints are then left out here). */
  sameHintsAs?: number;
}

/** One value to fix: all rules that judge it, in one entry. */
export interface GapTodo extends FindingGroupView {
  /** 1-based place in the list. */
  rank: number;
  /** One of its findings is on a legal minimum (WET). */
  legal: boolean;
}

export interface GapSchool extends SchoolIdentity {
  dir: string;
  sop?: { file: string; schooljaar?: string; vastgesteld?: string };
  counts: StatusCounts;
  /** Counts as a list in status order, for tables. */
  countList: (StatusView & { count: number })[];
  standards: GapStandard[];
  /** "Wat moet er gebeuren": the few things to fix, weightiest first. */
  fixes: GapFix[];
  /** Errors and warnings beyond that list (they are in the details). */
  moreFixes: number;
  /** The school's offer: need × level × capacity × onderwijstypen. */
  aanbod: AanbodView[];
  /** The SOP has no aanbod list at all. */
  aanbodOntbreekt: boolean;
  grenzen: string[];
  /** Every finding in words, each hint once above the values it fits. */
  findingBlocks: PlainBlock[];
  waivedFindingBlocks: PlainBlock[];
  /** Kept for own templates that show "wat eerst te doen" (`--templates`). */
  todo: GapTodo[];
  findings: FindingView[];
  waivedFindings: FindingView[];
  /** The same findings, one entry per value. */
  findingGroups: FindingGroupView[];
  waivedFindingGroups: FindingGroupView[];
  waivers: WaiverView[];
  ontwikkelpunten: { omschrijving: string; standaard?: string; streefdatum?: string }[];
  errors: number;
  warnings: number;
}

export interface GapReport {
  meta: ReportMeta;
  schools: GapSchool[];
  /** More than one school: each gets its own section (and printed page). */
  multi: boolean;
  /** The school's name when the report has one school. */
  subtitle?: string;
}

const STATUS_LIST: readonly Status[] = ["voldoet", "voldoet-niet", "niet-aangetoond", "uitgezonderd", "nvt"];

export function pickSchools(result: AuditResult, ids: readonly string[] | undefined, lang: Lang = result.repo.lang): SchoolResult[] {
  if (ids === undefined) return sortSchools(result.schools);
  return ids.map((id) => {
    const s = result.schools.find((x) => x.id === id);
    if (!s) {
      const known = result.schools.map((x) => x.id).sort(cmp);
      throw new UsageError(t(lang, "cli.school.unknown", { school: id }), [known.length > 0 ? t(lang, "cli.school.known", { list: known.join(", ") }) : t(lang, "cli.school.none")]);
    }
    return s;
  });
}

export function buildGap(result: AuditResult, opts: GapOptions = {}): GapReport {
  return gapReport(result, pickSchools(result, opts.schools, opts.lang ?? result.repo.lang), opts);
}

/** The gap report of one school of the result, without looking it up by id. */
export function buildSchoolGap(result: AuditResult, school: SchoolResult, opts: Omit<GapOptions, "schools"> = {}): GapReport {
  return gapReport(result, [school], opts);
}

function gapReport(result: AuditResult, picked: SchoolResult[], opts: GapOptions): GapReport {
  const lang = opts.lang ?? result.repo.lang ?? "nl";
  const schools = picked.map((s) => buildGapSchool(result, s, opts));
  return {
    meta: reportMeta(lang, result),
    schools,
    multi: schools.length > 1,
    ...(schools.length === 1 ? { subtitle: schools[0]!.naam } : {}),
  };
}

/** A profile's stricter agreement beside a legal minimum (`WET-01+swv-vo-2203`) is not the law. */
export function isLegal(f: Finding, pattern: RegExp = /^WET-/): boolean {
  if (isAgreementRuleId(f.ruleId)) return false;
  return pattern.test(f.ruleId) || (f.indicator !== undefined && pattern.test(f.indicator));
}

/**
 * One entry per value: values with an error on a legal minimum first, then
 * other errors, then warnings; infos never (a value's infos stay in its entry).
 */
export function todoList(lang: Lang, findings: readonly Finding[], pattern: RegExp = /^WET-/, limit = 5): GapTodo[] {
  const tier = (f: Finding): number => (f.severity === "error" ? (isLegal(f, pattern) ? 0 : 1) : f.severity === "warning" ? 2 : 3);
  return groupFindings(findings)
    .map((g, order) => ({ g, order, t: Math.min(...g.findings.map(tier)) }))
    .filter(({ t }) => t < 3)
    .sort((a, b) => a.t - b.t || a.order - b.order)
    .slice(0, limit)
    .map(({ g }, i) => ({ ...findingGroupView(lang, g), rank: i + 1, legal: g.findings.some((f) => f.severity === "error" && isLegal(f, pattern)) }));
}

/**
 * "Wat moet er gebeuren": one entry per value with an error or warning,
 * weightiest first: severity, then how many open indicators the fix
 * concerns, then the standards' order, then the one order of findings.
 */
export function fixList(
  ctx: PlainContext,
  s: Pick<SchoolResult, "findings" | "statuses">,
  order: { standardOf: (f: Finding) => number },
  limit = 7,
  pattern: RegExp = /^WET-/,
): { fixes: GapFix[]; more: number } {
  const open = s.statuses.filter((st) => st.status === "voldoet-niet" || st.status === "niet-aangetoond");
  const ranked = groupFindings(s.findings)
    .map((g, n) => {
      // A rule that judges many items (a zelfevaluatie score) settles only the item of its finding; a rule without one, the items it decided.
      const items = new Set(g.findings.flatMap((f) => (f.indicator !== undefined ? [f.indicator] : [])));
      const whole = new Set(g.findings.filter((f) => f.indicator === undefined).map((f) => f.ruleId));
      for (const st of open) if (st.rules.some((r) => whole.has(r))) items.add(st.item);
      const settled = open.filter((st) => items.has(st.item)).length;
      return { g, n, settled, std: Math.min(...g.findings.map(order.standardOf)) };
    })
    .filter(({ g }) => g.severity !== "info")
    .sort((a, b) => severityRank(a.g.severity) - severityRank(b.g.severity) || b.settled - a.settled || a.std - b.std || a.n - b.n);
  const hintsAt = new Map<string, number>();
  return {
    fixes: ranked.slice(0, limit).map(({ g, settled }, i) => {
      const view = plainGroup(ctx, g);
      // The same advice for several entries is written out once; later entries point back to it.
      const key = view.hints.join("\n");
      const first = view.hints.length > 0 ? hintsAt.get(key) : undefined;
      if (view.hints.length > 0 && first === undefined) hintsAt.set(key, i + 1);
      return {
        ...view,
        ...(first !== undefined ? { hints: [], sameHintsAs: first } : {}),
        rank: i + 1,
        legal: g.findings.some((f) => f.severity === "error" && isLegal(f, pattern)),
        settles: settled,
      };
    }),
    more: Math.max(0, ranked.length - limit),
  };
}

interface ItemIndex {
  itemInfo: Map<string, AuditResult["items"][number]>;
  itemOrder: Map<string, number>;
  itemStandard: Map<string, string>;
  standardOrder: Map<string, number>;
}

/** The same for every school of a result, so made once per result: `report` builds one gap report per school. */
const ITEM_INDEX = new WeakMap<AuditResult, ItemIndex>();
function itemIndex(result: AuditResult): ItemIndex {
  let index = ITEM_INDEX.get(result);
  if (!index) {
    index = {
      itemInfo: new Map(result.items.map((i) => [i.id, i])),
      itemOrder: new Map(result.items.map((i, n) => [i.id, n])),
      itemStandard: new Map(result.items.map((i) => [i.id, i.standard])),
      standardOrder: new Map(result.standards.map((st, n) => [st.id, n])),
    };
    ITEM_INDEX.set(result, index);
  }
  return index;
}

export function buildGapSchool(result: AuditResult, s: SchoolResult, opts: GapOptions = {}): GapSchool {
  const lang = opts.lang ?? result.repo.lang ?? "nl";
  const { itemInfo, itemOrder, itemStandard, standardOrder } = itemIndex(result);

  const byStandard = new Map<string, GapItem[]>();
  const counts = schoolStatusCounts(s);
  const statuses = [...s.statuses].sort(
    (a, b) => (itemOrder.get(a.item) ?? Number.MAX_SAFE_INTEGER) - (itemOrder.get(b.item) ?? Number.MAX_SAFE_INTEGER) || cmp(a.item, b.item),
  );
  const ctx = plainContext(lang, result, s);
  // The school's own explanation of a score that falls short, from the zelfevaluatie its finding points at.
  const explained = new Map<string, string>();
  for (const f of s.findings) {
    if (f.indicator === undefined || ctx.kindOf.get(f.file) !== "Zelfevaluatie" || explained.has(f.indicator)) continue;
    const text = ctx.toelichting(f.file, f.indicator);
    if (text !== undefined) explained.set(f.indicator, text);
  }
  for (const st of statuses) {
    const std = standardOf(st.item, itemStandard);
    const list = byStandard.get(std) ?? [];
    list.push({
      id: st.item,
      text: itemInfo.get(st.item)?.text ?? st.item,
      ...statusView(lang, st.status),
      ...(st.reason !== undefined ? { reason: st.reason } : {}),
      ...(st.status !== "voldoet" && explained.has(st.item) ? { toelichting: explained.get(st.item)! } : {}),
      rules: [...st.rules].sort(cmp),
    });
    byStandard.set(std, list);
  }
  const standards: GapStandard[] = [...byStandard.entries()]
    .sort(
      (a, b) =>
        (standardOrder.get(a[0]) ?? Number.MAX_SAFE_INTEGER) - (standardOrder.get(b[0]) ?? Number.MAX_SAFE_INTEGER) || cmp(a[0], b[0]),
    )
    .map(([id, items]) => {
      const c = emptyCounts();
      for (const it of items) c[it.status]++;
      const voldoetItems = items.filter((it) => it.status === "voldoet");
      const applies = items.filter((it) => it.status !== "nvt").length;
      const nvt = new Map<string, GapItem[]>();
      for (const it of items.filter((x) => x.status === "nvt")) nvt.set(it.reason ?? "", [...(nvt.get(it.reason ?? "") ?? []), it]);
      return {
        id,
        title: result.standards.find((x) => x.id === id)?.title ?? id,
        counts: c,
        items,
        openItems: items.filter((it) => it.status !== "voldoet" && it.status !== "nvt"),
        voldoetItems,
        nvtGroups: [...nvt].map(([reason, list]) => ({ ...(reason !== "" ? { reason } : {}), items: list })),
        summary: applies === 0 ? t(lang, "gap.standard.nvt") : t(lang, "gap.standard.voldoet", { n: voldoetItems.length, total: applies }),
      };
    });
  const standardRank = (id: string | undefined): number => (id === undefined ? Number.MAX_SAFE_INTEGER : (standardOrder.get(id) ?? Number.MAX_SAFE_INTEGER));
  const { fixes, more } = fixList(
    ctx,
    s,
    { standardOf: (f) => standardRank(f.standard ?? (f.indicator !== undefined ? standardOf(f.indicator, itemStandard) : undefined)) },
    opts.fixLimit ?? 7,
    opts.legalPattern,
  );

  const ontwikkelpunten = [...(s.sop?.ontwikkelpunten ?? [])].sort(
    (a, b) => cmp(a.streefdatum ?? "9999", b.streefdatum ?? "9999") || cmp(a.standaard ?? "", b.standaard ?? "") || cmp(a.omschrijving, b.omschrijving),
  );

  return {
    ...schoolIdentity(s, lang),
    dir: s.dir,
    ...(s.sop
      ? { sop: { file: s.sop.file, ...(s.sop.schooljaar !== undefined ? { schooljaar: s.sop.schooljaar } : {}), ...(s.sop.vastgesteld !== undefined ? { vastgesteld: s.sop.vastgesteld } : {}) } }
      : {}),
    counts,
    ...unprovenField(lang, counts),
    countList: STATUS_LIST.map((st) => ({ ...statusView(lang, st), count: counts[st] })),
    standards,
    fixes,
    moreFixes: more,
    aanbod: s.sop ? aanbodViews(lang, result.vocab, s.sop.aanbod) : [],
    aanbodOntbreekt: s.sop?.aanbodOntbreekt === true,
    grenzen: [...(s.sop?.grenzen ?? [])],
    findingBlocks: plainBlocks(ctx, s.findings),
    waivedFindingBlocks: plainBlocks(ctx, s.waivedFindings),
    todo: todoList(lang, s.findings, opts.legalPattern, opts.todoLimit ?? 5),
    findings: sortedFindings(lang, s.findings),
    waivedFindings: sortedFindings(lang, s.waivedFindings),
    findingGroups: groupedFindings(lang, s.findings),
    waivedFindingGroups: groupedFindings(lang, s.waivedFindings),
    waivers: waiverViews(lang, s.waivers),
    ontwikkelpunten: ontwikkelpunten.map((o) => ({ ...o })),
    errors: s.findings.filter((f) => f.severity === "error").length,
    warnings: s.findings.filter((f) => f.severity === "warning").length,
  };
}
