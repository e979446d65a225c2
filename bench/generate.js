#!/usr/bin/env node
/**
 * Synthetic SWV repository for the benchmark: N school locations shaped like
 * the real documents in examples/swv-vo-2203 (SOP, zelfevaluatie, visitatie,
 * uitzonderingen), with Dutch text varied by a seeded PRNG.
 *
 *   node bench/generate.js <dir> <n> [--seed <s>] [--validate]
 *
 * Deterministic: the same seed and n give byte-identical files. School codes
 * are drawn in a fixed order, so the repository for n = 150 holds the first
 * 150 schools of the one for n = 1000. Each school's content comes from its
 * own PRNG (seeded by seed and school code) and is written as soon as it is
 * made: memory stays flat, whatever n is.
 *
 * About 80 % of schools are clean under profile swv-vo-2203 at peildatum
 * 2026-06-01; the rest get one to three realistic gaps (a "voldoet deels"
 * score, a stale peiling, a missing protocol, an old visitatie, a waived
 * inspection finding, ...).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

export const DEFAULT_SEED = "sop-audit-bench-1";
export const PEILDATUM = "2026-06-01";
export const SCHOOLJAAR = "2025-2026";
export const VORIG_SCHOOLJAAR = "2024-2025";
/** Fraction of schools that get deliberate gaps. */
const GAP_RATE = 0.2;

/* ------------------------------------------------------------------ PRNG */

/** cyrb53-style 32-bit string hash. */
function hash32(str) {
  let h1 = 0xdeadbeef ^ 0x5bd1e995;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

class Rng {
  constructor(seed) {
    // sfc32 seeded from four hashes of the seed string.
    const s = String(seed);
    this.a = hash32(s + "a");
    this.b = hash32(s + "b");
    this.c = hash32(s + "c");
    this.d = hash32(s + "d") | 1;
    for (let i = 0; i < 12; i++) this.next();
  }
  next() {
    let { a, b, c, d } = this;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    this.a = a;
    this.b = b;
    this.c = c;
    this.d = d;
    return (t >>> 0) / 4294967296;
  }
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(arr) {
    return arr[Math.floor(this.next() * arr.length)];
  }
  /** k distinct elements, in their original order when `keepOrder`. */
  sample(arr, k, keepOrder = false) {
    const idx = arr.map((_, i) => i);
    for (let i = 0; i < Math.min(k, idx.length); i++) {
      const j = i + Math.floor(this.next() * (idx.length - i));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    const chosen = idx.slice(0, Math.min(k, idx.length));
    if (keepOrder) chosen.sort((x, y) => x - y);
    return chosen.map((i) => arr[i]);
  }
  weighted(pairs) {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1][0];
  }
}

/* ----------------------------------------------------------------- dates */

const DAY = 86400000;
function toDays(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / DAY;
}
function fromDays(days) {
  return new Date(days * DAY).toISOString().slice(0, 10);
}
/** A random weekday between two dates (inclusive). */
function dateBetween(rng, from, to) {
  const a = toDays(from);
  const b = toDays(to);
  let d = rng.int(a, b);
  const wd = new Date(d * DAY).getUTCDay();
  if (wd === 0) d = d + 1 <= b ? d + 1 : d - 2;
  else if (wd === 6) d = d + 2 <= b ? d + 2 : d - 1;
  return fromDays(d);
}
function addDays(iso, n) {
  return fromDays(toDays(iso) + n);
}
function schooljaarOf(iso) {
  const [y, m] = iso.split("-").map(Number);
  const start = m >= 8 ? y : y - 1;
  return `${start}-${start + 1}`;
}
const MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
function langeDatum(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MAANDEN[m - 1]} ${y}`;
}

/* ------------------------------------------------------------------ YAML */

const PLAIN_OK = /^[A-Za-zÀ-ÿ(][^\n"]*$/;
const YAML_WORDS = /^(true|false|yes|no|on|off|null|y|n)$/i;
/** A scalar as YAML: plain when that is unambiguous, else double-quoted. */
function q(value) {
  const s = String(value);
  if (!PLAIN_OK.test(s) || /: |:$| #|\t|\s$/.test(s) || YAML_WORDS.test(s) || /^[?:\-!&*|>%@`'\[\]{},]/.test(s) || /[\[\]{},]/.test(s.slice(0, 1))) {
    return JSON.stringify(s);
  }
  return s;
}

/* ----------------------------------------------------------- word pools */

const VOORNAMEN = [
  "Marieke", "Ton", "Johan", "Sandra", "Els", "Ruud", "Koen", "Yvonne", "Dennis", "Chantal", "Lotte", "Hans", "Annelies", "Fatima",
  "Gerard", "Mohamed", "Sanne", "Bram", "Ilse", "Joost", "Wendy", "Pieter", "Anouk", "Thijs", "Nicole", "Mark", "Esther", "Rob",
  "Linda", "Erik", "Ingrid", "Martijn", "Saskia", "Jeroen", "Monique", "Bas", "Petra", "Stefan", "Karin", "Niels", "Astrid", "Wim",
  "Hanneke", "Youssef", "Femke", "Daan", "Miriam", "Rik", "Judith", "Jan", "Kim", "Tom", "Loes", "Ayşe", "Priya", "Sven", "Noor",
  "Hatice", "Twan", "Mieke", "Geert", "Elif", "Roel", "Fleur", "Arjen", "Carla", "Ömer", "Hilde", "Maarten", "Dewi",
];
const ACHTERNAMEN = [
  "van den Heuvel", "Adriaans", "Verbeek", "Kuijpers", "Timmermans", "de Bont", "Hermans", "Mertens", "Swinkels", "Bogers",
  "van Asten", "Wouters", "Smulders", "El Amrani", "Linssen", "van der Linden", "Jansen", "de Vries", "van Dijk", "Bakker",
  "Janssen", "Visser", "Smits", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen",
  "Dekker", "Brouwer", "de Wit", "Dijkstra", "Verhoeven", "van de Ven", "Aerts", "van Gemert", "Claassen", "van Rooij", "Maas",
  "Coenen", "Martens", "Willems", "Gerritsen", "van Erp", "Manders", "Schepers", "Hoogendoorn", "Yilmaz", "Kaya", "Bouzid",
  "Ramdin", "Nguyen", "van Hout", "Rovers", "Sleegers", "Vermeulen", "Groenendaal", "van Kessel", "Bekkers", "Raaijmakers",
  "van der Aa", "Pijnenburg", "Donkers", "Habraken", "Kools", "Verhagen",
];
const PLAATS_VOOR = ["Kempen", "Dommel", "Eiken", "Beek", "Heide", "Ooster", "Wester", "Zand", "Veld", "Berg", "Linden", "Moer", "Aa", "Peel", "Riet", "Elsen", "Hooge", "Laar", "Loon", "Bosch", "Nieuw", "Sint-Aagten", "Wolfs", "Hazel", "Vlier"];
const PLAATS_NA = ["broek", "dijk", "hoven", "rode", "donk", "el", "hout", "beek", "veen", "lo", "wijk", "schot", "gestel", "heuvel", "horst", "mond", "dal", "meer", "oord", "ven"];
const SCHOOLNAAM_STAM = [
  "Dommeldal", "Kempenaer", "Rietveld", "Eikenhorst", "Heerbaan", "Peelland", "Beekvliet", "Molenwiek", "Linde", "Wielewaal", "Korenaar",
  "Hooghe Veld", "Esdonk", "Zwaluw", "Bisschop Bekkers", "Sint-Willibrord", "Erasmus", "Spinoza", "Da Vinci", "Comenius", "Stedelijk",
  "Anne Frank", "Titus Brandsma", "Jan van Brabant", "Heerlaer", "Varendonck", "Pleincollege", "Elde", "Walburg", "Kruisheren",
  "Maurick", "Jacob Roelands", "Zwijsen", "Merletcollege", "Udens", "Fioretti", "Bernrode", "Cambreur", "Stanislas", "Koning Willem",
];
const SCHOOLSOORT = [
  ["College", 5], ["Lyceum", 2], ["Scholengemeenschap", 2], ["Mavo", 1], ["Gymnasium", 1], ["Praktijkschool", 1], ["Vakcollege", 1], ["Campus", 1],
];
const BESTUUR_VORM = ["Onderwijsgroep", "Stichting", "Vereniging voor Voortgezet Onderwijs", "Stichting Katholiek Onderwijs", "Scholengroep", "Stichting Openbaar Onderwijs"];
const KRINGEN = ["Kring Kempen", "Kring Dommeldal", "Kring Peelland", "Kring Stad", "Kring Oost", "Kring De Aa"];
const ONDERWIJSPROFIELEN = [
  [["pro"], 2],
  [["vmbo-b", "vmbo-k"], 2],
  [["vmbo-b", "vmbo-k", "vmbo-gt"], 4],
  [["vmbo-gt", "havo"], 2],
  [["vmbo-gt", "havo", "vwo"], 5],
  [["havo", "vwo"], 4],
  [["vwo"], 1],
  [["vmbo-b", "vmbo-k", "vmbo-gt", "havo", "vwo"], 2],
];

