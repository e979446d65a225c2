/**
 * Aanbod the matrix cannot place, because no list knows its need or level,
 * never vanishes: the coverage report lists it under "Niet ingedeeld" with
 * the school, what is written and the known term nearest to it, in every
 * format, sorted whatever the input order.
 */
import { describe, expect, it } from "vitest";
import type { AuditResult } from "../../src/core/types.js";
import { buildCoverage } from "../../src/report/coverage.js";
import { renderCoverageCsv } from "../../src/report/coverage-csv.js";
import { createRenderer } from "../../src/report/render.js";
import { fixture } from "./fixture.js";

/** The fixture, with the Zonnecollege writing a need with a slip, a level with a slip and a need no list is near. */
function withUnknownTerms(): AuditResult {
  const r = fixture();
  const zon = r.schools.find((s) => s.id === "01AA00")!;
  zon.sop!.aanbod.push(
    { behoefte: "klimmen en klauteren", niveau: "extra", onderwijstypen: [] },
    { behoefte: "nt2", niveau: "bassis", onderwijstypen: [], bedoeld: { niveau: "basis" } },
    { behoefte: "dsylexie", niveau: "basis", onderwijstypen: [], bedoeld: { behoefte: "dyslexie" } },
  );
  return r;
}

describe("coverage: aanbod no list knows (Niet ingedeeld)", () => {
  const m = buildCoverage(withUnknownTerms());

  it("lists each unknown need and level with the school, the text as written and the nearest known term", () => {
    expect(m.nietIngedeeld).toEqual([
      {
        school: "01AA00", schoolNaam: "Het Zonnecollege", veld: "behoefte", veldLabel: "behoefte", geschreven: "dsylexie", behoefte: "dsylexie",
        bedoeld: "dyslexie", bedoeldNaam: "Taal/lezen/dyslexie", bedoeldText: 'bedoelde u "Taal/lezen/dyslexie"?',
      },
      { school: "01AA00", schoolNaam: "Het Zonnecollege", veld: "behoefte", veldLabel: "behoefte", geschreven: "klimmen en klauteren", behoefte: "klimmen en klauteren" },
      {
        school: "01AA00", schoolNaam: "Het Zonnecollege", veld: "niveau", veldLabel: "niveau bij NT2/nieuwkomers", geschreven: "bassis", behoefte: "nt2", behoefteNaam: "NT2/nieuwkomers",
        bedoeld: "basis", bedoeldNaam: "Basisondersteuning", bedoeldText: 'bedoelde u "Basisondersteuning"?',
      },
    ]);
  });

  it("still counts nothing it cannot place: the rows are those of the vocabulary", () => {
    expect(m.rows.map((r) => r.behoefte)).toEqual(["dyslexie", "hoogbegaafd", "ass", "nt2"]);
  });

  it("is sorted whatever the order of the input", () => {
    const r = withUnknownTerms();
    r.schools.reverse();
    r.schools.forEach((s) => s.sop?.aanbod.reverse());
    expect(buildCoverage(r).nietIngedeeld).toEqual(m.nietIngedeeld);
  });

  it("is empty, and the report has no such section, when every term is known", () => {
    const plain = buildCoverage(fixture());
    expect(plain.nietIngedeeld).toEqual([]);
    expect(createRenderer({ format: "md", lang: "nl" }).render("coverage", plain)).not.toContain("Niet ingedeeld");
  });

  it("has a line per unknown term in the CSV, after the matrix, with the nearest term's id", () => {
    const lines = renderCoverageCsv(m).split("\r\n");
    expect(lines.filter((l) => l.startsWith("niet-ingedeeld,"))).toEqual([
      "niet-ingedeeld,dsylexie,,,,01AA00,Het Zonnecollege,,,,,,,,,dyslexie,,",
      "niet-ingedeeld,klimmen en klauteren,,,,01AA00,Het Zonnecollege,,,,,,,,,,,",
      "niet-ingedeeld,nt2,NT2/nieuwkomers,,,01AA00,Het Zonnecollege,bassis,,,,,,,,basis,,",
    ]);
    expect(lines.at(-2)).toMatch(/^niet-ingedeeld,nt2,/);
  });

  it("has a table under its own heading in Markdown", () => {
    const md = createRenderer({ format: "md", lang: "nl" }).render("coverage", m);
    const section = md.slice(md.indexOf("## Niet ingedeeld"), md.indexOf("## Dekking per onderwijstype"));
    expect(section.split("\n").filter((l) => l.startsWith("|"))).toEqual([
      "| School | Wat | Geschreven | Bekende term |",
      "|---|---|---|---|",
      '| Het Zonnecollege | behoefte | dsylexie | bedoelde u "Taal/lezen/dyslexie"? |',
      "| Het Zonnecollege | behoefte | klimmen en klauteren | – |",
      '| Het Zonnecollege | niveau bij NT2/nieuwkomers | bassis | bedoelde u "Basisondersteuning"? |',
    ]);
  });

  it("has a captioned table in HTML, and speaks English when asked", () => {
    const html = createRenderer({ format: "html", lang: "nl" }).render("coverage", m);
    expect(html).toContain('<h2 id="h-unclassified">Niet ingedeeld</h2>');
    expect(html).toContain("<tr><th scope=\"row\">Het Zonnecollege</th><td>behoefte</td><td>dsylexie</td><td>bedoelde u &quot;Taal/lezen/dyslexie&quot;?</td></tr>");
    const en = buildCoverage(withUnknownTerms(), { lang: "en" });
    expect(en.nietIngedeeld.map((u) => [u.veldLabel, u.bedoeldText])).toEqual([
      ["need", 'did you mean "Taal/lezen/dyslexie"?'],
      ["need", undefined],
      ["level for NT2/nieuwkomers", 'did you mean "Basisondersteuning"?'],
    ]);
    expect(createRenderer({ format: "html", lang: "en" }).render("coverage", en)).toContain('<h2 id="h-unclassified">Not classified</h2>');
  });
});
