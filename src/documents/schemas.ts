/**
 * The document kinds sop-audit reads, defined once in zod. The JSON Schema
 * files in `schemas/` are generated from these (`npm run schemas`) and a test
 * guards that they are current.
 *
 * Categories, levels, roles and section names are plain strings here on
 * purpose: which values are allowed is ruleset data (`standards/lijsten`),
 * because every SWV names them differently. `meta({ lijst })` names the list
 * a field's values come from, in this one place: the published JSON Schema
 * turns it into editor hints (documents/editor-schema.ts), a test holds the
 * shipped rules to it, and the engine still reads an unknown term.
 */
import * as z from "zod";
import { isRealDate, isSchooljaar } from "./formats.js";
import { SECTORS } from "../core/sector.js";

// zod compiles a validator on first use; a run of the CLI is too short to
// win that back (measured: one SWV and 1,000 schools are both faster without).
z.config({ jitless: true });

export const API_VERSION = "sop-audit/v1";

export const Datum = z
  .string()
  .refine(isRealDate, { error: "fmt:date" })
  .meta({ title: "Datum", description: "Een datum in de vorm JJJJ-MM-DD, bijvoorbeeld 2025-10-01.", format: "date" });

export const Schooljaar = z
  .string()
  .refine(isSchooljaar, { error: "fmt:schooljaar" })
  .meta({
    title: "Schooljaar",
    description: "Twee opeenvolgende jaren, bijvoorbeeld 2025-2026 (1 augustus tot en met 31 juli).",
    pattern: "^\\d{4}-\\d{4}$",
    examples: ["2025-2026"],
  });

const Tekst = z.string().min(1);
const Url = z
  .string()
  .regex(/^https?:\/\/[^\s]+$/, { error: "fmt:url" })
  .meta({ title: "Webadres", description: "Een volledig webadres dat begint met https:// of http://.", format: "uri" });

export const Brin = z
  .string()
  .regex(/^\d{2}[A-Z]{2}$/, { error: "fmt:brin" })
  .meta({ title: "BRIN", description: "Vier tekens: twee cijfers en twee hoofdletters, bijvoorbeeld 12AB.", examples: ["12AB"] });

export const Vestiging = z
  .string()
  .regex(/^\d{2}$/, { error: "fmt:vestiging" })
  .meta({ title: "Vestigingsnummer", description: "Twee cijfers tussen aanhalingstekens, bijvoorbeeld \"00\".", examples: ["00"] });

export const SchoolCode = z
  .string()
  .regex(/^\d{2}[A-Z]{2}\d{2}$/, { error: "fmt:schoolcode" })
  .meta({ title: "Schoolcode", description: "BRIN en vestigingsnummer aaneen, bijvoorbeeld 12AB00.", examples: ["12AB00"] });

// PrO is a school type of VO: what is limited to VO reaches it too (core/sector.ts).
export const Sector = z.enum(SECTORS).meta({
  title: "Sector",
  description: "PO (basisonderwijs), SBO (speciaal basisonderwijs), SO, VSO, VO of PrO (praktijkonderwijs, een schoolsoort van het VO: wat voor VO geldt, geldt ook voor PrO).",
});

export const Score = z.enum(["voldoet", "voldoet deels", "voldoet niet", "n.v.t."]).meta({
  title: "Score",
  description: "Het oordeel van de school over een indicator.",
});

// A person by name, by function, or both: a published document may name no one.
const Persoon = z
  .strictObject({
    naam: Tekst.optional().meta({ title: "Naam", examples: ["J. de Vries"] }),
    rol: z.string().optional().meta({ title: "Rol", examples: ["ondersteuningscoördinator"], description: "Bijvoorbeeld ondersteuningscoördinator of directeur." }),
  })
  .meta({ title: "Persoon", description: "Een naam, een rol of functie, of allebei." });

// Real documents are partial: a field a school leaves out is optional here, and rules judge whether
// it is there (niet aangetoond). The schema says what a field must look like when it is given.
const header = <K extends string>(kind: K) => ({
  apiVersion: z.literal(API_VERSION).optional().meta({ title: "API-versie", description: `Altijd "${API_VERSION}".` }),
  kind: z.literal(kind).meta({ title: "Soort document" }),
});

/* ---------------------------------------------------------------- config */

