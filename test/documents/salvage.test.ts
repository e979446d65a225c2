/**
 * Tolerant loading (src/documents/salvage.ts, rules-of-thumb.ts): what a
 * document gets right is audited, a wrong value counts as absent, a list
 * entry without what it needs is left out without shifting the positions of
 * the rest, and values written the way people write them are read.
 */
import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/documents/parse.js";
import { readDate, readNumber, readSchooljaar, readTimesPerYear, schooljaarFromYear } from "../../src/documents/rules-of-thumb.js";
import { SCHOOL_DOCUMENT_KINDS } from "../../src/documents/schemas.js";
import { validateDocument } from "../../src/documents/validate.js";

describe("rules of thumb", () => {
  it("read a schooljaar written with a slash, a short year or a dash of another kind, and only two consecutive years", () => {
    expect(["2013/2014", "2013-14", "13/14", "2013 – 2014", "2099/2100"].map(readSchooljaar)).toEqual(["2013-2014", "2013-2014", "2013-2014", "2013-2014", "2099-2100"]);
    expect(["2013/2015", "2014/2013", "2013", "schooljaar 2013/2014", "13/15"].map(readSchooljaar)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect([schooljaarFromYear("2025"), schooljaarFromYear("volgend jaar")]).toEqual(["2025-2026", undefined]);
  });

  it("read Dutch dates, in digits or with the month in words, and only dates that exist", () => {
    expect(["1 oktober 2024", "01-10-2024", "1-10-24", "1/10/2024", "1.10.2024", "3 mrt. 2025", "15 Augustus 2025"].map(readDate)).toEqual([
      "2024-10-01", "2024-10-01", "2024-10-01", "2024-10-01", "2024-10-01", "2025-03-03", "2025-08-15",
    ]);
    expect(["31 februari 2024", "2024-13-01", "1 brumaire 2024", "oktober 2024", "10/2024"].map(readDate)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it("read a decimal comma and a number written as text, nothing with thousands separators", () => {
    expect(["27,1", "27.1", "120", " -3 "].map(readNumber)).toEqual([27.1, 27.1, 120, -3]);
    expect(["1.000,5", "27,1,2", "ongeveer 27", ""].map(readNumber)).toEqual([undefined, undefined, undefined, undefined]);
  });
  it("read how often a meeting is held as times per school year of 40 weeks", () => {
    const written = ["6 keer per jaar", "zes keer per jaar", "6x per jaar", "Maandelijks", "elke zes weken", "om de 4 weken", "vier keer per schooljaar", "per kwartaal", "8"];
    expect(written.map(readTimesPerYear)).toEqual([6, 6, 6, 10, 6, 10, 4, 4, 8]);
    expect(["vaak", "zo nodig", "6 keer per maand", ""].map(readTimesPerYear)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

const SOP = `kind: Schoolondersteuningsprofiel
schooljaar: 2025/2026
school:
  naam: De Vlinderboom
  sector: primair
kengetallen:
  schoolweging: 27,1
aanbod:
  - behoefte: dyslexie
    niveau: basis
  - niveau: extra
  - behoefte: gedrag
    niveau: breedte
`;

describe("a document that fails its schema", () => {
  const source = parseSource("scholen/21AA00/sop.yaml", Buffer.from(SOP));
  const validated = validateDocument(source, { lang: "nl", school: "21AA00" }, SCHOOL_DOCUMENT_KINDS);

  it("is still audited: a wrong value is absent, an entry without its need is left out, the rest stays", () => {
    expect(validated.doc).toEqual({
      kind: "Schoolondersteuningsprofiel",
      schooljaar: "2025-2026",
      school: { naam: "De Vlinderboom" },
      kengetallen: { schoolweging: 27.1 },
      aanbod: [
        { behoefte: "dyslexie", niveau: "basis" },
        { behoefte: "gedrag", niveau: "breedte" },
      ],
    });
  });

  it("has one finding per problem, on its own field, and a warning for each value read by a rule of thumb", () => {
    expect(validated.findings.map((f) => [f.ruleId, f.severity, f.range.line, f.range.column, f.message])).toEqual([
      ["schema/normalised", "warning", 2, 13, 'schooljaar: "2025/2026" gelezen als 2025-2026'],
      ["schema/normalised", "warning", 7, 17, 'kengetallen.schoolweging: "27,1" gelezen als 27.1'],
      ["schema/enum", "error", 5, 11, 'school.sector moet een van "PO", "SBO", "SO", "VSO", "VO", "PrO" zijn, gevonden: "primair"'],
      ["schema/required", "error", 11, 5, "verplicht veld aanbod[1].behoefte ontbreekt"],
    ]);
  });

  it("locates the entries it kept where they are in the file", () => {
    const located = validated.source!;
    expect(located.locate(["aanbod", 0, "behoefte"]).line).toBe(9);
    // The second entry audited is the third in the file.
    expect(located.locate(["aanbod", 1, "behoefte"]).line).toBe(12);
    expect(located.locate(["aanbod", 1, "niveau"]).line).toBe(13);
  });
});

describe("a schooljaar no rule of thumb can read", () => {
  it("keeps its finding, with a hint derived from the year that was written, never a generic example", () => {
    const text = 'kind: Zelfevaluatie\nschooljaar: "2025"\n';
    const validated = validateDocument(parseSource("scholen/21AA00/zelfevaluatie.yaml", Buffer.from(text)), { lang: "nl" }, SCHOOL_DOCUMENT_KINDS);
    expect(validated.findings.map((f) => [f.ruleId, f.range.line, f.range.column, f.hint])).toEqual([["schema/schooljaar", 2, 13, "Bedoel je 2025-2026? Schrijf het schooljaar zo."]]);
    // The value counts as absent; the rest of the document is audited.
    expect(validated.doc).toEqual({ kind: "Zelfevaluatie" });
  });
});

describe("people given by function alone", () => {
  it("a zelfevaluatie filled in by roles and a visitatie committee without names are whole documents, and the committee reads as its roles", async () => {
    const { visitatieSummary } = await import("../../src/engine/summaries.js");
    const zelfevaluatie = "kind: Zelfevaluatie\nschooljaar: 2025-2026\ningevuldDoor:\n  - rol: intern begeleider\n  - rol: directeur\n";
    const visitatie = "kind: Visitatie\nschooljaar: 2024-2025\ncommissie:\n  - rol: voorzitter\n  - naam: L. Verhoeven\n    rol: orthopedagoog SWV\n  - naam: P. Smits\n";
    const z = validateDocument(parseSource("scholen/31KH00/zelfevaluatie.yaml", Buffer.from(zelfevaluatie)), { lang: "nl" }, SCHOOL_DOCUMENT_KINDS);
    const v = validateDocument(parseSource("scholen/31KH00/visitatie.yaml", Buffer.from(visitatie)), { lang: "nl" }, SCHOOL_DOCUMENT_KINDS);
    expect([z.findings, v.findings]).toEqual([[], []]);
    expect(visitatieSummary("visitatie.yaml", v.doc as never).commissie).toEqual(["voorzitter", "L. Verhoeven (orthopedagoog SWV)", "P. Smits"]);
  });
});

describe("a key of a map in the wrong form", () => {
  it("gets the finding of its format, in Dutch, at the key, with a hint from what was written", () => {
    const text = "kind: Schoolondersteuningsprofiel\nkengetallen:\n  verwijzingen:\n    2024: 3\n    2023-2024: 2\n";
    const validated = validateDocument(parseSource("scholen/21AA00/sop.yaml", Buffer.from(text)), { lang: "nl" }, SCHOOL_DOCUMENT_KINDS);
    expect(validated.findings.map((f) => [f.ruleId, f.range.line, f.range.column, f.message, f.hint])).toEqual([
      ["schema/schooljaar", 4, 5, 'kengetallen.verwijzingen.2024 moet een schooljaar zijn (JJJJ-JJJJ, twee opeenvolgende jaren), gevonden: "2024"', "Bedoel je 2024-2025? Schrijf het schooljaar zo."],
    ]);
  });
});
