/**
 * What a school's result says of its documents: every file with its kind
 * and whether it is valid, and for reports the SOP, the zelfevaluaties and
 * the visitaties in brief.
 */
import type { AanbodEntry, RolNaam, SchoolResult } from "../core/types.js";
import { compareStrings } from "../core/similar.js";
import type { SchoolgidsDoc, SopDoc, VisitatieDoc, ZelfevaluatieDoc } from "../documents/schemas.js";
import type { CompiledRuleset } from "./compiled-ruleset.js";
import type { LoadedDocument, SchoolDocuments } from "./school.js";

export function documentSummaries(school: SchoolDocuments): SchoolResult["documents"] {
  const valid = new Map<string, LoadedDocument>();
  for (const d of [...school.sops, ...school.schoolgidsen, ...school.zelfevaluaties, ...school.visitaties, ...school.uitzonderingen]) valid.set(d.source.file, d);
  return school.files
    .map((f) => {
      const d = valid.get(f.file);
      const data = (d?.doc ?? f.data) as { kind?: unknown; schooljaar?: unknown; datum?: unknown } | undefined;
      return {
        file: f.file,
        kind: typeof data?.kind === "string" ? data.kind : "?",
        ...(typeof data?.schooljaar === "string" ? { schooljaar: data.schooljaar } : {}),
        ...(typeof data?.datum === "string" ? { datum: data.datum } : {}),
        valid: d !== undefined,
      };
    })
    .sort((a, b) => compareStrings(a.file, b.file));
}

/** Needs and levels are read through the ruleset's vocabulary, so the coverage matrix and reports count what the rules count. */
export function sopSummary(file: string, d: SopDoc | SchoolgidsDoc, vocabulary: Pick<CompiledRuleset, "term" | "nearestTerm" | "ruleset">): NonNullable<SchoolResult["sop"]> {
  return {
    file,
    ...(d.schooljaar ? { schooljaar: d.schooljaar } : {}),
    ...(d.vaststelling?.datum ? { vastgesteld: d.vaststelling.datum } : {}),
    ...(d.vaststelling?.mrAdvies?.datum ? { mrAdvies: d.vaststelling.mrAdvies.datum } : {}),
    ...(d.publicatie?.website ? { website: d.publicatie.website } : {}),
    aanbod: [
      ...(d.aanbod ?? []).map((a) => offerEntry(a.behoefte, a, vocabulary)),
      // A voorziening counts under every need it serves, as the rules that read voorzieningen[].behoeften count it.
      ...(d.voorzieningen ?? []).flatMap((v) => (v.behoeften ?? []).map((behoefte) => ({ ...offerEntry(behoefte, v, vocabulary), voorziening: v.naam }))),
    ],
    ...(d.aanbod === undefined && d.voorzieningen === undefined ? { aanbodOntbreekt: true as const } : {}),
    grenzen: d.grenzen ?? [],
    ontwikkelpunten: (d.ontwikkelpunten ?? []).map((o) => ({ omschrijving: o.omschrijving, ...(o.standaard ? { standaard: o.standaard } : {}), ...(o.streefdatum ? { streefdatum: o.streefdatum } : {}) })),
    ...(d.school?.website ? { schoolWebsite: d.school.website } : {}),
    ...supportRoles(d, vocabulary),
    // The support document may be a schoolgids (check-school.ts picks it under Wet 36 443): only a schoolgids names the steunpunt.
    ...steunpunt(d.kind === "Schoolgids" ? d.ouderJeugdsteunpunt : undefined),
  };
}

/** Whom parents can ask, by function: the names beside them are left where they are. */
function supportRoles(d: Pick<SopDoc, "ondersteuningsstructuur">, vocabulary: Pick<CompiledRuleset, "term" | "ruleset">): Pick<NonNullable<SchoolResult["sop"]>, "rollen"> {
  // A role the list knows is named as the list names it (IB, SMW: Intern begeleider, (School)maatschappelijk werker).
  const names = new Map((vocabulary.ruleset.lijsten["rollen"] ?? []).map((r) => [r.id, r.naam ?? r.id]));
  const role = (written: string): RolNaam => {
    const id = vocabulary.term("rollen", written);
    const naam = id !== undefined ? names.get(id) : undefined;
    return naam !== undefined ? { naam } : { naam: written, eigen: true };
  };
  const distinct = (roles: RolNaam[]) => roles.filter((r, i) => roles.findIndex((x) => x.naam === r.naam) === i);
  const structuur = d.ondersteuningsstructuur;
  if (!structuur?.coordinatoren && !structuur?.ondersteuningsteam) return {};
  const coordinatoren = structuur.coordinatoren ?? [];
  const team = structuur.ondersteuningsteam;
  return {
    rollen: {
      coordinatoren: coordinatoren.length,
      coordinatorFuncties: distinct(coordinatoren.flatMap((c) => (c.functie?.trim() ? [role(c.functie.trim())] : []))),
      ...(team?.naam?.trim() ? { team: team.naam.trim() } : {}),
      teamRollen: distinct((team?.rollen ?? []).map((r) => r.trim()).filter((r) => r !== "").map(role)),
    },
  };
}