export const RuleOverride = z
  .strictObject({
    severity: z.enum(["error", "warning", "info", "off"]).optional().meta({
      title: "Ernst", examples: ["warning"],
      description: "error, warning, info of off (uit).",
    }),
    nietAangetoond: z.enum(["error", "warning", "info", "off"]).optional().meta({
      title: "Ernst als het niet aangetoond is",
      description: "De ernst van de melding als het document er niets over zegt; standaard die van de regel.",
    }),
    params: z.record(z.string(), z.unknown()).optional().meta({ title: "Parameters" }),
  })
  .meta({ title: "Aanpassing van een regel" });

export const SwvConfig = z
  .strictObject({
    ...header("SwvConfig"),
    swv: z
      .strictObject({
        code: z.string().min(1).optional().meta({
          title: "SWV-code", examples: ["VO 22.03"],
          description: "Bijvoorbeeld VO 22.03, VO-22-03 of PO 30-06; wordt opgeslagen als VO 22.03.",
        }),
        naam: Tekst.meta({ title: "Naam van het samenwerkingsverband", examples: ["Samenwerkingsverband VO 22.03"] }),
        sector: z.enum(["PO", "VO"]).meta({ title: "Sector van het SWV" }),
        website: Url.optional(),
        ouderJeugdsteunpunt: z
          .strictObject({
            naam: Tekst.optional().meta({ title: "Naam", examples: ["Ouder- en jeugdsteunpunt Dommel en Kempen"] }),
            website: Url.optional(),
          })
          .optional()
          .meta({
            title: "Ouder- en jeugdsteunpunt",
            description: "Het steunpunt van het SWV, één keer voor alle scholen; de ouderversie (sop-audit ouders) noemt het. Een schoolgids die zelf een steunpunt noemt, gaat voor.",
          }),
      })
      .meta({ title: "Samenwerkingsverband" }),
    ruleset: z
      .strictObject({
        profile: Tekst.meta({
          title: "Profiel", examples: ["swv-vo-2203"],
          description: "Id van het profiel in standards/ (bijvoorbeeld swv-vo-2203) dat de regels bepaalt.",
        }),
        paths: z.array(Tekst).optional().meta({
          title: "Eigen regelbestanden", examples: [["regels/"]],
          description: "Mappen of bestanden, relatief aan de repository, met extra catalogi en profielen.",
        }),
        rules: z.record(z.string(), RuleOverride).optional().meta({
          title: "Aanpassingen per regel",
          description: "Per regel-id de ernst en/of parameters die dit SWV anders wil.",
        }),
      })
      .meta({ title: "Regelset" }),
    peildatum: Datum.optional().meta({
      title: "Peildatum",
      description: "De datum waarop getoetst wordt; standaard vandaag. --peildatum gaat voor.",
    }),
    schooljaar: Schooljaar.optional().meta({
      title: "Schooljaar",
      description: "Het schooljaar dat getoetst wordt; standaard het schooljaar van de peildatum.",
    }),
    scholenMap: z.string().optional().meta({ title: "Map met scholen", examples: ["scholen"], description: "Standaard: scholen" }),
    regime: z
      .strictObject({
        schoolgidsVanaf: Datum.optional().meta({
          title: "Schoolgidsregime vanaf",
          description: "Vanaf deze datum staat het ondersteuningsaanbod in de schoolgids (Wet 36 443); standaard 2025-08-01, de aangekondigde datum. Het geldt vanaf het eerste schooljaar dat op of na deze datum begint.",
          examples: ["2025-08-01"],
        }),
        scholen: z.record(SchoolCode, Datum).optional().meta({
          title: "Scholen die eerder overstappen",
          description: "Per schoolcode (12AB00) de datum vanaf wanneer die school onder het schoolgidsregime valt.",
        }),
        overgangsjaar: z.boolean().optional().meta({
          title: "Overgangsjaar",
          description: "Standaard true: in het eerste schooljaar onder het schoolgidsregime valt een school zonder schoolgids voor dat jaar, met een SOP dat nog geen vier jaar oud is, onder het oude regime. false: geen overgang.",
        }),
      })
      .optional()
      .meta({ title: "Wettelijk regime", description: "Wanneer het SOP plaatsmaakt voor het ondersteuningsaanbod in de schoolgids." }),
    taal: z.enum(["nl", "en"]).optional().meta({ title: "Taal van meldingen" }),
  })
  .meta({
    title: "Configuratie van het samenwerkingsverband",
    description: "sop-audit.yaml in de hoofdmap van de repository.",
  });

/* ------------------------------------------------------------------- SOP */

