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
  /** The same in English (`--lang en`). */
  description: string;
}

/** Document schema problems; for ruleset files the same checks carry `ruleset/…`. */
const SCHEMA_CHECKS: [string, string, string][] = [
  ["api-version", "`apiVersion` ontbreekt of is niet `sop-audit/v1`.", "`apiVersion` is missing or is not `sop-audit/v1`."],
  ["enum", "Een waarde staat niet in de toegestane reeks.", "A value is not one of the allowed values."],
  ["format", "Een waarde heeft niet de vorm die het schema vraagt (datum, schooljaar, BRIN, webadres).", "A value does not have the form the schema asks for (date, school year, BRIN, web address)."],
  ["invalid", "Een waarde past niet bij het schema, om een andere reden dan de andere controles hier.", "A value does not fit the schema, for a reason other than the other checks here."],
  ["normalised", "Een waarde zoals mensen haar in een tekstverwerker schrijven (schooljaar 2013/2014, datum 1 oktober 2024, getal 27,1) is zo gelezen en telt mee; de hint geeft de schrijfwijze die elk programma leest.", "A value written the way people write it in a word processor (school year 2013/2014, date 1 oktober 2024, number 27,1) is read that way and counts; the hint gives the spelling every program reads."],
  ["required", "Een verplicht veld ontbreekt.", "A required field is missing."],
  ["too-small", "Een lijst heeft te weinig elementen, of een tekst of getal is te klein.", "A list has too few elements, or a text or number is too small."],
  ["type", "Een waarde heeft het verkeerde type (tekst, getal, lijst, groep velden).", "A value has the wrong type (text, number, list, group of fields)."],
  ["unknown-key", "Een veld dat het schema niet kent; met een suggestie als het op een bekend veld lijkt.", "A field the schema does not know; with a suggestion when it resembles a known one."],
];

const FORMAT_TEXT: Record<(typeof FORMAT_CHECKS)[number], [string, string]> = {
  date: ["Een datum is niet van de vorm JJJJ-MM-DD, of bestaat niet (31 februari).", "A date is not of the form YYYY-MM-DD, or does not exist (31 February)."],
  schooljaar: ["Een schooljaar is niet van de vorm JJJJ-JJJJ met twee opeenvolgende jaren.", "A school year is not of the form YYYY-YYYY with two consecutive years."],
  brin: ["Een BRIN-nummer is niet van de vorm twee cijfers en twee hoofdletters (12AB).", "A BRIN number is not of the form two digits and two capital letters (12AB)."],
  vestiging: ["Het vestigingsnummer is geen tekst van twee cijfers (`vestiging: 00` wordt het getal 0).", "The location number is not a text of two digits (`vestiging: 00` becomes the number 0)."],
  schoolcode: ["Een schoolcode is niet van de vorm BRIN + vestiging (12AB00).", "A school code is not of the form BRIN + location (12AB00)."],
  url: ["Een webadres begint niet met https:// of http://.", "A web address does not start with https:// or http://."],
};
for (const f of FORMAT_CHECKS) SCHEMA_CHECKS.push([f, ...FORMAT_TEXT[f]]);