/** Synonyms the lists in standards/catalogs/lijsten.yaml accept. */
const ROLLEN = [
  ["ondersteuningscoördinator", "zorgcoördinator", "coördinator leerlingondersteuning"],
  ["onderwijsondersteuner"],
  ["jeugdarts", "jeugdarts GGD", "GGD-arts"],
  ["leerlingbegeleider", "zorgbegeleider"],
  ["leerplichtambtenaar", "leerplichtconsulent"],
  ["wijkagent", "politie", "jeugdagent"],
  ["schoolmaatschappelijk werker", "maatschappelijk werker", "SMW"],
];
const EXTRA_ROLLEN = ["orthopedagoog", "jeugdverpleegkundige", "mentor", "decaan", "ambulant begeleider", "gedragswetenschapper"];
const TEAMNAMEN = ["ZAT", "OAT", "IOT", "MDO", "Ondersteuningsteam", "Zorg- en adviesteam"];

const BEHOEFTEN = {
  dyslexie: {
    syn: ["dyslexie", "dyslexie", "dyslexie", "lezen"],
    zinnen: [
      "Voorleessoftware ({tool}) is op alle laptops beschikbaar en leerlingen met een dyslexieverklaring krijgen 25 procent extra tijd bij toetsen.",
      "In leerjaar 1 screenen wij alle leerlingen op lezen en spelling; bij uitval volgt een gesprek met ouders en zo nodig een verwijzing voor onderzoek.",
      "Leerlingen met dyslexie krijgen een dyslexiepas met hun faciliteiten, die jaarlijks met de mentor wordt geëvalueerd.",
      "Toetsen worden in een vergroot lettertype (Arial 12) en met ruime regelafstand aangeboden; mondeling toetsen bij de moderne vreemde talen is mogelijk.",
      "Een remedial teacher geeft in kleine groepjes spellings- en leesbegeleiding, wekelijks gedurende tien weken.",
      "Vrijstelling van een tweede moderne vreemde taal is bespreekbaar in overleg met de afdelingsleider.",
    ],
  },
  dyscalculie: {
    syn: ["dyscalculie", "dyscalculie", "rekenen"],
    zinnen: [
      "Rekenen op maat: twee uur per week rekenen in niveaugroepen met een rekenspecialist, gekoppeld aan praktijksituaties (geld, maten, tijd).",
      "Leerlingen met een dyscalculieverklaring mogen een rekenkaart en rekenmachine gebruiken bij alle toetsen.",
      "De rekencoördinator stelt met de leerling een handelingsplan op dat in de sectie wiskunde wordt besproken.",
      "Extra instructie tijdens het steunuur, gericht op verhoudingen, procenten en meten.",
      "Er is een rekenlokaal met concreet materiaal en digitale oefenstof (Rekentuin, Got It).",
    ],
  },
  lvb: {
    syn: ["lvb", "laag cognitief"],
    zinnen: [
      "Kleine klassen (12 tot 16 leerlingen), vaste mentor, praktijkgericht leren in eigen werkplaatsen.",
      "Leerroutes tot entreeniveau en branchecertificaten, met een individueel ontwikkelingsperspectief voor iedere leerling.",
      "Instructie in kleine stappen met veel herhaling en visuele ondersteuning.",
      "Nauwe samenwerking met ouders via een driehoeksgesprek elke periode.",
    ],
  },
  hoogbegaafd: {
    syn: ["hoogbegaafd", "hoogbegaafd", "begaafdheid", "meer- en hoogbegaafd"],
    zinnen: [
      "Leerlingen met een ontwikkelingsvoorsprong kunnen lesstof compacten en werken aan een verdiepingsproject onder begeleiding van een talentcoach.",
      "Deelname aan de plusklas van het samenwerkingsverband is mogelijk na overleg met de ondersteuningscoördinator.",
      "Versnellen in een vak (examen een jaar eerder) wordt per leerling afgewogen in de leerlingbespreking.",
      "Wekelijks een begaafdheidsuur met filosofie, programmeren en onderzoek; aandacht voor leren leren en faalangst.",
      "Samenwerking met de hogeschool voor masterclasses en een pre-university programma.",
    ],
  },
  "executieve-functies": {
    syn: ["executieve-functies", "werkhouding", "plannen en organiseren"],
    zinnen: [
      "Mentor-coaching op plannen en organiseren; de weekplanner wordt samen met de leerling ingevuld.",
      "Huiswerkbegeleiding vier middagen per week in het studiecentrum, tegen een gereduceerd tarief of kosteloos bij indicatie.",
      "Training 'Leren leren' in leerjaar 1 en 2 voor alle leerlingen, met verdieping voor wie dat nodig heeft.",
      "Digitale hulpmiddelen (agenda in Magister, timers) en vaste routines aan begin en eind van elke les.",
    ],
  },
  gedrag: {
    syn: ["gedrag", "gedrag", "gedragsproblemen"],
    zinnen: [
      "Time-out- en herstelruimte met vaste begeleider; na elke time-out volgt een herstelgesprek.",
      "Bij herhaald escaleren volgt een gesprek in het {team} en een plan van aanpak met ouders.",
      "Schoolbrede aanpak met Positive Behavior Support: heldere gedragsverwachtingen in elke ruimte van het gebouw.",
      "Een gedragsspecialist coacht docenten in de klas en geeft feedback op klassenmanagement.",
      "De reboundvoorziening van de kring biedt tijdelijk een plek buiten de klas, met terugkeer als doel.",
      "Agressieregulatietraining voor kleine groepen, in samenwerking met de jeugdhulp van de gemeente.",
    ],
  },
  "sociaal-emotioneel": {
    syn: ["sociaal-emotioneel", "faalangst", "sociaal-emotionele ontwikkeling"],
    zinnen: [
      "Rots & Water in leerjaar 1 voor alle leerlingen; faalangstreductietraining in kleine groepjes twee keer per jaar.",
      "Een vertrouwenspersoon en een schoolmaatschappelijk werker zijn dagelijks bereikbaar via het ondersteuningsloket.",
      "Mentoren volgen het welbevinden met een korte vragenlijst twee keer per jaar en bespreken uitkomsten in de leerlingbespreking.",
      "Examenvreestraining voor leerlingen in het examenjaar, gegeven door de orthopedagoog.",
      "Groepsgesprekken over weerbaarheid en sociale media, gekoppeld aan het mentoruur.",
    ],
  },
  ass: {
    syn: ["ass", "ass", "autisme"],
    zinnen: [
      "Prikkelarme werkplekken in het leerplein en een vaste dagstructuur met pictogrammen.",
      "Een autismecoach begeleidt leerlingen bij overgangsmomenten, roosterwijzigingen en excursies.",
      "Leerlingen kunnen in pauzes terecht in een rustige ruimte met toezicht.",
      "Docenten zijn geschoold in geef-me-de-vijf; de afspraken staan in het leerlingdossier.",
      "Voorbereiding op stage of vervolgopleiding met een jobcoach en een warme overdracht.",
    ],
  },
  adhd: {
    syn: ["adhd", "adhd", "aandachtsproblemen"],
    zinnen: [
      "Korte instructies, beweegmomenten en een duidelijke dagplanning.",
      "Afstemming over medicatie met ouders en jeugdarts; afspraken staan in het leerlingdossier.",
      "Een vaste werkplek vooraan en een koptelefoon voor zelfstandig werken zijn mogelijk.",
      "Coaching op concentratie en planning door de leerlingbegeleider, zes gesprekken per periode.",
    ],
  },
  tos: {
    syn: ["tos", "taalontwikkelingsstoornis"],
    zinnen: [
      "Samenwerking met de ambulante begeleiding van cluster 2 voor leerlingen met een TOS-indicatie.",
      "Visuele ondersteuning van instructie en extra tijd bij mondelinge opdrachten.",
      "Docenten krijgen een handelingskaart per leerling met de belangrijkste afspraken.",
    ],
  },
  nt2: {
    syn: ["nt2", "nt2", "nieuwkomers"],
    zinnen: [
      "Extra woordenschatonderwijs binnen de vakken en een taalcoach voor leerlingen die korter dan vier jaar in Nederland zijn.",
      "Leerlingen korter dan twee jaar in Nederland verwijzen wij naar de ISK; de overstap wordt met een warme overdracht begeleid.",
      "Toetsen met een woordenboek en extra tijd zijn toegestaan in de onderbouw.",
      "Ouders kunnen voor gesprekken een tolk krijgen via de gemeente.",
    ],
  },
  motoriek: {
    syn: ["motoriek", "fysiek"],
    zinnen: [
      "Het gebouw is rolstoeltoegankelijk met lift en aangepast toilet.",
      "Aangepaste werkplekken en een laptop voor leerlingen met een motorische beperking.",
      "Bij lichamelijke opvoeding wordt het programma in overleg met de fysiotherapeut aangepast.",
    ],
  },
  visueel: {
    syn: ["visueel", "slechtziend"],
    zinnen: [
      "Vergrote werkbladen en goede verlichting; voor meer is ambulante begeleiding van Visio nodig.",
      "Digitale lesmaterialen zijn beschikbaar met vergroting en voorleesfunctie.",
      "Een vaste plek vooraan en aangepaste toetsen (vergroot of digitaal).",
    ],
  },
  auditief: {
    syn: ["auditief", "slechthorend"],
    zinnen: [
      "Ringleiding in de aula en twee lokalen; verder afhankelijk van ambulante begeleiding (cluster 2).",
      "Docenten gebruiken een solo-apparatuur bij leerlingen met een hoortoestel.",
      "Een vaste plek met zicht op de docent en ondertiteling bij video's.",
    ],
  },
  medisch: {
    syn: ["medisch", "medisch", "chronisch ziek"],
    zinnen: [
      "Medisch handelingsprotocol van het bestuur; individuele afspraken bij epilepsie en diabetes.",
      "Leerlingen die langdurig ziek zijn, krijgen onderwijs op afstand in samenwerking met de consulent onderwijs aan zieke leerlingen.",
      "Een rustruimte is beschikbaar; medicatie wordt bewaard volgens het protocol medicijnverstrekking.",
    ],
  },
  verzuim: {
    syn: ["verzuim", "verzuim", "thuiszitters"],
    zinnen: [
      "Wekelijks verzuimspreekuur met de jeugdarts; M@ZL bij oplopend ziekteverzuim.",
      "Bij dreigend thuiszitten volgt direct overleg met leerplicht en het samenwerkingsverband.",
      "De verzuimcoördinator volgt het verzuim dagelijks en neemt dezelfde dag contact op met ouders.",
      "Een maatwerktraject met een aangepast rooster is mogelijk voor leerlingen die (gedeeltelijk) terugkeren na langdurig verzuim.",
    ],
  },
  "onderwijs-zorg": {
    syn: ["onderwijs-zorg", "onderwijs-zorgarrangement"],
    zinnen: [
      "Onderwijs-zorgarrangement met een zorgboerderij: drie dagen school, twee dagen dagbesteding met leerdoelen.",
      "Financiering via het samenwerkingsverband en de gemeente; evaluatie elke zes weken met alle betrokkenen.",
      "Een jeugdhulpverlener werkt twee dagen per week op school en begeleidt leerlingen in de klas.",
    ],
  },
};
const VERPLICHT_AANBOD = ["gedrag", "ass", "hoogbegaafd", "nt2", "dyslexie", "dyscalculie"];
const ALGEMEEN_AANBOD = [
  "De mentor is het eerste aanspreekpunt voor leerling en ouders.",
  "Afspraken worden vastgelegd in het leerlingdossier en minstens twee keer per jaar met ouders geëvalueerd.",
  "Bij onvoldoende effect bespreken wij de leerling in het {team}.",
  "Het aanbod is bedoeld voor leerlingen van alle leerjaren.",
  "De ondersteuningscoördinator bewaakt de inzet en rapporteert jaarlijks over het effect.",
  "Docenten zijn hier in {jaar} op geschoold.",
];
const TOOLS = ["Kurzweil", "ClaroRead", "Sprint Plus", "L2S"];