export const SchoolIdentiteit = z
  .strictObject({
    brin: Brin.optional(),
    vestiging: Vestiging.optional(),
    naam: Tekst.optional().meta({ title: "Naam van de schoollocatie", examples: ["Rietveld College"] }),
    bestuur: Tekst.optional().meta({ title: "Bevoegd gezag (schoolbestuur)", examples: ["Stichting Voortgezet Onderwijs De Kempen"] }),
    sector: Sector.optional(),
    onderwijstypen: z.array(Tekst.meta({ lijst: "onderwijstypen" })).min(1).optional().meta({
      title: "Onderwijstypen",
      description: "Bijvoorbeeld pro, vmbo-b, vmbo-k, vmbo-gt, havo, vwo, vso, bao, sbo.",
    }),
    gemeente: Tekst.optional().meta({ title: "Gemeente", examples: ["Eindhoven"] }),
    cluster: z.number().int().min(1).max(4).optional().meta({
      title: "Cluster",
      description: "Voor (v)so: cluster 1 (visueel), 2 (auditief, communicatief), 3 (verstandelijk, lichamelijk, langdurig ziek) of 4 (gedrag, psychiatrisch).",
      examples: [3],
    }),
    kring: z.string().optional().meta({ title: "Kring of regio binnen het SWV", examples: ["Kempen"] }),
    website: Url.optional(),
  })
  .meta({ title: "Identiteit van de school" });

const Vaststelling = z
  .strictObject({
    datum: Datum.optional().meta({ title: "Datum van vaststelling" }),
    door: Tekst.optional().meta({ title: "Vastgesteld door", examples: ["College van bestuur"], description: "Het bevoegd gezag dat het SOP vaststelde." }),
    mrAdvies: z
      .strictObject({
        datum: Datum.optional().meta({ title: "Datum van het MR-advies" }),
        uitkomst: z.enum(["positief", "negatief", "geen advies uitgebracht", "instemming", "geen instemming"]).optional().meta({
          title: "Uitkomst van het MR-advies",
          description: "Bij een SOP een advies; bij de schoolgids stemt de MR in (instemming of geen instemming).",
        }),
      })
      .optional()
      .meta({ title: "Advies van de medezeggenschapsraad" }),
  })
  .meta({ title: "Vaststelling" });

const Publicatie = z
  .strictObject({
    website: Url.optional().meta({ title: "SOP op de website van de school" }),
    swvWebsite: Url.optional().meta({ title: "SOP op de website van het SWV" }),
    schoolgids: z
      .union([z.boolean(), Url])
      .optional()
      .meta({ title: "Opgenomen in de schoolgids", examples: [true, "https://www.voorbeeldschool.nl/schoolgids"], description: "true, of het webadres van de schoolgids." }),
  })
  .meta({ title: "Publicatie" });

// A published SOP often names a function, not a person, and no hours: both are optional.
const Coordinator = z
  .strictObject({
    naam: Tekst.optional().meta({ title: "Naam", examples: ["J. de Vries"] }),
    functie: z.string().optional().meta({ title: "Functie", examples: ["ondersteuningscoördinator"], description: "Bijvoorbeeld ondersteuningscoördinator of intern begeleider." }),
    urenPerWeek: z.number().nonnegative().optional().meta({ title: "Gefaciliteerde uren per week", examples: [16] }),
  })
  .meta({ title: "Coördinator" });

const Protocol = z
  .strictObject({
    soort: Tekst.meta({ title: "Soort protocol", description: "Bijvoorbeeld pestprotocol, verzuimprotocol, meldcode.", lijst: "protocollen" }),
    vastgesteld: Datum.optional().meta({ title: "Vastgesteld op" }),
    url: Url.optional(),
  })
  .meta({ title: "Protocol" });

