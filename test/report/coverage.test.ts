import { describe, expect, it } from "vitest";
import { buildCoverage, type CoverageMatrix } from "../../src/report/coverage.js";
import { coverageJsonPieces, csvField, renderCoverageCsv } from "../../src/report/coverage-csv.js";
import { joinPieces } from "../../src/format/types.js";
import { fixture, NASTY } from "./fixture.js";

function verdict(m: CoverageMatrix, behoefte: string, scope: string, group: string) {
  const row = m.rows.find((r) => r.behoefte === behoefte)!;
  return row.verdicts.find((v) => v.scope === scope && v.group === group);
}

describe("buildCoverage", () => {
  const m = buildCoverage(fixture());

  it("has one row per need, in vocabulary order", () => {
    expect(m.rows.map((r) => r.behoefte)).toEqual(["dyslexie", "hoogbegaafd", "ass", "nt2"]);
  });

  it("groups columns by the profile's first grouping, in vocabulary order, schools by name", () => {
    expect(m.groupBy).toBe("onderwijstype");
    expect(m.groups.map((g) => [g.key, g.columns.map((c) => c.school)])).toEqual([
      ["vmbo-gt", ["02BB00", "01AA00"]],
      ["havo", ["03CC00", "01AA00"]],
    ]);
  });

  it("shows the highest level per school, with capacity, and geen when absent", () => {
    const dys = m.rows[0]!.cells;
    expect(dys.map((c) => `${c.group}/${c.school}=${c.niveau}${c.capaciteit !== undefined ? `(${c.capaciteit})` : ""}`)).toEqual([
      "vmbo-gt/02BB00=basis",
      "vmbo-gt/01AA00=extra(20)",
      "havo/03CC00=specialistisch(4)",
      "havo/01AA00=extra(20)",
    ]);
    expect(m.rows[3]!.cells.every((c) => c.niveau === "geen" && c.rank === 0)).toBe(true);
  });

  it("judges a need offered by two schools per group as gedekt", () => {
    expect(verdict(m, "dyslexie", "onderwijstype", "havo")).toMatchObject({ verdict: "gedekt", count: 2, total: 2, minimum: 1 });
    expect(m.rows[0]!.worst).toBe("gedekt");
  });

  it("judges a need that hangs on one school as kwetsbaar", () => {
    expect(verdict(m, "ass", "onderwijstype", "vmbo-gt")).toMatchObject({ verdict: "kwetsbaar", count: 1, schools: ["01AA00"] });
    expect(verdict(m, "ass", "swv", "")).toMatchObject({ verdict: "kwetsbaar", niveau: "extra", count: 1, total: 3 });
    expect(m.rows[2]!.worst).toBe("kwetsbaar");
  });

  it("judges a need below the minimum as niet-gedekt", () => {
    expect(verdict(m, "nt2", "onderwijstype", "havo")).toMatchObject({ verdict: "niet-gedekt", count: 0 });
    expect(m.rows[3]!.worst).toBe("niet-gedekt");
  });

  it("counts an entry with its own onderwijstypen only for those", () => {
    // Zonnecollege offers hoogbegaafd for havo only: vmbo-gt has nobody.
    expect(verdict(m, "hoogbegaafd", "onderwijstype", "havo")).toMatchObject({ verdict: "gedekt", count: 2 });
    expect(verdict(m, "hoogbegaafd", "onderwijstype", "vmbo-gt")).toMatchObject({ verdict: "niet-gedekt", count: 0 });
    const cell = m.rows[1]!.cells.find((c) => c.group === "vmbo-gt" && c.school === "01AA00")!;
    expect(cell.niveau).toBe("geen");
  });

  it("counts a school with several onderwijstypen in each", () => {
    expect(verdict(m, "dyslexie", "onderwijstype", "vmbo-gt")!.schools).toEqual(["02BB00", "01AA00"]);
    expect(verdict(m, "dyslexie", "onderwijstype", "havo")!.schools).toEqual(["03CC00", "01AA00"]);
  });

  it("uses a need's own minimum over the general one, and only the scopes that have one", () => {
    const r = fixture();
    r.dekkendAanbod.minima = [
      { niveau: "basis", scholen: 1, per: "gemeente" },
      { behoefte: "dyslexie", niveau: "extra", scholen: 2, per: "gemeente" },
    ];
    const g = buildCoverage(r, { group: "gemeente" });
    expect(g.groups.map((x) => x.key)).toEqual(["Kampen", "Zwolle"]);
    expect(verdict(g, "dyslexie", "gemeente", "Zwolle")).toMatchObject({ verdict: "gedekt", count: 2, minimum: 2, niveau: "extra" });
    expect(verdict(g, "dyslexie", "gemeente", "Kampen")).toMatchObject({ verdict: "niet-gedekt", count: 0, minimum: 2, niveau: "extra" });
    expect(verdict(g, "hoogbegaafd", "gemeente", "Zwolle")).toMatchObject({ verdict: "gedekt", count: 2 });
    expect(g.rows[0]!.verdicts.map((v) => v.scope)).toEqual(["gemeente", "gemeente"]);
    expect(g.showSwv).toBe(false);
  });

  it("falls back to one school at the lowest real level per onderwijstype when the profile sets no minimum", () => {
    const r = fixture();
    r.dekkendAanbod = { minima: [], groeperen: [] };
    const d = buildCoverage(r);
    expect(d.groupBy).toBe("onderwijstype");
    expect(d.minima).toMatchObject([{ niveau: "basis", scholen: 1, per: "onderwijstype" }]);
  });

  it("groups schools without a kring last, under a clear label", () => {
    const r = fixture();
    delete r.schools[2]!.kring;
    const k = buildCoverage(r, { group: "kring" });
    expect(k.groups.map((g) => [g.key, g.label])).toEqual([
      ["Noord", "Noord"],
      ["", "(niet ingevuld)"],
    ]);
  });

  it("lists the white spots and the weak spots, each in a sentence, heaviest first", () => {
    expect(m.witteVlekken.map((a) => [a.behoefte, a.scope, a.group])).toEqual([
      ["hoogbegaafd", "onderwijstype", "vmbo-gt"],
      ["nt2", "onderwijstype", "vmbo-gt"],
      ["nt2", "onderwijstype", "havo"],
    ]);
    expect(m.kwetsbaar.map((a) => [a.behoefte, a.scope, a.group])).toEqual([
      ["ass", "swv", ""],
      ["ass", "onderwijstype", "vmbo-gt"],
      ["ass", "onderwijstype", "havo"],
    ]);
    expect(m.kwetsbaar[0]!.text).toBe(
      "Voor Autismespectrumstoornis (ASS) is er in het hele samenwerkingsverband alleen Het Zonnecollege op niveau extra ondersteuning (school) of hoger; valt die weg, dan biedt geen van de 2 andere scholen het.",
    );
    expect(m.totals).toEqual({ gedekt: 1, "hoogst-haalbaar": 0, kwetsbaar: 1, "niet-gedekt": 2 });
  });

  it("is deterministic whatever the order of the input", () => {
    const r = fixture();
    r.schools.reverse();
    r.schools.forEach((s) => s.sop?.aanbod.reverse());
    expect(JSON.stringify(buildCoverage(r))).toBe(JSON.stringify(m));
  });

  it("speaks English when asked", () => {
    const en = buildCoverage(fixture(), { lang: "en" });
    expect(en.rows[3]!.worstLabel).toBe("not covered");
    expect(en.countsText).toBe("Of the 4 support needs, 1 is covered everywhere. There are 3 gaps (in 2 needs) and 3 vulnerable spots (in 1 need).");
  });
});

