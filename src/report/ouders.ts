/**
 * The parents' version of a school's support offer (Wet 36 443 puts parents
 * first): what the school offers for which needs and at which level, where
 * its limits are, whom to ask (by role only), how extra help via the SWV
 * works and where the ouder- en jeugdsteunpunt is. Every sentence is the
 * catalogue's, written at B1 level; what the school wrote is kept apart as
 * its own words (`schoolWoorden`), so a template can show it as a quote.
 * Where the documents say nothing, the view says so rather than leave a
 * section out.
 */
import type { AanbodEntry, AuditResult, Lang, RolNaam, SchoolResult, Steunpunt, VocabTerm } from "../core/types.js";
import { t } from "../i18n/messages.js";
import { cmp, reportMeta, type ReportMeta } from "./common.js";
import { pickSchools } from "./gap.js";
import { termNames } from "./term-names.js";

export interface OudersOptions {
  lang?: Lang;
  /** School ids; default all, sorted by name. */
  schools?: string[];
}

/** One need the school offers help for, at one level. */
export interface OudersBehoefte {
  naam: string;
  /** "Alleen voor havo en vwo."; absent when the offer is for the whole school. */
  voor?: string;
  /** "Er is plaats voor 12 leerlingen."; absent when the school gives no number. */
  plaatsen?: string;
  /** The school's own explanation, as it wrote it. */
  schoolWoorden?: string;
}

export interface OudersNiveau {
  id: string;
  naam: string;
  /** The level in one plain sentence. */
  uitleg: string;
  behoeften: OudersBehoefte[];
}

/**
 * A piece of a part: sentences of the tool, roles as a list, what the
 * school wrote in its own words (a template shows them as a quote), or a
 * link. One of them per block.
 */
export interface OudersBlok {
  zinnen?: string[];
  lijst?: string[];
  schoolWoorden?: string[];
  link?: { tekst: string; url: string };
}

/** A titled part of the page, its blocks in reading order. */
export interface OudersDeel {
  titel: string;
  blokken: OudersBlok[];
}

export interface OudersSchool {
  id: string;
  naam: string;
  intro: string[];
  aanbod: OudersDeel & { niveaus: OudersNiveau[] };
  grenzen: OudersDeel;
  vragen: OudersDeel;
  swv: OudersDeel;
  steunpunt: OudersDeel;
  /** Where this page comes from, in words: no file, no field name. */
  bron: string;
}

export interface OudersReport {
  meta: ReportMeta;
  titel: string;
  /** "Dit is de stand van 1 juni 2026." (the peildatum). */
  stand: string;
  schools: OudersSchool[];
  /** The school's name when the report has one school. */
  subtitle?: string;
}

export function buildOuders(result: AuditResult, opts: OudersOptions = {}): OudersReport {
  const lang = opts.lang ?? result.repo.lang ?? "nl";
  const schools = pickSchools(result, opts.schools, lang).map((s) => buildOudersSchool(result, s, lang));
  return {
    meta: reportMeta(lang, result),
    titel: t(lang, "ouders.title"),
    stand: t(lang, "ouders.stand", { datum: spokenDate(lang, result.repo.peildatum) }),
    schools,
    ...(schools.length === 1 ? { subtitle: schools[0]!.naam } : {}),
  };
}

function deel(titel: string, ...blokken: (OudersBlok | undefined)[]): OudersDeel {
  return { titel, blokken: blokken.filter((b): b is OudersBlok => b !== undefined && Object.values(b).some((v) => !Array.isArray(v) || v.length > 0)) };
}

const zinnen = (...z: string[]): OudersBlok => ({ zinnen: z });

/** A web address shown with what it is; an address in any other form is left out. */
function link(tekst: string, url: string | undefined): OudersBlok | undefined {
  return url !== undefined && /^https?:\/\/\S+$/.test(url) ? { link: { tekst, url } } : undefined;
}

