/**
 * The SWV overview: first what matters in a few sentences and charts (status
 * per school, schools × standards, the trend of the zelfevaluaties), then
 * the schools × standards table, the widest gaps and the schools whose
 * documents are overdue.
 */
import { schoolPageName } from "./file-names.js";
import { STATUSES, type AuditResult, type Lang, type SchoolResult, type Status } from "../core/types.js";
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
  tallyScores,
} from "./common.js";
import { t } from "../i18n/messages.js";
import { countStatuses, nietAangetoondOf, schoolStatusCounts } from "../core/status-counts.js";
import { countsText, statusBarsSvg } from "./charts/status-bars.js";
import { heatmapSvg, heatmapWidth } from "./charts/heatmap.js";
import { trendSvg } from "./charts/trend.js";
import { CHART_ORDER } from "./charts/svg.js";

/** Items whose failure means a document is late: SOP vaststelling, yearly zelfevaluatie, visitatie. */
/**
 * The items the profile checks with cadence rules (an SOP, zelfevaluatie or
 * visitatie that must exist or be recent): these make a school "overdue".
 * Derived from the ruleset, so it follows whatever profile the SWV uses.
 */

/** At most this many schools in a chart: more bars or rows are no longer read at a glance. */
export const CHART_SCHOOLS = 40;
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

/** One school in the status-per-school chart and its table. */
export interface SchoolBar {
  id: string;
  naam: string;
  page: string;
  countList: (StatusView & { count: number })[];
  /** `✗1 · ?7 · ✓25`. */
  countsText: string;
  unproven: string;
}

export interface TrendCellView {
  schooljaar: string;
  /** % voldoet, absent when no school scored the standard that year. */
  pct?: number;
  text: string;
}

export interface TrendRowView {
  standard: string;
  title: string;
  cells: TrendCellView[];
  /** The small chart, when there are two schooljaren or more. */
  svg?: string;
}

export interface TrendView {
  years: { schooljaar: string; schools: number; label: string }[];
  rows: TrendRowView[];
  /** Several schooljaren: the small charts are drawn. */
  drawn: boolean;
  /** Why there is no chart: no zelfevaluatie, or only one schooljaar. */
  note?: string;
}

export interface Overview {
  meta: ReportMeta;
  /** What matters, in a few plain sentences. */
  glance: string[];
  /** Every school, the ones that need most attention first. */
  bars: SchoolBar[];
  /** The statuses in the order of the bars' areas: what needs attention first. */
  barStatuses: StatusView[];
  /** Inline SVG, text escaped; the same facts are in `bars` and `rows`. `heatmapWide`: too wide to shrink onto a phone, so it scrolls there. */
  charts: { bars: string; heatmap: string; heatmapWide: boolean; /** Set when the charts draw only the schools that need the most attention. */ note?: string };
  trend: TrendView;
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

  const byAttention = attentionOrder(schools);
  const bars: SchoolBar[] = byAttention.map(({ school, counts: c }) => ({
    id: school.id,
    naam: school.naam ?? school.id,
    page: schoolPageName(school.id),
    countList: CHART_ORDER.map((st) => ({ ...statusView(lang, st), count: c[st] })),
    countsText: countsText(c),
    unproven: `${nietAangetoondOf(c).count}/${nietAangetoondOf(c).total}`,
  }));
  const labels = Object.fromEntries(STATUSES.map((st) => [st, t(lang, `status.${st}`)])) as Record<Status, string>;
  // A chart is read at a glance: past this many schools it draws those that need the most attention, and says so; the tables hold every school.
  const charted = byAttention.slice(0, CHART_SCHOOLS);
  const chartedIds = new Set(charted.map(({ school }) => school.id));
  const chartNote = charted.length < byAttention.length ? t(lang, "overview.charts.capped", { shown: charted.length, total: byAttention.length }) : undefined;
  const charts = {
    ...(chartNote !== undefined ? { note: chartNote } : {}),
    // Shrunk onto a phone (about 360 px) by more than a quarter, its small texts no longer read: it scrolls there instead.
    heatmapWide: heatmapWidth(rows.filter((r) => chartedIds.has(r.id)).map((r) => r.naam), standards.length) > 480,
    bars: statusBarsSvg({
      idPrefix: "ov-bars",
      title: t(lang, "overview.bars"),
      desc: [t(lang, "overview.bars.desc", { n: schools.length }), chartNote].filter((x) => x !== undefined).join(" "),
      labels,
      rows: charted.map(({ school, counts: c }) => ({ label: school.naam ?? school.id, counts: c })),
    }),
    heatmap: heatmapSvg({
      idPrefix: "ov-heat",
      title: t(lang, "overview.heatmap.chart"),
      desc: [t(lang, "overview.heatmap.desc"), chartNote].filter((x) => x !== undefined).join(" "),
      labels,
      columns: standards.map((s) => s.id),
      rows: rows.filter((r) => chartedIds.has(r.id)).map((r) => ({
        label: r.naam,
        cells: r.cells.map((c) =>
          c.total === 0 ? { count: 0 } : { status: c.status, count: c.status === "voldoet-niet" ? c.voldoetNiet : c.status === "niet-aangetoond" ? c.nietAangetoond : c.voldoet },
        ),
      })),
    }),
  };

  const errors = rows.reduce((n, r) => n + r.errors, 0) + result.findings.filter((f) => f.severity === "error").length;
  const warnings = rows.reduce((n, r) => n + r.warnings, 0) + result.findings.filter((f) => f.severity === "warning").length;
  const waived = result.schools.reduce((n, s) => n + s.waivedFindings.length, 0);

