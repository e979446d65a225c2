/**
 * The coverage verdicts tell three things apart: a group whose only school
 * (of the type that can offer it) offers it, which is all there can be; a
 * weak spot, where one school carries it while more could, or fewer schools
 * than the minimum offer it; and a white spot, where no school offers it.
 * And the places: summed where stated, said to be partly known or unknown,
 * an offer written under both aanbod and voorzieningen counted once.
 */
import { describe, expect, it } from "vitest";
import type { AanbodEntry, AuditResult, CoverageMinimum, SchoolResult } from "../../src/core/types.js";
import { buildCoverage, type CoverageMatrix } from "../../src/report/coverage.js";
import { verdictOf } from "../../src/report/coverage-verdicts.js";
import { renderCoverageCsv } from "../../src/report/coverage-csv.js";
import { fixture } from "./fixture.js";

type Offer = [behoefte: string, niveau: string, capaciteit?: number, voorziening?: string];

function school(id: string, naam: string, onderwijstypen: string[], gemeente: string, offers: Offer[]): SchoolResult {
  const aanbod: AanbodEntry[] = offers.map(([behoefte, niveau, capaciteit, voorziening]) => ({
    behoefte,
    niveau,
    onderwijstypen: [],
    ...(capaciteit !== undefined ? { capaciteit } : {}),
    ...(voorziening !== undefined ? { voorziening } : {}),
  }));
  return {
    id,
    dir: `scholen/${id}`,
    naam,
    sector: "VO",
    onderwijstypen,
    gemeente,
    documents: [],
    sop: { file: `scholen/${id}/sop-2024-2025.yaml`, aanbod, grenzen: [], ontwikkelpunten: [] },
    zelfevaluaties: [],
    visitaties: [],
    statuses: [],
    findings: [],
    waivedFindings: [],
    waivers: [],
  };
}

function swv(schools: SchoolResult[], minima: CoverageMinimum[], groeperen: AuditResult["dekkendAanbod"]["groeperen"]): AuditResult {
  const r = fixture();
  r.schools = schools;
  r.vocab.behoeften = ["dyslexie", "ass", "nt2", "hoogbegaafd", "gedrag"].map((id) => ({ id, naam: id[0]!.toUpperCase() + id.slice(1) }));
  r.vocab.onderwijstypen = [
    { id: "pro", naam: "Praktijkonderwijs" },
    { id: "havo", naam: "Havo" },
    { id: "bao", naam: "Basisonderwijs" },
    { id: "sbo", naam: "Speciaal basisonderwijs" },
  ];
  r.dekkendAanbod = { minima, groeperen };
  return r;
}

/** A VO region: one pro school, three havo schools. */
function vo(): AuditResult {
  return swv(
    [
      school("01PR00", "Praktijkschool De Kempenaer", ["pro"], "Kempen", [["dyslexie", "basis"], ["nt2", "basis"]]),
      school("02HB00", "Het Baken", ["havo"], "Kempen", [
        ["dyslexie", "extra", 10],
        // The same dyslexia class, written again as a voorziening: ten places, not twenty.
        ["dyslexie", "extra", 10, "Leesklas"],
        ["nt2", "basis"],
      ]),
      school("03ML00", "Maerlant Lyceum", ["havo"], "Kempen", [["dyslexie", "basis"], ["ass", "extra", 5]]),
      school("04EW00", "Eerdewijks College", ["havo"], "Kempen", [["dyslexie", "basis", 6], ["ass", "basis"]]),
    ],
    [
      { niveau: "basis", scholen: 1, per: "onderwijstype" },
      { behoefte: "dyslexie", niveau: "extra", scholen: 1, per: "swv" },
    ],
    ["onderwijstype"],
  );
}

/** A PO region: two bao schools and the one sbo school in Oosterhei, one bao school alone in Westerhei. */
function po(): AuditResult {
  return swv(
    [
      school("11BA00", "OBS De Linde", ["bao"], "Oosterhei", [["dyslexie", "basis"], ["gedrag", "basis"]]),
      school("12BA00", "Jenaplanschool De Wilgenpas", ["bao"], "Oosterhei", [["gedrag", "extra"]]),
      school("13SB00", "SBO De Bolster", ["sbo"], "Oosterhei", [["gedrag", "specialistisch", 48]]),
      school("14BA00", "Kindcentrum Het Palet", ["bao"], "Westerhei", [["dyslexie", "basis"], ["gedrag", "basis"]]),
    ],
    [
      { behoefte: "dyslexie", niveau: "basis", scholen: 2, per: "gemeente" },
      { behoefte: "gedrag", niveau: "specialistisch", scholen: 1, per: "swv" },
    ],
    ["gemeente"],
  );
}