const BESCHRIJVING = [
  "{school} is een school voor {typen} in {gemeente} met ruim {leerlingen} leerlingen.",
  "De mentor is voor leerling en ouders het eerste aanspreekpunt en volgt de ontwikkeling van iedere leerling in de klas.",
  "De ondersteuning is georganiseerd in drie lagen: mentor en docententeam (basis), het ondersteuningsloket met leerlingbegeleiders en onderwijsondersteuners (extra), en het {team} met de kernpartners.",
  "De ondersteuningscoördinator bewaakt de cyclus van signaleren, analyseren, plannen en evalueren en zit het {team} voor.",
  "Leerlingen met een ontwikkelingsperspectief worden twee keer per jaar met ouders en leerling besproken.",
  "Wij werken handelingsgericht: wat heeft deze leerling nodig, van wie en wanneer?",
  "Sinds {jaar} heeft de school een eigen ondersteuningsloket waar leerlingen zonder afspraak terechtkunnen.",
  "De school werkt in de kring nauw samen met de andere scholen, onder meer in een gezamenlijke reboundvoorziening.",
  "Signalen over verzuim worden dezelfde dag opgepakt; de jeugdarts houdt wekelijks spreekuur op school.",
  "Bij de overstap van het primair onderwijs vindt voor elke leerling met een ondersteuningsbehoefte een warme overdracht plaats.",
  "Het team werkt met een jaarlijks scholingsplan gericht op handelingsbekwaamheid in de klas.",
];

const GRENZEN = [
  "Leerlingen die gedurende de hele schooldag één-op-één begeleiding nodig hebben, kunnen wij niet plaatsen.",
  "Wij kunnen geen verpleegkundige handelingen uitvoeren die niet in het medisch handelingsprotocol staan.",
  "Leerlingen met ernstige agressieproblematiek waarbij de veiligheid van medeleerlingen niet te garanderen is, verwijzen wij in overleg met het samenwerkingsverband naar het VSO.",
  "Het gebouw heeft beperkte prikkelarme ruimtes; leerlingen die langdurig volledig prikkelarm onderwijs nodig hebben, kunnen wij niet goed begeleiden.",
  "De grootte van de klassen (gemiddeld {klas} leerlingen) maakt intensieve individuele begeleiding tijdens de les beperkt mogelijk.",
  "Bij een combinatie van ernstige gedrags- en psychiatrische problematiek zoeken wij met ouders en het samenwerkingsverband naar een passende plek.",
  "Wij bieden geen structurele onderwijs-zorgcombinatie binnen de school; daarvoor werken wij met het arrangement van het samenwerkingsverband.",
  "Leerlingen die het cognitieve niveau van de aangeboden leerwegen (nog) niet halen, verwijzen wij in overleg naar een passende leerweg of school.",
  "Wij kunnen geen begeleiding bieden bij intensieve medische zorg gedurende de schooldag zonder inzet van een externe zorgverlener.",
];

const ONTWIKKELPUNTEN = [
  ["Oud-leerlingen twee jaar na uitstroom volgen en de gegevens jaarlijks analyseren met het team.", "BO-11.06"],
  ["Thema-avonden voor ouders weer opstarten (sociale media, middelengebruik), minimaal twee per jaar.", "BO-01.26"],
  ["OPP-evaluaties met ouders in het nieuwe format van het samenwerkingsverband vastleggen, twee keer per jaar.", "BO-02.13"],
  ["Scholing van alle docenten in differentiëren binnen de les, met collegiale consultatie.", "BO-04.05"],
  ["Het leerlingvolgsysteem uitbreiden met een schoolbrede monitor van sociaal-emotioneel welbevinden.", "BO-07.02"],
  ["Jaarlijkse evaluatie van het ondersteuningsaanbod met meetbare doelen per arrangement.", "BO-10.05"],
  ["De leerlingenraad betrekken bij de evaluatie van het pestbeleid.", "BO-06.02"],
  ["Een doorgaande lijn in de overdracht naar het mbo met de drie grootste vervolgopleidingen.", "BO-11.04"],
  ["Het handelingsgericht werken borgen in de leerlingbespreking met een vaste agenda.", "BO-08.01"],
  ["Het aanbod voor meer- en hoogbegaafde leerlingen uitbreiden naar de bovenbouw.", "BO-03.11"],
  ["De verzuimaanpak evalueren samen met leerplicht en de jeugdarts.", "BO-01.14"],
  ["Een professionaliseringsplan voor de onderwijsondersteuners opstellen.", "BO-04.12"],
];

