/**
 * Every user-facing sentence, in Dutch (default) and English. Messages are
 * functions of plain values so they stay one line and easy to translate.
 */
import type { ReadFailure } from "../core/read-input.js";
import type { Lang, Severity, Status } from "../core/types.js";

type Vals = Record<string, string | number | undefined>;
type Msg = (v: Vals) => string;

const q = (s: string | number | undefined) => (s === undefined ? "" : JSON.stringify(String(s)));

const nl = {
  "cli.title.Usage:": () => "Gebruik:",
  "cli.title.Options:": () => "Opties:",
  "cli.title.Commands:": () => "Opdrachten:",
  "cli.title.Arguments:": () => "Argumenten:",
  "cli.title.Global Options:": () => "Algemene opties:",
  "cli.helpCommand": () => "toon hulp bij een opdracht",
  "cli.usage.options": () => "[opties]",
  "cli.usage.command": () => "[opdracht]",
  "cli.error": (v) => `fout: ${v.text}`,
  "cli.unknownOption": (v) => `onbekende optie ${v.name}`,
  "cli.unknownCommand": (v) => `onbekende opdracht ${v.name}`,
  "cli.didYouMean": (v) => `(Bedoelde je ${v.name}?)`,
  "cli.argumentMissing": (v) => `optie ${v.name} mist een waarde`,
  "cli.missingArgument": (v) => `argument ${v.name} ontbreekt`,
  "cli.tooManyArguments": (v) => `te veel argumenten: ${v.expected} verwacht, ${v.got} gekregen`,
  "cli.invalidChoice": (v) => `optie ${v.name}: ${v.value} is geen geldige waarde; kies uit ${v.choices}`,
  "sev.error": () => "fout",
  "sev.warning": () => "waarschuwing",
  "sev.info": () => "info",
  "status.voldoet": () => "voldoet",
  "status.voldoet-niet": () => "voldoet niet",
  "status.niet-aangetoond": () => "niet aangetoond",
  "status.uitgezonderd": () => "uitgezonderd",
  "status.nvt": () => "n.v.t.",

  "file.unreadable": (v) => `bestand kan niet gelezen worden: ${v.reason}`,
  "file.empty": () => "bestand is leeg",
  "file.empty.hint": () => "Begin het bestand met apiVersion: sop-audit/v1 en kind, of verwijder het.",
  "schema.asNumber": (v) => `het getal ${v.value}`,
  "file.binary": () => "bestand is geen tekst (binair bestand)",
  "file.encoding": () => "bestand is geen geldige UTF-8-tekst",
  "file.hint.resave": () => "Sla het bestand op als UTF-8-tekst (YAML of Markdown).",
  "yaml.syntax": (v) => `YAML kan niet gelezen worden: ${v.detail}`,
  "yaml.syntax.hint": () => "Controleer inspringing, dubbele punten en aanhalingstekens op deze regel en de regel erboven.",
  "yaml.duplicate": (v) => `sleutel ${q(v.key)} komt twee keer voor`,
  "yaml.duplicate.hint": () => "Verwijder of hernoem een van beide; alleen de laatste zou anders tellen.",
  "yaml.notmap": () => "het document moet een lijst van sleutels en waarden zijn (een YAML-mapping)",
  "md.nofrontmatter": () => "Markdown-bestand zonder front matter (gegevens tussen twee regels ---)",
  "md.nofrontmatter.hint": () => "Zet bovenaan de gegevens tussen '---' en '---', te beginnen met apiVersion en kind.",
  "md.fmLanguage": (v) => `front matter in een andere taal dan YAML (---${v.found}) wordt niet gelezen en nooit uitgevoerd`,
  "md.fmLanguage.hint": () => "Begin de front matter met een regel met alleen '---' en schrijf de gegevens in YAML.",
  "md.fmUnclosed": () => "de front matter wordt niet afgesloten met een regel '---'",
  "md.fmUnclosed.hint": () => "Zet na de gegevens een regel met alleen '---'; daarna begint de tekst.",
  "yaml.tab": () => "een tab als inspringing; YAML staat alleen spaties toe",
  "yaml.tab.hint": () => "Vervang de tab aan het begin van deze regel door spaties (twee per niveau).",
  "yaml.tag": (v) => `YAML-tag ${q(v.found)} wordt niet ondersteund; de waarde telt als gewone tekst`,
  "yaml.tag.hint": () => "Verwijder de tag (het deel met ! of !!): sop-audit leest alleen gewone gegevens.",
  "yaml.alias": (v) => `een alias (*naam) verwijst naar een anker dat niet bestaat, of er zijn meer dan ${v.max} aliassen`,
  "yaml.alias.hint": () => "Schrijf de waarde uit in plaats van &anker en *alias te gebruiken.",
  "yaml.tooDeep": (v) => `de gegevens zijn te diep genest (meer dan ${v.max} niveaus) om te lezen`,
  "yaml.tooDeep.hint": () => "Controleer de inspringing en haakjes; een document van een school heeft maar een paar niveaus.",
  "yaml.reservedKey": (v) => `sleutel ${q(v.key)} is niet toegestaan en wordt overgeslagen`,
  "yaml.reservedKey.hint": () => "Verwijder deze sleutel; hij hoort in geen enkel document.",

  "doc.kind.missing": () => "het veld kind ontbreekt: onbekend wat voor document dit is",
  "doc.kind.unknown": (v) => `onbekende kind ${q(v.found)}${v.suggestion ? `; bedoelde je ${q(v.suggestion)}?` : ""}`,
  "doc.kind.hint": (v) => `Gebruik een van: ${v.expected}.`,
  "doc.apiVersion": (v) => `apiVersion moet ${q(v.expected)} zijn, gevonden: ${v.found}`,
  "doc.misplaced": (v) => `een document van soort ${v.kind} hoort ${v.where}`,

  "schema.required": (v) => `verplicht veld ${v.path} ontbreekt`,
  "schema.required.hint": (v) => `Voeg ${v.key} toe${v.title ? ` (${v.title})` : ""}.`,
  "schema.unknownKey": (v) =>
    `onbekend veld ${q(v.key)}${v.parent ? ` in ${v.parent}` : ""}${v.suggestion ? `; bedoelde je ${q(v.suggestion)}?` : ""}`,
  "schema.unknownKey.hint": (v) => (v.suggestion ? `Hernoem ${q(v.key)} naar ${q(v.suggestion)}.` : `Verwijder ${q(v.key)} of controleer de spelling; toegestaan: ${v.allowed}.`),
  "schema.type": (v) => `${v.path} moet ${v.expected} zijn, gevonden: ${v.found}`,
  "schema.type.hint": (v) => `Schrijf ${v.path} als ${v.expected}.`,
  "schema.date": (v) => `${v.path} moet een datum zijn (JJJJ-MM-DD), gevonden: ${v.found}`,
  "schema.date.hint": () => "Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2025-10-01.",
  "schema.schooljaar": (v) => `${v.path} moet een schooljaar zijn (JJJJ-JJJJ, twee opeenvolgende jaren), gevonden: ${v.found}`,
  "schema.schooljaar.hint": () => "Schrijf het schooljaar als 2025-2026.",
  "schema.brin": (v) => `${v.path} is geen geldig BRIN-nummer (twee cijfers en twee hoofdletters), gevonden: ${v.found}`,
  "schema.brin.hint": () => "Een BRIN-nummer is bijvoorbeeld 12AB; het vestigingsnummer staat apart onder vestiging.",
  "schema.vestiging": (v) => `${v.path} moet twee cijfers tussen aanhalingstekens zijn, gevonden: ${v.found}`,
  "schema.vestiging.hint": () => "Schrijf het vestigingsnummer tussen aanhalingstekens, bijvoorbeeld vestiging: \"00\"; zonder aanhalingstekens wordt 00 het getal 0.",
  "schema.schoolcode": (v) => `${v.path} moet een schoolcode zijn (BRIN + vestiging, bijvoorbeeld 12AB00), gevonden: ${v.found}`,
  "schema.schoolcode.hint": () => "Schrijf de schoolcode als vier tekens BRIN plus twee cijfers vestiging: 12AB00.",
  "schema.url": (v) => `${v.path} moet een volledig webadres zijn (https://…), gevonden: ${v.found}`,
  "schema.url.hint": () => "Begin het webadres met https://.",
  "schema.enum": (v) => `${v.path} moet een van ${v.expected} zijn, gevonden: ${v.found}${v.suggestion ? `; bedoelde je ${q(v.suggestion)}?` : ""}`,
  "schema.enum.hint": (v) => (v.suggestion ? `Vervang door ${q(v.suggestion)}.` : `Kies een van: ${v.expected}.`),
  "schema.tooSmall.array": (v) => `${v.path} moet minstens ${v.min} ${Number(v.min) === 1 ? "element" : "elementen"} bevatten, gevonden: ${v.found}`,
  "schema.tooSmall.string": (v) => `${v.path} mag niet leeg zijn`,
  "schema.tooSmall.number": (v) => `${v.path} moet minstens ${v.min} zijn, gevonden: ${v.found}`,
  "schema.tooSmall.hint": () => "Vul dit veld in.",
  "schema.other": (v) => `${v.path}: ${v.detail}`,

  "type.string": () => "tekst",
  "type.number": () => "een getal",
  "type.boolean": () => "true of false",
  "type.object": () => "een groep velden (mapping)",
  "type.array": () => "een lijst",
  "type.null": () => "leeg",
  "type.missing": () => "niets",

  "repo.noConfig": (v) => `geen sop-audit.yaml gevonden in ${v.dir} of een map erboven`,
  "repo.noConfig.hint": () => "Ga naar de map van de SWV-repository, of geef die aan met -C <map>. Een nieuwe repository begint met een sop-audit.yaml (zie docs/repository.md).",
  "repo.notDir": (v) => `${v.dir} is geen map`,
  "repo.badConfig": (v) => `de configuratie ${v.file} bevat fouten; los die eerst op`,
  "repo.configUnreadable": (v) => `de configuratie ${v.file} kan niet gelezen worden: ${v.reason}`,
  "repo.noSchools": (v) => `geen scholen gevonden in ${v.dir}`,
  "repo.badFolder": (v) => `map ${q(v.found)} is geen schoolcode (BRIN + vestiging, bijvoorbeeld 12AB00)`,
  "repo.badFolder.hint": () => "Hernoem de map naar de schoolcode: twee cijfers, twee hoofdletters en twee cijfers.",
  "repo.strayFile": (v) => `bestand ${q(v.file)} staat niet in een schoolmap en wordt niet gelezen`,
  "repo.schoolMismatch": (v) => `${v.path} is ${v.found}, maar de map heet ${v.expected}`,
  "repo.schoolMismatch.hint": () => "Zet het document in de map van de juiste school, of verbeter de schoolcode.",
  "repo.duplicateDoc": (v) => `er is al een ${v.kind} voor schooljaar ${v.schooljaar} (${v.other})`,
  "repo.duplicateDoc.hint": () => "Houd per schooljaar één document van deze soort; verwijder of hernoem het andere.",
  "repo.unknownPath": (v) => `pad ${q(v.path)} bestaat niet`,
  "repo.pathOutside": (v) => `pad ${q(v.path)} ligt buiten de repository`,

  "summary.problems": (v) => `${v.total} ${Number(v.total) === 1 ? "probleem" : "problemen"} (${v.errors} ${Number(v.errors) === 1 ? "fout" : "fouten"}, ${v.warnings} ${Number(v.warnings) === 1 ? "waarschuwing" : "waarschuwingen"}, ${v.infos} info)`,
  "summary.none": () => "geen problemen",
  "summary.scope": (v) => `${v.schools} ${Number(v.schools) === 1 ? "school" : "scholen"}, ${v.files} bestanden, peildatum ${v.peildatum}, profiel ${v.profile}`,
  "summary.waived": (v) => `${v.waived} uitgezonderd`,

  "read.noEntry": () => "het bestaat niet (meer), of is een symbolische link naar iets dat niet bestaat",
  "read.loop": () => "een kring van symbolische links",
  "read.noAccess": () => "geen toestemming om het te lezen",
  "read.isDir": () => "het is een map, geen bestand",
  "read.fifo": () => "het is een pijp (FIFO), geen bestand",
  "read.device": () => "het is een apparaat, geen bestand",
  "read.special": () => "het is geen gewoon bestand",
  "read.tooLarge": (v) => `het is ${v.size} bytes, meer dan de grens van ${v.limit} bytes voor een invoerbestand`,
  "read.outside": () => "het is een symbolische link naar een plek buiten de repository; die wordt niet gelezen",
  "cache.rebuilt": (v) => `de cache ${v.file} wordt niet gebruikt maar opnieuw opgebouwd: ${v.reason}`,
  "cache.unused": (v) => `de cache ${v.file} wordt niet gebruikt en niet geschreven: ${v.reason}`,
  "cache.notCache": () => "het is geen cachebestand van sop-audit",
  "cache.otherFormat": (v) => `het is een cache in formaat ${v.found}; deze versie gebruikt formaat ${v.expected}`,
  "cache.otherVersion": (v) => `hij is geschreven door sop-audit ${v.found}; dit is ${v.expected}`,
  "cache.checksum": () => "de controlesom klopt niet: het bestand is beschadigd, gewijzigd of voor een andere repository geschreven",
  "cache.damaged": () => "het bestand is beschadigd of afgebroken",
  "cache.tooLarge": (v) => `het is ${v.size} bytes, meer dan de grens van ${v.limit} bytes voor een cache`,

  "write.failed": (v) => `kan ${v.file} niet schrijven: ${v.reason}`,
  "write.noAccess": () => "geen toestemming om daar te schrijven",
  "write.notDir": () => "een deel van het pad is een bestand, geen map",
  "write.isDir": () => "dat is een map",
  "write.full": () => "de schijf is vol",
  "write.readOnly": () => "het bestandssysteem is alleen-lezen",
  "write.noDir": () => "de map bestaat niet en kan niet gemaakt worden",
  "write.system": (v) => `${v.place} ligt op een bestandssysteem van het systeem zelf (zoals /proc of /sys), niet een voor bestanden`,
  "write.device": (v) => `${v.place} is een apparaat, geen map of bestand`,
  "write.devices": () => "in /dev staan apparaten: sop-audit schrijft daar alleen naar een bestaand apparaat, zoals /dev/null of /dev/stdout",
  "write.hint": () => "Kies een plek waar je mag schrijven (een map, geen bestand), of maak ruimte vrij.",
  "watch.limit": (v) => `kan de map ${v.dir} niet volgen: het systeem staat niet meer gevolgde mappen toe`,
  "watch.limit.hint": (v) => `sop-audit volgde al ${v.watched} mappen. Verhoog op Linux fs.inotify.max_user_watches (met sysctl), of toets zonder --watch.`,
  "watch.ran": (v) => `${v.checked} van de ${v.schools} scholen getoetst; wacht op wijzigingen (Ctrl-C stopt)`,
  "watch.failed": () => "de toets mislukte; wacht op wijzigingen (Ctrl-C stopt)",
} satisfies Record<string, Msg>;