function verdict(m: CoverageMatrix, behoefte: string, scope: string, group: string) {
  return m.rows.find((r) => r.behoefte === behoefte)!.verdicts.find((v) => v.scope === scope && v.group === group)!;
}

describe("verdictOf", () => {
  it.each([
    // offering, could, minimum
    [0, 1, 1, "niet-gedekt"],
    [0, 5, 1, "niet-gedekt"],
    [1, 1, 1, "hoogst-haalbaar"],
    [1, 1, 2, "hoogst-haalbaar"],
    [2, 2, 3, "hoogst-haalbaar"],
    [1, 3, 1, "kwetsbaar"],
    [1, 3, 2, "kwetsbaar"],
    [2, 4, 3, "kwetsbaar"],
    [2, 2, 1, "gedekt"],
    [3, 4, 2, "gedekt"],
  ] as const)("%i of %i schools that could, minimum %i: %s", (offering, could, minimum, expected) => {
    expect(verdictOf(offering, could, minimum)).toBe(expected);
  });
});

describe("one school of its type is all there can be", () => {
  const m = buildCoverage(vo());

  it("the only pro school offering it is hoogst-haalbaar, not kwetsbaar", () => {
    expect(verdict(m, "dyslexie", "onderwijstype", "pro")).toMatchObject({ verdict: "hoogst-haalbaar", count: 1, total: 1, kandidaten: 1 });
    expect(verdict(m, "nt2", "onderwijstype", "pro")).toMatchObject({ verdict: "hoogst-haalbaar" });
    expect(m.kwetsbaar.map((k) => k.group)).not.toContain("pro");
  });

  it("says so in words, once per school, with the needs", () => {
    expect(m.hoogstHaalbaar).toEqual([
      "Praktijkschool De Kempenaer is de enige school voor praktijkonderwijs: één school is daar het hoogst haalbare (Dyslexie en Nt2).",
    ]);
  });

  it("names the type that alone offers a level: the one sbo school, in the whole SWV", () => {
    const p = buildCoverage(po());
    expect(verdict(p, "gedrag", "swv", "")).toMatchObject({ verdict: "hoogst-haalbaar", count: 1, total: 4, kandidaten: 1, soort: ["sbo"] });
    expect(p.hoogstHaalbaar).toContain(
      "Niveau specialistisch (SBO, SO, VSO) bieden alleen scholen voor speciaal basisonderwijs, en in het hele samenwerkingsverband is SBO De Bolster de enige: één school is daar het hoogst haalbare (Gedrag).",
    );
  });

  it("but when a school of another type offers that level too, one school is a weak spot", () => {
    const r = po();
    r.schools[0]!.sop!.aanbod.push({ behoefte: "nt2", niveau: "specialistisch", onderwijstypen: [] });
    const p = buildCoverage(r);
    expect(verdict(p, "gedrag", "swv", "")).toMatchObject({ verdict: "kwetsbaar", kandidaten: 4 });
    expect(verdict(p, "gedrag", "swv", "").soort).toBeUndefined();
  });

  it("a gemeente with one school cannot reach a minimum of two: that one school is all there is", () => {
    const p = buildCoverage(po());
    expect(verdict(p, "dyslexie", "gemeente", "Westerhei")).toMatchObject({ verdict: "hoogst-haalbaar", count: 1, minimum: 2, total: 1 });
    expect(p.hoogstHaalbaar).toContain("Kindcentrum Het Palet is de enige school in gemeente Westerhei: één school is daar het hoogst haalbare (Dyslexie).");
  });
});

