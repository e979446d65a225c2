import { describe, expect, it } from "vitest";
import { code, format, MAX_ROWS, md } from "../../src/format/markdown.js";
import { CTX, CTX_EN, fixture } from "./fixture.js";

const EXPECTED = `## sop-audit: SWV VO Voorbeeldregio (VO 22.03)

**6 problemen (1 fout, 3 waarschuwingen, 2 info) · 1 van 7 indicatoren niet aangetoond** · 2 schoolmappen gevonden, 2 getoetst, 6 bestanden, peildatum 2026-01-15, profiel swv-vo-2203 · 1 uitgezonderd

### Scholen

| school | naam | fouten | waarschuwingen | info | voldoet | voldoet niet | niet aangetoond | uitgezonderd | n.v.t. |
|---|---|--:|--:|--:|--:|--:|--:|--:|--:|
| \`12AB00\` | De Brug | 1 | 1 | 1 | 1 | 2 | 1 | 1 | 1 |
| \`34CD01\` | Het Kompas | 0 | 1 | 1 | 1 | 1 | 0 | 0 | 1 |

### Repository

_meldingen die niet bij één school horen_

| plaats | ernst | regel | melding |
|---|---|---|---|
| \`sop-audit.yaml:7\` | waarschuwing | \`schema/unknown-key\` | onbekend veld "peildatun"; bedoelde je "peildatum"?<br>Hernoem "peildatun" naar "peildatum". |

### 12AB00 De Brug

| plaats | ernst | regel | melding |
|---|---|---|---|
| \`scholen/12AB00/sop-2025-2026.yaml:3\` | info | \`schema/unknown-key\` | onbekend veld "opmerking" |
| \`scholen/12AB00/sop-2025-2026.yaml:12\` | fout | \`BO-01.09\` | ondersteuningsstructuur.protocollen mist "pestprotocol"<br>Voeg onder ondersteuningsstructuur.protocollen een protocol met soort "pestprotocol" toe. |
| \`scholen/12AB00/zelfevaluatie-2025-2026.yaml:30\` | waarschuwing | \`BO-ZE\` | BO-03.05 is gescoord als "voldoet deels"; minimaal "voldoet"<br>Verbeter de ondersteuning op dit punt of licht de score toe in het ontwikkelpunt. |

### 34CD01 Het Kompas

| plaats | ernst | regel | melding |
|---|---|---|---|
| \`scholen/34CD01/sop-2025-2026.md:8\` | info | \`MKS-TO.09\` | tekst "50% klaar, \\<nog invullen\\> &amp; TODO" \\| bij aanbod\\[0\\]: toelichting<br>Vul de toelichting in: wat biedt de school, voor wie? En met wie? |
| \`scholen/34CD01/sop-2025-2026.md:20\` | waarschuwing | \`BO-12.01\` | sectie "Publicatie" heeft geen echte inhoud<br>Schrijf onder "## Publicatie" waar het SOP staat, met een webadres. |

<sub>sop-audit 0.1.0</sub>
`;

describe("markdown format", () => {
  it("prints the summary exactly", () => {
    expect(format(fixture(), CTX)).toBe(EXPECTED);
  });

  it("speaks English with lang en", () => {
    const out = format(fixture(), CTX_EN);
    expect(out).toContain("**6 problems (1 error, 3 warnings, 2 info) · 1 of 7 indicators not shown** · 2 school folders found, 2 audited, 6 files, reference date 2026-01-15, profile swv-vo-2203 · 1 waived");
    expect(out).toContain("| school | name | errors | warnings | info | meets | does not meet | not shown | waived | n/a |");
    expect(out).toContain("| location | severity | rule | message |");
    expect(out).toContain("_findings not tied to one school_");
  });

  it("says so when there are no findings, and adds the timestamp only when given", () => {
    const r = fixture();
    r.findings = [];
    for (const s of r.schools) s.findings = [];
    r.summary = { ...r.summary, errors: 0, warnings: 0, infos: 0 };
    const out = format(r, { ...CTX, timestamp: "2026-01-15T10:00:00.000Z" });
    // Without findings, items that are niet aangetoond still keep it from saying "geen problemen".
    expect(out).toContain("**geen fouten of waarschuwingen, maar 1 van 7 indicatoren niet aangetoond**");
    expect(out).not.toContain("geen problemen");
    expect(out).toContain("Geen meldingen.\n");
    r.summary = { ...r.summary, statuses: { ...r.summary.statuses, "niet-aangetoond": 0 } };
    expect(format(r, CTX)).toContain("**geen problemen**");
    expect(out).not.toContain("| plaats |");
    expect(out.endsWith("<sub>sop-audit 0.1.0 · 2026-01-15T10:00:00.000Z</sub>\n")).toBe(true);
  });

  it(`lists at most ${MAX_ROWS} findings and counts the rest`, () => {
    const r = fixture();
    const kompas = r.schools.find((s) => s.id === "34CD01")!;
    const base = kompas.findings[0]!;
    // One value each: a row is a value.
    kompas.findings = Array.from({ length: MAX_ROWS + 25 }, (_, i) => ({ ...base, path: `aanbod[${i}].toelichting`, range: { ...base.range, line: i + 1, endLine: i + 1 } }));
    const out = format(r, CTX);
    const rows = out.split("\n").filter((l) => l.startsWith("| `scholen/") || l.startsWith("| `sop-audit"));
    expect(rows).toHaveLength(MAX_ROWS);
    // 1 repository finding + 3 of 12AB00 + 225 of 34CD01, 200 shown
    expect(out).toContain("… en nog 29 meldingen; zie de volledige uitvoer (--format sarif of --format json).");
  });

  it("escapes Markdown in text and in code spans", () => {
    expect(md("a|b *c* _d_ [e](f) <g> & `h`\nnext")).toBe("a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\<g\\> &amp; \\`h\\` next");
    expect(code("a`b|c")).toBe("``a`b\\|c``");
    expect(code("`x")).toBe("`` `x ``");
  });

  it("is deterministic", () => {
    const r = fixture();
    r.schools.reverse();
    expect(format(r, CTX)).toBe(format(fixture(), CTX));
  });
});
