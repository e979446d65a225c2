/**
 * The public contract of `sop-audit check --format json`, defined once in zod.
 *
 * - `jsonOutputSchema()` gives the JSON Schema (2020-12) that is committed as
 *   `schemas/check-result.schema.json`; a test keeps the two equal.
 * - `toJsonOutput()` builds the output from an AuditResult, field by field, so
 *   nothing that is not in the contract can leak into it.
 *
 * `formatVersion` is bumped only on a breaking change (a field removed,
 * renamed or changed in meaning). New optional fields may appear within
 * version 1; the schema of each release describes exactly its own output.
 * See docs/json-output.md.
 */
import * as z from "zod";
import type { AuditResult, Finding, ItemStatus, SchoolResult, Status, WaiverResult } from "../core/types.js";
import type { FormatContext } from "./types.js";
import { cmpStr, groupOf, normalizeRange, sortFindings, sortSchools } from "./shared.js";

const Aantal = z.int().min(0);
const Positie = z.int().min(1);

const SeveritySchema = z.enum(["error", "warning", "info"]).meta({
  title: "Ernst",
  description: "error (fout), warning (waarschuwing) of info.",
});

const StatusSchema = z.enum(["voldoet", "voldoet-niet", "niet-aangetoond", "uitgezonderd", "nvt"]).meta({
  title: "Status",
  description:
    "voldoet: elke regel van het item is voldaan; voldoet-niet: minstens één regel niet; niet-aangetoond: geen bewijs, voor of tegen; uitgezonderd: alle meldingen vallen onder een geldige uitzondering; nvt: het item geldt niet voor deze school.",
});

const RangeSchema = z
  .object({
    line: Positie.meta({ title: "Beginregel", description: "Eerste regel, vanaf 1." }),
    column: Positie.meta({ title: "Beginkolom", description: "Eerste kolom, vanaf 1." }),
    endLine: Positie.meta({ title: "Eindregel", description: "Laatste regel, vanaf 1." }),
    endColumn: Positie.meta({ title: "Eindkolom", description: "De kolom net na het laatste teken, vanaf 1." }),
  })
  .meta({ id: "Bereik", title: "Bereik", description: "Plaats in het bestand; regels en kolommen tellen vanaf 1." });

const FindingSchema = z
  .object({
    ruleId: z.string().min(1).meta({ title: "Regel", description: "Id van de regel (BO-03.05, WET-01) of van een ingebouwde controle (schema/type, yaml/syntax)." }),
    severity: SeveritySchema,
    message: z.string().meta({ title: "Melding", description: "Eén regel, in de gevraagde taal (zie lang)." }),
    hint: z.string().optional().meta({ title: "Oplossing", description: "Eén regel: wat te veranderen." }),
    file: z.string().min(1).meta({ title: "Bestand", description: "Pad vanaf de hoofdmap van de repository, met /." }),
    range: RangeSchema,
    school: z.string().optional().meta({ title: "School", description: "Schoolcode (BRIN + vestiging, 12AB00); ontbreekt bij meldingen over de hele repository." }),
    standard: z.string().optional().meta({ title: "Standaard", description: "Id van de standaard (BO-03) of het thema." }),
    indicator: z.string().optional().meta({ title: "Indicator", description: "Id van het item (indicator, specificatie) waarover de melding gaat." }),
    expected: z.string().optional().meta({ title: "Verwacht" }),
    found: z.string().optional().meta({ title: "Gevonden" }),
    path: z.string().optional().meta({ title: "Gegevenspad", description: "Pad van de waarde in het document, met punten: vaststelling.datum." }),
    source: z.string().optional().meta({ title: "Herkomst", description: "Catalogus of profiel waar de regel vandaan komt." }),
    group: z
      .string()
      .regex(/^g-[a-p]{10}$/)
      .optional()
      .meta({
        title: "Groep",
        description:
          "Meldingen over dezelfde waarde (hetzelfde bestand en pad, of zonder pad dezelfde plaats) hebben dezelfde groep: g- en tien letters. Elke melding staat apart, met de groep erbij.",
      }),
  })
  .meta({ id: "Melding", title: "Melding", description: "Eén bevinding: welke regel, hoe ernstig, waar en wat te doen." });

const ItemStatusSchema = z
  .object({
    item: z.string().min(1).meta({ title: "Item", description: "Id van de indicator of specificatie." }),
    status: StatusSchema,
    rules: z.array(z.string()).meta({ title: "Regels", description: "De regels die de status bepaalden, gesorteerd." }),
    reason: z.string().optional().meta({ title: "Reden", description: "Waarom, in één regel (bij niet-aangetoond, nvt en uitgezonderd)." }),
  })
  .meta({ id: "ItemStatus", title: "Status van een item", description: "De status die één item voor één school krijgt." });