const Ondersteuningsstructuur = z
  .strictObject({
    beschrijving: z.string().optional().meta({ title: "Beschrijving", examples: ["De mentor signaleert; de ondersteuningscoördinator stemt af met ouders en het ondersteuningsteam."] }),
    coordinatoren: z.array(Coordinator).optional().meta({ title: "Ondersteuningscoördinatoren" }),
    ondersteuningsteam: z
      .strictObject({
        naam: z.string().optional().meta({
          title: "Naam van het team",
          description: "ZAT, OAT, IOT, MDO, ondersteuningsadviesteam, commissie van begeleiding, … (de lijst teams).",
          lijst: "teams",
        }),
        rollen: z.array(Tekst.meta({ lijst: "rollen" })).optional().meta({ title: "Rollen in het team" }),
        overlegPerJaar: z.number().int().nonnegative().optional().meta({
          title: "Keren overleg per jaar", examples: [6],
          description: "Een aantal; \"zes keer per jaar\", \"maandelijks\" of \"elke zes weken\" wordt ook gelezen.",
        }),
      })
      .optional()
      .meta({ title: "Ondersteuningsteam" }),
    functionarissen: z
      .record(z.string().meta({ title: "Functie", examples: ["ondersteuningscoördinator"], lijst: "functionarissen" }), Tekst.nullable())
      .optional()
      .meta({
        title: "Functionarissen",
        description: "Per functie (antipestcoördinator, verzuimcoördinator, vertrouwenspersoon, avg-functionaris, …) een naam, of leeg als het SOP geen naam noemt.",
      }),
    kernpartners: z.array(Tekst.meta({ lijst: "kernpartners" })).optional().meta({ title: "Kernpartners" }),
    protocollen: z.array(Protocol).optional().meta({ title: "Protocollen" }),
    contactpersoonSwv: z.string().optional().meta({ title: "Vaste contactpersoon bij het SWV", examples: ["Trajectbegeleider SWV"] }),
  })
  .meta({ title: "Ondersteuningsstructuur" });

export const Aanbod = z
  .strictObject({
    behoefte: Tekst.meta({ title: "Ondersteuningsbehoefte", description: "Een behoefte uit de lijst van het SWV, bijvoorbeeld dyslexie.", lijst: "ondersteuningsbehoeften" }),
    niveau: Tekst.optional().meta({ title: "Niveau", description: "Een niveau uit de lijst van het SWV, bijvoorbeeld basis of arrangement.", lijst: "niveaus" }),
    capaciteit: z.number().int().nonnegative().optional().meta({ title: "Capaciteit (leerlingen)", examples: [12] }),
    onderwijstypen: z.array(Tekst.meta({ lijst: "onderwijstypen" })).optional().meta({ title: "Voor onderwijstypen" }),
    toelichting: z.string().optional().meta({ title: "Toelichting", examples: ["Twee keer per week in een kleine groep."] }),
    gedeeldMet: z.array(SchoolCode).optional().meta({ title: "Gedeeld met scholen", examples: [["12AB00"]] }),
  })
  .meta({ title: "Aanbod voor één ondersteuningsbehoefte" });

/** Who organises something: the school, its bestuur, or the SWV (the list organisatieniveaus). */
const Organisatie = Tekst.meta({
  title: "Georganiseerd door",
  description: "school, bestuur of swv (de lijst organisatieniveaus).",
  lijst: "organisatieniveaus",
});

// Support offered as a facility rather than per need: a group, a room, a programme, an arrangement.
export const Voorziening = z
  .strictObject({
    naam: Tekst.meta({ title: "Naam", examples: ["trajectgroep"], description: "Bijvoorbeeld trajectgroep, time-outruimte of plusklas." }),
    soort: Tekst.optional().meta({ title: "Soort", description: "groep, ruimte, programma, arrangement, … (de lijst voorzieningsoorten).", lijst: "voorzieningsoorten" }),
    behoeften: z.array(Tekst.meta({ lijst: "ondersteuningsbehoeften" })).optional().meta({
      title: "Voor ondersteuningsbehoeften",
      description: "De behoeften uit de lijst van het SWV waarvoor de voorziening er is; ze tellen in de dekkingsmatrix.",
    }),
    niveau: Tekst.optional().meta({ title: "Niveau", description: "Een niveau uit de lijst van het SWV, bijvoorbeeld extra of bestuur.", lijst: "niveaus" }),
    capaciteit: z.number().int().nonnegative().optional().meta({ title: "Capaciteit (leerlingen)", examples: [8] }),
    onderwijstypen: z.array(Tekst.meta({ lijst: "onderwijstypen" })).optional().meta({ title: "Voor onderwijstypen" }),
    groepen: z.array(Tekst).optional().meta({ title: "Groepen of leerjaren", examples: [["leerjaar 1", "leerjaar 2"]], description: "Bijvoorbeeld groep 5-8 of leerjaar 1 en 2." }),
    dagdelenPerWeek: z.number().nonnegative().optional().meta({ title: "Dagdelen per week", examples: [4] }),
    toegang: z.string().optional().meta({ title: "Wie beslist over toegang", examples: ["het ondersteuningsteam"], description: "Bijvoorbeeld het ondersteuningsteam of de commissie van toelating." }),
    georganiseerdDoor: Organisatie.optional(),
    gedeeldMet: z.array(SchoolCode).optional().meta({ title: "Gedeeld met scholen", examples: [["12AB00"]] }),
    bovenschools: z.boolean().optional().meta({ title: "Bovenschools", description: "true als scholen buiten deze lijst er ook gebruik van maken." }),
    toelichting: z.string().optional().meta({ title: "Toelichting", examples: ["Twee keer per week in een kleine groep."] }),
  })
  .meta({ title: "Ondersteuningsvoorziening" });