const STANDAARDEN = [
  ["BO-01", 27, "De leerlingen ontwikkelen zich in een veilige omgeving"],
  ["BO-02", 13, "Voor leerlingen die een passend curriculum nodig hebben is een OPP vastgesteld"],
  ["BO-03", 11, "De school heeft een effectieve interne onderwijsondersteuningsstructuur"],
  ["BO-04", 19, "Handelingsbekwaamheid en competenties van docenten, coördinatoren en directie"],
  ["BO-05", 3, "Multidisciplinair overleg gericht op de leerlingondersteuning"],
  ["BO-06", 3, "Ouders en leerlingen zijn actief betrokken"],
  ["BO-07", 5, "Continu zicht op de ontwikkeling van leerlingen"],
  ["BO-08", 2, "Opbrengst- en handelingsgericht werken"],
  ["BO-09", 11, "Beleid op het terrein van de leerlingondersteuning"],
  ["BO-10", 5, "Jaarlijkse evaluatie van de effectiviteit van de leerlingondersteuning"],
  ["BO-11", 7, "Zorgvuldige overdracht"],
  ["BO-12", 5, "Het schoolondersteuningsprofiel is vastgesteld"],
];
export const INDICATOREN = STANDAARDEN.flatMap(([std, n]) =>
  Array.from({ length: n }, (_, i) => `${std}.${String(i + 1).padStart(2, "0")}`),
);

const ZE_TOELICHTING = {
  "BO-01": [
    "Het pestprotocol is in {maand} geëvalueerd met de leerlingenraad en de MR.",
    "De monitor sociale veiligheid laat een stijging zien; 92 procent van de leerlingen voelt zich veilig op school.",
    "De antipestcoördinator is bekend bij leerlingen; zij staat op de website en in de schoolgids.",
    "Weerbaarheidstraining nu ook in leerjaar 3 als onderdeel van burgerschap.",
    "Het verzuimprotocol is aangepast aan de nieuwe afspraken met leerplicht in de regio.",
    "Eén thema-avond voor ouders gehouden in november; een tweede avond is gepland in het voorjaar.",
    "De meldcode is opnieuw besproken in de teamvergadering en de aandachtsfunctionaris heeft scholing gevolgd.",
  ],
  "BO-02": [
    "Alle OPP's zijn in oktober en maart met ouders en leerling geëvalueerd.",
    "Het nieuwe format van het samenwerkingsverband wordt sinds dit schooljaar voor alle OPP's gebruikt.",
    "Het ontwikkelingsperspectief wordt in de bovenbouw niet altijd tijdig bijgesteld; de ondersteuningscoördinator bewaakt dit nu maandelijks.",
    "Ouders hebben bij alle OPP's instemming gegeven op het handelingsdeel.",
    "De leerling is bij het eigen OPP-gesprek aanwezig en formuleert zelf een doel.",
  ],
  "BO-03": [
    "Het {team} komt {overleg} keer per jaar bijeen; alle kernpartners zijn vertegenwoordigd.",
    "De taken van ondersteuningscoördinator en leerlingbegeleiders zijn beschreven in het ondersteuningsplan van de school.",
    "Het ondersteuningsloket is dagelijks open en wordt goed gebruikt door leerlingen.",
    "De gefaciliteerde uren voor de coördinatoren zijn in de formatie vastgelegd.",
    "Het aanbod voor hoogbegaafde leerlingen is uitgebreid met een talentcoach.",
  ],
  "BO-04": [
    "Alle docenten hebben dit schooljaar de scholing handelingsgericht werken gevolgd.",
    "Collegiale consultatie op differentiëren is in elke sectie twee keer per jaar gepland.",
    "Het scholingsplan {sj} is vastgesteld en besproken in de MR.",
    "Nieuwe docenten volgen een inductietraject met een module over passend onderwijs.",
    "Lesbezoeken door de teamleiders laten zien dat afstemming op onderwijsbehoeften zichtbaar is in de les.",
  ],
  "BO-05": [
    "Het multidisciplinair overleg werkt met een vaste agenda en een actielijst.",
    "Ouders worden standaard uitgenodigd bij de bespreking van hun kind in het {team}.",
    "De afspraken met de jeugd- en gezinscoach zijn vastgelegd in een samenwerkingsconvenant.",
  ],
  "BO-06": [
    "Ouders worden drie keer per jaar uitgenodigd voor een driehoeksgesprek.",
    "De leerlingenraad heeft advies gegeven over het mentoraat en de toetsweken.",
    "Een klankbordgroep van ouders denkt mee over de ondersteuning.",
  ],
  "BO-07": [
    "Uitstroomgegevens staan sinds augustus in Magister; de analyse is besproken in de teamvergadering.",
    "De resultaten van de methode-onafhankelijke toetsen worden per periode geanalyseerd in de secties.",
    "Het leerlingvolgsysteem bevat nu ook gegevens over welbevinden.",
  ],
  "BO-08": [
    "Leerlingbesprekingen volgen de HGW-cyclus en eindigen met concrete afspraken.",
    "Opbrengsten worden twee keer per jaar geanalyseerd en vertaald naar sectieplannen.",
  ],
  "BO-09": [
    "Het ondersteuningsbeleid is beschreven in het schoolplan {sj} en in het SOP.",
    "Het SOP is met het team besproken voordat het bestuur het vaststelde.",
    "De middelen voor basisondersteuning zijn verantwoord volgens het format van het samenwerkingsverband.",
    "De privacyafspraken rond het leerlingdossier zijn dit schooljaar herzien.",
  ],
  "BO-10": [
    "Het jaarverslag leerlingondersteuning {sj} is besproken in team en MR.",
    "Doelen voor het ondersteuningsaanbod zijn geformuleerd; de effectmeting van de time-outvoorziening loopt nog.",
    "De evaluatie van de arrangementen gebeurt elke periode met ouders en het samenwerkingsverband.",
  ],
  "BO-11": [
    "Oud-leerlingen worden twee jaar gevolgd door de trajectbegeleider; de gegevens staan in de uitstroommonitor.",
    "Warme overdracht met alle toeleverende basisscholen; het overdrachtsformulier is aangepast.",
    "Bij tussentijdse overstap volgt altijd een gesprek tussen de ondersteuningscoördinatoren van beide scholen.",
  ],
  "BO-12": [
    "Het SOP is op {vaststelling} vastgesteld na positief advies van de MR.",
    "Het SOP staat op de website van de school en van het samenwerkingsverband.",
    "De wijzigingen in het aanbod zijn doorgegeven aan het samenwerkingsverband.",
  ],
};
const ZE_DEELS = [
  "Dit punt is in ontwikkeling; de aanpak is beschreven maar nog niet in alle teams ingevoerd.",
  "De afspraken zijn gemaakt, maar de uitvoering is nog niet structureel; evaluatie volgt in het voorjaar.",
  "Door personeelswisselingen is dit onderdeel tijdelijk minder goed geborgd.",
  "Het beleid is vastgesteld; de borging in de jaarplanning moet nog plaatsvinden.",
];
const ZE_NIET = [
  "Er is nog geen jaarlijks evaluatieverslag van de ondersteuning.",
  "De scholing is uitgesteld en nog niet opnieuw gepland.",
  "Het protocol ontbreekt; een concept ligt bij de MR.",
];
const BEWIJS = [
  "Pestprotocol {school}, vastgesteld {datum}",
  "Notulen {team} {maand}",
  "Jaarverslag leerlingondersteuning {sj}",
  "Resultaten tevredenheidspeiling ouders en leerlingen {jaar}",
  "Scholingsplan {sj}",
  "OPP-overzicht Magister, peildatum {datum}",
  "Uitstroomanalyse {sj}",
  "Managementrapportage verzuim, periode 2",
  "Monitor sociale veiligheid {jaar}",
  "Ondersteuningsplan van de school, hoofdstuk 3",
  "Verslag leerlingenraad {maand}",
  "{web}/kwaliteit",
  "{web}/ondersteuning",
];