const WaiverSchema = z
  .object({
    rule: z.string().meta({ title: "Regel", description: "De regel die uitgezonderd wordt." }),
    scope: z.string().optional().meta({ title: "Bereik", description: "Waar de uitzondering voor geldt (indicator of pad); ontbreekt: de hele regel." }),
    reason: z.string().meta({ title: "Reden" }),
    owner: z.string().meta({ title: "Eigenaar", description: "Wie de uitzondering verleende of erop toeziet." }),
    granted: z.string().meta({ title: "Verleend op", description: "Datum, JJJJ-MM-DD." }),
    expires: z.string().meta({ title: "Verloopt op", description: "Datum, JJJJ-MM-DD." }),
    state: z.enum(["actief", "verlopen", "ongebruikt"]).meta({
      title: "Toestand",
      description: "actief: geldig en gebruikt; verlopen: na de verloopdatum; ongebruikt: geldig maar er was niets uit te zonderen.",
    }),
    file: z.string().meta({ title: "Bestand" }),
    range: RangeSchema,
    waived: Aantal.meta({ title: "Uitgezonderd", description: "Hoeveel meldingen deze uitzondering wegnam." }),
  })
  .meta({ id: "Uitzondering", title: "Uitzondering", description: "Een uitzondering (waiver) van een school en wat die deed." });

const DocumentSchema = z
  .object({
    file: z.string().meta({ title: "Bestand" }),
    kind: z.string().meta({ title: "Soort", description: "Soort document: SOP, Zelfevaluatie, Visitatie, …" }),
    schooljaar: z.string().optional().meta({ title: "Schooljaar" }),
    datum: z.string().optional().meta({ title: "Datum" }),
    valid: z.boolean().meta({ title: "Geldig", description: "Het document voldoet aan het schema van zijn soort." }),
  })
  .meta({ id: "Document", title: "Document", description: "Een gelezen document van een school." });

const SchoolSchema = z
  .object({
    id: z.string().meta({ title: "Schoolcode", description: "BRIN + vestiging, 12AB00." }),
    dir: z.string().meta({ title: "Map", description: "Map van de school, vanaf de hoofdmap van de repository." }),
    naam: z.string().optional().meta({ title: "Naam" }),
    bestuur: z.string().optional().meta({ title: "Bestuur" }),
    sector: z.string().optional().meta({ title: "Sector", description: "PO, SBO, SO, VSO, VO of PrO." }),
    onderwijstypen: z.array(z.string()).meta({ title: "Onderwijstypen" }),
    gemeente: z.string().optional().meta({ title: "Gemeente" }),
    kring: z.string().optional().meta({ title: "Kring" }),
    regime: z
      .object({
        naam: z.enum(["sop", "schoolgids"]).meta({ title: "Regime", description: "sop: het schoolondersteuningsprofiel (oude wet); schoolgids: het ondersteuningsaanbod in de schoolgids (Wet 36 443)." }),
        datum: z.string().meta({ title: "Datum vanaf wanneer het schoolgidsregime geldt" }),
        bron: z.enum(["standaard", "swv", "school"]).meta({ title: "Waar die datum vandaan komt" }),
        eersteSchooljaar: z.string().meta({ title: "Eerste schooljaar onder het schoolgidsregime" }),
        overgang: z.object({ sop: z.string(), vastgesteld: z.string().optional() }).optional().meta({ title: "Overgangsjaar", description: "Het SOP dat in het eerste jaar nog geldt." }),
      })
      .optional()
      .meta({ title: "Wettelijk regime", description: "Welke wet de school dit schooljaar toetste, en waarom." }),
    documents: z.array(DocumentSchema).meta({ title: "Documenten" }),
    statuses: z.array(ItemStatusSchema).meta({ title: "Statussen", description: "Per item de status, in de volgorde van de regelset." }),
    findings: z.array(FindingSchema).meta({ title: "Meldingen", description: "Meldingen over deze school, gesorteerd op bestand, regel, kolom, regel-id en melding." }),
    waivedFindings: z.array(FindingSchema).meta({
      title: "Uitgezonderde meldingen",
      description: "Meldingen die onder een uitzondering vallen; ze tellen niet mee in summary en exitcode.",
    }),
    waivers: z.array(WaiverSchema).meta({ title: "Uitzonderingen", description: "Gesorteerd op bestand en regel." }),
  })
  .meta({ id: "School", title: "School", description: "Uitkomst voor één schoolvestiging." });