const Deskundigheid = z
  .strictObject({
    naam: Tekst.meta({ title: "Deskundigheid", examples: ["gedragsspecialist"], description: "Bijvoorbeeld gedragsspecialist, dyslexiespecialist of taalcoördinator." }),
    functie: z.string().optional().meta({ title: "Functie van wie het heeft", examples: ["orthopedagoog"] }),
    aantal: z.number().int().nonnegative().optional().meta({ title: "Aantal medewerkers", examples: [2] }),
    beschikbaarVia: Organisatie.optional().meta({ title: "Beschikbaar via", description: "school, bestuur of swv (de lijst organisatieniveaus)." }),
    toelichting: z.string().optional().meta({ title: "Toelichting", examples: ["Twee keer per week in een kleine groep."] }),
  })
  .meta({ title: "Deskundigheid", examples: ["gedragsspecialist"] });

const Procedure = z
  .strictObject({
    soort: Tekst.meta({ title: "Soort procedure", description: "toelating, bezwaar en beroep, klachten, … (de lijst procedures).", lijst: "procedures" }),
    niveau: Organisatie.optional().meta({ title: "Geregeld door", description: "school, bestuur of swv (de lijst organisatieniveaus)." }),
    url: Url.optional(),
    beschrijving: z.string().optional().meta({ title: "Beschrijving", examples: ["De mentor signaleert; de ondersteuningscoördinator stemt af met ouders en het ondersteuningsteam."] }),
  })
  .meta({ title: "Procedure" });

const DocumentGegevens = z
  .strictObject({
    titel: Tekst.optional().meta({ title: "Titel van het document", examples: ["Schoolondersteuningsprofiel 2025-2026"] }),
    versie: z.union([Tekst, z.number()]).optional().meta({ title: "Versie", examples: ["1.0"] }),
    datum: Datum.optional().meta({ title: "Datum van het document", description: "De datum op het document zelf; de vaststelling staat onder vaststelling." }),
  })
  .meta({ title: "Gegevens van het document" });

const Ontwikkelpunt = z
  .strictObject({
    omschrijving: Tekst.meta({ title: "Omschrijving", examples: ["Pestprotocol herzien met de leerlingenraad"] }),
    standaard: z.string().optional().meta({ title: "Standaard of indicator", examples: ["BO-03"], description: "Bijvoorbeeld BO-03 of BO-03.05." }),
    streefdatum: Datum.optional().meta({ title: "Streefdatum" }),
  })
  .meta({ title: "Ontwikkelpunt" });

const Kengetallen = z
  .strictObject({
    leerlingen1Oktober: z.number().int().nonnegative().optional().meta({ title: "Leerlingen op 1 oktober", examples: [812] }),
    schoolweging: z.number().optional().meta({ title: "Schoolweging", examples: [29.4] }),
    opp: z.number().int().nonnegative().optional().meta({ title: "Leerlingen met een OPP", examples: [23] }),
    thuiszitters: z.number().int().nonnegative().optional().meta({ title: "Thuiszitters", examples: [1] }),
    verwijzingen: z
      .record(Schooljaar, z.number().int().nonnegative())
      .optional()
      .meta({ title: "Verwijzingen per schooljaar", description: "Naar SBO, SO of VSO." }),
  })
  .meta({ title: "Kengetallen" });

const Peiling = z
  .strictObject({
    datum: Datum.optional().meta({ title: "Datum van de peiling" }),
    openbaar: Url.optional().meta({ title: "Waar de uitkomst openbaar staat" }),
  })
  .meta({ title: "Peiling" });

