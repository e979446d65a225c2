/**
 * The checks sop-audit makes itself, before and besides the rules of the
 * ruleset: reading files, YAML, document schemas, the repository layout,
 * waivers and the ruleset's own files. Their ids are what findings carry;
 * docs/regelreferentie.md lists them (generated) so that every rule id a
 * finding can have, including these, has an anchor to link to.
 */
import { FORMAT_CHECKS } from "../documents/validate.js";

export interface BuiltinCheck {
  id: string;
  /** What it checks, one line, Dutch. */
  omschrijving: string;
}

/** Document schema problems; for ruleset files the same checks carry `ruleset/…`. */
const SCHEMA_CHECKS: [string, string][] = [
  ["api-version", "`apiVersion` ontbreekt of is niet `sop-audit/v1`."],
  ["enum", "Een waarde staat niet in de toegestane reeks."],
  ["format", "Een waarde heeft niet de vorm die het schema vraagt (datum, schooljaar, BRIN, webadres)."],
  ["invalid", "Een waarde past niet bij het schema, om een andere reden dan de andere controles hier."],
  ["required", "Een verplicht veld ontbreekt."],
  ["too-small", "Een lijst heeft te weinig elementen, of een tekst of getal is te klein."],
  ["type", "Een waarde heeft het verkeerde type (tekst, getal, lijst, groep velden)."],
  ["unknown-key", "Een veld dat het schema niet kent; met een suggestie als het op een bekend veld lijkt."],
];

const FORMAT_NL: Record<(typeof FORMAT_CHECKS)[number], string> = {
  date: "Een datum is niet van de vorm JJJJ-MM-DD, of bestaat niet (31 februari).",
  schooljaar: "Een schooljaar is niet van de vorm JJJJ-JJJJ met twee opeenvolgende jaren.",
  brin: "Een BRIN-nummer is niet van de vorm twee cijfers en twee hoofdletters (12AB).",
  vestiging: "Het vestigingsnummer is geen tekst van twee cijfers (`vestiging: 00` wordt het getal 0).",
  schoolcode: "Een schoolcode is niet van de vorm BRIN + vestiging (12AB00).",
  url: "Een webadres begint niet met https:// of http://.",
};
for (const f of FORMAT_CHECKS) SCHEMA_CHECKS.push([f, FORMAT_NL[f]]);

export const BUILTIN_CHECKS: readonly BuiltinCheck[] = [
  { id: "config/swv-code", omschrijving: "De SWV-code in sop-audit.yaml heeft niet de vorm van een code van een samenwerkingsverband." },
  { id: "file/binary", omschrijving: "Het bestand is geen tekst." },
  { id: "file/empty", omschrijving: "Het bestand is leeg." },
  { id: "file/encoding", omschrijving: "Het bestand is geen geldige UTF-8." },
  { id: "file/unreadable", omschrijving: "Het bestand kan niet gelezen worden (rechten, verdwenen tijdens het lezen)." },
  { id: "markdown/front-matter", omschrijving: "Een Markdown-document heeft geen YAML-kop (front matter) tussen `---`-regels." },
  { id: "repo/duplicate-document", omschrijving: "Een school heeft twee documenten van dezelfde soort voor hetzelfde schooljaar." },
  { id: "repo/no-schools", omschrijving: "De map met scholen ontbreekt of is leeg." },
  { id: "repo/school-code", omschrijving: "De schoolcode in een document verschilt van de naam van de schoolmap." },
  { id: "repo/school-folder", omschrijving: "Een map onder `scholen/` heeft geen naam van de vorm BRIN + vestiging (12AB00)." },
  { id: "repo/stray-file", omschrijving: "Een bestand staat los in de map met scholen, buiten een schoolmap." },
  { id: "ruleset/invalid", omschrijving: "Een fout in een catalogus, een profiel of de regels in sop-audit.yaml (onbekende regel, indicator, lijst of parameter)." },
  { id: "ruleset/legal-minimum", omschrijving: "Een profiel of sop-audit.yaml maakt een wettelijk minimum soepeler; dat mag niet." },
  { id: "schema/kind", omschrijving: "`kind` ontbreekt, is onbekend of hoort niet op deze plaats." },
  ...SCHEMA_CHECKS.map(([id, omschrijving]) => ({ id: `schema/${id}`, omschrijving })),
  // ruleset/invalid has a description of its own above.
  ...SCHEMA_CHECKS.filter(([id]) => id !== "invalid").map(([id, omschrijving]) => ({ id: `ruleset/${id}`, omschrijving: `In een regelsetbestand: ${omschrijving.charAt(0).toLowerCase()}${omschrijving.slice(1)}` })),
  { id: "waiver/expired", omschrijving: "Een uitzondering is verlopen; de regel telt weer mee." },
  { id: "waiver/unused", omschrijving: "Een geldige uitzondering zonderde niets uit (verkeerd regel-id of bereik, of het punt is opgelost)." },
  { id: "yaml/duplicate-key", omschrijving: "Een sleutel staat twee keer in dezelfde groep velden." },
  { id: "yaml/not-a-mapping", omschrijving: "Het document is geen groep velden (maar een lijst of één waarde)." },
  { id: "yaml/syntax", omschrijving: "De YAML kan niet gelezen worden (inspringing, aanhalingstekens, haakjes)." },
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