const StatusCountsSchema = z
  .object({
    voldoet: Aantal,
    "voldoet-niet": Aantal,
    "niet-aangetoond": Aantal,
    uitgezonderd: Aantal,
    nvt: Aantal,
  })
  .meta({ title: "Statussen", description: "Hoeveel items, over alle scholen, elke status hebben." });

const SummarySchema = z
  .object({
    schoolFolders: Aantal.meta({ title: "Schoolmappen", description: "Mappen in de map met scholen: elke map is een school." }),
    unreadableSchoolFolders: Aantal.meta({ title: "Onleesbare schoolmappen", description: "Schoolmappen die niet getoetst konden worden (een link die nergens heen of buiten de repository wijst)." }),
    schools: Aantal.meta({ title: "Scholen", description: "Getoetste scholen; met een selectie (--school, paden, --changed-since) minder dan er gevonden zijn." }),
    files: Aantal.meta({ title: "Bestanden", description: "Gelezen bestanden." }),
    errors: Aantal.meta({ title: "Fouten" }),
    warnings: Aantal.meta({ title: "Waarschuwingen" }),
    infos: Aantal.meta({ title: "Info" }),
    waived: Aantal.meta({ title: "Uitgezonderd", description: "Meldingen die onder een uitzondering vielen (niet meegeteld in errors, warnings, infos)." }),
    statuses: StatusCountsSchema,
  })
  .meta({ title: "Samenvatting", description: "De tellingen waarop de exitcode gebaseerd is." });

export const JsonOutput = z
  .object({
    formatVersion: z.literal(1).meta({ title: "Versie van dit formaat", description: "Gaat alleen omhoog bij een wijziging die bestaande lezers breekt." }),
    tool: z
      .object({
        name: z.literal("sop-audit"),
        version: z.string().meta({ title: "Versie van sop-audit" }),
      })
      .meta({ title: "Programma" }),
    timestamp: z
      .string()
      .optional()
      .meta({ title: "Tijdstip", description: "Wanneer de controle liep (ISO 8601); alleen met --timestamp, zodat de uitvoer anders reproduceerbaar is.", format: "date-time" }),
    repo: z
      .object({
        swv: z
          .object({
            code: z.string().optional().meta({ title: "Code", description: "Code van het samenwerkingsverband, bijvoorbeeld VO 22.03; ontbreekt als sop-audit.yaml er geen noemt." }),
            naam: z.string().meta({ title: "Naam" }),
          })
          .meta({ title: "Samenwerkingsverband" }),
        profile: z.string().meta({ title: "Profiel", description: "Id van het regelprofiel." }),
        lang: z.enum(["nl", "en"]).meta({ title: "Taal", description: "Taal van message en hint in de meldingen: nl of en." }),
        peildatum: z.iso.date().meta({ title: "Peildatum", description: "De datum waartegen getoetst is, JJJJ-MM-DD." }),
        schooljaar: z.string().meta({ title: "Schooljaar", description: "Het getoetste schooljaar, JJJJ-JJJJ." }),
        rulesetHash: z.string().meta({ title: "Kenmerk van de regelset", description: "Verandert als de geladen regelset verandert." }),
      })
      .meta({ title: "Repository" }),
    summary: SummarySchema,
    schools: z.array(SchoolSchema).meta({ title: "Scholen", description: "Gesorteerd op schoolcode." }),
    findings: z.array(FindingSchema).meta({
      title: "Meldingen over de repository",
      description: "Meldingen die niet bij één school horen (configuratie, regelset, losse bestanden).",
    }),
  })
  .meta({
    title: "sop-audit check --format json",
    description:
      "Uitkomst van sop-audit check: per school de statussen, meldingen en uitzonderingen, en de samenvatting. Zie docs/json-output.md.",
  });

export type JsonOutput = z.output<typeof JsonOutput>;

// Compile-time guards: the engine's types must fit the contract. If one of
// these fails to compile, core/types.ts changed; update the contract (and
// think about formatVersion) before the output changes under its readers.
const _finding: z.input<typeof FindingSchema> = null as unknown as Finding;
const _status: z.input<typeof ItemStatusSchema> = null as unknown as ItemStatus;
const _waiver: z.input<typeof WaiverSchema> = null as unknown as WaiverResult;
const _summary: z.input<typeof SummarySchema> = null as unknown as AuditResult["summary"];
const _repo: z.input<typeof JsonOutput>["repo"] = null as unknown as AuditResult["repo"];
const _statusBack: Status = null as unknown as z.output<typeof StatusSchema>;
void [_finding, _status, _waiver, _summary, _repo, _statusBack];