describe("coverage CSV and JSON", () => {
  const m = buildCoverage(fixture());
  const csv = renderCoverageCsv(m);
  const lines = csv.split("\r\n");

  it("has a header and a tidy row per need × school and per verdict, CRLF-terminated", () => {
    expect(lines[0]).toBe("type,behoefte,behoefte_naam,indeling,groep,school,school_naam,niveau,niveau_naam,capaciteit,oordeel,aantal,minimum,totaal,scholen,bedoeld,kandidaten,capaciteit_bekend");
    expect(lines[1]).toBe("aanbod,dyslexie,Taal/lezen/dyslexie,onderwijstype,vmbo-gt,02BB00,\"<script>alert(\"\"x\"\")</script> & \"\"Zon\"\"|*\",basis,Basisondersteuning,,,,,,,,,");
    expect(lines[2]).toBe("aanbod,dyslexie,Taal/lezen/dyslexie,onderwijstype,vmbo-gt,01AA00,Het Zonnecollege,extra,Extra ondersteuning (school),20,,,,,,,,");
    expect(lines).toContain("oordeel,ass,Autismespectrumstoornis (ASS),swv,,,,extra,Extra ondersteuning (school),8,kwetsbaar,1,1,3,01AA00,,3,bekend");
    expect(lines).toContain("oordeel,dyslexie,Taal/lezen/dyslexie,onderwijstype,havo,,,basis,Basisondersteuning,24,gedekt,2,1,2,03CC00;01AA00,,2,bekend");
    // 4 needs × 4 cells + 4 needs × 2 groups + 1 swv verdict (ass) + header + final empty string
    expect(lines.length).toBe(16 + 8 + 1 + 1 + 1);
    expect(lines[lines.length - 1]).toBe("");
  });

  it("quotes per RFC 4180 and defuses spreadsheet formulas", () => {
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField("regel 1\nregel 2")).toBe('"regel 1\nregel 2"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField(-3)).toBe("-3");
    expect(csvField(undefined)).toBe("");
    expect(csv).toContain(csvField(NASTY));
  });

  it("writes JSON that reads back to the same matrix", () => {
    const json = joinPieces(coverageJsonPieces(m));
    expect(json.endsWith("}\n")).toBe(true);
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(m)));
  });

  it("writes the JSON in pieces, a row at a time, that join to exactly JSON.stringify's text", () => {
    const pieces = [...coverageJsonPieces(m)];
    expect(m.rows.length).toBeGreaterThan(1);
    expect(pieces).toHaveLength(m.rows.length + 2);
    expect(pieces.join("")).toBe(`${JSON.stringify(m, null, 2)}\n`);
    const empty = { ...m, rows: [] };
    expect([...coverageJsonPieces(empty)].join("")).toBe(`${JSON.stringify(empty, null, 2)}\n`);
  });
});
