/**
 * The SWV overview: schools × standards heat map, counts per status, the
 * widest gaps and the schools whose documents are overdue.
 */
import { schoolPageName } from "./file-names.js";
import type { AuditResult, Lang, Status } from "../core/types.js";
import {
  cmp,
  cmpName,
  emptyCounts,
  unprovenField,
  reportMeta,
  groupedFindings,
  sortedFindings,
  type FindingGroupView,
  sortSchools,
  standardOf,
  statusView,
  type FindingView,
  type ReportMeta,
  type StatusCounts,
  type StatusView,
  regimeText,
} from "./common.js";
import { t } from "../i18n/messages.js";
import { countStatuses, nietAangetoondOf, schoolStatusCounts } from "../core/status-counts.js";

/** Items whose failure means a document is late: SOP vaststelling, yearly zelfevaluatie, visitatie. */
/**
 * The items the profile checks with cadence rules (an SOP, zelfevaluatie or
 * visitatie that must exist or be recent): these make a school "overdue".
 * Derived from the ruleset, so it follows whatever profile the SWV uses.
 */
export function overdueItemsOf(result: AuditResult): string[] {
  return [...new Set(result.rules.filter((r) => r.cadence && r.severity !== "off" && r.indicator).map((r) => r.indicator!))].sort();
}

export interface OverviewOptions {
  lang?: Lang;
  /** Items that, when not `voldoet`, make a school overdue. */
  overdueItems?: readonly string[];
  /** How many widest gaps to list; default 10. */
  gapLimit?: number;
  /** Link each school to its page (`school-<id>.html` / `.md`, file-names.ts) beside the overview. */
  linkSchools?: boolean;
}

export interface HeatCell extends StatusView {
  standard: string;
  voldoet: number;
  voldoetNiet: number;
  nietAangetoond: number;
  /** Items of this standard at the school, all statuses. */
  total: number;
  /** Compact text for Markdown: `✗2 ?1 ✓10`, or `–`. */
  text: string;
}

export interface OverviewRow {
  id: string;
  naam: string;
  /** The school's report page, without extension (file-names.ts). */
  page: string;
  cells: HeatCell[];
  counts: StatusCounts;
  /** Niet aangetoond out of the items that apply: `107/141`. */
  unproven: string;
  errors: number;
  warnings: number;
  vastgesteld?: string;
}

export interface GapLine {
  item: string;
  text: string;
  standard: string;
  count: number;
  /** Schools where it fails, by name. */
  schools: { id: string; naam: string }[];
}

export interface OverdueLine {
  id: string;
  naam: string;
  vastgesteld?: string;
  items: (StatusView & { item: string; text: string; reason?: string })[];
}

export interface Overview {
  meta: ReportMeta;
  standards: { id: string; title: string }[];
  rows: OverviewRow[];
  counts: StatusCounts;
  countList: (StatusView & { count: number })[];
  /** "107 van 141 indicatoren niet aangetoond" over all schools; absent when none is. */
  unproven?: string;
  legend: StatusView[];
  summary: { schools: number; errors: number; warnings: number; waived: number; text: string };
  gaps: GapLine[];
  overdue: OverdueLine[];
  /** Which law judged each school (SOP or schoolgids), and why. */
  regimes: { id: string; naam: string; text: string }[];
  overdueItems: string[];
  overdueIntro: string;
  repoFindings: FindingView[];
  /** The same findings, one entry per value. */
  repoFindingGroups: FindingGroupView[];
  linkSchools: boolean;
}

const STATUS_LIST: readonly Status[] = ["voldoet", "voldoet-niet", "niet-aangetoond", "uitgezonderd", "nvt"];

