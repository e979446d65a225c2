import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, format } from "../../src/format/github.js";
import { CTX, fixture } from "./fixture.js";

const EXPECTED = [
  `::notice file=scholen/12AB00/sop-2025-2026.yaml,line=3,col=1,endLine=3,endColumn=10,title=schema/unknown-key::onbekend veld "opmerking"`,
  `::error file=scholen/12AB00/sop-2025-2026.yaml,line=12,col=3,endLine=12,endColumn=40,title=BO-01.09::ondersteuningsstructuur.protocollen mist "pestprotocol"%0AVoeg onder ondersteuningsstructuur.protocollen een protocol met soort "pestprotocol" toe.`,
  `::warning file=scholen/12AB00/zelfevaluatie-2025-2026.yaml,line=30,col=5,endLine=30,endColumn=20,title=BO-ZE::BO-03.05 is gescoord als "voldoet deels"; minimaal "voldoet"%0AVerbeter de ondersteuning op dit punt of licht de score toe in het ontwikkelpunt.`,
  `::notice file=scholen/34CD01/sop-2025-2026.md,line=8,col=3,endLine=8,endColumn=30,title=MKS-TO.09::tekst "50%25 klaar, <nog invullen> & TODO" | bij aanbod[0]: toelichting%0AVul de toelichting in: wat biedt de school, voor wie?%0AEn met wie?`,
  // a range over several lines: no col/endColumn (GitHub only takes them on one line)
  `::warning file=scholen/34CD01/sop-2025-2026.md,line=20,endLine=24,title=BO-12.01::sectie "Publicatie" heeft geen echte inhoud%0ASchrijf onder "## Publicatie" waar het SOP staat, met een webadres.`,
  `::warning file=sop-audit.yaml,line=7,col=1,endLine=7,endColumn=10,title=schema/unknown-key::onbekend veld "peildatun"; bedoelde je "peildatum"?%0AHernoem "peildatun" naar "peildatum".`,
  "",
].join("\n");

describe("github format", () => {
  it("prints one workflow command per finding, sorted, waived findings left out", () => {
    expect(format(fixture(), CTX)).toBe(EXPECTED);
  });

  it("escapes %, CR and LF in data, and also : and , in properties", () => {
    expect(escapeData("100% klaar\r\nvolgende: a, b")).toBe("100%25 klaar%0D%0Avolgende: a, b");
    expect(escapeProperty("a:b,c%d\ne")).toBe("a%3Ab%2Cc%25d%0Ae");
  });

  it("escapes file names and rule ids as properties", () => {
    const r = fixture();
    r.schools = [];
    r.findings = [{ ...r.findings[0]!, file: "scholen/12AB00/sop, concept: 2%.yaml", ruleId: "eigen:regel,1", hint: undefined, message: "a::b\rc" }];
    // A lone carriage return is shown as \r, as in the terminal.
    expect(format(r, CTX)).toBe(
      "::warning file=scholen/12AB00/sop%2C concept%3A 2%25.yaml,line=7,col=1,endLine=7,endColumn=10,title=eigen%3Aregel%2C1::a::b\\rc\n",
    );
  });

  it("shows control and bidi characters in a message as escapes; a line break stays one", () => {
    const r = fixture();
    r.schools = [];
    r.findings = [{ ...r.findings[0]!, hint: "regel twee", message: "Eén \u202Eomgekeerd\x1b[2J" }];
    expect(format(r, CTX)).toMatch(/::Eén \\u202Eomgekeerd\\x1B\[2J%0Aregel twee\n$/);
  });

  it("prints nothing when there are no findings", () => {
    const r = fixture();
    r.findings = [];
    for (const s of r.schools) s.findings = [];
    expect(format(r, CTX)).toBe("");
  });

  it("is deterministic", () => {
    const r = fixture();
    r.schools.reverse();
    expect(format(r, CTX)).toBe(format(fixture(), CTX));
  });
});
