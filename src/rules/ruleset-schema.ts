/**
 * Shape of the ruleset files in `standards/` (and an SWV's own files):
 * catalogs of items (indicatoren, specificaties) with their rules, and
 * profiles that extend catalogs and other profiles. Defined once here; the
 * JSON Schema `schemas/ruleset.schema.json` is generated from it.
 *
 * Mechanics (kind, severity, params, extends) use the words ESLint users know;
 * domain content (standaarden, indicatoren, tekst) is Dutch.
 */
import * as z from "zod";
import { API_VERSION, Sector } from "../documents/schemas.js";

export const SeverityOrOff = z.enum(["error", "warning", "info", "off"]).meta({
  title: "Ernst",
  description: "error (fout), warning (waarschuwing), info, of off (uitgeschakeld).",
});

export const Aspect = z
  .enum(["basiskwaliteit", "preventief-licht-curatief", "ondersteuningsstructuur", "planmatig-werken"])
  .meta({ title: "Aspect van het Referentiekader" });

export const Evaluatie = z.enum(["sop", "schoolgids", "zelfevaluatie", "attest"]).meta({
  title: "Hoe getoetst",
  description: "sop: in de gegevens van het SOP; schoolgids: in het ondersteuningsdeel van de schoolgids; zelfevaluatie: gescoord door de school; attest: bevestigd door een persoon (visitatie).",
});

/** Which document a rule reads. */
export const DocumentRef = z.enum(["sop", "schoolgids", "zelfevaluatie", "visitatie", "uitzonderingen"]).meta({
  title: "Document",
});

export const Standaard = z
  .strictObject({
    id: z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/).meta({ title: "Id", description: "Bijvoorbeeld BO-03 of MKS-TO." }),
    titel: z.string().min(1).meta({ title: "Titel" }),
    omschrijving: z.string().optional(),
  })
  .meta({ title: "Standaard of thema" });

export const Indicator = z
  .strictObject({
    id: z.string().regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*\.\d{2}$/).meta({ title: "Id", description: "Bijvoorbeeld BO-03.08: standaard 3, indicator 8." }),
    standaard: z.string().meta({ title: "Standaard of thema", description: "Id uit standaarden." }),
    tekst: z.string().min(1).meta({ title: "Tekst", description: "De tekst van de bron, in het Nederlands." }),
    aspect: Aspect.optional(),
    evaluatie: z.array(Evaluatie).min(1).meta({ title: "Hoe getoetst" }),
    sectoren: z.array(Sector).optional().meta({ title: "Sectoren", description: "Waar de indicator geldt; standaard alle." }),
    regime: z.enum(["sop", "schoolgids"]).optional().meta({
      title: "Wettelijk regime",
      description: "sop: geldt alleen zolang het SOP de wet is; schoolgids: alleen onder het ondersteuningsaanbod in de schoolgids (Wet 36 443); standaard beide.",
    }),
    inspectie: z.array(z.string()).optional().meta({ title: "Inspectiestandaard", description: "OP2, VS1, SKA1–3 (kader 2021)." }),
    noot: z.string().optional().meta({ title: "Noot", description: "Bijvoorbeeld waar de indeling van de bron twijfelachtig is." }),
  })
  .meta({ title: "Indicator of specificatie" });

export const IndicatorSelector = z
  .strictObject({
    standaard: z.array(z.string()).optional(),
    evaluatie: Evaluatie.optional(),
    catalog: z.string().optional(),
  })
  .meta({ title: "Selectie van indicatoren", description: "Alle indicatoren die aan elk gegeven criterium voldoen." });