// What the school offers, described once: the SOP and (Wet 36 443) the schoolgids' ondersteuning section share these fields.
const ondersteuningsdocument = {
    schooljaar: Schooljaar.optional(),
    document: DocumentGegevens.optional(),
    school: SchoolIdentiteit.optional(),
    vaststelling: Vaststelling.optional(),
    publicatie: Publicatie.optional(),
    ondersteuningsstructuur: Ondersteuningsstructuur.optional(),
    aanbod: z.array(Aanbod).optional().meta({ title: "Aanbod per ondersteuningsbehoefte" }),
    voorzieningen: z.array(Voorziening).optional().meta({
      title: "Ondersteuningsvoorzieningen en arrangementen",
      description: "Groepen, ruimtes, programma's en arrangementen; elke voorziening telt in de dekkingsmatrix onder de behoeften die ze dient.",
    }),
    deskundigheid: z.array(Deskundigheid).optional().meta({ title: "Deskundigheid", examples: ["gedragsspecialist"] }),
    fysiekeVoorzieningen: z.array(Tekst.meta({ lijst: "fysiekeVoorzieningen" })).optional().meta({
      title: "Voorzieningen in de fysieke omgeving",
      description: "Bijvoorbeeld rolstoeltoegankelijk, lift, aangepast toilet, prikkelarme ruimte (de lijst fysiekeVoorzieningen).",
    }),
    procedures: z.array(Procedure).optional().meta({ title: "Procedures", description: "Toelating, bezwaar en beroep, klachten, met wie ze regelt." }),
    grenzen: z.array(Tekst).optional().meta({ title: "Grenzen aan de ondersteuning", examples: [["Leerlingen die één-op-één begeleiding nodig hebben de hele dag"]] }),
    ontwikkelpunten: z.array(Ontwikkelpunt).optional().meta({ title: "Ambities en ontwikkelpunten" }),
    kengetallen: Kengetallen.optional(),
    inspectie: z
      .strictObject({
        toezicht: z.enum(["basistoezicht", "aangepast toezicht", "geïntensiveerd toezicht"]).optional().meta({ title: "Toezichtsarrangement" }),
        datum: Datum.optional().meta({ title: "Datum van het laatste oordeel" }),
      })
      .optional()
      .meta({ title: "Inspectie" }),
    tevredenheid: z
      .strictObject({
        ouders: Peiling.optional().meta({ title: "Tevredenheid ouders" }),
        leerlingen: Peiling.optional().meta({ title: "Tevredenheid leerlingen" }),
        socialeVeiligheid: Peiling.optional().meta({ title: "Sociale veiligheid leerlingen" }),
      })
      .optional()
      .meta({ title: "Peilingen" }),
    middelen: z
      .strictObject({
        verantwoord: Datum.optional().meta({ title: "Verantwoording ingediend op" }),
        format: z.string().optional().meta({ title: "Gebruikt format", examples: ["format verantwoording SWV"] }),
        budgethouder: z.string().optional().meta({ title: "Budgethouder", examples: ["directeur"] }),
      })
      .optional()
      .meta({ title: "Middelen basisondersteuning" }),
};

export const Sop = z
  .strictObject({ ...header("Schoolondersteuningsprofiel"), ...ondersteuningsdocument })
  .meta({
    title: "Schoolondersteuningsprofiel (SOP)",
    description: "Wat een schoollocatie biedt aan onderwijs en ondersteuning, vastgesteld door het bevoegd gezag.",
  });

/* ------------------------------------------------------------ Schoolgids */

// Since Wet 36 443 the offer goes into the yearly schoolgids; the same facts as the SOP, plus what the law asks of the schoolgids.
export const Schoolgids = z
  .strictObject({
    ...header("Schoolgids"),
    ...ondersteuningsdocument,
    basisondersteuningsvoorzieningen: z.array(Tekst).optional().meta({
      title: "Basisondersteuningsvoorzieningen",
      examples: [["Huiswerkbegeleiding en steunlessen", "Dyslexiebegeleiding met hulpmiddelen"]],
      description: "De voorzieningen van de basisondersteuning die de school biedt, zoals de schoolgids ze noemt.",
    }),
    leerlingen: z
      .strictObject({
        inbreng: z.string().optional().meta({
          title: "Hoe leerlingen hun mening gaven",
          description: "Bijvoorbeeld via de leerlingenraad, vóór de vaststelling van de schoolgids.",
          examples: ["De leerlingenraad besprak het aanbod in mei; hun punten staan in paragraaf 4."],
        }),
        datum: Datum.optional().meta({ title: "Datum van de inbreng" }),
      })
      .optional()
      .meta({ title: "Inbreng van leerlingen op het aanbod" }),
    ouderJeugdsteunpunt: z
      .strictObject({
        naam: Tekst.optional().meta({ title: "Naam", examples: ["Ouder- en jeugdsteunpunt Dommel en Kempen"] }),
        website: Url.optional(),
      })
      .optional()
      .meta({ title: "Ouder- en jeugdsteunpunt", description: "Waar ouders en jongeren terechtkunnen: het steunpunt van het samenwerkingsverband." }),
  })
  .meta({
    title: "Ondersteuningsaanbod in de schoolgids",
    description: "Het ondersteuningsaanbod van de school in de schoolgids van één schooljaar (Wet 36 443), met de basisondersteuningsvoorzieningen.",
  });

