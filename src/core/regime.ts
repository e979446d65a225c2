/**
 * Which law judges a school in a schooljaar: the stand-alone
 * schoolondersteuningsprofiel (the old regime) or the ondersteuningsaanbod
 * in the yearly schoolgids (Wet 36 443). An SWV sets the date in
 * sop-audit.yaml; a school may be put on the new regime earlier.
 */
import { schooljaarOf, schooljaarStart } from "./dates.js";

export type RegimeNaam = "sop" | "schoolgids";
export const REGIMES: readonly RegimeNaam[] = ["sop", "schoolgids"];

/** The date announced for the offer in the schoolgids; not found in the decree itself, so an SWV can change it. */
export const SCHOOLGIDS_VANAF = "2025-08-01";

/** How long an SOP holds: the old law asks a new one at least every four years. */
const SOP_TERMIJN_JAREN = 4;

export interface RegimeSettings {
  /** From this date on the schoolgids regime applies; absent: the announced date. */
  schoolgidsVanaf?: string;
  /** Schools put on the schoolgids regime from another (earlier) date, by school code. */
  scholen?: Readonly<Record<string, string>>;
  /** false: no transition year (default: on). */
  overgangsjaar?: boolean;
}

export interface SchoolRegime {
  naam: RegimeNaam;
  /** The date that decided it, and where it came from. */
  datum: string;
  bron: "standaard" | "swv" | "school";
  /** The first schooljaar under the schoolgids regime. */
  eersteSchooljaar: string;
  /** In the first schoolgids year, a school without a schoolgids whose SOP still holds (or does not say when it was adopted) stays under the old regime. */
  overgang?: { sop: string; vastgesteld?: string };
}

/** What of a school's documents decides the transition year. */
export interface RegimeEvidence {
  /** A schoolgids section for the audited schooljaar exists. */
  heeftSchoolgids: boolean;
  /** The newest SOP and when it was adopted. */
  sop?: { file: string; vastgesteld?: string };
}

/**
 * The schoolgids is set per schooljaar, so a regime applies from the first
 * schooljaar that starts on or after its date (1 August 2025 → 2025-2026).
 */
export function regimeOf(schoolId: string, schooljaar: string, peildatum: string, settings: RegimeSettings | undefined, evidence: RegimeEvidence): SchoolRegime {
  const own = settings?.scholen?.[schoolId];
  const datum = own ?? settings?.schoolgidsVanaf ?? SCHOOLGIDS_VANAF;
  const bron = own !== undefined ? "school" : settings?.schoolgidsVanaf !== undefined ? "swv" : "standaard";
  const eersteSchooljaar = firstSchooljaarFrom(datum);
  if (schooljaar < eersteSchooljaar) return { naam: "sop", datum, bron, eersteSchooljaar };
  const sop = evidence.sop;
  // An SOP that does not say when it was adopted may still hold: whether it does is for the old law's rules to show (niet aangetoond), not a missing schoolgids.
  const holds = sop !== undefined && (sop.vastgesteld === undefined || peildatum < addYears(sop.vastgesteld, SOP_TERMIJN_JAREN));
  if (settings?.overgangsjaar !== false && schooljaar === eersteSchooljaar && !evidence.heeftSchoolgids && holds) {
    return { naam: "sop", datum, bron, eersteSchooljaar, overgang: { sop: sop.file, ...(sop.vastgesteld ? { vastgesteld: sop.vastgesteld } : {}) } };
  }
  return { naam: "schoolgids", datum, bron, eersteSchooljaar };
}

function firstSchooljaarFrom(datum: string): string {
  const jaar = schooljaarOf(datum);
  if (datum <= schooljaarStart(jaar)) return jaar;
  const start = Number(jaar.slice(0, 4)) + 1;
  return `${start}-${start + 1}`;
}

function addYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}
