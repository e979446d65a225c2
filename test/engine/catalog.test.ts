/**
 * The shipped catalogs against their sources: the basisondersteuning catalog
 * against seed 002 (Referentiekader, 12 standaarden) and the minimaal
 * kritieke specificaties against seed 001 (Ondersteuningsplan, bijlage 4).
 *
 * Both seeds are OCR of two-column layouts; the catalogs fixed OCR errors and
 * split lists. A catalog text counts as found in its seed when either
 * - a distinctive prefix of it (at least 25 letters, and 10 more than it
 *   shares with any other item) occurs in the normalised seed, or
 * - at least 80% of its words (4+ letters) occur within a stretch of the
 *   seed about 1.5 times its length, and every long word (8+ letters) does.
 * A sub-point that repeats its main point ("Leerlingen worden zorgvuldig
 * overgedragen" + "bij de uitstroom …") must match in both parts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { PROJECT, seedText } from "./helpers.js";

interface Item {
  id: string;
  standaard: string;
  tekst: string;
}
interface CatalogDoc {
  id: string;
  standaarden: { id: string; titel: string }[];
  indicatoren: Item[];
  rules?: { id: string; indicator?: string }[];
}

const catalog = (name: string) => parse(readFileSync(join(PROJECT, "standards/catalogs", `${name}.yaml`), "utf8")) as CatalogDoc;
const seed = seedText;

const SEED_001 = seed("001_9754e28a4d61a73c");
const SEED_002 = seed("002_a3f78572a769fa0c");

/* ------------------------------------------------------------ the matcher */

const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
/** Letters and digits only: "(ortho-) pedagogische" = "(ortho)pedagogische". */
const squash = (s: string) => fold(s).replace(/[^a-z0-9]+/g, "");
const words = (s: string) => [...new Set(fold(s).split(/[^a-z0-9]+/).filter((w) => w.length >= 4))];

/** OCR variants in the seeds: bullets, "ledere", "codrdinator"/"coodrdinator". */
function fixOcr(text: string): string {
  return text
    .replace(/^\s*[•o]\s+/gm, " ")
    .replace(/\bledere\b/g, "Iedere")
    .replace(/co+d?rd?inator/g, "coordinator");
}

function makeMatcher(seedText: string) {
  const flat = squash(fixOcr(seedText));
  const part = (tekst: string, others: string[]): boolean => {
    const s = squash(tekst);
    let shared = 0;
    for (const o of others) {
      if (o === s) continue;
      let n = 0;
      while (n < s.length && s[n] === o[n]) n++;
      shared = Math.max(shared, n);
    }
    if (flat.includes(s.slice(0, Math.max(25, shared + 10)))) return true;
    const ws = words(tekst);
    if (ws.length === 0) return false;
    const span = Math.round(s.length * 1.5) + 20;
    const starts = new Set<number>();
    for (const w of ws) for (let i = flat.indexOf(w); i >= 0; i = flat.indexOf(w, i + 1)) starts.add(i);
    for (const start of starts) {
      const window = flat.slice(Math.max(0, start - 10), start + span);
      const ratio = ws.filter((w) => window.includes(w)).length / ws.length;
      if (ratio >= 0.8 && ws.filter((w) => w.length >= 8).every((w) => window.includes(w))) return true;
    }
    return false;
  };
  /** Is `tekst` in the seed? `all` are the texts of every item (for distinctiveness and main points). */
  return (tekst: string, all: string[]): boolean => {
    const others = all.map(squash);
    const s = squash(tekst);
    const main = others.find((o) => o !== s && o.length >= 20 && s.startsWith(o));
    if (!main) return part(tekst, others);
    let cut = 0;
    for (let n = 0; cut < tekst.length && n < main.length; cut++) n += squash(tekst[cut]!).length;
    return part(main, others) && part(tekst.slice(cut), []);
  };
}

/* ---------------------------------------------------------------- tests */