function steunpunt(s: SchoolgidsDoc["ouderJeugdsteunpunt"]): Pick<NonNullable<SchoolResult["sop"]>, "ouderJeugdsteunpunt"> {
  if (!s?.naam && !s?.website) return {};
  return { ouderJeugdsteunpunt: { ...(s.naam ? { naam: s.naam } : {}), ...(s.website ? { website: s.website } : {}) } };
}

/** What an aanbod entry probably meant where the lists do not know its need or level: the matrix names it rather than drop the entry. */
/** One need offered, its need and level read through the vocabulary. */
function offerEntry(
  behoefte: string,
  e: { niveau?: string; capaciteit?: number; onderwijstypen?: string[]; toelichting?: string },
  vocabulary: Pick<CompiledRuleset, "term" | "nearestTerm">,
): AanbodEntry {
  const { term } = vocabulary;
  return {
    behoefte: term("ondersteuningsbehoeften", behoefte) ?? behoefte,
    ...(e.niveau !== undefined ? { niveau: term("niveaus", e.niveau) ?? e.niveau } : {}),
    ...(e.capaciteit !== undefined ? { capaciteit: e.capaciteit } : {}),
    onderwijstypen: [...new Set((e.onderwijstypen ?? []).map((o) => term("onderwijstypen", o) ?? o))],
    ...(e.toelichting ? { toelichting: e.toelichting } : {}),
    ...meantTerms({ behoefte, ...(e.niveau !== undefined ? { niveau: e.niveau } : {}) }, vocabulary),
  };
}

function meantTerms(a: { behoefte: string; niveau?: string }, { term, nearestTerm }: Pick<CompiledRuleset, "term" | "nearestTerm">): Pick<AanbodEntry, "bedoeld"> {
  const behoefte = term("ondersteuningsbehoeften", a.behoefte) === undefined ? nearestTerm("ondersteuningsbehoeften", a.behoefte)?.id : undefined;
  const niveau = a.niveau !== undefined && term("niveaus", a.niveau) === undefined ? nearestTerm("niveaus", a.niveau)?.id : undefined;
  return behoefte || niveau ? { bedoeld: { ...(behoefte ? { behoefte } : {}), ...(niveau ? { niveau } : {}) } } : {};
}

export function scoreSummary(file: string, d: ZelfevaluatieDoc): SchoolResult["zelfevaluaties"][number] {
  const scores: Record<string, string> = {};
  const toelichtingen: Record<string, string> = {};
  const given = d.scores ?? {};
  for (const k of Object.keys(given).sort()) {
    const v = given[k]!;
    scores[k] = typeof v === "string" ? v : v.score;
    if (typeof v !== "string" && v.toelichting !== undefined && v.toelichting.trim() !== "") toelichtingen[k] = v.toelichting;
  }
  return {
    ...(d.schooljaar ? { schooljaar: d.schooljaar } : {}),
    ...(d.datum ? { datum: d.datum } : {}),
    file,
    scores,
    ...(Object.keys(toelichtingen).length > 0 ? { toelichtingen } : {}),
  };
}

export function visitatieSummary(file: string, v: VisitatieDoc): SchoolResult["visitaties"][number] {
  const leden = (v.commissie ?? []).map((p) => ({ ...(p.naam ? { naam: p.naam } : {}), ...(p.rol ? { rol: p.rol } : {}) }));
  return {
    ...(v.schooljaar ? { schooljaar: v.schooljaar } : {}),
    ...(v.datum ? { datum: v.datum } : {}),
    file,
    commissie: leden.map((p) => (p.naam && p.rol ? `${p.naam} (${p.rol})` : (p.naam ?? p.rol ?? "?"))),
    ...(leden.length > 0 ? { leden } : {}),
    ...(v.oordeel ? { oordeel: v.oordeel } : {}),
    ...(v.vastgesteld ? { vastgesteld: v.vastgesteld } : {}),
    ...(v.reactie ? { reactie: v.reactie } : {}),
    bevindingen: (v.bevindingen ?? []).map((b) => ({
      ...(b.standaard ? { standaard: b.standaard } : {}),
      ...(b.indicator ? { indicator: b.indicator } : {}),
      oordeel: b.oordeel,
      ...(b.toelichting ? { toelichting: b.toelichting } : {}),
      ...(b.sterkePunten?.length ? { sterkePunten: [...b.sterkePunten] } : {}),
      ...(b.ontwikkelpunten?.length ? { ontwikkelpunten: [...b.ontwikkelpunten] } : {}),
      ...(b.aanbeveling ? { aanbeveling: b.aanbeveling } : {}),
      ...(b.reactie ? { reactie: b.reactie } : {}),
    })),
    afspraken: (v.afspraken ?? []).map((a) => ({
      omschrijving: a.omschrijving,
      ...(a.standaard ? { standaard: a.standaard } : {}),
      ...(a.termijn ? { termijn: a.termijn } : {}),
      ...(a.eigenaar ? { eigenaar: a.eigenaar } : {}),
      ...(a.status ? { status: a.status } : {}),
      ...(a.voortgang ? { voortgang: a.voortgang } : {}),
    })),
  };
}