const BEVINDING_GOED = [
  "Veilig en rustig schoolklimaat; leerlingen noemen hun mentor als vast aanspreekpunt.",
  "OPP's zijn compleet en worden met ouders en leerling besproken.",
  "Het {team} is compleet en komt regelmatig bijeen; de kernpartners zijn goed bereikbaar.",
  "Het team is handelingsbekwaam op de doelgroep; scholing is planmatig ingezet.",
  "Leerlingen zijn aanwezig bij hun eigen OPP-gesprek.",
  "Goede analyse van opbrengsten per sectie.",
  "Sterke begeleiding bij de overstap naar het vervolgonderwijs.",
  "Het SOP is actueel en goed vindbaar op de website.",
];
const BEVINDING_DEELS = [
  ["De evaluatie met ouders is niet altijd twee keer per jaar vastgelegd.", "Plan de evaluaties vast in de jaarplanning (oktober en maart)."],
  ["Uitstroomgegevens worden bijgehouden maar niet geanalyseerd.", "Analyseer de uitstroom jaarlijks en bespreek die in het team."],
  ["De effectiviteit van de ondersteuning wordt niet systematisch geëvalueerd.", "Stel meetbare doelen per arrangement en evalueer jaarlijks."],
  ["De scholing is nog niet voor alle docenten afgerond.", "Maak een meerjarig scholingsplan met de sectievoorzitters."],
];
const AFSPRAKEN = [
  "OPP-evaluaties met ouders twee keer per jaar plannen en vastleggen.",
  "Uitstroomgegevens jaarlijks analyseren en de analyse delen met het samenwerkingsverband.",
  "Een jaarlijks evaluatieverslag van de ondersteuning opstellen en bespreken in de MR.",
  "Het scholingsplan voor handelingsbekwaamheid afronden.",
  "De leerlingenraad betrekken bij de evaluatie van het pestbeleid.",
];

/* ------------------------------------------------------------ utilities */

function naam(rng) {
  return `${rng.pick(VOORNAMEN)} ${rng.pick(ACHTERNAMEN)}`;
}
function slug(s) {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}
function fill(template, ctx) {
  return template.replace(/\{(\w+)\}/g, (m, k) => (k in ctx ? String(ctx[k]) : m));
}
function sentences(rng, pool, min, max, ctx) {
  return rng
    .sample(pool, rng.int(min, max))
    .map((s) => fill(s, ctx))
    .join(" ");
}

/* ---------------------------------------------------------- school codes */

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const MAX_BRIN = 100 * 26 * 26;

/** N unique school codes in a fixed order for the seed (a prefix for smaller N). */
export function* schoolCodes(n, seed) {
  const rng = new Rng(`${seed}:codes`);
  const used = new Set();
  let last = null;
  let vestigingen = 0;
  for (let i = 0; i < n; i++) {
    if (last && vestigingen < 4 && rng.chance(0.12)) {
      vestigingen++;
      yield { code: `${last}${String(vestigingen).padStart(2, "0")}`, brin: last, vestiging: String(vestigingen).padStart(2, "0"), hoofd: false };
      continue;
    }
    if (used.size >= MAX_BRIN) throw new Error(`too many schools: at most ${MAX_BRIN} BRIN numbers`);
    let brin;
    do {
      brin = `${String(rng.int(0, 99)).padStart(2, "0")}${LETTERS[rng.int(0, 25)]}${LETTERS[rng.int(0, 25)]}`;
    } while (used.has(brin));
    used.add(brin);
    last = brin;
    vestigingen = 0;
    yield { code: `${brin}00`, brin, vestiging: "00", hoofd: true };
  }
}

/* ------------------------------------------------------- school profile */

/** Everything that stays the same across the two schooljaren. */
function makeSchool(seed, entry, brinCache) {
  const rng = new Rng(`${seed}:${entry.code}`);
  let base = brinCache.get(entry.brin);
  if (!base) {
    const stam = rng.pick(SCHOOLNAAM_STAM);
    const soort = rng.weighted(SCHOOLSOORT);
    const gemeente = `${rng.pick(PLAATS_VOOR)}${rng.pick(PLAATS_NA)}`;
    const naamSchool = soort === "Praktijkschool" || soort === "Mavo" || soort === "Gymnasium" ? `${soort} ${stam}` : `${stam} ${soort}`;
    const bestuurNaam = `${rng.pick(BESTUUR_VORM)} ${rng.pick([gemeente, rng.pick(PLAATS_VOOR) + "land", stam, "Brabant-Oost", "De Kempen", "Dommelstroom"])}`;
    base = { naam: naamSchool, gemeente, bestuur: bestuurNaam, kring: rng.pick(KRINGEN) };
    brinCache.clear(); // only the current BRIN can get more vestigingen
    brinCache.set(entry.brin, base);
  }
  const locatie = entry.hoofd ? "" : ` locatie ${rng.pick(["Oost", "West", "Noord", "Zuid", "Centrum", "De Brug", "Molenstraat", "Parklaan"])}`;
  const gemeente = entry.hoofd ? base.gemeente : rng.chance(0.5) ? base.gemeente : `${rng.pick(PLAATS_VOOR)}${rng.pick(PLAATS_NA)}`;
  const vso = rng.chance(0.04);
  const onderwijstypen = vso ? ["vso"] : rng.weighted(ONDERWIJSPROFIELEN);
  const schoolNaam = `${base.naam}${locatie}`;
  const web = `https://www.${slug(base.naam)}${entry.hoofd ? "" : "-" + slug(locatie)}.nl`;
  const team = rng.pick(TEAMNAMEN);
  const leerlingen = onderwijstypen.includes("pro") || vso ? rng.int(120, 320) : rng.int(350, 2100);
  const gap = rng.chance(GAP_RATE);
  const defects = new Set();
  if (gap) {
    const menu = [
      ["ze-deels", 6], ["ze-niet", 2], ["sv-oud", 2], ["protocol-mist", 1], ["mr-na", 1], ["format-mist", 1], ["toezicht", 1],
      ["visitatie-oud", 1], ["visitatie-geen", 1], ["swvweb-mist", 1], ["aanbod-mist", 1], ["uren-laag", 1], ["vaststelling-oud", 1],
    ];
    const k = rng.weighted([[1, 6], [2, 3], [3, 1]]);
    while (defects.size < k) defects.add(rng.weighted(menu));
  }
  return {
    rng,
    code: entry.code,
    brin: entry.brin,
    vestiging: entry.vestiging,
    naam: schoolNaam,
    bestuur: base.bestuur,
    gemeente,
    kring: base.kring,
    sector: vso ? "VSO" : "VO",
    onderwijstypen,
    web,
    team,
    leerlingen,
    coordinatoren: Array.from({ length: rng.int(1, 3) }, (_, i) => ({
      naam: naam(rng),
      functie: i === 0 ? rng.pick(["ondersteuningscoördinator", "zorgcoördinator", "coördinator leerlingondersteuning"]) : rng.pick(["leerlingbegeleider", "coördinator Op de Rails", "stagecoördinator en trajectbegeleider", "coördinator begaafdheid", "orthopedagoog"]),
      urenPerWeek: rng.int(2, 8) * 4,
    })),
    functionarissen: {
      antipestcoordinator: naam(rng),
      verzuimcoordinator: naam(rng),
      vertrouwenspersoon: naam(rng),
      "avg-functionaris": `${naam(rng)} (${base.bestuur})`,
    },
    directeur: naam(rng),
    defects,
    uitzonderingen: [],
  };
}

/* ------------------------------------------------------------------- SOP */