export const Rule = z
  .strictObject({
    id: z.string().regex(/^[A-Z][A-Za-z0-9]*([-.][A-Za-z0-9]+)*$/).meta({ title: "Id van de regel" }),
    titel: z.string().min(1).meta({ title: "Titel", description: "Wat de regel eist, in één zin." }),
    kind: z.string().meta({ title: "Soort regel", description: "Een van de soorten die `sop-audit standards --kinds` toont." }),
    indicator: z.string().optional().meta({ title: "Indicator", description: "Het item waarvoor deze regel bewijs levert." }),
    indicatoren: IndicatorSelector.optional().meta({
      title: "Indicatoren",
      description: "Voor regels die per indicator werken (zoals de zelfevaluatiescore): welke indicatoren.",
    }),
    severity: SeverityOrOff.default("error"),
    nietAangetoond: SeverityOrOff.optional().meta({
      title: "Ernst als het niet aangetoond is",
      description: "De ernst van de melding als het document er niets over zegt (niet aangetoond); standaard die van de regel.",
    }),
    document: DocumentRef.optional(),
    params: z.record(z.string(), z.unknown()).default({}).meta({ title: "Parameters" }),
    sectoren: z.array(Sector).optional().meta({ title: "Sectoren", description: "Waar de regel geldt; standaard die van de indicator." }),
    als: z
      .strictObject({
        document: DocumentRef.optional().meta({ title: "Document", description: "Standaard het document van de regel." }),
        path: z.string().min(1).meta({ title: "Veld", description: "Bijvoorbeeld school.cluster." }),
        in: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1).meta({ title: "Een van deze waarden" }),
      })
      .optional()
      .meta({
        title: "Alleen als",
        description: "De regel geldt alleen als dit veld een van deze waarden heeft (anders n.v.t.); zegt het document er niets over, dan is niet aangetoond of de regel geldt.",
      }),
    hint: z.string().optional().meta({ title: "Hoe op te lossen", description: "Eén regel, in het Nederlands." }),
    hintEn: z.string().optional().meta({ title: "Hint in English" }),
    legalMinimum: z.boolean().optional().meta({
      title: "Wettelijk minimum",
      description: "Een profiel mag deze regel niet versoepelen (lagere ernst, uit, ruimere parameters).",
    }),
  })
  .meta({ title: "Regel" });

const Vocabulaire = z
  .array(
    z
      .strictObject({
        id: z.string().min(1),
        naam: z.string().optional(),
        synoniemen: z.array(z.string()).optional(),
        sectoren: z.array(Sector).optional().meta({
          title: "Sectoren",
          description:
            "Waar de term geldt; standaard alle. Bij ondersteuningsbehoeften: het basisaanbod van deze sectoren omvat de behoefte, dus een regel vraagt haar alleen van hun scholen.",
        }),
        uitleg: z
          .strictObject({
            naam: z.string().min(1).optional().meta({ title: "Naam in gewone woorden", examples: ["Extra hulp op school"] }),
            tekst: z.string().min(1).optional().meta({ title: "Uitleg in één korte zin", examples: ["De school geeft uw kind zelf extra hulp, bijvoorbeeld in een kleine groep."] }),
            naamEn: z.string().min(1).optional().meta({ title: "Naam in gewone woorden, in het Engels" }),
            tekstEn: z.string().min(1).optional().meta({ title: "Uitleg in het Engels" }),
          })
          .optional()
          .meta({
            title: "Uitleg voor ouders",
            description: "Wat de term betekent, in gewone woorden (taalniveau B1): de ouderversie (sop-audit ouders) toont dit in plaats van de naam uit de lijst.",
          }),
      })
      .meta({ title: "Term" }),
  )
  .meta({ title: "Lijst van termen" });

export const Lijsten = z
  .strictObject({
    ondersteuningsbehoeften: Vocabulaire.optional(),
    niveaus: Vocabulaire.optional().meta({ description: "Oplopend: van geen naar specialistisch." }),
    rollen: Vocabulaire.optional(),
    functionarissen: Vocabulaire.optional(),
    protocollen: Vocabulaire.optional(),
    onderwijstypen: Vocabulaire.optional(),
    kernpartners: Vocabulaire.optional(),
    teams: Vocabulaire.optional().meta({ description: "Namen van het multidisciplinair overleg (standaard 5)." }),
    organisatieniveaus: Vocabulaire.optional().meta({ description: "Wie iets organiseert: school, bestuur, SWV." }),
    voorzieningsoorten: Vocabulaire.optional(),
    procedures: Vocabulaire.optional(),
    fysiekeVoorzieningen: Vocabulaire.optional(),
    koppen: Vocabulaire.optional().meta({ description: "Koppen van een Markdown-SOP, voor regels van soort section-present." }),
  })
  .meta({ title: "Lijsten", description: "Woordenlijsten met synoniemen; een profiel kan een lijst vervangen." });