describe("weak spots", () => {
  it("one school where three could: kwetsbaar, with what happens if it drops out", () => {
    const m = buildCoverage(vo());
    expect(verdict(m, "nt2", "onderwijstype", "havo")).toMatchObject({ verdict: "kwetsbaar", count: 1, total: 3, kandidaten: 3 });
    expect(m.kwetsbaar.map((k) => k.text)).toContain(
      "Voor Nt2 is er bij havo alleen Het Baken op niveau basisondersteuning of hoger; valt die weg, dan biedt geen van de 2 andere scholen het.",
    );
  });

  it("one school at a level only havo schools offer, but there are three havo schools: still kwetsbaar", () => {
    const m = buildCoverage(vo());
    expect(verdict(m, "dyslexie", "swv", "")).toMatchObject({ verdict: "kwetsbaar", count: 1, kandidaten: 3, soort: ["havo"] });
  });

  it("fewer schools than the minimum where more could: kwetsbaar, not a white spot", () => {
    const p = buildCoverage(po());
    expect(verdict(p, "dyslexie", "gemeente", "Oosterhei")).toMatchObject({ verdict: "kwetsbaar", count: 1, minimum: 2, total: 3 });
    expect(p.kwetsbaar.map((k) => k.text)).toContain(
      "Voor Dyslexie biedt in gemeente Oosterhei maar één school niveau basisondersteuning of hoger, waar het minimum 2 vraagt: OBS De Linde.",
    );
  });

  it("are heaviest first: the whole SWV before a group, a large group before a small one", () => {
    const m = buildCoverage(vo());
    expect(m.kwetsbaar.map((k) => [k.behoefte, k.scope, k.group])).toEqual([
      ["dyslexie", "swv", ""],
      ["nt2", "onderwijstype", "havo"],
    ]);
  });
});

describe("white spots", () => {
  const m = buildCoverage(vo());

  it("no school offers it: niet-gedekt, also in a group of one school", () => {
    expect(verdict(m, "hoogbegaafd", "onderwijstype", "havo")).toMatchObject({ verdict: "niet-gedekt", count: 0, total: 3 });
    expect(verdict(m, "ass", "onderwijstype", "pro")).toMatchObject({ verdict: "niet-gedekt", count: 0, total: 1 });
  });

  it("are listed in words, larger groups first, naming the one school of a group of one", () => {
    expect(m.witteVlekken.map((w) => w.text)).toEqual([
      "Voor Hoogbegaafd is er bij havo geen school op niveau basisondersteuning of hoger; geen van de 3 scholen biedt het.",
      "Voor Gedrag is er bij havo geen school op niveau basisondersteuning of hoger; geen van de 3 scholen biedt het.",
      "Voor Ass is er bij praktijkonderwijs geen school op niveau basisondersteuning of hoger; de enige school daar, Praktijkschool De Kempenaer, biedt het niet.",
      "Voor Hoogbegaafd is er bij praktijkonderwijs geen school op niveau basisondersteuning of hoger; de enige school daar, Praktijkschool De Kempenaer, biedt het niet.",
      "Voor Gedrag is er bij praktijkonderwijs geen school op niveau basisondersteuning of hoger; de enige school daar, Praktijkschool De Kempenaer, biedt het niet.",
    ]);
  });
});

