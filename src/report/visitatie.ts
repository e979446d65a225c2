/**
 * The yearly visitatie report per school: profile summary, zelfevaluatie per
 * standard with the trend over the schooljaren found, the committee's
 * findings from the newest visitatie, open findings, waivers, ontwikkelpunten
 * and afspraken.
 */
import type { AuditResult, Lang, SchoolResult, VisitatieSummary } from "../core/types.js";
import {
  cmp,
  unprovenField,
  reportMeta,
  schoolIdentity,
  groupedFindings,
  sortedFindings,
  type FindingGroupView,
  standardOf,
  statusView,
  waiverViews,
  type FindingView,
  type ReportMeta,
  type SchoolIdentity,
  type StatusView,
  type WaiverView,
} from "./common.js";
import { schoolStatusCounts } from "../core/status-counts.js";
import { pickSchools } from "./gap.js";
import { t } from "../i18n/messages.js";
import { termNames } from "./term-names.js";

export interface VisitatieOptions {
  lang?: Lang;
  /** Schooljaar of the report; default the audit's schooljaar. */
  schooljaar?: string;
  /** School ids; default all, sorted by name. */
  schools?: string[];
}

export type Trend = "up" | "down" | "same" | "none";
export const TREND_ARROW: Record<Trend, string> = { up: "↑", down: "↓", same: "→", none: "·" };

export interface TrendCell {
  schooljaar: string;
  /** Rounded percentage of scored indicators (n.v.t. left out) that voldoet; absent when none scored. */
  pct?: number;
  voldoet: number;
  scored: number;
  text: string;
}

export interface TrendRow {
  standard: string;
  title: string;
  cells: TrendCell[];
  trend: Trend;
  arrow: string;
  trendLabel: string;
}

export interface AanbodView {
  behoefte: string;
  behoefteNaam: string;
  niveau: string;
  niveauNaam: string;
  capaciteit?: number;
  onderwijstypen: string;
  toelichting?: string;
}

export interface VisitatieSchool extends SchoolIdentity {
  schooljaar: string;
  sop?: Omit<NonNullable<SchoolResult["sop"]>, "aanbod" | "ontwikkelpunten"> & { aanbod: AanbodView[] };
  zelfevaluatie: {
    schooljaren: string[];
    rows: TrendRow[];
    /** Set when the report's schooljaar has no zelfevaluatie. */
    missing?: string;
  };
  visitatie?: VisitatieSummary;
  /** "107 van 141 indicatoren niet aangetoond"; absent when none is. */
  unproven?: string;
  countList: (StatusView & { count: number })[];
  findings: FindingView[];
  /** The same findings, one entry per value. */
  findingGroups: FindingGroupView[];
  waivers: WaiverView[];
  ontwikkelpunten: { omschrijving: string; standaard?: string; streefdatum?: string }[];
  afspraken: { omschrijving: string; termijn?: string }[];
}

export interface VisitatieReport {
  meta: ReportMeta;
  schooljaar: string;
  schools: VisitatieSchool[];
  multi: boolean;
  /** The school's name when the report has one school. */
  subtitle?: string;
}

/** Schooljaar (1 August – 31 July) of a date `JJJJ-MM-DD`. */
export function schooljaarOf(datum: string): string {
  const y = Number(datum.slice(0, 4));
  const m = Number(datum.slice(5, 7));
  return m >= 8 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}

function scoreKind(score: string): "voldoet" | "nvt" | "other" {
  const s = score.trim().toLowerCase();
  if (s === "voldoet") return "voldoet";
  if (s === "n.v.t." || s === "nvt" || s === "n.v.t") return "nvt";
  return "other";
}

export function buildVisitatie(result: AuditResult, opts: VisitatieOptions = {}): VisitatieReport {
  const lang = opts.lang ?? result.repo.lang ?? "nl";
  const schooljaar = opts.schooljaar ?? result.repo.schooljaar;
  const schools = pickSchools(result, opts.schools).map((s) => buildVisitatieSchool(result, s, schooljaar, lang));
  return {
    meta: { ...reportMeta(lang, result), schooljaar },
    schooljaar,
    schools,
    multi: schools.length > 1,
    ...(schools.length === 1 ? { subtitle: schools[0]!.naam } : {}),
  };
}