export const DekkendAanbodMinimum = z
  .strictObject({
    behoefte: z.string().optional().meta({ description: "Geldt voor deze behoefte; leeg: alle." }),
    niveau: z.string().meta({ title: "Minimaal niveau" }),
    scholen: z.number().int().positive().meta({ title: "Minimaal aantal scholen" }),
    per: z.enum(["onderwijstype", "kring", "gemeente", "swv"]).meta({ title: "Per" }),
  })
  .meta({ title: "Minimum voor dekkend aanbod" });

export const RuleOverride = z
  .strictObject({
    severity: SeverityOrOff.optional(),
    nietAangetoond: SeverityOrOff.optional(),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ title: "Aanpassing van een regel" });

const common = {
  apiVersion: z.literal(API_VERSION),
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/).meta({ title: "Id", description: "Kleine letters en streepjes, bijvoorbeeld swv-vo-2203." }),
  titel: z.string().min(1),
  bron: z.string().min(1).meta({ title: "Bron", description: "Het brondocument waar de regels uit komen." }),
  versie: z.string().optional(),
  standaarden: z.array(Standaard).optional(),
  indicatoren: z.array(Indicator).optional(),
  rules: z.array(Rule).optional(),
  lijsten: Lijsten.optional(),
};

export const Catalog = z.strictObject({ kind: z.literal("Catalog"), ...common }).meta({
  title: "Catalogus",
  description: "Een verzameling standaarden, indicatoren en regels uit één bron.",
});

export const Profile = z
  .strictObject({
    kind: z.literal("Profile"),
    ...common,
    extends: z.array(z.string()).min(1).meta({ title: "Bouwt voort op", description: "Ids van catalogi en profielen, in volgorde." }),
    sectoren: z.array(Sector).optional().meta({ title: "Sectoren van het SWV" }),
    overrides: z.record(z.string(), RuleOverride).optional().meta({ title: "Aanpassingen per regel-id" }),
    dekkendAanbod: z
      .strictObject({
        minima: z.array(DekkendAanbodMinimum),
        groeperen: z.array(z.enum(["onderwijstype", "kring", "gemeente"])).optional(),
      })
      .optional()
      .meta({ title: "Dekkend aanbod" }),
    maxNietAangetoond: z
      .union([
        z.number().min(0).max(1),
        z.strictObject({ aandeel: z.number().min(0).max(1), severity: z.enum(["error", "warning", "info"]).optional() }),
      ])
      .optional()
      .meta({
        title: "Hoogste aandeel niet aangetoond",
        description:
          "Een getal van 0 tot 1: het deel van de indicatoren die voor een school gelden (n.v.t. telt niet mee) dat niet aangetoond mag zijn. Een school boven die grens krijgt een melding school/niet-aangetoond, standaard een waarschuwing; `{ aandeel: 0.25, severity: error }` kiest de ernst.",
      }),
  })
  .meta({ title: "Profiel", description: "De regels van één SWV: catalogi plus eigen afspraken." });

export const RulesetFile = z.discriminatedUnion("kind", [Catalog, Profile]);

export type CatalogFile = z.infer<typeof Catalog>;
export type ProfileFile = z.infer<typeof Profile>;
export type RulesetFileDoc = z.infer<typeof RulesetFile>;
export type RuleDef = z.infer<typeof Rule>;
export type IndicatorDef = z.infer<typeof Indicator>;
export type StandaardDef = z.infer<typeof Standaard>;
export type LijstenDef = z.infer<typeof Lijsten>;
export type Vocab = NonNullable<LijstenDef["ondersteuningsbehoeften"]>;
export type DocumentRefName = z.infer<typeof DocumentRef>;