/** The JSON Schema (draft 2020-12) of the output, as committed in schemas/check-result.schema.json. */
export function jsonOutputSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(JsonOutput, { target: "draft-2020-12", io: "output" }) as Record<string, unknown>;
  // Same URN scheme as the document schemas (src/tools/json-schema.ts): shipped, never fetched.
  return { $schema, $id: "urn:sop-audit:schemas:v1:check-result.schema.json", ...rest };
}

/** Builds the JSON output: only the contract's fields, in a fixed order, sorted. */
export function toJsonOutput(result: AuditResult, ctx: FormatContext): JsonOutput {
  const out: JsonOutput = {
    formatVersion: 1,
    tool: { name: "sop-audit", version: result.tool.version },
    ...(ctx.timestamp !== undefined ? { timestamp: ctx.timestamp } : {}),
    repo: {
      swv: { ...(result.repo.swv.code !== undefined ? { code: result.repo.swv.code } : {}), naam: result.repo.swv.naam },
      profile: result.repo.profile,
      lang: result.repo.lang,
      peildatum: result.repo.peildatum,
      schooljaar: result.repo.schooljaar,
      rulesetHash: result.repo.rulesetHash,
    },
    summary: {
      schoolFolders: result.summary.schoolFolders,
      unreadableSchoolFolders: result.summary.unreadableSchoolFolders,
      schools: result.summary.schools,
      files: result.summary.files,
      errors: result.summary.errors,
      warnings: result.summary.warnings,
      infos: result.summary.infos,
      waived: result.summary.waived,
      statuses: {
        voldoet: result.summary.statuses.voldoet,
        "voldoet-niet": result.summary.statuses["voldoet-niet"],
        "niet-aangetoond": result.summary.statuses["niet-aangetoond"],
        uitgezonderd: result.summary.statuses.uitgezonderd,
        nvt: result.summary.statuses.nvt,
      },
    },
    schools: sortSchools(result.schools).map(school),
    findings: sortFindings(result.findings).map(finding),
  };
  return out;
}

export function school(s: SchoolResult): JsonOutput["schools"][number] {
  return {
    id: s.id,
    dir: s.dir,
    naam: s.naam,
    bestuur: s.bestuur,
    sector: s.sector,
    onderwijstypen: [...s.onderwijstypen],
    gemeente: s.gemeente,
    kring: s.kring,
    ...(s.regime ? { regime: { ...s.regime, ...(s.regime.overgang ? { overgang: { ...s.regime.overgang } } : {}) } } : {}),
    documents: [...s.documents]
      .sort((a, b) => cmpStr(a.file, b.file) || cmpStr(a.kind, b.kind))
      .map((d) => ({ file: d.file, kind: d.kind, schooljaar: d.schooljaar, datum: d.datum, valid: d.valid })),
    statuses: s.statuses.map(itemStatus),
    findings: sortFindings(s.findings).map(finding),
    waivedFindings: sortFindings(s.waivedFindings).map(finding),
    waivers: [...s.waivers]
      .sort((a, b) => cmpStr(a.file, b.file) || a.range.line - b.range.line || a.range.column - b.range.column || cmpStr(a.rule, b.rule) || cmpStr(a.scope, b.scope))
      .map((w) => ({
        rule: w.rule,
        scope: w.scope,
        reason: w.reason,
        owner: w.owner,
        granted: w.granted,
        expires: w.expires,
        state: w.state,
        file: w.file,
        range: range(w.range),
        waived: w.waived,
      })),
  };
}

export function itemStatus(st: ItemStatus): JsonOutput["schools"][number]["statuses"][number] {
  return { item: st.item, status: st.status, rules: [...st.rules], reason: st.reason };
}

function finding(f: Finding): JsonOutput["findings"][number] {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    hint: f.hint,
    file: f.file,
    range: range(f.range),
    school: f.school,
    standard: f.standard,
    indicator: f.indicator,
    expected: f.expected,
    found: f.found,
    path: f.path,
    source: f.source,
    group: groupOf(f),
  };
}

/** 1-based and end not before start, as the schema promises. */
function range(r: Finding["range"]): Finding["range"] {
  return normalizeRange(r);
}