function sopYaml(s, jaar, huidig) {
  const rng = new Rng(`${s.code}:sop:${jaar}`);
  const startJaar = Number(jaar.slice(0, 4));
  const d = s.defects;
  const ctx = { school: s.naam, gemeente: s.gemeente, team: s.team, leerlingen: Math.floor(s.leerlingen / 50) * 50, jaar: startJaar - rng.int(1, 6), typen: s.onderwijstypen.join(", "), klas: rng.int(24, 30), tool: rng.pick(TOOLS) };
  const out = [];
  out.push(`# Schoolondersteuningsprofiel ${s.naam} (${s.code}), schooljaar ${jaar}.`);
  out.push("# Wijzigingen graag via een pull request; de kwaliteitsmedewerker van het SWV controleert met sop-audit.");
  out.push("");
  out.push("apiVersion: sop-audit/v1");
  out.push("kind: Schoolondersteuningsprofiel");
  out.push(`schooljaar: ${jaar}`);
  out.push("");
  out.push("school:");
  out.push(`  brin: ${s.brin}`);
  out.push(`  vestiging: "${s.vestiging}"`);
  out.push(`  naam: ${q(s.naam)}`);
  out.push(`  bestuur: ${q(s.bestuur)}`);
  out.push(`  sector: ${s.sector}`);
  if (rng.chance(0.5)) out.push(`  onderwijstypen: [${s.onderwijstypen.join(", ")}]`);
  else {
    out.push("  onderwijstypen:");
    for (const t of s.onderwijstypen) out.push(`    - ${t}`);
  }
  out.push(`  gemeente: ${q(s.gemeente)}`);
  out.push(`  kring: ${q(s.kring)}`);
  out.push(`  website: ${s.web}`);
  out.push("");

  // Vaststelling: in het schooljaar zelf (autumn), MR-advies 1-4 weeks before.
  let vastgesteld = dateBetween(rng, `${startJaar}-09-08`, `${startJaar}-12-12`);
  if (huidig && d.has("vaststelling-oud")) vastgesteld = dateBetween(rng, `${startJaar}-06-02`, `${startJaar}-07-10`);
  let mr = addDays(vastgesteld, -rng.int(7, 28));
  if (huidig && d.has("mr-na")) mr = addDays(vastgesteld, rng.int(3, 14));
  out.push("vaststelling:");
  out.push(`  datum: ${vastgesteld}`);
  out.push(`  door: ${q(rng.pick(["College van bestuur", "Raad van bestuur", "Directeur-bestuurder", "Het bestuur van"]) + " " + s.bestuur)}`);
  out.push("  mrAdvies:");
  out.push(`    datum: ${mr}`);
  out.push(`    uitkomst: positief`);
  out.push("");

  out.push("publicatie:");
  out.push(`  website: ${s.web}/${rng.pick(["sop", "over-ons/sop", "ondersteuning/sop", "passend-onderwijs"])}`);
  if (!(huidig && d.has("swvweb-mist"))) out.push(`  swvWebsite: https://www.swv-dommelenkempen.nl/scholen/${s.code.toLowerCase()}/sop`);
  out.push(`  schoolgids: ${rng.chance(0.7) ? `${s.web}/schoolgids` : "true"}`);
  out.push("");

  out.push("ondersteuningsstructuur:");
  out.push(`  beschrijving: ${q(`${fill(BESCHRIJVING[0], ctx)} ${sentences(rng, BESCHRIJVING.slice(1), 4, 7, ctx)}`)}`);
  out.push("  coordinatoren:");
  s.coordinatoren.forEach((c, i) => {
    out.push(`    - naam: ${q(c.naam)}`);
    out.push(`      functie: ${q(c.functie)}`);
    const uren = huidig && d.has("uren-laag") && i === s.coordinatoren.length - 1 ? 2 : c.urenPerWeek;
    out.push(`      urenPerWeek: ${uren}`);
  });
  out.push("  ondersteuningsteam:");
  out.push(`    naam: ${q(s.team)}`);
  out.push("    rollen:");
  for (const r of ROLLEN) out.push(`      - ${q(rng.chance(0.75) ? r[0] : rng.pick(r))}`);
  for (const r of rng.sample(EXTRA_ROLLEN, rng.int(0, 3))) out.push(`      - ${q(r)}`);
  out.push(`    overlegPerJaar: ${rng.int(6, 12)}`);
  out.push("  functionarissen:");
  for (const [k, v] of Object.entries(s.functionarissen)) out.push(`    ${k}: ${q(v)}`);
  const partners = ["jeugdgezondheidszorg", "jeugd-en-gezinscoach", "leerplicht", ...rng.sample(["wijkteam", "GGZ-instelling", "jeugdhulp", "Veilig Thuis"], rng.int(0, 2))];
  if (rng.chance(0.5)) out.push(`  kernpartners: [${partners.join(", ")}]`);
  else {
    out.push("  kernpartners:");
    for (const p of partners) out.push(`    - ${q(p)}`);
  }
  out.push("  protocollen:");
  const protocollen = ["pestprotocol", "verzuimprotocol", "meldcode", "thuiszittersprotocol", ...rng.sample(["privacyreglement", "veiligheidsplan"], rng.int(1, 2))].filter(
    (p) => !(huidig && d.has("protocol-mist") && p === "thuiszittersprotocol"),
  );
  for (const p of protocollen) {
    out.push(`    - soort: ${p}`);
    out.push(`      vastgesteld: ${dateBetween(rng, `${startJaar - 4}-09-01`, `${startJaar}-08-25`)}`);
    if (rng.chance(0.7)) out.push(`      url: ${p === "thuiszittersprotocol" && rng.chance(0.5) ? "https://www.swv-dommelenkempen.nl/thuiszittersprotocol" : `${s.web}/protocollen/${p.replace("protocol", "") || p}`}`);
  }
  if (rng.chance(0.6)) out.push(`  contactpersoonSwv: ${q(naam(rng) + ", " + rng.pick(["consulent", "trajectbegeleider", "orthopedagoog"]) + " SWV VO 22.03")}`);
  out.push("");

  // Aanbod: the six required behoeften plus a random selection, 12-17 in all.
  const andere = Object.keys(BEHOEFTEN).filter((b) => !VERPLICHT_AANBOD.includes(b));
  let behoeften = [...VERPLICHT_AANBOD, ...rng.sample(andere, rng.int(6, 11))];
  if (huidig && d.has("aanbod-mist")) behoeften = behoeften.filter((b) => b !== "hoogbegaafd");
  behoeften = Object.keys(BEHOEFTEN).filter((b) => behoeften.includes(b)); // catalogue order
  out.push("aanbod:");
  for (const b of behoeften) {
    const info = BEHOEFTEN[b];
    const niveau = b === "onderwijs-zorg" ? "arrangement" : rng.weighted([["basis", 5], ["extra", 4], ["arrangement", 1]]);
    out.push(`  - behoefte: ${q(rng.chance(0.85) ? b : rng.pick(info.syn))}`);
    out.push(`    niveau: ${niveau}`);
    if (niveau !== "basis" && rng.chance(0.6)) out.push(`    capaciteit: ${rng.int(2, 40)}`);
    const typen = s.onderwijstypen.length > 1 && rng.chance(0.3) ? rng.sample(s.onderwijstypen, rng.int(1, s.onderwijstypen.length - 1), true) : s.onderwijstypen;
    if (rng.chance(0.4)) out.push(`    onderwijstypen: [${typen.join(", ")}]`);
    else {
      out.push("    onderwijstypen:");
      for (const t of typen) out.push(`      - ${t}`);
    }
    const tekst = `${sentences(rng, info.zinnen, 1, 3, ctx)}${rng.chance(0.6) ? " " + fill(rng.pick(ALGEMEEN_AANBOD), ctx) : ""}`;
    out.push(`    toelichting: ${q(tekst)}`);
  }
  out.push("");

  out.push("grenzen:");
  for (const g of rng.sample(GRENZEN, rng.int(3, 6))) out.push(`  - ${q(fill(g, ctx))}`);
  out.push("");

  out.push("ontwikkelpunten:");
  for (const [oms, std] of rng.sample(ONTWIKKELPUNTEN, rng.int(2, 4))) {
    out.push(`  - omschrijving: ${q(oms)}`);
    out.push(`    standaard: ${std}`);
    out.push(`    streefdatum: ${dateBetween(rng, `${startJaar + 1}-01-15`, `${startJaar + 1}-07-15`)}`);
  }
  out.push("");

  out.push("kengetallen:");
  out.push(`  leerlingen1Oktober: ${s.leerlingen + rng.int(-40, 40)}`);
  out.push(`  opp: ${s.onderwijstypen.includes("pro") ? s.leerlingen : rng.int(2, 40)}`);
  out.push(`  thuiszitters: ${rng.int(0, 3)}`);
  out.push("  verwijzingen:");
  for (let y = startJaar - 3; y < startJaar; y++) out.push(`    ${y}-${y + 1}: ${rng.int(0, 6)}`);
  out.push("");

  out.push("inspectie:");
  out.push(`  toezicht: ${huidig && d.has("toezicht") ? "aangepast toezicht" : "basistoezicht"}`);
  out.push(`  datum: ${dateBetween(rng, "2019-01-15", `${startJaar}-06-30`)}`);
  out.push("");

  // Peilingen: ouders and leerlingen within two years, sociale veiligheid within one.
  const pj = startJaar + 1;
  const sv = huidig && d.has("sv-oud") ? dateBetween(rng, `${pj - 2}-11-01`, `${pj - 1}-04-30`) : dateBetween(rng, `${pj - 1}-10-01`, `${pj}-03-31`);
  out.push("tevredenheid:");
  out.push("  ouders:");
  out.push(`    datum: ${dateBetween(rng, `${pj - 2}-10-01`, `${pj}-03-31`)}`);
  out.push(`    openbaar: ${rng.chance(0.5) ? `${s.web}/kwaliteit/tevredenheid` : `https://www.scholenopdekaart.nl/middelbare-scholen/${s.brin.toLowerCase()}/${slug(s.naam)}`}`);
  out.push("  leerlingen:");
  out.push(`    datum: ${dateBetween(rng, `${pj - 2}-10-01`, `${pj}-03-31`)}`);
  out.push(`    openbaar: ${s.web}/kwaliteit/tevredenheid`);
  out.push("  socialeVeiligheid:");
  out.push(`    datum: ${sv}`);
  out.push(`    openbaar: ${s.web}/kwaliteit/veiligheid`);
  out.push("");

  out.push("middelen:");
  out.push(`  verantwoord: ${dateBetween(rng, `${pj - 1}-09-01`, `${pj}-03-31`)}`);
  if (!(huidig && d.has("format-mist"))) out.push("  format: Format verantwoording middelen basisondersteuning SWV VO 22.03");
  out.push(`  budgethouder: ${q(rng.pick(["Directeur", "Teamleider ondersteuning", "Rector", "Locatiedirecteur"]) + " " + s.naam)}`);
  return out.join("\n") + "\n";
}

/* --------------------------------------------------------- zelfevaluatie */

function zelfevaluatieYaml(s, jaar, huidig) {
  const rng = new Rng(`${s.code}:ze:${jaar}`);
  const startJaar = Number(jaar.slice(0, 4));
  const datum = dateBetween(rng, `${startJaar + 1}-01-12`, `${startJaar + 1}-04-24`);
  const ctx = {
    school: s.naam, team: s.team, overleg: rng.int(6, 12), sj: jaar, jaar: startJaar + 1, web: s.web,
    maand: ((m) => `${MAANDEN[m]} ${m >= 8 ? startJaar : startJaar + 1}`)(rng.pick([8, 9, 10, 11, 0, 1])),
    datum: langeDatum(addDays(datum, -rng.int(5, 60))), vaststelling: langeDatum(dateBetween(rng, `${startJaar}-09-15`, `${startJaar}-12-10`)),
  };
  const out = [];
  out.push(`# Zelfevaluatie basisondersteuning ${s.naam} (${s.code}), schooljaar ${jaar}.`);
  out.push("# Scores: voldoet | voldoet deels | voldoet niet | n.v.t. — bij 'deels', 'niet' en 'n.v.t.' graag een toelichting.");
  out.push("");
  out.push("apiVersion: sop-audit/v1");
  out.push("kind: Zelfevaluatie");
  out.push(`schooljaar: ${jaar}`);
  out.push(`school: ${s.code}`);
  out.push(`datum: ${datum}`);
  out.push("");
  out.push("ingevuldDoor:");
  out.push(`  - naam: ${q(s.coordinatoren[0].naam)}`);
  out.push(`    rol: ${q(s.coordinatoren[0].functie)}`);
  out.push(`  - naam: ${q(s.directeur)}`);
  out.push(`    rol: directeur`);
  if (rng.chance(0.4)) {
    out.push(`  - naam: ${q(naam(rng))}`);
    out.push(`    rol: ${rng.pick(["teamleider onderbouw", "teamleider bovenbouw", "orthopedagoog", "kwaliteitsmedewerker"])}`);
  }
  out.push("");

  // Which indicators get a lower score.
  const lager = new Map();
  if (huidig) {
    if (s.defects.has("ze-deels")) for (const id of rng.sample(INDICATOREN, rng.int(1, 4))) lager.set(id, "voldoet deels");
    if (s.defects.has("ze-niet")) lager.set(rng.pick(INDICATOREN), "voldoet niet");
  } else {
    // Last year's self-evaluation: a few points that have since improved.
    for (const id of rng.sample(INDICATOREN, rng.int(0, 5))) lager.set(id, rng.chance(0.85) ? "voldoet deels" : "voldoet niet");
    if (rng.chance(0.1)) lager.set(rng.pick(INDICATOREN), "n.v.t.");
  }
  const langRate = 0.22 + rng.next() * 0.18;

  out.push("scores:");
  STANDAARDEN.forEach(([std, n, titel], si) => {
    if (si > 0) out.push("");
    out.push(`  # Standaard ${si + 1} — ${titel}`);
    for (let i = 1; i <= n; i++) {
      const id = `${std}.${String(i).padStart(2, "0")}`;
      const score = lager.get(id) ?? "voldoet";
      const lang = score !== "voldoet" || rng.chance(langRate);
      if (!lang) {
        out.push(`  ${id}: ${score}`);
        continue;
      }
      out.push(`  ${id}:`);
      out.push(`    score: ${score}`);
      let toelichting;
      if (score === "voldoet deels") toelichting = `${rng.pick(ZE_DEELS)} ${fill(rng.pick(ZE_TOELICHTING[std]), ctx)}`;
      else if (score === "voldoet niet") toelichting = rng.pick(ZE_NIET);
      else if (score === "n.v.t.") toelichting = "Niet van toepassing op deze locatie; de leerlingen volgen dit onderdeel op de hoofdlocatie.";
      else toelichting = sentences(rng, ZE_TOELICHTING[std], 1, 2, ctx);
      out.push(`    toelichting: ${q(toelichting)}`);
      if (score === "voldoet" && rng.chance(0.6)) {
        out.push("    bewijs:");
        for (const b of rng.sample(BEWIJS, rng.int(1, 3))) out.push(`      - ${q(fill(b, ctx))}`);
      }
    }
  });
  return out.join("\n") + "\n";
}

/* ------------------------------------------------------------- visitatie */

function visitatieYaml(s, datum, tag) {
  const rng = new Rng(`${s.code}:visitatie:${tag}`);
  const jaar = schooljaarOf(datum);
  const ctx = { team: s.team };
  const out = [];
  out.push(`# Visitatie ${s.naam} (${s.code}) op ${datum}.`);
  out.push("# Vastgesteld verslag van de visitatiecommissie; bevindingen per standaard van de basisondersteuning.");
  out.push("");
  out.push("apiVersion: sop-audit/v1");
  out.push("kind: Visitatie");
  out.push(`school: ${s.code}`);
  out.push(`schooljaar: ${jaar}`);
  out.push(`datum: ${datum}`);
  out.push("");
  out.push("commissie:");
  out.push(`  - naam: ${q(rng.pick(["drs. ", "dr. ", ""]) + naam(rng))}`);
  out.push("    rol: voorzitter, beleidsmedewerker SWV VO 22.03");
  out.push(`  - naam: ${q(naam(rng))}`);
  out.push(`    rol: ${q(rng.pick(["ondersteuningscoördinator", "zorgcoördinator", "teamleider"]) + " " + rng.pick(SCHOOLNAAM_STAM) + " College")}`);
  out.push(`  - naam: ${q(naam(rng))}`);
  out.push(`    rol: ${q(rng.pick(["orthopedagoog, ouder- en jeugdsteunpunt", "ouder, lid ondersteuningsplanraad", "consulent SWV VO 22.03"]))}`);
  const deels = new Set(rng.sample(STANDAARDEN.map(([std]) => std), rng.weighted([[0, 3], [1, 4], [2, 2]])));
  out.push(`oordeel: ${deels.size > 1 ? "voldoet deels" : "voldoet"}`);
  out.push("");
  out.push("bevindingen:");
  for (const [std] of STANDAARDEN) {
    out.push(`  - standaard: ${std}`);
    if (deels.has(std)) {
      const [t, a] = rng.pick(BEVINDING_DEELS);
      out.push("    oordeel: voldoet deels");
      out.push(`    toelichting: ${q(t)}`);
      out.push(`    aanbeveling: ${q(a)}`);
    } else {
      out.push("    oordeel: voldoet");
      if (rng.chance(0.5)) out.push(`    toelichting: ${q(fill(rng.pick(BEVINDING_GOED), ctx))}`);
    }
  }
  out.push("");
  out.push("afspraken:");
  for (const a of rng.sample(AFSPRAKEN, rng.int(1, 3))) {
    out.push(`  - omschrijving: ${q(a)}`);
    out.push(`    termijn: ${addDays(datum, rng.int(120, 500))}`);
  }
  return out.join("\n") + "\n";
}

/* -------------------------------------------------------- uitzonderingen */

function uitzonderingenYaml(s, list) {
  const out = [];
  out.push(`# Door het SWV verleende uitzonderingen voor ${s.naam} (${s.code}).`);
  out.push("# Een uitzondering geldt tot en met de datum bij 'verloopt'.");
  out.push("");
  out.push("apiVersion: sop-audit/v1");
  out.push("kind: Uitzonderingen");
  out.push(`school: ${s.code}`);
  out.push("");
  out.push("uitzonderingen:");
  for (const u of list) {
    out.push(`  - regel: ${u.regel}`);
    if (u.scope) out.push(`    scope: ${u.scope}`);
    out.push(`    reden: ${q(u.reden)}`);
    out.push(`    eigenaar: ${q(u.eigenaar)}`);
    out.push(`    verleend: ${u.verleend}`);
    out.push(`    verloopt: ${u.verloopt}`);
  }
  return out.join("\n") + "\n";
}

/* -------------------------------------------------------------- config */

export function configYaml() {
  return `# Configuratie van sop-audit voor het (fictieve) samenwerkingsverband VO 22.03 Dommel en Kempen.
# Synthetische repository voor de benchmark (bench/generate.js); de peildatum staat vast.

apiVersion: sop-audit/v1
kind: SwvConfig
swv:
  code: VO 22.03
  naam: Samenwerkingsverband VO 22.03 Dommel en Kempen
  sector: VO
  website: https://www.swv-dommelenkempen.nl
ruleset:
  profile: swv-vo-2203
peildatum: ${PEILDATUM}
taal: nl
`;
}

/* ---------------------------------------------------------------- main */

/** All files of one school, as [name, text] pairs. */
export function schoolFiles(seed, entry, brinCache = new Map()) {
  const s = makeSchool(seed, entry, brinCache);
  const rng = s.rng;
  const files = [];
  files.push(["sop-2024-2025.yaml", sopYaml(s, VORIG_SCHOOLJAAR, false)]);
  files.push(["sop-2025-2026.yaml", sopYaml(s, SCHOOLJAAR, true)]);
  files.push(["zelfevaluatie-2024-2025.yaml", zelfevaluatieYaml(s, VORIG_SCHOOLJAAR, false)]);
  files.push(["zelfevaluatie-2025-2026.yaml", zelfevaluatieYaml(s, SCHOOLJAAR, true)]);

  // Visitatie: once in four years; clean schools have one since 2022-06-02.
  const d = s.defects;
  const visits = [];
  if (d.has("visitatie-oud")) visits.push(dateBetween(rng, "2019-09-02", "2022-04-29"));
  else if (!d.has("visitatie-geen")) {
    const recent = dateBetween(rng, "2022-09-05", "2026-03-27");
    if (rng.chance(0.2)) visits.push(addDays(recent, -rng.int(1380, 1500)));
    visits.push(recent);
  }
  visits.forEach((datum, i) => files.push([`visitatie-${schooljaarOf(datum)}.yaml`, visitatieYaml(s, datum, i)]));

  // Uitzonderingen: a waived inspection finding, sometimes an expired waiver.
  const eigenaar = `${rng.pick(["M. Gerritsen, directeur-bestuurder", "A. Smulders, beleidsmedewerker kwaliteit", "K. Donkers, consulent"])} SWV VO 22.03`;
  if (d.has("toezicht")) {
    const onderzoek = dateBetween(rng, "2025-01-13", "2025-06-27");
    s.uitzonderingen.push({
      regel: "VO2203-05",
      reden: `De school staat sinds het inspectieonderzoek van ${langeDatum(onderzoek)} onder aangepast toezicht. Het verbeterplan is met het SWV besproken; het herstelonderzoek is aangekondigd voor het najaar van 2026.`,
      eigenaar,
      verleend: addDays(onderzoek, rng.int(20, 70)),
      verloopt: "2026-12-31",
    });
  }
  if (d.has("sv-oud") && rng.chance(0.5)) {
    s.uitzonderingen.push({
      regel: "BO-01.23",
      scope: VORIG_SCHOOLJAAR,
      reden: "De monitor sociale veiligheid kon door een storing bij de leverancier niet worden afgenomen; de peiling is verplaatst.",
      eigenaar,
      verleend: "2025-03-11",
      verloopt: "2025-07-31",
    });
  }
  if (s.uitzonderingen.length) files.push(["uitzonderingen.yaml", uitzonderingenYaml(s, s.uitzonderingen)]);
  return { code: s.code, files, defects: [...d] };
}

/**
 * Writes the repository. Returns a summary (schools, files, bytes, gap schools).
 * Files are written school by school; nothing is kept in memory.
 */
export function generateRepo(dir, n, { seed = DEFAULT_SEED, clean = true } = {}) {
  const root = resolve(dir);
  // Never wipe a real repository: only one this generator wrote (or none).
  const config = join(root, "sop-audit.yaml");
  if (existsSync(config) && !readFileSync(config, "utf8").includes("bench/generate.js")) {
    throw new Error(`${root} holds a sop-audit.yaml that bench/generate.js did not write; refusing to overwrite it`);
  }
  if (clean) {
    rmSync(join(root, "scholen"), { recursive: true, force: true });
    rmSync(join(root, "sop-audit.yaml"), { force: true });
  }
  mkdirSync(join(root, "scholen"), { recursive: true });
  writeFileSync(join(root, "sop-audit.yaml"), configYaml());
  let files = 1;
  let bytes = Buffer.byteLength(configYaml());
  let gaps = 0;
  const brinCache = new Map();
  for (const entry of schoolCodes(n, seed)) {
    const school = schoolFiles(seed, entry, brinCache);
    const sdir = join(root, "scholen", school.code);
    mkdirSync(sdir, { recursive: true });
    for (const [name, text] of school.files) {
      writeFileSync(join(sdir, name), text);
      files++;
      bytes += Buffer.byteLength(text);
    }
    if (school.defects.length) gaps++;
  }
  return { dir: root, schools: n, files, bytes, gapSchools: gaps, seed };
}

/**
 * Parses and validates the first `limit` schools' files with the tool's own
 * zod schemas (dist/documents/schemas.js). Returns a list of problems.
 */
export async function validateSample(dir, limit = 25) {
  const { parse } = await import("yaml");
  const schemasUrl = new URL("../dist/documents/schemas.js", import.meta.url);
  const { DOCUMENT_SCHEMAS } = await import(schemasUrl.href);
  const root = resolve(dir);
  const problems = [];
  let checked = 0;
  const check = (file) => {
    const data = parse(readFileSync(file, "utf8"));
    const schema = DOCUMENT_SCHEMAS[data?.kind];
    if (!schema) {
      problems.push(`${file}: unknown kind ${data?.kind}`);
      return;
    }
    const r = schema.safeParse(data);
    checked++;
    if (!r.success) problems.push(`${file}: ${r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  };
  check(join(root, "sop-audit.yaml"));
  const schools = readdirSync(join(root, "scholen")).sort().slice(0, limit);
  for (const code of schools) for (const f of readdirSync(join(root, "scholen", code)).sort()) check(join(root, "scholen", code, f));
  return { checked, problems };
}

/* ------------------------------------------------------------------ CLI */

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const positional = [];
  let seed = DEFAULT_SEED;
  let validate = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--seed") seed = args[++i];
    else if (args[i] === "--validate") validate = true;
    else if (args[i] === "-h" || args[i] === "--help") {
      console.log("usage: node bench/generate.js <dir> <n> [--seed <seed>] [--validate]");
      process.exit(0);
    } else positional.push(args[i]);
  }
  const [dir, nText] = positional;
  const n = Number(nText);
  if (!dir || !Number.isInteger(n) || n < 1) {
    console.error("usage: node bench/generate.js <dir> <n> [--seed <seed>] [--validate]");
    process.exit(2);
  }
  const t0 = performance.now();
  let summary;
  try {
    summary = generateRepo(dir, n, { seed });
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  const ms = performance.now() - t0;
  console.log(
    `${summary.schools} schools, ${summary.files} files, ${(summary.bytes / 1e6).toFixed(1)} MB, ${summary.gapSchools} schools with gaps → ${summary.dir} (${(ms / 1000).toFixed(1)} s)`,
  );
  if (validate) {
    const { checked, problems } = await validateSample(dir);
    if (problems.length) {
      console.error(`${problems.length} of ${checked} sampled files do not pass the zod schemas:`);
      for (const p of problems.slice(0, 20)) console.error(`  ${p}`);
      process.exit(1);
    }
    console.log(`validated ${checked} sampled files against dist/documents/schemas.js: ok`);
  }
}