/* --------------------------------------------------------- Zelfevaluatie */

export const IndicatorScore = z
  .strictObject({
    score: Score,
    toelichting: z.string().optional().meta({ title: "Toelichting", examples: ["Twee keer per week in een kleine groep."] }),
    bewijs: z.array(Tekst).optional().meta({ title: "Bewijs", examples: [["https://www.voorbeeldschool.nl/pestprotocol.pdf"]], description: "Documenten of webadressen die de score onderbouwen." }),
  })
  .meta({ title: "Score op een indicator" });

export const Zelfevaluatie = z
  .strictObject({
    ...header("Zelfevaluatie"),
    schooljaar: Schooljaar.optional(),
    school: SchoolCode.optional(),
    datum: Datum.optional().meta({ title: "Datum van invullen" }),
    ingevuldDoor: z.array(Persoon).min(1).optional().meta({ title: "Ingevuld door" }),
    scores: z
      .record(z.string(), z.union([Score, IndicatorScore]))
      // Empty while nothing is scored yet (a new zelfevaluatie lists its indicators as comments): every item is then niet aangetoond.
      .nullable()
      .meta({
        title: "Scores per indicator",
        description: "Per indicator-id (BO-01.01) een score, kort (voldoet) of met toelichting en bewijs. Leeg: nog niets gescoord.",
        examples: [{ "BO-01.01": "voldoet", "BO-03.05": { score: "voldoet deels", toelichting: "De coördinator heeft nog te weinig uren." } }],
      })
      .optional(),
  })
  .meta({ title: "Zelfevaluatie basisondersteuning", description: "De jaarlijkse zelfevaluatie van een schoollocatie." });

/* ------------------------------------------------------------- Visitatie */

const Oordeel = z.enum(["voldoet", "voldoet deels", "voldoet niet"]);

export const AFSPRAAK_STATUSSEN = ["open", "in uitvoering", "afgerond"] as const;

export const Visitatie = z
  .strictObject({
    ...header("Visitatie"),
    school: SchoolCode.optional(),
    schooljaar: Schooljaar.optional(),
    datum: Datum.optional().meta({ title: "Datum van het bezoek" }),
    commissie: z.array(Persoon).min(1).optional().meta({ title: "Visitatiecommissie" }),
    oordeel: Oordeel.optional().meta({ title: "Eindoordeel" }),
    vastgesteld: Datum.optional().meta({
      title: "Vastgesteld op",
      description: "De datum waarop de commissie het verslag vaststelde; het rapport zet hem boven de handtekeningen.",
    }),
    reactie: z.string().optional().meta({
      title: "Reactie van de school",
      examples: ["De school herkent zich in het beeld en neemt de afspraken op in het schoolplan."],
      description: "De reactie van de school op het verslag als geheel.",
    }),
    bevindingen: z
      .array(
        z
          .strictObject({
            standaard: z.string().optional().meta({ title: "Standaard", examples: ["BO-03"], description: "Bijvoorbeeld BO-03." }),
            indicator: z.string().optional().meta({ title: "Indicator", examples: ["BO-03.05"], description: "Bijvoorbeeld BO-03.05." }),
            oordeel: Oordeel.meta({ title: "Oordeel" }),
            toelichting: z.string().optional().meta({ title: "Toelichting", examples: ["Twee keer per week in een kleine groep."] }),
            sterkePunten: z.array(Tekst).optional().meta({
              title: "Sterke punten", examples: [["Mentoren kennen hun leerlingen goed."]],
              description: "Wat de commissie sterk vindt: elk punt op een eigen regel, met een streepje ervoor.",
            }),
            ontwikkelpunten: z.array(Tekst).optional().meta({
              title: "Ontwikkelpunten", examples: [["Het OPP wordt niet met de leerling besproken."]],
              description: "Wat beter kan volgens de commissie: elk punt op een eigen regel, met een streepje ervoor. Wat de school toezegt, staat onder afspraken.",
            }),
            aanbeveling: z.string().optional().meta({ title: "Aanbeveling", examples: ["Leg de afspraken met de kernpartners vast."] }),
            reactie: z.string().optional().meta({
              title: "Reactie van de school",
              examples: ["We nemen dit op in het scholingsplan van volgend jaar."],
              description: "Wat de school over deze bevinding zegt.",
            }),
          })
          .meta({ title: "Bevinding" }),
      )
      .optional()
      .meta({ title: "Bevindingen" }),
    afspraken: z
      .array(
        z
          .strictObject({
            omschrijving: Tekst.meta({ title: "Omschrijving", examples: ["Pestprotocol herzien met de leerlingenraad"] }),
            standaard: z.string().optional().meta({ title: "Standaard", examples: ["BO-01"], description: "De standaard waar de afspraak bij hoort, bijvoorbeeld BO-01." }),
            termijn: Datum.optional().meta({ title: "Termijn", description: "Uiterlijk op deze datum is de afspraak uitgevoerd, in de vorm JJJJ-MM-DD." }),
            eigenaar: z.string().optional().meta({
              title: "Eigenaar", examples: ["ondersteuningscoördinator"],
              description: "Wie de afspraak uitvoert: een rol of functie is genoeg.",
            }),
            status: z.enum(AFSPRAAK_STATUSSEN).optional().meta({
              title: "Stand", examples: ["in uitvoering"],
              description: "open, in uitvoering of afgerond. Zonder stand telt de afspraak als open.",
            }),
            voortgang: z.string().optional().meta({
              title: "Toelichting op de stand", examples: ["Concept besproken in de MR van 12 mei; vaststelling in juni."],
            }),
          })
          .meta({ title: "Afspraak" }),
      )
      .optional()
      .meta({ title: "Afspraken en ontwikkelpunten" }),
  })
  .meta({ title: "Visitatie", description: "De bevindingen van de visitatiecommissie van het SWV." });