export type MessageKey = keyof typeof nl;

const en: Record<MessageKey, Msg> = {
  "cli.title.Usage:": () => "Usage:",
  "cli.title.Options:": () => "Options:",
  "cli.title.Commands:": () => "Commands:",
  "cli.title.Arguments:": () => "Arguments:",
  "cli.title.Global Options:": () => "Global Options:",
  "cli.helpCommand": () => "display help for command",
  "cli.usage.options": () => "[options]",
  "cli.usage.command": () => "[command]",
  "cli.error": (v) => `error: ${v.text}`,
  "cli.unknownOption": (v) => `unknown option ${v.name}`,
  "cli.unknownCommand": (v) => `unknown command ${v.name}`,
  "cli.didYouMean": (v) => `(Did you mean ${v.name}?)`,
  "cli.argumentMissing": (v) => `option ${v.name} argument missing`,
  "cli.missingArgument": (v) => `missing required argument ${v.name}`,
  "cli.tooManyArguments": (v) => `too many arguments: expected ${v.expected}, got ${v.got}`,
  "cli.invalidChoice": (v) => `option ${v.name}: ${v.value} is invalid; allowed choices are ${v.choices}`,
  "sev.error": () => "error",
  "sev.warning": () => "warning",
  "sev.info": () => "info",
  "status.voldoet": () => "meets",
  "status.voldoet-niet": () => "does not meet",
  "status.niet-aangetoond": () => "not shown",
  "status.uitgezonderd": () => "waived",
  "status.nvt": () => "n/a",

  "file.unreadable": (v) => `file cannot be read: ${v.reason}`,
  "file.empty": () => "file is empty",
  "file.empty.hint": () => "Start the file with apiVersion: sop-audit/v1 and kind, or remove it.",
  "schema.asNumber": (v) => `the number ${v.value}`,
  "file.binary": () => "file is not text (binary file)",
  "file.encoding": () => "file is not valid UTF-8 text",
  "file.hint.resave": () => "Save the file as UTF-8 text (YAML or Markdown).",
  "yaml.syntax": (v) => `YAML cannot be read: ${v.detail}`,
  "yaml.syntax.hint": () => "Check indentation, colons and quotes on this line and the line above.",
  "yaml.duplicate": (v) => `key ${q(v.key)} occurs twice`,
  "yaml.duplicate.hint": () => "Remove or rename one of them; otherwise only the last one would count.",
  "yaml.notmap": () => "the document must be a set of keys and values (a YAML mapping)",
  "md.nofrontmatter": () => "Markdown file without front matter (data between two --- lines)",
  "md.nofrontmatter.hint": () => "Put the data at the top between '---' and '---', starting with apiVersion and kind.",
  "md.fmLanguage": (v) => `front matter in a language other than YAML (---${v.found}) is not read and never run`,
  "md.fmLanguage.hint": () => "Start the front matter with a line holding only '---' and write the data in YAML.",
  "md.fmUnclosed": () => "the front matter is not closed by a line '---'",
  "md.fmUnclosed.hint": () => "Put a line holding only '---' after the data; the text starts after it.",
  "yaml.tab": () => "a tab used as indentation; YAML allows only spaces",
  "yaml.tab.hint": () => "Replace the tab at the start of this line with spaces (two per level).",
  "yaml.tag": (v) => `YAML tag ${q(v.found)} is not supported; the value counts as plain text`,
  "yaml.tag.hint": () => "Remove the tag (the part with ! or !!): sop-audit reads plain data only.",
  "yaml.alias": (v) => `an alias (*name) refers to an anchor that does not exist, or there are more than ${v.max} aliases`,
  "yaml.alias.hint": () => "Write the value out instead of using &anchor and *alias.",
  "yaml.tooDeep": (v) => `the data is nested too deeply (more than ${v.max} levels) to be read`,
  "yaml.tooDeep.hint": () => "Check the indentation and brackets; a school's document has only a few levels.",
  "yaml.reservedKey": (v) => `key ${q(v.key)} is not allowed and is skipped`,
  "yaml.reservedKey.hint": () => "Remove this key; it belongs in no document.",

  "doc.kind.missing": () => "the field kind is missing: unknown what this document is",
  "doc.kind.unknown": (v) => `unknown kind ${q(v.found)}${v.suggestion ? `; did you mean ${q(v.suggestion)}?` : ""}`,
  "doc.kind.hint": (v) => `Use one of: ${v.expected}.`,
  "doc.apiVersion": (v) => `apiVersion must be ${q(v.expected)}, found: ${v.found}`,
  "doc.misplaced": (v) => `a document of kind ${v.kind} belongs ${v.where}`,

  "schema.required": (v) => `required field ${v.path} is missing`,
  "schema.required.hint": (v) => `Add ${v.key}${v.title ? ` (${v.title})` : ""}.`,
  "schema.unknownKey": (v) =>
    `unknown field ${q(v.key)}${v.parent ? ` in ${v.parent}` : ""}${v.suggestion ? `; did you mean ${q(v.suggestion)}?` : ""}`,
  "schema.unknownKey.hint": (v) => (v.suggestion ? `Rename ${q(v.key)} to ${q(v.suggestion)}.` : `Remove ${q(v.key)} or check the spelling; allowed: ${v.allowed}.`),
  "schema.type": (v) => `${v.path} must be ${v.expected}, found: ${v.found}`,
  "schema.type.hint": (v) => `Write ${v.path} as ${v.expected}.`,
  "schema.date": (v) => `${v.path} must be a date (YYYY-MM-DD), found: ${v.found}`,
  "schema.date.hint": () => "Write the date as YYYY-MM-DD, for example 2025-10-01.",
  "schema.schooljaar": (v) => `${v.path} must be a school year (YYYY-YYYY, two consecutive years), found: ${v.found}`,
  "schema.schooljaar.hint": () => "Write the school year as 2025-2026.",
  "schema.brin": (v) => `${v.path} is not a valid BRIN (two digits and two capital letters), found: ${v.found}`,
  "schema.brin.hint": () => "A BRIN is for example 12AB; the location number goes under vestiging.",
  "schema.vestiging": (v) => `${v.path} must be two digits in quotes, found: ${v.found}`,
  "schema.vestiging.hint": () => "Quote the location number, for example vestiging: \"00\"; unquoted, 00 becomes the number 0.",
  "schema.schoolcode": (v) => `${v.path} must be a school code (BRIN + location, for example 12AB00), found: ${v.found}`,
  "schema.schoolcode.hint": () => "Write the school code as the four-character BRIN plus the two-digit location: 12AB00.",
  "schema.url": (v) => `${v.path} must be a full web address (https://…), found: ${v.found}`,
  "schema.url.hint": () => "Start the web address with https://.",
  "schema.enum": (v) => `${v.path} must be one of ${v.expected}, found: ${v.found}${v.suggestion ? `; did you mean ${q(v.suggestion)}?` : ""}`,
  "schema.enum.hint": (v) => (v.suggestion ? `Replace with ${q(v.suggestion)}.` : `Choose one of: ${v.expected}.`),
  "schema.tooSmall.array": (v) => `${v.path} must have at least ${v.min} ${Number(v.min) === 1 ? "item" : "items"}, found: ${v.found}`,
  "schema.tooSmall.string": (v) => `${v.path} must not be empty`,
  "schema.tooSmall.number": (v) => `${v.path} must be at least ${v.min}, found: ${v.found}`,
  "schema.tooSmall.hint": () => "Fill in this field.",
  "schema.other": (v) => `${v.path}: ${v.detail}`,

  "type.string": () => "text",
  "type.number": () => "a number",
  "type.boolean": () => "true or false",
  "type.object": () => "a group of fields (mapping)",
  "type.array": () => "a list",
  "type.null": () => "empty",
  "type.missing": () => "nothing",

  "repo.noConfig": (v) => `no sop-audit.yaml found in ${v.dir} or any folder above it`,
  "repo.noConfig.hint": () => "Change to the SWV repository folder, or name it with -C <dir>. A new repository starts with a sop-audit.yaml (see docs/repository.md).",
  "repo.notDir": (v) => `${v.dir} is not a folder`,
  "repo.badConfig": (v) => `the configuration ${v.file} has errors; fix those first`,
  "repo.configUnreadable": (v) => `the configuration ${v.file} cannot be read: ${v.reason}`,
  "repo.noSchools": (v) => `no schools found in ${v.dir}`,
  "repo.badFolder": (v) => `folder ${q(v.found)} is not a school code (BRIN + location, for example 12AB00)`,
  "repo.badFolder.hint": () => "Rename the folder to the school code: two digits, two capital letters and two digits.",
  "repo.strayFile": (v) => `file ${q(v.file)} is not in a school folder and is not read`,
  "repo.schoolMismatch": (v) => `${v.path} is ${v.found}, but the folder is ${v.expected}`,
  "repo.schoolMismatch.hint": () => "Move the document to the right school's folder, or correct the school code.",
  "repo.duplicateDoc": (v) => `there is already a ${v.kind} for school year ${v.schooljaar} (${v.other})`,
  "repo.duplicateDoc.hint": () => "Keep one document of this kind per school year; remove or rename the other.",
  "repo.unknownPath": (v) => `path ${q(v.path)} does not exist`,
  "repo.pathOutside": (v) => `path ${q(v.path)} is outside the repository`,

  "summary.problems": (v) => `${v.total} ${Number(v.total) === 1 ? "problem" : "problems"} (${v.errors} ${Number(v.errors) === 1 ? "error" : "errors"}, ${v.warnings} ${Number(v.warnings) === 1 ? "warning" : "warnings"}, ${v.infos} info)`,
  "summary.none": () => "no problems",
  "summary.scope": (v) => `${v.schools} ${Number(v.schools) === 1 ? "school" : "schools"}, ${v.files} files, reference date ${v.peildatum}, profile ${v.profile}`,
  "summary.waived": (v) => `${v.waived} waived`,

  "read.noEntry": () => "it does not exist (any more), or is a symbolic link to something that does not exist",
  "read.loop": () => "a loop of symbolic links",
  "read.noAccess": () => "no permission to read it",
  "read.isDir": () => "it is a folder, not a file",
  "read.fifo": () => "it is a pipe (FIFO), not a file",
  "read.device": () => "it is a device, not a file",
  "read.special": () => "it is not a regular file",
  "read.tooLarge": (v) => `it is ${v.size} bytes, more than the limit of ${v.limit} bytes for an input file`,
  "read.outside": () => "it is a symbolic link to a place outside the repository, which is not read",
  "cache.rebuilt": (v) => `the cache ${v.file} is not used but rebuilt: ${v.reason}`,
  "cache.unused": (v) => `the cache ${v.file} is neither used nor written: ${v.reason}`,
  "cache.notCache": () => "it is not a sop-audit cache file",
  "cache.otherFormat": (v) => `it is a cache in format ${v.found}; this version uses format ${v.expected}`,
  "cache.otherVersion": (v) => `it was written by sop-audit ${v.found}; this is ${v.expected}`,
  "cache.checksum": () => "its checksum does not match: the file is damaged, changed or written for another repository",
  "cache.damaged": () => "the file is damaged or cut short",
  "cache.tooLarge": (v) => `it is ${v.size} bytes, more than the limit of ${v.limit} bytes for a cache`,

  "write.failed": (v) => `cannot write ${v.file}: ${v.reason}`,
  "write.noAccess": () => "no permission to write there",
  "write.notDir": () => "part of the path is a file, not a folder",
  "write.isDir": () => "that is a folder",
  "write.full": () => "the disk is full",
  "write.readOnly": () => "the file system is read-only",
  "write.noDir": () => "the folder does not exist and cannot be made",
  "write.system": (v) => `${v.place} is on a file system of the system itself (like /proc or /sys), not one for files`,
  "write.device": (v) => `${v.place} is a device, not a folder or a file`,
  "write.devices": () => "/dev holds devices: sop-audit writes there only to an existing device, such as /dev/null or /dev/stdout",
  "write.hint": () => "Choose a place you may write to (a folder, not a file), or free up space.",
  "watch.limit": (v) => `cannot watch the folder ${v.dir}: the system allows no more watched folders`,
  "watch.limit.hint": (v) => `sop-audit was already watching ${v.watched} folders. On Linux, raise fs.inotify.max_user_watches (with sysctl), or check without --watch.`,
  "watch.ran": (v) => `checked ${v.checked} of ${v.schools} schools; waiting for changes (Ctrl-C stops)`,
  "watch.failed": () => "the check failed; waiting for changes (Ctrl-C stops)",
};