export function buildOverview(result: AuditResult, opts: OverviewOptions = {}): Overview {
  const lang = opts.lang ?? result.repo.lang ?? "nl";
  const overdueItems = [...(opts.overdueItems ?? overdueItemsOf(result))];
  const itemStandard = new Map(result.items.map((i) => [i.id, i.standard]));
  const itemText = new Map(result.items.map((i) => [i.id, i.text]));
  const standardOrder = new Map(result.standards.map((s, n) => [s.id, n]));
  const schools = sortSchools(result.schools);

  const used = new Set<string>();
  for (const s of schools) for (const st of s.statuses) used.add(standardOf(st.item, itemStandard));
  const standards = [...used]
    .sort((a, b) => (standardOrder.get(a) ?? Number.MAX_SAFE_INTEGER) - (standardOrder.get(b) ?? Number.MAX_SAFE_INTEGER) || cmp(a, b))
    .map((id) => ({ id, title: result.standards.find((s) => s.id === id)?.title ?? id }));

  const counts = countStatuses(schools.map((s) => s.statuses));
  const failing = new Map<string, { id: string; naam: string }[]>();
  const rows: OverviewRow[] = schools.map((s) => {
    const c = schoolStatusCounts(s);
    const per = new Map<string, StatusCounts>();
    for (const st of s.statuses) {
      const std = standardOf(st.item, itemStandard);
      const pc = per.get(std) ?? emptyCounts();
      pc[st.status]++;
      per.set(std, pc);
      if (st.status === "voldoet-niet") {
        const list = failing.get(st.item) ?? [];
        list.push({ id: s.id, naam: s.naam ?? s.id });
        failing.set(st.item, list);
      }
    }
    const cells: HeatCell[] = standards.map((std) => {
      const pc = per.get(std.id) ?? emptyCounts();
      const total = STATUS_LIST.reduce((n, k) => n + pc[k], 0);
      const state: Status =
        pc["voldoet-niet"] > 0 ? "voldoet-niet" : pc["niet-aangetoond"] > 0 ? "niet-aangetoond" : pc.voldoet > 0 ? "voldoet" : "nvt";
      const view = statusView(lang, state);
      return {
        standard: std.id,
        ...view,
        ...(total === 0 ? { label: t(lang, "heat.none") } : {}),
        voldoet: pc.voldoet,
        voldoetNiet: pc["voldoet-niet"],
        nietAangetoond: pc["niet-aangetoond"],
        total,
        text:
          [
            pc["voldoet-niet"] > 0 ? `✗${pc["voldoet-niet"]}` : "",
            pc["niet-aangetoond"] > 0 ? `?${pc["niet-aangetoond"]}` : "",
            pc.voldoet > 0 ? `✓${pc.voldoet}` : "",
          ]
            .filter((x) => x !== "")
            .join(" ") || "–",
      };
    });
    return {
      id: s.id,
      naam: s.naam ?? s.id,
      page: schoolPageName(s.id),
      cells,
      counts: c,
      unproven: `${nietAangetoondOf(c).count}/${nietAangetoondOf(c).total}`,
      errors: s.findings.filter((f) => f.severity === "error").length,
      warnings: s.findings.filter((f) => f.severity === "warning").length,
      ...(s.sop?.vastgesteld !== undefined ? { vastgesteld: s.sop.vastgesteld } : {}),
    };
  });

  const gaps: GapLine[] = [...failing.entries()]
    .map(([item, list]) => ({
      item,
      text: itemText.get(item) ?? item,
      standard: standardOf(item, itemStandard),
      count: list.length,
      schools: [...list].sort((a, b) => cmpName(a.naam, b.naam) || cmp(a.id, b.id)),
    }))
    .sort((a, b) => b.count - a.count || cmp(a.item, b.item))
    .slice(0, opts.gapLimit ?? 10);

  const overdue: OverdueLine[] = [];
  for (const s of schools) {
    const items = s.statuses
      .filter((st) => overdueItems.includes(st.item) && (st.status === "voldoet-niet" || st.status === "niet-aangetoond"))
      .sort((a, b) => overdueItems.indexOf(a.item) - overdueItems.indexOf(b.item))
      .map((st) => ({
        item: st.item,
        text: itemText.get(st.item) ?? st.item,
        ...statusView(lang, st.status),
        ...(st.reason !== undefined ? { reason: st.reason } : {}),
      }));
    if (items.length > 0) {
      overdue.push({ id: s.id, naam: s.naam ?? s.id, ...(s.sop?.vastgesteld !== undefined ? { vastgesteld: s.sop.vastgesteld } : {}), items });
    }
  }

  const errors = rows.reduce((n, r) => n + r.errors, 0) + result.findings.filter((f) => f.severity === "error").length;
  const warnings = rows.reduce((n, r) => n + r.warnings, 0) + result.findings.filter((f) => f.severity === "warning").length;
  const waived = result.schools.reduce((n, s) => n + s.waivedFindings.length, 0);

  return {
    meta: reportMeta(lang, result),
    standards,
    rows,
    counts,
    countList: STATUS_LIST.map((st) => ({ ...statusView(lang, st), count: counts[st] })),
    ...unprovenField(lang, counts),
    legend: STATUS_LIST.filter((st) => st !== "uitgezonderd").map((st) => statusView(lang, st)),
    summary: {
      schools: schools.length,
      errors,
      warnings,
      waived,
      text: t(lang, "overview.totals", { schools: schools.length, errors, warnings, waived }),
    },
    gaps,
    overdue,
    regimes: schools.filter((s) => s.regime).map((s) => ({ id: s.id, naam: s.naam ?? s.id, text: regimeText(lang, s.regime!) })),
    overdueItems,
    overdueIntro: t(lang, "overview.overdue.intro", { items: overdueItems.join(", ") }),
    repoFindings: sortedFindings(lang, result.findings),
    repoFindingGroups: groupedFindings(lang, result.findings),
    linkSchools: opts.linkSchools ?? false,
  };
}