/* -------------------------------------------------------- Uitzonderingen */

export const Uitzondering = z
  .strictObject({
    regel: Tekst.meta({ title: "Regel", examples: ["BO-01.10"], description: "Id van de regel of indicator, bijvoorbeeld BO-01.10." }),
    scope: z.string().optional().meta({
      title: "Bereik", examples: ["2025-2026"],
      description: "Optioneel: een schooljaar (2025-2026) of een bestand, relatief aan de schoolmap.",
    }),
    reden: Tekst.meta({ title: "Reden", examples: ["Nieuwe school; het SOP volgt in het eerste schooljaar."] }),
    eigenaar: Tekst.meta({ title: "Eigenaar", examples: ["kwaliteitsmedewerker SWV"], description: "Wie de uitzondering verleende of bewaakt." }),
    verleend: Datum.meta({ title: "Verleend op" }),
    verloopt: Datum.meta({ title: "Verloopt op" }),
  })
  .meta({ title: "Uitzondering" });

export const Uitzonderingen = z
  .strictObject({
    ...header("Uitzonderingen"),
    school: SchoolCode.optional(),
    uitzonderingen: z.array(Uitzondering).meta({ title: "Uitzonderingen" }),
  })
  .meta({ title: "Uitzonderingen", description: "Door het SWV verleende uitzonderingen op regels, met reden en einddatum." });

/* ------------------------------------------------------------- registry */

export const DOCUMENT_SCHEMAS = {
  SwvConfig,
  Schoolondersteuningsprofiel: Sop,
  Schoolgids,
  Zelfevaluatie,
  Visitatie,
  Uitzonderingen,
} as const;

export type DocumentKind = keyof typeof DOCUMENT_SCHEMAS;
export const DOCUMENT_KINDS = Object.keys(DOCUMENT_SCHEMAS) as DocumentKind[];
export const SCHOOL_DOCUMENT_KINDS: DocumentKind[] = ["Schoolondersteuningsprofiel", "Schoolgids", "Zelfevaluatie", "Visitatie", "Uitzonderingen"];

/** File names of the published JSON Schemas, per kind. */
export const SCHEMA_FILES: Record<DocumentKind, string> = {
  SwvConfig: "swv-config.schema.json",
  Schoolondersteuningsprofiel: "sop.schema.json",
  Schoolgids: "schoolgids.schema.json",
  Zelfevaluatie: "zelfevaluatie.schema.json",
  Visitatie: "visitatie.schema.json",
  Uitzonderingen: "uitzonderingen.schema.json",
};

export type SwvConfigDoc = z.infer<typeof SwvConfig>;
export type SopDoc = z.infer<typeof Sop>;
export type SchoolgidsDoc = z.infer<typeof Schoolgids>;
export type ZelfevaluatieDoc = z.infer<typeof Zelfevaluatie>;
export type VisitatieDoc = z.infer<typeof Visitatie>;
export type UitzonderingenDoc = z.infer<typeof Uitzonderingen>;
export type ScoreValue = z.infer<typeof Score>;