describe("catalogus basisondersteuning (seed 002)", () => {
  const cat = catalog("basisondersteuning");
  const inSeed = makeMatcher(SEED_002);

  it("12 standaarden BO-01 … BO-12 met 27, 13, 11, 19, 3, 3, 5, 2, 11, 5, 7, 5 indicatoren", () => {
    expect(cat.standaarden.map((s) => s.id)).toEqual(Array.from({ length: 12 }, (_, i) => `BO-${String(i + 1).padStart(2, "0")}`));
    const counts = cat.standaarden.map((s) => cat.indicatoren.filter((i) => i.standaard === s.id).length);
    expect(counts).toEqual([27, 13, 11, 19, 3, 3, 5, 2, 11, 5, 7, 5]);
    expect(cat.indicatoren).toHaveLength(111);
  });

  it("ids zijn BO-SS.NN, aaneengesloten vanaf 01, in volgorde, onder hun eigen standaard", () => {
    const expected = cat.standaarden.flatMap((s) =>
      cat.indicatoren.filter((i) => i.standaard === s.id).map((_, n) => `${s.id}.${String(n + 1).padStart(2, "0")}`),
    );
    expect(cat.indicatoren.map((i) => i.id)).toEqual(expected);
    for (const i of cat.indicatoren) expect(i.id.slice(0, 5)).toBe(i.standaard);
  });

  it("elke indicatortekst staat in seed 002", () => {
    const all = cat.indicatoren.map((i) => i.tekst);
    const missing = cat.indicatoren.filter((i) => !inSeed(i.tekst, all)).map((i) => `${i.id}: ${i.tekst}`);
    expect(missing).toEqual([]);
  });

  it("elke titel van een standaard staat in seed 002", () => {
    const all = cat.standaarden.map((s) => s.titel);
    expect(cat.standaarden.filter((s) => !inSeed(s.titel, all)).map((s) => s.id)).toEqual([]);
  });

  it("de vergelijking is streng genoeg om een verzonnen indicator te vangen", () => {
    const fakes = [
      "School biedt zwemlessen aan voor alle leerlingen.",
      "Omschreven en bekend is wat de kantine serveert.",
      "De docenten kunnen omgaan met leerlingen die te laat komen.",
      "Er is een protocol voor het gebruik van mobiele telefoons.",
      "School peilt tevredenheid van docenten en maakt dit openbaar.",
      "Het OPP wordt ten minste vier keer per schooljaar met de inspectie besproken.",
      "Er is een pestprotocol aanwezig dat jaarlijks met de leerlingenraad wordt besproken.",
    ];
    const all = [...cat.indicatoren.map((i) => i.tekst), ...fakes];
    expect(fakes.filter((f) => inSeed(f, all))).toEqual([]);
  });
});

describe("catalogus minimaal kritieke specificaties (seed 001)", () => {
  const cat = catalog("minimaal-kritieke-specificaties");
  const inSeed = makeMatcher(SEED_001);

  it("vijf thema's; ids MKS-XX.NN aaneengesloten per thema", () => {
    expect(cat.standaarden.map((s) => s.id)).toEqual(["MKS-TO", "MKS-SM", "MKS-DM", "MKS-PR", "MKS-OR"]);
    const expected = cat.standaarden.flatMap((s) =>
      cat.indicatoren.filter((i) => i.standaard === s.id).map((_, n) => `${s.id}.${String(n + 1).padStart(2, "0")}`),
    );
    expect(cat.indicatoren.map((i) => i.id)).toEqual(expected);
  });

  it("elk opsommingsteken (•) en deelpunt (o) van de bron is één specificatie", () => {
    const bullets = (SEED_001.match(/•/g) ?? []).length;
    const subpoints = (SEED_001.match(/(^|\s)o\s/g) ?? []).length;
    expect(bullets + subpoints).toBe(23);
    expect(cat.indicatoren).toHaveLength(bullets + subpoints);
  });

  it("elke specificatie staat in seed 001", () => {
    const all = cat.indicatoren.map((i) => i.tekst);
    const missing = cat.indicatoren.filter((i) => !inSeed(i.tekst, all)).map((i) => `${i.id}: ${i.tekst}`);
    expect(missing).toEqual([]);
  });

  it("de vergelijking vangt een verzonnen specificatie, ook achter een bestaand hoofdpunt", () => {
    const fakes = [
      "Leerlingen worden zorgvuldig overgedragen naar de sportvereniging.",
      "De beschikbaar gestelde middelen van het samenwerkingsverband worden besteed aan schoolreizen.",
      "Scholen organiseren jaarlijks een open dag voor ouders van nieuwe leerlingen.",
    ];
    const all = [...cat.indicatoren.map((i) => i.tekst), ...fakes];
    expect(fakes.filter((f) => inSeed(f, all))).toEqual([]);
  });
});
