/**
 * The school page (`report` → school-<id>): "wat moet er gebeuren" first, in
 * order of weight and in words; the school's offer; the details folded with
 * the voldoet rows summed up; a hint read once; the school's explanation whole.
 */
import { describe, expect, it } from "vitest";
import { shortLine } from "../../src/core/short-line.js";
import type { AuditResult, Finding, SchoolResult } from "../../src/core/types.js";
import { buildSchoolGap } from "../../src/report/gap.js";
import { createRenderer } from "../../src/report/render.js";
import { fixture } from "./fixture.js";

const SOP = "scholen/04DD00/sop-2025-2026.yaml";
const ZE = "scholen/04DD00/zelfevaluatie-2025-2026.yaml";
const SCORE_HINT = "Vul de score in onder scores, of neem de indicator op in de ontwikkelpunten.";
const LONG = "De coördinator heeft vier uur per week, te weinig voor de 23 leerlingen met een OPP.\nWe vragen het bestuur om uitbreiding in het nieuwe schooljaar; tot dan helpt de mentor mee.";

const at = (line: number) => ({ line, column: 3, endLine: line, endColumn: 9 });
const f = (p: Partial<Finding> & Pick<Finding, "ruleId" | "severity" | "message" | "file">, line: number): Finding => ({ range: at(line), school: "04DD00", ...p });
const score = (item: string, line: number, why = ""): Finding =>
  f({ ruleId: "BO-ZE", severity: "error", message: `${item} is gescoord als "voldoet niet" in de zelfevaluatie 2025-2026 (minimaal "voldoet")${why}`, hint: SCORE_HINT, indicator: item, path: `scores.${item}.score`, file: ZE }, line);

function school(): SchoolResult {
  return {
    id: "04DD00",
    dir: "scholen/04DD00",
    naam: "De Vierde School",
    sector: "VO",
    onderwijstypen: ["havo"],
    documents: [
      { file: SOP, kind: "Schoolondersteuningsprofiel", schooljaar: "2025-2026", valid: false },
      { file: ZE, kind: "Zelfevaluatie", schooljaar: "2025-2026", valid: true },
    ],
    sop: {
      file: SOP,
      schooljaar: "2025-2026",
      aanbod: [
        { behoefte: "hoogbegaafd", niveau: "basis", onderwijstypen: ["havo"] },
        { behoefte: "dyslexie", niveau: "extra", capaciteit: 12, onderwijstypen: [], voorziening: "leesclub", toelichting: "Twee keer per week." },
      ],
      grenzen: ["Geen één-op-één begeleiding de hele dag"],
      ontwikkelpunten: [],
    },
    zelfevaluaties: [{ schooljaar: "2025-2026", file: ZE, scores: { "BO-01.01": "voldoet niet", "BO-01.02": "voldoet niet", "BO-12.01": "voldoet niet" }, toelichtingen: { "BO-01.01": LONG } }],
    visitaties: [],
    statuses: [
      { item: "BO-01.01", status: "voldoet-niet", rules: ["BO-ZE"] },
      { item: "BO-01.02", status: "voldoet-niet", rules: ["BO-ZE"] },
      { item: "BO-12.01", status: "voldoet-niet", rules: ["BO-ZE"] },
      { item: "WET-01", status: "voldoet-niet", rules: ["WET-01"] },
      { item: "VO2203-02", status: "niet-aangetoond", rules: ["WET-01"], reason: "geen vaststellingsdatum" },
    ],
    findings: [
      f({ ruleId: "BO-01.02", severity: "warning", message: "niveau ontbreekt", hint: "Kies een niveau uit de lijst.", path: "aanbod[1].niveau", file: SOP }, 30),
      score("BO-12.01", 40),
      score("BO-01.01", 10, ` — ${shortLine(LONG, 80)}`),
      score("BO-01.02", 20),
      f({ ruleId: "WET-01", severity: "error", message: "vaststelling.datum ontbreekt", hint: "Laat het bestuur het SOP vaststellen.", path: "vaststelling.datum", file: SOP }, 5),
      f({ ruleId: "schema/type", severity: "error", message: "verwacht tekst, gevonden een getal", path: "vastelling", file: SOP }, 50),
      f({ ruleId: "BO-01.02", severity: "info", message: "Tip: noem de anti-pestcoördinator", file: SOP }, 60),
    ],
    waivedFindings: [],
    waivers: [],
  };
}

function result(): AuditResult {
  const r = fixture();
  r.rules.push({ id: "BO-ZE", titel: "De zelfevaluatie scoort elke indicator minstens voldoet", kind: "zelfevaluatie-score", severity: "error", source: "basisondersteuning", document: "zelfevaluatie", cadence: false });
  r.schools.push(school());
  return r;
}

const page = (lang: "nl" | "en" = "nl") => {
  const r = result();
  return buildSchoolGap(r, r.schools.find((s) => s.id === "04DD00")!, { lang }).schools[0]!;
};