describe("the headline", () => {
  it("counts covered needs (one school where one is all there can be included), white spots and weak spots apart", () => {
    const m = buildCoverage(vo());
    // dyslexie: kwetsbaar (swv); ass, hoogbegaafd, gedrag: white spots; nt2: kwetsbaar (havo).
    expect(m.totals).toEqual({ gedekt: 0, "hoogst-haalbaar": 0, kwetsbaar: 2, "niet-gedekt": 3 });
    expect(m.countsText).toBe("Van de 5 ondersteuningsbehoeften zijn er 0 overal gedekt. Er zijn 5 witte vlekken (bij 3 behoeften) en 2 kwetsbare plekken (bij 2 behoeften).");
  });

  it("counts a need covered where its only weak-looking spot is a group's only school", () => {
    const r = vo();
    r.dekkendAanbod.minima = [{ behoefte: "dyslexie", niveau: "basis", scholen: 1, per: "onderwijstype" }];
    const m = buildCoverage(r);
    expect(m.rows.find((x) => x.behoefte === "dyslexie")!.worst).toBe("hoogst-haalbaar");
    expect(m.totals["hoogst-haalbaar"]).toBe(1);
    // The other four needs have no minimum here: nothing to judge, so covered.
    expect(m.countsText).toBe("Van de 5 ondersteuningsbehoeften zijn er 5 overal gedekt. Er zijn 0 witte vlekken (bij 0 behoeften) en 0 kwetsbare plekken (bij 0 behoeften).");
    r.dekkendAanbod.minima.push({ behoefte: "nt2", niveau: "basis", scholen: 1, per: "onderwijstype" });
    expect(buildCoverage(r).countsText).toBe("Van de 5 ondersteuningsbehoeften zijn er 4 overal gedekt. Er zijn 0 witte vlekken (bij 0 behoeften) en 1 kwetsbare plek (bij 1 behoefte).");
  });

  it("reads in English", () => {
    const m = buildCoverage(vo(), { lang: "en" });
    expect(m.countsText).toBe("Of the 5 support needs, 0 are covered everywhere. There are 5 gaps (in 3 needs) and 2 vulnerable spots (in 2 needs).");
    expect(m.hoogstHaalbaar).toEqual(["Praktijkschool De Kempenaer is the only school for praktijkonderwijs: one school is the best possible there (Dyslexie and Nt2)."]);
    expect(m.kwetsbaar[1]!.text).toBe("For Nt2, only Het Baken for havo offers level basisondersteuning or higher; if it drops out, none of the 2 other schools does.");
  });
});

describe("places", () => {
  const m = buildCoverage(vo());
  const havo = (behoefte: string) => m.rows.find((r) => r.behoefte === behoefte)!.groupCells.find((c) => c.group === "havo")!;

  it("an offer written under aanbod and as a voorziening counts once", () => {
    const cell = m.rows.find((r) => r.behoefte === "dyslexie")!.cells.find((c) => c.school === "02HB00")!;
    expect(cell.capaciteit).toBe(10);
    expect(verdict(m, "dyslexie", "swv", "")).toMatchObject({ capaciteit: 10, capaciteitBekend: "bekend", capaciteitText: "10 plaatsen" });
  });

  it("an aanbod entry that names the voorziening is that offer again: the larger number counts", () => {
    const r = vo();
    r.schools[1]!.sop!.aanbod[0]!.toelichting = "Twee uur per week in de leesklas.";
    r.schools[1]!.sop!.aanbod[1]!.capaciteit = 14;
    expect(verdict(buildCoverage(r), "dyslexie", "swv", "")).toMatchObject({ capaciteit: 14 });
  });

  it("a voorziening with other places, named nowhere, is another offer: the places add up", () => {
    const r = vo();
    r.schools[1]!.sop!.aanbod[1]!.capaciteit = 8;
    expect(verdict(buildCoverage(r), "dyslexie", "swv", "")).toMatchObject({ capaciteit: 18 });
  });

  it("partly known: the sum of what is stated, said to be at least that", () => {
    // Het Baken 10, Eerdewijks 6, Maerlant states none.
    expect(havo("dyslexie")).toMatchObject({ count: 3, capaciteit: 16, capaciteitBekend: "deels", capaciteitText: "≥ 16 plaatsen" });
  });

  it("unknown when no offering school states any, and nothing when nobody offers it", () => {
    expect(havo("nt2")).toMatchObject({ count: 1, capaciteitBekend: "onbekend", capaciteitText: "plaatsen onbekend" });
    expect(havo("nt2").capaciteit).toBeUndefined();
    expect(havo("hoogbegaafd").capaciteitText).toBeUndefined();
  });

  it("the CSV keeps a line per school and one per verdict, with the new verdict", () => {
    const lines = renderCoverageCsv(m).split("\r\n");
    expect(lines).toContain("aanbod,dyslexie,Dyslexie,onderwijstype,havo,02HB00,Het Baken,extra,Extra ondersteuning (school),10,,,,,,,,");
    expect(lines).toContain("oordeel,dyslexie,Dyslexie,onderwijstype,pro,,,basis,Basisondersteuning,,hoogst-haalbaar,1,1,1,01PR00,,1,onbekend");
    expect(lines).toContain("oordeel,dyslexie,Dyslexie,onderwijstype,havo,,,basis,Basisondersteuning,16,gedekt,3,1,3,04EW00;02HB00;03ML00,,3,deels");
  });
});
