/**
 * The visitatie report per school, as a document the committee signs: the
 * eindoordeel first, then per standard the committee's oordeel with its trend
 * against the previous visitatie and the zelfevaluaties between, sterke
 * punten, ontwikkelpunten, the school's reaction and the afspraken with their
 * follow-up (overdue ones flagged in words); a closing block for the
 * signatures; the checker's findings, in words, in an annex.
 */
import type { AuditResult, Finding, Lang, SchoolResult, VisitatieSummary } from "../core/types.js";
import {
  cmp,
  tallyScores,
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
import { aanbodViews, type AanbodView } from "./aanbod-view.js";
import { plainBlocks, plainContext, type PlainContext } from "./plain.js";

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

/** A judgement of the committee, in words and with a symbol, never by colour alone. */
export interface OordeelView {
  value: string;
  label: string;
  symbol: string;
  /** For the badge's class: voldoet, voldoet-deels, voldoet-niet. */
  cls: string;
}

export type AfspraakStatus = "open" | "in uitvoering" | "afgerond";

export interface AfspraakView {
  omschrijving: string;
  standaard?: string;
  termijn?: string;
  eigenaar?: string;
  status: AfspraakStatus;
  statusLabel: string;
  voortgang?: string;
  /** The termijn is before the peildatum and the afspraak is not afgerond. */
  overdue: boolean;
  /** "Over de termijn: uiterlijk 2024-06-30, en op 2026-06-01 nog niet afgerond." */
  overdueText?: string;
}

export interface OntwikkelpuntView {
  omschrijving: string;
  /** Where it comes from: the committee, or the school's own SOP (with a streefdatum). */
  bron: "commissie" | "sop";
  streefdatum?: string;
  overdue: boolean;
  overdueText?: string;
}

export interface IndicatorBevindingView {
  indicator: string;
  /** The indicator's text from the catalog, when known. */
  tekst?: string;
  oordeel: OordeelView;
  toelichting?: string;
}

export interface StandardJudgementView {
  id: string;
  title: string;
  /** The committee's oordeel in the newest visitatie; absent when it gave none. */
  oordeel?: OordeelView;
  /** The indicator the oordeel names, when it names one. */
  oordeelIndicator?: string;
  vorigOordeel?: OordeelView;
  trend: Trend;
  arrow: string;
  /** "beter dan bij de vorige visitatie (2019-11-12: voldoet deels)". */
  trendText: string;
  /** "beter", for the table whose columns already show both oordelen. */
  trendShort: string;
  /** % voldoet in the zelfevaluaties since the previous visitatie, oldest first. */
  zelfevaluaties: TrendCell[];
  /** "Zelfevaluaties sinds de vorige visitatie van 2019-03-19 (…)", or without one just "Zelfevaluaties (…)". */
  zelfevaluatieLabel: string;
  zelfevaluatieTrend?: string;
  toelichting?: string;
  indicatoren: IndicatorBevindingView[];
  sterkePunten: string[];
  ontwikkelpunten: OntwikkelpuntView[];
  aanbevelingen: string[];
  reacties: string[];
  afspraken: AfspraakView[];
  /** Something to flag: an overdue afspraak or ontwikkelpunt. */
  overdue: boolean;
}

export interface CommissieLidView {
  naam?: string;
  rol?: string;
}

/** The annex's findings: what the checker says, in words, without file paths. */
export interface FindingWordsView {
  severity: FindingView["severity"];
  severityLabel: string;
  symbol: string;
  /** The indicator's text or the rule's title; absent when the rule has neither. */
  subject?: string;
  /** The rule or indicator code, as a small reference. */
  ref: string;
  message: string;
  /** The school's own explanation of its score, whole. */
  toelichting?: string;
  /** What to do, once: on the first of the values it fits. */
  hint?: string;
}

export interface VisitatieSchool extends SchoolIdentity {
  schooljaar: string;
  peildatum: string;
  sop?: Omit<NonNullable<SchoolResult["sop"]>, "aanbod" | "ontwikkelpunten"> & { aanbod: AanbodView[] };
  zelfevaluatie: {
    schooljaren: string[];
    rows: TrendRow[];
    /** Set when the report's schooljaar has no zelfevaluatie. */
    missing?: string;
  };
  visitatie?: VisitatieSummary;
  /** The newest visitatie up to the report's schooljaar, for the committee's document. */
  bezoek?: {
    datum?: string;
    schooljaar?: string;
    leden: CommissieLidView[];
    eindoordeel?: OordeelView;
    vastgesteld?: string;
    reactie?: string;
  };
  vorigBezoek?: { datum?: string; schooljaar?: string; eindoordeel?: OordeelView };
  /** The eindoordeel against the previous visitatie, in words. */
  eindTrend?: { trend: Trend; arrow: string; text: string };
  /** "12 standaarden beoordeeld: 10 voldoet, 2 voldoet deels, 0 voldoet niet." */
  oordeelSamenvatting?: string;
  /** "4 afspraken: 1 afgerond, 2 in uitvoering, 1 open." */
  afsprakenSamenvatting?: string;
  /** "Let op: 1 afspraak en 1 ontwikkelpunt over de termijn." Absent when none is. */
  overdueSamenvatting?: string;
  standaarden: StandardJudgementView[];
  /** "107 van 141 indicatoren niet aangetoond"; absent when none is. */
  unproven?: string;
  countList: (StatusView & { count: number })[];
  findings: FindingView[];
  /** The same findings, one entry per value. */
  findingGroups: FindingGroupView[];
  /** The findings in words, for the annex. */
  findingWords: FindingWordsView[];
  waivers: WaiverView[];
  /** The SOP's ontwikkelpunten that name no standard of this report. */
  ontwikkelpunten: (OntwikkelpuntView & { standaard?: string })[];
  afspraken: AfspraakView[];
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

export function buildVisitatie(result: AuditResult, opts: VisitatieOptions = {}): VisitatieReport {
  const lang = opts.lang ?? result.repo.lang ?? "nl";
  const schooljaar = opts.schooljaar ?? result.repo.schooljaar;
  const schools = pickSchools(result, opts.schools, lang).map((s) => buildVisitatieSchool(result, s, schooljaar, lang));
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

  // Zelfevaluatie: % voldoet per standard per schooljaar, up to the report's year.
  // A zelfevaluatie that names no schooljaar has no place in a trend per year.
  const evals = s.zelfevaluaties
    .filter((z): z is typeof z & { schooljaar: string } => z.schooljaar !== undefined && z.schooljaar <= schooljaar)
    .sort((a, b) => cmp(a.schooljaar, b.schooljaar) || cmp(a.file, b.file));
  const years = [...new Set(evals.map((z) => z.schooljaar))];
  const perStd = tallyScores(evals, itemStandard);
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

  // The newest visitatie up to the report's schooljaar, and the one before it for the trend.
  const visits = s.visitaties
    .filter((v) => visitSchooljaar(v) <= schooljaar)
    .sort((a, b) => cmp(b.datum ?? "", a.datum ?? "") || cmp(a.file, b.file));
  const newest = visits[0];
  const previous = visits[1];
  const peildatum = result.repo.peildatum;
  const itemText = new Map(result.items.map((i) => [i.id, i.text]));

  const sop = s.sop;
  const counts = schoolStatusCounts(s);

  const afspraken = (newest?.afspraken ?? []).map((a) => afspraakView(lang, a, peildatum));
  const sopPunten = [...(sop?.ontwikkelpunten ?? [])]
    .sort((a, b) => cmp(a.streefdatum ?? "9999", b.streefdatum ?? "9999") || cmp(a.standaard ?? "", b.standaard ?? "") || cmp(a.omschrijving, b.omschrijving))
    .map((o) => ({ standaard: o.standaard, view: ontwikkelpuntView(lang, o.omschrijving, "sop", o.streefdatum, peildatum) }));

  // The zelfevaluaties since the previous visitatie: what the school saw of itself between the two visits.
  const sinds = previous ? visitSchooljaar(previous) : "";
  const standaardIds = new Set<string>([
    ...(newest?.bevindingen ?? []).map((b) => b.standaard ?? standardOf(b.indicator ?? "", itemStandard)),
    ...(previous?.bevindingen ?? []).map((b) => b.standaard ?? standardOf(b.indicator ?? "", itemStandard)),
    ...rows.map((r) => r.standard),
    ...afspraken.flatMap((a) => (a.standaard !== undefined ? [standardOf(a.standaard, itemStandard)] : [])),
  ]);
  standaardIds.delete("");
  const ordered = [...standaardIds].sort(
    (a, b) => (standardOrder.get(a) ?? Number.MAX_SAFE_INTEGER) - (standardOrder.get(b) ?? Number.MAX_SAFE_INTEGER) || cmp(a, b),
  );
  const usedPunten = new Set<number>();
  const standaarden: StandardJudgementView[] = ordered.map((id) => {
    const own = (v: VisitatieSummary | undefined) => (v?.bevindingen ?? []).filter((b) => (b.standaard ?? standardOf(b.indicator ?? "", itemStandard)) === id);
    const main = (bs: VisitatieSummary["bevindingen"]) => bs.find((b) => b.standaard === id && b.indicator === undefined) ?? bs.find((b) => b.standaard === id);
    const nu = own(newest);
    const hoofd = main(nu);
    const vorig = main(own(previous));
    const oordeel = hoofd ? oordeelView(lang, hoofd.oordeel) : undefined;
    const vorigOordeel = vorig ? oordeelView(lang, vorig.oordeel) : undefined;
    const trend = compareOordelen(hoofd?.oordeel, vorig?.oordeel);
    const row = rows.find((r) => r.standard === id);
    const cells = (row?.cells ?? []).filter((c) => c.schooljaar >= sinds && c.pct !== undefined);
    const zTrend = cellTrend(cells);
    const punten: OntwikkelpuntView[] = [
      ...nu.flatMap((b) => (b.ontwikkelpunten ?? []).map((o) => ontwikkelpuntView(lang, o, "commissie", undefined, peildatum))),
      ...sopPunten.flatMap((p, n) => {
        if (p.standaard === undefined || standardOf(p.standaard, itemStandard) !== id) return [];
        usedPunten.add(n);
        return [p.view];
      }),
    ];
    const eigenAfspraken = afspraken.filter((a) => a.standaard !== undefined && standardOf(a.standaard, itemStandard) === id);
    return {
      id,
      title: result.standards.find((x) => x.id === id)?.title ?? id,
      ...(oordeel ? { oordeel } : {}),
      ...(hoofd?.indicator !== undefined ? { oordeelIndicator: hoofd.indicator } : {}),
      ...(vorigOordeel ? { vorigOordeel } : {}),
      trend,
      arrow: trend === "none" ? "" : TREND_ARROW[trend],
      trendText: !previous
        ? t(lang, "visitatie.vorige.geen")
        : !hoofd || !vorig
          ? t(lang, "visitatie.vorige.onvergelijkbaar", { datum: previous.datum ?? visitSchooljaar(previous) })
          : t(lang, `visitatie.vorige.${trend === "up" ? "up" : trend === "down" ? "down" : "same"}`, { datum: previous.datum ?? visitSchooljaar(previous), oordeel: vorigOordeel!.label }),
      trendShort: t(lang, `visitatie.kort.${trend}`),
      zelfevaluaties: cells,
      zelfevaluatieLabel: previous ? t(lang, "visitatie.std.zelfevaluaties", { datum: previous.datum ?? visitSchooljaar(previous) }) : t(lang, "visitatie.std.zelfevaluatiesAlle"),
      ...(cells.length > 1 ? { zelfevaluatieTrend: t(lang, `visitatie.trend.${zTrend === "none" ? "none" : zTrend}`) } : {}),
      ...(hoofd?.toelichting !== undefined ? { toelichting: hoofd.toelichting } : {}),
      indicatoren: nu
        .filter((b) => b !== hoofd && b.indicator !== undefined)
        .map((b) => ({
          indicator: b.indicator!,
          ...(itemText.has(b.indicator!) ? { tekst: itemText.get(b.indicator!)! } : {}),
          oordeel: oordeelView(lang, b.oordeel),
          ...(b.toelichting !== undefined ? { toelichting: b.toelichting } : {}),
        })),
      sterkePunten: nu.flatMap((b) => b.sterkePunten ?? []),
      ontwikkelpunten: punten,
      aanbevelingen: nu.flatMap((b) => (b.aanbeveling !== undefined ? [b.aanbeveling] : [])),
      reacties: nu.flatMap((b) => (b.reactie !== undefined ? [b.reactie] : [])),
      afspraken: eigenAfspraken,
      overdue: punten.some((p) => p.overdue) || eigenAfspraken.some((a) => a.overdue),
    };
  });
  const overigePunten = sopPunten.filter((_, n) => !usedPunten.has(n)).map((p) => ({ ...p.view, ...(p.standaard !== undefined ? { standaard: p.standaard } : {}) }));

  const eind = newest?.oordeel !== undefined ? oordeelView(lang, newest.oordeel) : undefined;
  const vorigEind = previous?.oordeel !== undefined ? oordeelView(lang, previous.oordeel) : undefined;
  const eindTrend = compareOordelen(newest?.oordeel, previous?.oordeel);
  const overdueAfspraken = afspraken.filter((a) => a.overdue).length;
  const overduePunten = standaarden.reduce((n, st) => n + st.ontwikkelpunten.filter((p) => p.overdue).length, 0) + overigePunten.filter((p) => p.overdue).length;

  // The regime's sentence names the SOP's file: a committee's document names no files.
  const { regime: _regime, ...identity } = schoolIdentity(s, lang);
  return {
    ...identity,
    schooljaar,
    peildatum,
    ...(sop
      ? {
          sop: {
            file: sop.file,
            ...(sop.schooljaar !== undefined ? { schooljaar: sop.schooljaar } : {}),
            ...(sop.vastgesteld !== undefined ? { vastgesteld: sop.vastgesteld } : {}),
            ...(sop.mrAdvies !== undefined ? { mrAdvies: sop.mrAdvies } : {}),
            ...(sop.website !== undefined ? { website: sop.website } : {}),
            aanbod: aanbodViews(lang, result.vocab, sop.aanbod),
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
    ...(newest
      ? {
          bezoek: {
            ...(newest.datum !== undefined ? { datum: newest.datum } : {}),
            ...(newest.schooljaar !== undefined ? { schooljaar: newest.schooljaar } : {}),
            leden: (newest.leden ?? newest.commissie.map((naam) => ({ naam }))).map((l) => ({ ...l })),
            ...(eind ? { eindoordeel: eind } : {}),
            ...(newest.vastgesteld !== undefined ? { vastgesteld: newest.vastgesteld } : {}),
            ...(newest.reactie !== undefined ? { reactie: newest.reactie } : {}),
          },
        }
      : {}),
    ...(previous
      ? {
          vorigBezoek: {
            ...(previous.datum !== undefined ? { datum: previous.datum } : {}),
            ...(previous.schooljaar !== undefined ? { schooljaar: previous.schooljaar } : {}),
            ...(vorigEind ? { eindoordeel: vorigEind } : {}),
          },
        }
      : {}),
    ...(newest && eind
      ? {
          eindTrend: {
            trend: eindTrend,
            arrow: eindTrend === "none" ? "" : TREND_ARROW[eindTrend],
            text:
              !previous || !vorigEind
                ? t(lang, "visitatie.vorige.geen")
                : t(lang, `visitatie.vorige.${eindTrend === "up" ? "up" : eindTrend === "down" ? "down" : "same"}`, { datum: previous.datum ?? visitSchooljaar(previous), oordeel: vorigEind.label }),
          },
        }
      : {}),
    ...(newest ? oordeelSamenvatting(lang, standaarden) : {}),
    ...(afspraken.length > 0 ? { afsprakenSamenvatting: afsprakenSamenvatting(lang, afspraken) } : {}),
    ...(overdueAfspraken + overduePunten > 0 ? { overdueSamenvatting: t(lang, "visitatie.overdue.summary", { afspraken: overdueAfspraken, punten: overduePunten }) } : {}),
    standaarden,
    ...unprovenField(lang, counts),
    countList: (["voldoet", "voldoet-niet", "niet-aangetoond", "uitgezonderd", "nvt"] as const).map((st) => ({ ...statusView(lang, st), count: counts[st] })),
    findings: sortedFindings(lang, s.findings),
    findingGroups: groupedFindings(lang, s.findings),
    findingWords: findingWords(plainContext(lang, result, s), s.findings),
    waivers: waiverViews(lang, s.waivers),
    ontwikkelpunten: overigePunten,
    afspraken,
  };
}

function visitSchooljaar(v: VisitatieSummary): string {
  return v.schooljaar ?? (v.datum ? schooljaarOf(v.datum) : "");
}

const OORDEEL_RANK: Record<string, number> = { "voldoet niet": 0, "voldoet deels": 1, voldoet: 2 };
const OORDEEL_SYMBOL: Record<string, string> = { "voldoet niet": "✗", "voldoet deels": "◐", voldoet: "✓" };

export function oordeelView(lang: Lang, value: string): OordeelView {
  const known = value in OORDEEL_RANK;
  return {
    value,
    label: known ? t(lang, `visitatie.oordeel.${value === "voldoet" ? "voldoet" : value === "voldoet deels" ? "deels" : "niet"}`) : value,
    symbol: OORDEEL_SYMBOL[value] ?? "?",
    cls: value.replace(/\s+/g, "-"),
  };
}

/** Up when the newer oordeel is better than the older one; none when either is missing. */
export function compareOordelen(nieuw: string | undefined, oud: string | undefined): Trend {
  const a = nieuw !== undefined ? OORDEEL_RANK[nieuw] : undefined;
  const b = oud !== undefined ? OORDEEL_RANK[oud] : undefined;
  if (a === undefined || b === undefined) return "none";
  return a > b ? "up" : a < b ? "down" : "same";
}

function cellTrend(cells: readonly TrendCell[]): Trend {
  const last = cells[cells.length - 1];
  const prev = cells[cells.length - 2];
  if (!last || !prev || last.pct === undefined || prev.pct === undefined) return "none";
  return last.pct > prev.pct ? "up" : last.pct < prev.pct ? "down" : "same";
}

/** A date is overdue on the peildatum when it lies before it: on the day itself there is still time. */
export function isOverdue(datum: string | undefined, peildatum: string, afgerond = false): boolean {
  return datum !== undefined && datum < peildatum && !afgerond;
}

export function afspraakView(lang: Lang, a: VisitatieSummary["afspraken"][number], peildatum: string): AfspraakView {
  const status: AfspraakStatus = a.status ?? "open";
  const overdue = isOverdue(a.termijn, peildatum, status === "afgerond");
  return {
    omschrijving: a.omschrijving,
    ...(a.standaard !== undefined ? { standaard: a.standaard } : {}),
    ...(a.termijn !== undefined ? { termijn: a.termijn } : {}),
    ...(a.eigenaar !== undefined ? { eigenaar: a.eigenaar } : {}),
    status,
    statusLabel: t(lang, `visitatie.status.${status === "in uitvoering" ? "bezig" : status}`),
    ...(a.voortgang !== undefined ? { voortgang: a.voortgang } : {}),
    overdue,
    ...(overdue ? { overdueText: t(lang, "visitatie.overdue.afspraak", { termijn: a.termijn!, peildatum }) } : {}),
  };
}

function ontwikkelpuntView(lang: Lang, omschrijving: string, bron: "commissie" | "sop", streefdatum: string | undefined, peildatum: string): OntwikkelpuntView {
  // The SOP records no completion of its ontwikkelpunten: a passed streefdatum is all the report can know.
  const overdue = isOverdue(streefdatum, peildatum);
  return {
    omschrijving,
    bron,
    ...(streefdatum !== undefined ? { streefdatum } : {}),
    overdue,
    ...(overdue ? { overdueText: t(lang, "visitatie.overdue.ontwikkelpunt", { streefdatum: streefdatum!, peildatum }) } : {}),
  };
}

function oordeelSamenvatting(lang: Lang, standaarden: readonly StandardJudgementView[]): { oordeelSamenvatting?: string } {
  const judged = standaarden.filter((s) => s.oordeel !== undefined);
  if (judged.length === 0) return {};
  const n = (v: string) => judged.filter((s) => s.oordeel!.value === v).length;
  return { oordeelSamenvatting: t(lang, "visitatie.eindoordeel.perStandaard", { total: judged.length, voldoet: n("voldoet"), deels: n("voldoet deels"), niet: n("voldoet niet") }) };
}

function afsprakenSamenvatting(lang: Lang, afspraken: readonly AfspraakView[]): string {
  const n = (st: AfspraakStatus) => afspraken.filter((a) => a.status === st).length;
  return t(lang, "visitatie.afspraken.summary", { total: afspraken.length, afgerond: n("afgerond"), bezig: n("in uitvoering"), open: n("open") });
}

/**
 * The checker's findings in words, one line per value (plain.ts words them as
 * the school page does): the indicator's text or the rule's title, what is
 * wrong with its fields named in words, and what to do once for the values
 * that share it. No file or line: a committee's document names no files.
 */
function findingWords(ctx: PlainContext, findings: readonly Finding[]): FindingWordsView[] {
  return plainBlocks(ctx, findings).flatMap((block) =>
    block.findings.map((f, n) => ({
      severity: f.severity,
      severityLabel: f.severityLabel,
      symbol: f.symbol,
      ...(f.headline !== f.problems[0]?.message ? { subject: f.headline } : {}),
      ref: f.codes,
      message: f.problems.map((p) => p.message).join("; "),
      ...(f.toelichting !== undefined ? { toelichting: f.toelichting } : {}),
      ...(n === 0 && block.hints.length > 0 ? { hint: block.hints.join(" ") } : {}),
    })),
  );
}