const CATALOGS: Record<Lang, Record<MessageKey, Msg>> = { nl, en };

/** What the file system said, as a person can act on it: when reading, and when writing. */
const READ_REASONS: Partial<Record<string, MessageKey>> = { ENOENT: "read.noEntry", ELOOP: "read.loop", EACCES: "read.noAccess", EPERM: "read.noAccess", EISDIR: "read.isDir" };
const WRITE_REASONS: Partial<Record<string, MessageKey>> = {
  EACCES: "write.noAccess",
  EPERM: "write.noAccess",
  ENOTDIR: "write.notDir",
  EISDIR: "write.isDir",
  ENOSPC: "write.full",
  EDQUOT: "write.full",
  EROFS: "write.readOnly",
  ENOENT: "write.noDir",
};

/** Why a file could not be read (the system's code when there are no words for it). */
export function readFailure(lang: Lang, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const key = code !== undefined ? READ_REASONS[code] : undefined;
  return key !== undefined ? t(lang, key) : (code ?? String(error));
}

/** Why an input file was not read (readInputFile's failure). */
export function inputFailure(lang: Lang, failure: ReadFailure): string {
  switch (failure.reason) {
    case "error":
      return readFailure(lang, failure.error);
    case "outside":
      return t(lang, "read.outside");
    case "too-large":
      return t(lang, "read.tooLarge", { size: failure.size, limit: failure.limit });
    case "not-a-file":
      return t(lang, failure.what === "directory" ? "read.isDir" : failure.what === "fifo" ? "read.fifo" : failure.what === "device" ? "read.device" : "read.special");
  }
}

/** Why a file could not be written (the system's own message when there are no words for it). */
export function writeFailure(lang: Lang, error: NodeJS.ErrnoException): string {
  const key = error.code !== undefined ? WRITE_REASONS[error.code] : undefined;
  return key !== undefined ? t(lang, key) : error.message;
}

export function t(lang: Lang, key: MessageKey, vals: Vals = {}): string {
  return CATALOGS[lang][key](vals);
}

export function severityLabel(lang: Lang, sev: Severity): string {
  return t(lang, `sev.${sev}`);
}

export function statusLabel(lang: Lang, status: Status): string {
  return t(lang, `status.${status}`);
}