/** A term's plain name and sentence in the report's language; the list's name when the list gives none. */
function plain(term: VocabTerm | undefined, lang: Lang): { naam?: string; tekst?: string } {
  const u = term?.uitleg;
  const naam = (lang === "en" ? (u?.naamEn ?? u?.naam) : u?.naam) ?? term?.naam;
  const tekst = lang === "en" ? (u?.tekstEn ?? u?.tekst) : u?.tekst;
  return { ...(naam !== undefined ? { naam } : {}), ...(tekst !== undefined ? { tekst } : {}) };
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A role the list of roles does not know is the school's own word: quoted as such. */
const roleText = (r: RolNaam) => (r.eigen ? `“${r.naam}”` : upperFirst(r.naam));

/** "a, b en c" in the report's language. */
function listWords(lang: Lang, items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${t(lang, "ouders.and")} ${items[items.length - 1]}`;
}

export function buildOudersSchool(result: AuditResult, s: SchoolResult, lang: Lang = "nl"): OudersSchool {
  const naam = s.naam ?? s.id;
  const sop = s.sop;
  return {
    id: s.id,
    naam,
    intro: [t(lang, "ouders.intro.1"), t(lang, "ouders.intro.2", { school: naam }), t(lang, "ouders.intro.3")],
    aanbod: aanbodDeel(result, s, lang),
    grenzen:
      sop && sop.grenzen.length > 0
        ? deel(t(lang, "ouders.grenzen"), zinnen(t(lang, "ouders.grenzen.intro")), { schoolWoorden: [...sop.grenzen] }, zinnen(t(lang, "ouders.grenzen.zorgplicht.1"), t(lang, "ouders.grenzen.zorgplicht.2")))
        : deel(t(lang, "ouders.grenzen"), zinnen(t(lang, "ouders.grenzen.silent"), t(lang, "ouders.askSchool"), t(lang, "ouders.grenzen.zorgplicht.1"), t(lang, "ouders.grenzen.zorgplicht.2"))),
    vragen: vragenDeel(s, lang),
    swv: swvDeel(result, lang),
    steunpunt: steunpuntDeel(result, s, lang),
    bron: bronText(s, lang),
  };
}

const NO_RANK = Number.MAX_SAFE_INTEGER;

function aanbodDeel(result: AuditResult, s: SchoolResult, lang: Lang): OudersDeel & { niveaus: OudersNiveau[] } {
  const titel = t(lang, "ouders.aanbod");
  const sop = s.sop;
  if (!sop || sop.aanbod.length === 0) return { ...deel(titel, zinnen(t(lang, "ouders.aanbod.silent"), t(lang, "ouders.askSchool"))), niveaus: [] };
  const names = termNames(result.vocab);
  const niveauTerm = new Map(result.vocab.niveaus.map((v) => [v.id, v]));
  const behoefteTerm = new Map(result.vocab.behoeften.map((v) => [v.id, v]));
  const typeNaam = (id: string) => names.naam("onderwijstypen", id);
  const schoolTypes = new Set(s.onderwijstypen);
  const byLevel = new Map<string, AanbodEntry[]>();
  for (const e of sop.aanbod) {
    // An offer without a level, or at a level the list does not know, is grouped apart and said as such.
    const level = e.niveau !== undefined && names.knows("niveaus", e.niveau) ? e.niveau : "";
    byLevel.set(level, [...(byLevel.get(level) ?? []), e]);
  }
  // Lowest level first; "no help here" last, as it belongs with the limits a parent reads next.
  const order = (level: string) => (level === "" ? NO_RANK : level === "geen" ? NO_RANK - 1 : (names.rank("niveaus", level) ?? NO_RANK));
  const niveaus = [...byLevel.entries()]
    .sort((a, b) => order(a[0]) - order(b[0]) || cmp(a[0], b[0]))
    .map(([level, entries]): OudersNiveau => {
      const p = level === "" ? {} : plain(niveauTerm.get(level), lang);
      return {
        id: level === "" ? "onbekend" : level,
        naam: level === "" ? t(lang, "ouders.niveau.unknown") : (p.naam ?? level),
        uitleg: level === "" ? t(lang, "ouders.niveau.unknown.uitleg") : (p.tekst ?? t(lang, "ouders.niveau.noUitleg")),
        behoeften: sameOffer(
          [...entries]
            .sort((a, b) => (names.rank("behoeften", a.behoefte) ?? NO_RANK) - (names.rank("behoeften", b.behoefte) ?? NO_RANK) || cmp(a.behoefte, b.behoefte))
            .map((e) => behoefteView(e, plain(behoefteTerm.get(e.behoefte), lang).naam ?? e.behoefte, schoolTypes, typeNaam, lang)),
          lang,
        ),
      };
    });
  const quoted = sop.aanbod.some((e) => e.toelichting !== undefined || e.voorziening !== undefined);
  return { ...deel(titel, zinnen(t(lang, "ouders.aanbod.intro.1"), t(lang, "ouders.aanbod.intro.2"), ...(quoted ? [t(lang, "ouders.aanbod.quotes")] : []))), niveaus };
}

/** One facility that serves several needs (a time-out room for gedrag and AD(H)D) is said once, with its needs together. */
function sameOffer(views: OudersBehoefte[], lang: Lang): OudersBehoefte[] {
  const key = (v: OudersBehoefte) => (v.schoolWoorden === undefined ? undefined : JSON.stringify([v.voor, v.plaatsen, v.schoolWoorden]));
  const groups = new Map<string, OudersBehoefte[]>();
  const out: (OudersBehoefte | string)[] = [];
  for (const v of views) {
    const k = key(v);
    if (k === undefined) out.push(v);
    else {
      if (!groups.has(k)) out.push(k);
      groups.set(k, [...(groups.get(k) ?? []), v]);
    }
  }
  return out.map((v) => {
    if (typeof v !== "string") return v;
    const group = groups.get(v)!;
    return { ...group[0]!, naam: listWords(lang, group.map((g) => g.naam)) };
  });
}

function behoefteView(e: AanbodEntry, naam: string, schoolTypes: ReadonlySet<string>, typeNaam: (id: string) => string, lang: Lang): OudersBehoefte {
  // Only a part of the school's types is worth saying: "for all" is the rule.
  const some = e.onderwijstypen.length > 0 && (schoolTypes.size === 0 || [...schoolTypes].some((x) => !e.onderwijstypen.includes(x)));
  const words = [e.voorziening, e.toelichting].filter((x): x is string => x !== undefined && x.trim() !== "");
  return {
    naam,
    ...(some ? { voor: t(lang, "ouders.aanbod.voor", { types: listWords(lang, e.onderwijstypen.map(typeNaam)) }) } : {}),
    ...(e.capaciteit !== undefined ? { plaatsen: t(lang, "ouders.aanbod.plaatsen", { n: e.capaciteit }) } : {}),
    ...(words.length > 0 ? { schoolWoorden: words.join(": ") } : {}),
  };
}

function vragenDeel(s: SchoolResult, lang: Lang): OudersDeel {
  const titel = t(lang, "ouders.vragen");
  const sop = s.sop;
  const rollen = sop?.rollen;
  const links = [link(t(lang, "ouders.vragen.schoolSite"), sop?.schoolWebsite), link(t(lang, "ouders.vragen.profielSite"), sop?.website)];
  const first = zinnen(t(lang, "ouders.vragen.eerst.1"), t(lang, "ouders.vragen.eerst.2"));
  if (!rollen || (rollen.coordinatoren === 0 && rollen.team === undefined && rollen.teamRollen.length === 0)) {
    return deel(titel, first, zinnen(t(lang, "ouders.vragen.silent"), t(lang, "ouders.askSchool")), ...links);
  }
  const hasTeam = rollen.team !== undefined || rollen.teamRollen.length > 0;
  return deel(
    titel,
    first,
    ...(rollen.coordinatoren > 0
      ? [
          zinnen(t(lang, "ouders.vragen.coordinator")),
          // The functions the school gives its coordinators: roles, never the names beside them.
          { lijst: (rollen.coordinatorFuncties.length > 0 ? rollen.coordinatorFuncties : [{ naam: t(lang, "ouders.vragen.coordinator.rol") }]).map(roleText) },
          zinnen(t(lang, "ouders.vragen.coordinator.uitleg", { n: Math.max(rollen.coordinatorFuncties.length, 1) })),
        ]
      : [zinnen(t(lang, "ouders.vragen.silent"))]),
    hasTeam
      ? zinnen(t(lang, "ouders.vragen.team"), ...(rollen.team !== undefined ? [t(lang, "ouders.vragen.team.naam", { team: rollen.team })] : []))
      : zinnen(t(lang, "ouders.vragen.team.silent")),
    rollen.teamRollen.length > 0 ? zinnen(t(lang, "ouders.vragen.team.rollen")) : undefined,
    { lijst: rollen.teamRollen.map(roleText) },
    ...links,
  );
}

function swvDeel(result: AuditResult, lang: Lang): OudersDeel {
  const swv = result.repo.swv;
  return deel(
    t(lang, "ouders.swv"),
    zinnen(t(lang, "ouders.swv.1"), t(lang, "ouders.swv.2", { naam: swv.naam })),
    zinnen(t(lang, "ouders.swv.3"), t(lang, "ouders.swv.4"), t(lang, "ouders.swv.5"), t(lang, "ouders.swv.6"), t(lang, "ouders.swv.7"), t(lang, "ouders.swv.8")),
    link(t(lang, "ouders.swv.website"), swv.website),
  );
}

function steunpuntDeel(result: AuditResult, s: SchoolResult, lang: Lang): OudersDeel {
  const titel = t(lang, "ouders.steunpunt");
  // The school's schoolgids names it for its own parents; the SWV's configuration names it once for all schools.
  const punt: Steunpunt | undefined = s.sop?.ouderJeugdsteunpunt ?? result.repo.swv.ouderJeugdsteunpunt;
  const swvSite = result.repo.swv.website;
  if (!punt) {
    return deel(
      titel,
      // The SWV's website is linked in the part above.
      zinnen(t(lang, "ouders.steunpunt.wat"), t(lang, "ouders.steunpunt.silent"), t(lang, swvSite !== undefined ? "ouders.steunpunt.askSwv" : "ouders.steunpunt.askSchool")),
    );
  }
  return deel(
    titel,
    zinnen(t(lang, "ouders.steunpunt.wat"), t(lang, "ouders.steunpunt.advies")),
    punt.naam !== undefined ? zinnen(t(lang, "ouders.steunpunt.naam", { naam: punt.naam })) : undefined,
    link(t(lang, "ouders.steunpunt.website"), punt.website),
  );
}

function bronText(s: SchoolResult, lang: Lang): string {
  const sop = s.sop;
  if (!sop) return t(lang, "ouders.bron.none");
  if (sop.vastgesteld !== undefined) return t(lang, "ouders.bron.vastgesteld", { datum: spokenDate(lang, sop.vastgesteld) });
  return sop.schooljaar !== undefined ? t(lang, "ouders.bron.schooljaar", { schooljaar: sop.schooljaar }) : t(lang, "ouders.bron");
}

/** `2025-09-23` as people say it: 23 september 2025; a text that is not such a date, as it is. */
export function spokenDate(lang: Lang, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? t(lang, "ouders.months").split(",")[Number(m[2]) - 1] : undefined;
  if (!m || month === undefined) return iso;
  const day = Number(m[3]);
  return `${day} ${month} ${m[1]}`;
}