export const BUILTIN_CHECKS: readonly BuiltinCheck[] = [
  { id: "config/swv-code", omschrijving: "De SWV-code in sop-audit.yaml heeft niet de vorm van een code van een samenwerkingsverband.", description: "The SWV code in sop-audit.yaml does not have the form of a samenwerkingsverband's code." },
  { id: "config/swv-code-missing", omschrijving: "sop-audit.yaml noemt geen SWV-code (`swv.code`); uitvoer en rapporten noemen het samenwerkingsverband dan alleen bij naam.", description: "sop-audit.yaml gives no SWV code (`swv.code`); outputs and reports then name the samenwerkingsverband by its name alone." },
  { id: "file/binary", omschrijving: "Het bestand is geen tekst.", description: "The file is not text." },
  { id: "file/empty", omschrijving: "Het bestand is leeg.", description: "The file is empty." },
  { id: "file/encoding", omschrijving: "Het bestand is geen geldige UTF-8.", description: "The file is not valid UTF-8." },
  { id: "file/unreadable", omschrijving: "Het bestand kan niet gelezen worden (rechten, verdwenen tijdens het lezen, een symbolische link die nergens heen wijst).", description: "The file cannot be read (permissions, gone while reading, a symbolic link that points nowhere)." },
  { id: "file/outside-repository", omschrijving: "Een symbolische link wijst naar een plek buiten de repository; die wordt niet gelezen.", description: "A symbolic link points to a place outside the repository, which is not read." },
  { id: "file/too-large", omschrijving: "Het bestand is groter dan de grens voor een invoerbestand (2 MiB) en wordt niet gelezen.", description: "The file is larger than the limit for an input file (2 MiB) and is not read." },
  { id: "markdown/front-matter", omschrijving: "Een Markdown-document heeft geen YAML-kop (front matter) tussen `---`-regels, of de kop wordt niet afgesloten.", description: "A Markdown document has no YAML header (front matter) between `---` lines, or the header is not closed." },
  { id: "markdown/front-matter-language", omschrijving: "De front matter is in een andere taal dan YAML (`---js`, `---toml`, `---json`); die wordt niet gelezen en nooit uitgevoerd.", description: "The front matter is in a language other than YAML (`---js`, `---toml`, `---json`); it is not read and never run." },
  { id: "repo/duplicate-document", omschrijving: "Een school heeft twee documenten van dezelfde soort voor hetzelfde schooljaar.", description: "A school has two documents of the same kind for the same school year." },
  { id: "repo/duplicate-school", omschrijving: "Twee schoolmappen horen bij dezelfde school (dezelfde BRIN + vestiging); beide worden getoetst, de tweede onder de naam van haar map.", description: "Two school folders belong to the same school (the same BRIN + location); both are audited, the second under the name of its folder." },
  { id: "repo/no-schools", omschrijving: "De map met scholen ontbreekt of is leeg.", description: "The folder of schools is missing or empty." },
  { id: "repo/school-code", omschrijving: "De schoolcode in een document verschilt van de school: de naam van de schoolmap, of de code die een ander document (het SOP) noemt.", description: "The school code in a document differs from the school's: the name of the school folder, or the code another document (the SOP) gives." },
  { id: "repo/school-folder", omschrijving: "Een map onder `scholen/` heeft geen naam van de vorm BRIN + vestiging (12AB00). De school wordt toch getoetst, onder de code uit haar documenten, de mapnaam in hoofdletters, of anders de mapnaam zelf.", description: "A folder under `scholen/` is not named BRIN + location (12AB00). The school is audited all the same, under the code from its documents, the folder name in capitals, or else the folder name itself." },
  { id: "repo/stray-file", omschrijving: "Een bestand staat los in de map met scholen, buiten een schoolmap.", description: "A file sits loose in the folder of schools, outside a school folder." },
  { id: "ruleset/invalid", omschrijving: "Een fout in een catalogus, een profiel of de regels in sop-audit.yaml (onbekende regel, indicator, lijst of parameter).", description: "An error in a catalog, a profile or the rules in sop-audit.yaml (unknown rule, item, list or parameter)." },
  { id: "ruleset/legal-minimum", omschrijving: "Een profiel of sop-audit.yaml maakt een wettelijk minimum soepeler; dat mag niet.", description: "A profile or sop-audit.yaml makes a legal minimum less strict; that is not allowed." },
  { id: "school/niet-aangetoond", omschrijving: "Meer indicatoren van een school zijn niet aangetoond dan het profiel toestaat (`maxNietAangetoond`, een aandeel van de indicatoren die voor de school gelden); standaard een waarschuwing.", description: "More of a school's indicators are not shown than the profile allows (`maxNietAangetoond`, a share of the indicators that apply to the school); a warning by default." },
  { id: "schema/kind", omschrijving: "`kind` ontbreekt, is onbekend of hoort niet op deze plaats.", description: "`kind` is missing, unknown or does not belong in this place." },
  ...SCHEMA_CHECKS.map(([id, omschrijving, description]) => ({ id: `schema/${id}`, omschrijving, description })),
  // ruleset/invalid has a description of its own above.
  ...SCHEMA_CHECKS.filter(([id]) => id !== "invalid").map(([id, omschrijving, description]) => ({
    id: `ruleset/${id}`,
    omschrijving: `In een regelsetbestand: ${lowerFirst(omschrijving)}`,
    description: `In a ruleset file: ${lowerFirst(description)}`,
  })),
  { id: "waiver/expired", omschrijving: "Een uitzondering is verlopen; de regel telt weer mee.", description: "A waiver has expired; the rule counts again." },
  { id: "waiver/unused", omschrijving: "Een geldige uitzondering zonderde niets uit (verkeerd regel-id of bereik, of het punt is opgelost).", description: "A valid waiver waived nothing (wrong rule id or scope, or the issue was fixed)." },
  { id: "yaml/duplicate-key", omschrijving: "Een sleutel staat twee keer in dezelfde groep velden.", description: "A key occurs twice in the same group of fields." },
  { id: "yaml/not-a-mapping", omschrijving: "Het document is geen groep velden (maar een lijst of één waarde).", description: "The document is not a group of fields (but a list or a single value)." },
  { id: "yaml/syntax", omschrijving: "De YAML kan niet gelezen worden (inspringing, aanhalingstekens, haakjes).", description: "The YAML cannot be read (indentation, quotes, brackets)." },
  { id: "yaml/alias", omschrijving: "Een alias (`*naam`) verwijst naar een anker dat niet bestaat, of het document gebruikt meer dan 100 aliassen.", description: "An alias (`*name`) refers to an anchor that does not exist, or the document uses more than 100 aliases." },
  { id: "yaml/reserved-key", omschrijving: "Een sleutel als `__proto__` of `constructor`; die wordt overgeslagen.", description: "A key such as `__proto__` or `constructor`; it is skipped." },
  { id: "yaml/tab", omschrijving: "Een tab als inspringing; YAML staat alleen spaties toe.", description: "A tab used as indentation; YAML allows only spaces." },
  { id: "yaml/tag", omschrijving: "Een YAML-tag (`!!js/function`, `!eigen`); sop-audit leest alleen gewone gegevens en telt de waarde als tekst.", description: "A YAML tag (`!!js/function`, `!own`); sop-audit reads plain data only and counts the value as text." },
  { id: "yaml/too-deep", omschrijving: "De gegevens zijn dieper genest dan 64 niveaus.", description: "The data is nested deeper than 64 levels." },
].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Lower-cases the first letter, unless the text starts with code (`apiVersion`). */
function lowerFirst(s: string): string {
  return s.startsWith("`") ? s : `${s.charAt(0).toLowerCase()}${s.slice(1)}`;
}