  return {
    meta: reportMeta(lang, result),
    glance: glanceSentences(lang, byAttention, counts),
    bars,
    barStatuses: CHART_ORDER.map((st) => statusView(lang, st)),
    charts,
    trend: buildTrend(result, schools, lang),
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

/**
 * Most items that are not in order first, voldoet niet and niet aangetoond
 * together (a school that has shown little needs as much attention as one
 * that fails a few); then most voldoet niet; else in name order.
 */
function attentionOrder(schools: readonly SchoolResult[]): { school: SchoolResult; counts: StatusCounts }[] {
  const open = (c: StatusCounts) => c["voldoet-niet"] + c["niet-aangetoond"];
  return schools
    .map((school, order) => ({ school, counts: schoolStatusCounts(school), order }))
    .sort((a, b) => open(b.counts) - open(a.counts) || b.counts["voldoet-niet"] - a.counts["voldoet-niet"] || a.order - b.order)
    .map(({ school, counts }) => ({ school, counts }));
}

function glanceSentences(lang: Lang, byAttention: readonly { school: SchoolResult; counts: StatusCounts }[], counts: StatusCounts): string[] {
  const total = byAttention.length;
  const failing = byAttention.filter((x) => x.counts["voldoet-niet"] > 0).length;
  const unprovenAt = byAttention.filter((x) => x.counts["niet-aangetoond"] > 0).length;
  const unproven = nietAangetoondOf(counts);
  const out = [t(lang, "overview.glance.schools", { n: total })];
  out.push(failing > 0 ? t(lang, "overview.glance.action", { n: failing, total }) : t(lang, "overview.glance.noAction"));
  out.push(
    unproven.count > 0
      ? t(lang, "overview.glance.unproven", { count: unproven.count, total: unproven.total, pct: Math.round(unproven.share * 100), schools: unprovenAt, of: total })
      : t(lang, "overview.glance.allShown"),
  );
  const first = byAttention[0];
  if (first && total > 1 && (first.counts["voldoet-niet"] > 0 || first.counts["niet-aangetoond"] > 0)) {
    out.push(t(lang, "overview.glance.most", { naam: first.school.naam ?? first.school.id, niet: first.counts["voldoet-niet"], unproven: first.counts["niet-aangetoond"] }));
  }
  return out;
}

/**
 * % voldoet per standard per schooljaar over the zelfevaluaties of all
 * schools, up to the audit's schooljaar: how the SWV's schools judge
 * themselves over the years.
 */
function buildTrend(result: AuditResult, schools: readonly SchoolResult[], lang: Lang): TrendView {
  const itemStandard = new Map(result.items.map((i) => [i.id, i.standard]));
  const standardOrder = new Map(result.standards.map((s, n) => [s.id, n]));
  const evals = schools.flatMap((s) =>
    s.zelfevaluaties.flatMap((z) => (z.schooljaar !== undefined && z.schooljaar <= result.repo.schooljaar ? [{ school: s.id, schooljaar: z.schooljaar, scores: z.scores }] : [])),
  );
  const schoolsPerYear = new Map<string, Set<string>>();
  for (const z of evals) schoolsPerYear.set(z.schooljaar, (schoolsPerYear.get(z.schooljaar) ?? new Set()).add(z.school));
  // A standard scored only n.v.t. has no share to draw.
  const perStd = new Map([...tallyScores(evals, itemStandard)].filter(([, byYear]) => [...byYear.values()].some((c) => c.scored > 0)));
  const years = [...schoolsPerYear.keys()].sort(cmp).map((schooljaar) => {
    const n = schoolsPerYear.get(schooljaar)!.size;
    return { schooljaar, schools: n, label: t(lang, "overview.trend.year", { schooljaar, n }) };
  });
  const drawn = years.length > 1;
  const rows: TrendRowView[] = [...perStd.entries()]
    .sort((a, b) => (standardOrder.get(a[0]) ?? Number.MAX_SAFE_INTEGER) - (standardOrder.get(b[0]) ?? Number.MAX_SAFE_INTEGER) || cmp(a[0], b[0]))
    .map(([std, byYear], i) => {
      const title = result.standards.find((x) => x.id === std)?.title ?? std;
      const cells: TrendCellView[] = years.map(({ schooljaar }) => {
        const c = byYear.get(schooljaar);
        const pct = c && c.scored > 0 ? Math.round((100 * c.voldoet) / c.scored) : undefined;
        return { schooljaar, ...(pct !== undefined ? { pct } : {}), text: pct !== undefined ? `${pct}%` : "–" };
      });
      const desc = t(lang, "overview.trend.desc", {
        values: cells.map((c, n) => `${years[n]!.label}: ${c.pct !== undefined ? `${c.pct}%` : t(lang, "overview.trend.noScores")}`).join("; "),
      });
      return {
        standard: std,
        title,
        cells,
        ...(drawn
          ? {
              svg: trendSvg({
                idPrefix: `ov-trend-${i + 1}`,
                title: `${std}: ${title}`,
                desc,
                heading: std,
                years: years.map((y) => y.schooljaar),
                values: cells.map((c) => c.pct),
                notes: years.map((y) => t(lang, "overview.trend.schools", { n: y.schools })),
              }),
            }
          : {}),
      };
    });
  const note =
    years.length === 0
      ? t(lang, "overview.trend.none")
      : years.length === 1
        ? t(lang, "overview.trend.oneYear", { schooljaar: years[0]!.schooljaar })
        : undefined;
  return { years, rows, drawn, ...(note !== undefined ? { note } : {}) };
}