export function buildVisitatieSchool(result: AuditResult, s: SchoolResult, schooljaar: string, lang: Lang = "nl"): VisitatieSchool {
  const itemStandard = new Map(result.items.map((i) => [i.id, i.standard]));
  const standardOrder = new Map(result.standards.map((st, n) => [st.id, n]));
  const names = termNames(result.vocab);

  // Zelfevaluatie: % voldoet per standard per schooljaar, up to the report's year.
  // A zelfevaluatie that names no schooljaar has no place in a trend per year.
  const evals = s.zelfevaluaties
    .filter((z): z is typeof z & { schooljaar: string } => z.schooljaar !== undefined && z.schooljaar <= schooljaar)
    .sort((a, b) => cmp(a.schooljaar, b.schooljaar) || cmp(a.file, b.file));
  const years = [...new Set(evals.map((z) => z.schooljaar))];
  const perStd = new Map<string, Map<string, { voldoet: number; scored: number }>>();
  for (const z of evals) {
    for (const [item, score] of Object.entries(z.scores).sort((a, b) => cmp(a[0], b[0]))) {
      const std = standardOf(item, itemStandard);
      const kind = scoreKind(score);
      const byYear = perStd.get(std) ?? new Map<string, { voldoet: number; scored: number }>();
      const c = byYear.get(z.schooljaar) ?? { voldoet: 0, scored: 0 };
      if (kind !== "nvt") c.scored++;
      if (kind === "voldoet") c.voldoet++;
      byYear.set(z.schooljaar, c);
      perStd.set(std, byYear);
    }
  }
  const rows: TrendRow[] = [...perStd.entries()]
    .sort((a, b) => (standardOrder.get(a[0]) ?? Number.MAX_SAFE_INTEGER) - (standardOrder.get(b[0]) ?? Number.MAX_SAFE_INTEGER) || cmp(a[0], b[0]))
    .map(([std, byYear]) => {
      const cells: TrendCell[] = years.map((y) => {
        const c = byYear.get(y) ?? { voldoet: 0, scored: 0 };
        const pct = c.scored > 0 ? Math.round((100 * c.voldoet) / c.scored) : undefined;
        return { schooljaar: y, ...(pct !== undefined ? { pct } : {}), voldoet: c.voldoet, scored: c.scored, text: pct !== undefined ? `${pct}%` : "–" };
      });
      const withPct = cells.filter((c) => c.pct !== undefined);
      const last = withPct[withPct.length - 1];
      const prev = withPct[withPct.length - 2];
      const trend: Trend = !last || !prev ? "none" : last.pct! > prev.pct! ? "up" : last.pct! < prev.pct! ? "down" : "same";
      return {
        standard: std,
        title: result.standards.find((x) => x.id === std)?.title ?? std,
        cells,
        trend,
        arrow: TREND_ARROW[trend],
        trendLabel: t(lang, `visitatie.trend.${trend === "up" ? "up" : trend === "down" ? "down" : trend === "same" ? "same" : "none"}`),
      };
    });

  // The newest visitatie up to the report's schooljaar.
  const visits = s.visitaties
    .filter((v) => (v.schooljaar ?? (v.datum ? schooljaarOf(v.datum) : "")) <= schooljaar)
    .sort((a, b) => cmp(b.datum ?? "", a.datum ?? "") || cmp(a.file, b.file));
  const newest = visits[0];

  const sop = s.sop;
  const counts = schoolStatusCounts(s);

  return {
    ...schoolIdentity(s, lang),
    schooljaar,
    ...(sop
      ? {
          sop: {
            file: sop.file,
            ...(sop.schooljaar !== undefined ? { schooljaar: sop.schooljaar } : {}),
            ...(sop.vastgesteld !== undefined ? { vastgesteld: sop.vastgesteld } : {}),
            ...(sop.mrAdvies !== undefined ? { mrAdvies: sop.mrAdvies } : {}),
            ...(sop.website !== undefined ? { website: sop.website } : {}),
            aanbod: [...sop.aanbod]
              .sort(
                (a, b) =>
                  (names.rank("behoeften", a.behoefte) ?? Number.MAX_SAFE_INTEGER) - (names.rank("behoeften", b.behoefte) ?? Number.MAX_SAFE_INTEGER) ||
                  cmp(a.behoefte, b.behoefte) ||
                  (names.rank("niveaus", b.niveau ?? "") ?? -1) - (names.rank("niveaus", a.niveau ?? "") ?? -1) ||
                  cmp(a.onderwijstypen.join(","), b.onderwijstypen.join(",")),
              )
              .map((e) => ({
                behoefte: e.behoefte,
                behoefteNaam: names.naam("behoeften", e.behoefte),
                niveau: e.niveau ?? "?",
                niveauNaam: e.niveau === undefined ? "?" : names.naam("niveaus", e.niveau),
                ...(e.capaciteit !== undefined ? { capaciteit: e.capaciteit } : {}),
                onderwijstypen: e.onderwijstypen.length > 0 ? e.onderwijstypen.join(", ") : t(lang, "word.all"),
                ...(e.voorziening !== undefined
                  ? { toelichting: e.toelichting !== undefined ? `${e.voorziening}: ${e.toelichting}` : e.voorziening }
                  : e.toelichting !== undefined
                    ? { toelichting: e.toelichting }
                    : {}),
              })),
            grenzen: [...sop.grenzen],
          },
        }
      : {}),
    zelfevaluatie: {
      schooljaren: years,
      rows,
      ...(evals.length > 0 && !years.includes(schooljaar) ? { missing: t(lang, "visitatie.zelfevaluatie.missing", { schooljaar }) } : {}),
    },
    ...(newest ? { visitatie: { ...newest, commissie: [...newest.commissie] } } : {}),
    ...unprovenField(lang, counts),
    countList: (["voldoet", "voldoet-niet", "niet-aangetoond", "uitgezonderd", "nvt"] as const).map((st) => ({ ...statusView(lang, st), count: counts[st] })),
    findings: sortedFindings(lang, s.findings),
    findingGroups: groupedFindings(lang, s.findings),
    waivers: waiverViews(lang, s.waivers),
    ontwikkelpunten: [...(sop?.ontwikkelpunten ?? [])]
      .sort((a, b) => cmp(a.streefdatum ?? "9999", b.streefdatum ?? "9999") || cmp(a.standaard ?? "", b.standaard ?? "") || cmp(a.omschrijving, b.omschrijving))
      .map((o) => ({ ...o })),
    afspraken: newest ? newest.afspraken.map((a) => ({ ...a })) : [],
  };
}