describe("the school page", () => {
  it("opens with the things to fix: severity, then how many open indicators a fix concerns, then the standards' order; infos never", () => {
    const s = page();
    expect(s.fixes.map((x) => `${x.rank} ${x.severity} ${x.settles} ${x.codes} | ${x.headline}`)).toEqual([
      "1 error 2 WET-01 | Het SOP is de afgelopen vier jaar vastgesteld",
      "2 error 1 BO-ZE (BO-01.01) | Sociale vaardigheden en welbevinden worden actief versterkt",
      "3 error 1 BO-ZE (BO-01.02) | Er is een anti-pestcoördinator",
      "4 error 1 BO-ZE (BO-12.01) | Het SOP is opgenomen in de schoolgids",
      "5 error 0 schema/type | Het document voldoet aan het schema van zijn soort",
      "6 warning 0 BO-01.02 | Het SOP noemt een anti-pestcoördinator",
    ]);
    expect(s.fixes[0]!.legal).toBe(true);
    expect(s.moreFixes).toBe(0);
    expect(buildSchoolGap(result(), result().schools.find((x) => x.id === "04DD00")!, { fixLimit: 3 }).schools[0]!.moreFixes).toBe(3);
  });

  it("names each field in words, with the rule code and file:line:col beside them", () => {
    const s = page();
    expect(s.fixes.map((x) => x.field)).toEqual([
      "Vaststelling: datum van vaststelling",
      "Scores per indicator BO-01.01: score",
      "Scores per indicator BO-01.02: score",
      "Scores per indicator BO-12.01: score",
      // A key the schema does not know stays as written.
      "vastelling",
      "Aanbod per ondersteuningsbehoefte 2: niveau",
    ]);
    expect(s.fixes[0]!.location).toBe(`${SOP}:5:3`);
    const en = page("en");
    expect(en.fixes.map((x) => x.field)).toContain("Adoption: date of adoption");
    expect(en.fixes.map((x) => x.field)).toContain("Offer per support need 2: level");
    expect(en.fixes[4]!.headline).toBe("The document matches the schema of its kind");
    // A code gets its words: the rule's title where the headline is the indicator's text.
    expect(s.fixes[1]!.asked).toEqual(["De zelfevaluatie scoort elke indicator minstens voldoet"]);
    expect(s.fixes[0]!.asked).toEqual([]);
  });

  it("writes a hint shared by several entries once, and points back to it", () => {
    const s = page();
    expect(s.fixes[1]!.hints).toEqual([SCORE_HINT]);
    expect(s.fixes.slice(2, 4).map((x) => [x.hints, x.sameHintsAs])).toEqual([
      [[], 2],
      [[], 2],
    ]);
    const block = s.findingBlocks.find((b) => b.hints.includes(SCORE_HINT))!;
    expect(block.findings.map((x) => x.codes)).toEqual(["BO-ZE (BO-01.01)", "BO-ZE (BO-01.02)", "BO-ZE (BO-12.01)"]);
    const r = result();
    const html = createRenderer({ format: "html", lang: "nl" }).render("gap", buildSchoolGap(r, r.schools.find((x) => x.id === "04DD00")!));
    // Once in "wat moet er gebeuren", once above the three values in the details.
    expect(html.split(SCORE_HINT).length - 1).toBe(2);
  });

  it("shows the school's explanation whole, not cut for a terminal line", () => {
    const s = page();
    const fix = s.fixes[1]!;
    expect(fix.toelichting).toBe(LONG);
    expect(fix.problems.map((p) => p.message)).toEqual(['BO-01.01 is gescoord als "voldoet niet" in de zelfevaluatie 2025-2026 (minimaal "voldoet")']);
    expect(s.standards[0]!.openItems.find((i) => i.id === "BO-01.01")!.toelichting).toBe(LONG);
    const r = result();
    const one = r.schools.find((x) => x.id === "04DD00")!;
    const html = createRenderer({ format: "html", lang: "nl" }).render("gap", buildSchoolGap(r, one));
    const md = createRenderer({ format: "md", lang: "nl" }).render("gap", buildSchoolGap(r, one));
    expect(html).toContain("tot dan helpt de mentor mee.");
    expect(html).not.toContain(shortLine(LONG, 80));
    expect(md).toContain("tot dan helpt de mentor mee.");
  });

  it("sums up the indicators that meet a standard instead of a row each, and folds the details", () => {
    const r = fixture();
    const zon = buildSchoolGap(r, r.schools.find((x) => x.id === "01AA00")!).schools[0]!;
    const bo01 = zon.standards.find((x) => x.id === "BO-01")!;
    expect([bo01.summary, bo01.openItems.length, bo01.voldoetItems.map((i) => i.id)]).toEqual(["2 van 2 indicatoren voldoen", 0, ["BO-01.01", "BO-01.02"]]);
    const brug = buildSchoolGap(r, r.schools.find((x) => x.id === "03CC00")!).schools[0]!;
    expect(brug.standards.find((x) => x.id === "VO2203")).toMatchObject({ summary: "Deze standaard geldt niet voor deze school.", openItems: [], nvtGroups: [{ reason: "geldt niet voor deze school" }] });
    const html = createRenderer({ format: "html", lang: "nl" }).render("gap", buildSchoolGap(r, r.schools.find((x) => x.id === "01AA00")!));
    const fixesAt = html.indexOf("Wat moet er gebeuren");
    const detailsAt = html.indexOf('<details class="all-details">');
    expect(fixesAt).toBeGreaterThan(0);
    expect(detailsAt).toBeGreaterThan(html.indexOf("Wat de school biedt"));
    expect(html.indexOf("Stand per standaard")).toBeGreaterThan(detailsAt);
    expect(html.match(/<tr><th scope="row" class="nowrap">BO-01\.0[12]<\/th>/g)).toBeNull();
  });

  it("shows the school's own offer with the names of the SWV's lists", () => {
    const s = page();
    expect(s.aanbod.map((a) => [a.behoefteNaam, a.niveauNaam, a.capaciteit, a.onderwijstypen, a.voorziening, a.toelichting])).toEqual([
      ["Taal/lezen/dyslexie", "Extra ondersteuning (school)", 12, "alle", "leesclub", "Twee keer per week."],
      ["(Hoog)begaafdheid", "Basisondersteuning", undefined, "havo", undefined, undefined],
    ]);
    expect(s.grenzen).toEqual(["Geen één-op-één begeleiding de hele dag"]);
    expect(page("en").aanbod[0]!.onderwijstypen).toBe("all");
  });
});
