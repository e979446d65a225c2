import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { format } from "../../src/format/junit.js";
import { CTX, CTX_EN, fixture } from "./fixture.js";

const EXPECTED = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="sop-audit" tests="12" failures="6" errors="0" skipped="4">
  <testsuite name="repository" tests="1" failures="1" errors="0" skipped="0">
    <testcase classname="repository" name="sop-audit.yaml">
      <failure message="onbekend veld &quot;peildatun&quot;; bedoelde je &quot;peildatum&quot;?" type="warning">sop-audit.yaml:7:1 waarschuwing schema/unknown-key: onbekend veld "peildatun"; bedoelde je "peildatum"?
  Hernoem "peildatun" naar "peildatum".</failure>
    </testcase>
  </testsuite>
  <testsuite name="12AB00 De Brug" tests="7" failures="3" errors="0" skipped="3">
    <testcase classname="12AB00" name="BO-01.09 voldoet niet">
      <failure message="ondersteuningsstructuur.protocollen mist &quot;pestprotocol&quot;" type="error">scholen/12AB00/sop-2025-2026.yaml:12:3 fout BO-01.09: ondersteuningsstructuur.protocollen mist "pestprotocol"
  Voeg onder ondersteuningsstructuur.protocollen een protocol met soort "pestprotocol" toe.</failure>
    </testcase>
    <testcase classname="12AB00" name="BO-02.13 niet aangetoond">
      <skipped message="niet aangetoond: geen zelfevaluatiescore voor BO-02.13"/>
    </testcase>
    <testcase classname="12AB00" name="BO-03.05 voldoet niet">
      <failure message="BO-03.05 is gescoord als &quot;voldoet deels&quot;; minimaal &quot;voldoet&quot;" type="warning">scholen/12AB00/zelfevaluatie-2025-2026.yaml:30:5 waarschuwing BO-ZE: BO-03.05 is gescoord als "voldoet deels"; minimaal "voldoet"
  Verbeter de ondersteuning op dit punt of licht de score toe in het ontwikkelpunt.</failure>
    </testcase>
    <testcase classname="12AB00" name="BO-03.10 n.v.t.">
      <skipped message="n.v.t.: geldt niet voor sector VO"/>
    </testcase>
    <testcase classname="12AB00" name="BO-12.01 voldoet"/>
    <testcase classname="12AB00" name="WET-01 uitgezonderd">
      <skipped message="uitgezonderd: uitzondering tot 2026-07-31"/>
    </testcase>
    <testcase classname="12AB00" name="scholen/12AB00/sop-2025-2026.yaml">
      <failure message="onbekend veld &quot;opmerking&quot;" type="info">scholen/12AB00/sop-2025-2026.yaml:3:1 info schema/unknown-key: onbekend veld "opmerking"</failure>
    </testcase>
  </testsuite>
  <testsuite name="34CD01 Het Kompas" tests="4" failures="2" errors="0" skipped="1">
    <testcase classname="34CD01" name="BO-01.09 voldoet"/>
    <testcase classname="34CD01" name="BO-12.01 voldoet niet">
      <failure message="sectie &quot;Publicatie&quot; heeft geen echte inhoud" type="warning">scholen/34CD01/sop-2025-2026.md:20:1 waarschuwing BO-12.01: sectie "Publicatie" heeft geen echte inhoud
  Schrijf onder "## Publicatie" waar het SOP staat, met een webadres.</failure>
    </testcase>
    <testcase classname="34CD01" name="BO-02.13 n.v.t.">
      <skipped message="n.v.t.: de school scoorde &quot;n.v.t.&quot;"/>
    </testcase>
    <testcase classname="34CD01" name="scholen/34CD01/sop-2025-2026.md">
      <failure message="tekst &quot;50% klaar, &lt;nog invullen&gt; &amp; TODO&quot; | bij aanbod[0]: toelichting" type="info">scholen/34CD01/sop-2025-2026.md:8:3 info MKS-TO.09: tekst "50% klaar, &lt;nog invullen&gt; &amp; TODO" | bij aanbod[0]: toelichting
  Vul de toelichting in: wat biedt de school, voor wie?
  En met wie?</failure>
    </testcase>
  </testsuite>
</testsuites>
`;

type Attrs = Record<string, string>;
interface TestCase extends Attrs {}
interface Parsed {
  testsuites: Attrs & { testsuite: (Attrs & { testcase?: (TestCase & { failure?: Attrs & { "#text"?: string }; skipped?: Attrs })[] })[] };
}

function parse(xml: string, htmlEntities = false): Parsed {
  expect(XMLValidator.validate(xml)).toBe(true);
  return new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseAttributeValue: false,
    trimValues: false,
    htmlEntities,
    isArray: (name) => name === "testsuite" || name === "testcase",
  }).parse(xml) as Parsed;
}

describe("junit format", () => {
  it("prints the XML exactly", () => {
    expect(format(fixture(), CTX)).toBe(EXPECTED);
  });

  it("parses, with one suite per school after the repository suite, and correct counts", () => {
    const doc = parse(format(fixture(), CTX));
    const suites = doc.testsuites.testsuite;
    expect(suites.map((s) => s.name)).toEqual(["repository", "12AB00 De Brug", "34CD01 Het Kompas"]);
    let tests = 0;
    let failures = 0;
    let skipped = 0;
    for (const s of suites) {
      const cases = s.testcase ?? [];
      const f = cases.filter((c) => c.failure !== undefined).length;
      const k = cases.filter((c) => c.skipped !== undefined).length;
      expect(Number(s.tests)).toBe(cases.length);
      expect(Number(s.failures)).toBe(f);
      expect(Number(s.skipped)).toBe(k);
      expect(s.errors).toBe("0");
      tests += cases.length;
      failures += f;
      skipped += k;
    }
    expect([Number(doc.testsuites.tests), Number(doc.testsuites.failures), Number(doc.testsuites.skipped)]).toEqual([tests, failures, skipped]);
    expect([tests, failures, skipped]).toEqual([12, 6, 4]);
    expect(doc.testsuites.errors).toBe("0");
  });

  it("maps statuses: voldoet passes, voldoet-niet fails, the other three are skipped", () => {
    const brug = parse(format(fixture(), CTX)).testsuites.testsuite[1]!.testcase!;
    const byName = new Map(brug.map((c) => [c.name, c]));
    expect(byName.get("BO-12.01 voldoet")).toEqual({ classname: "12AB00", name: "BO-12.01 voldoet" });
    expect(byName.get("BO-01.09 voldoet niet")!.failure!.type).toBe("error");
    expect(byName.get("BO-03.05 voldoet niet")!.failure!.type).toBe("warning");
    expect(byName.get("BO-02.13 niet aangetoond")!.skipped!.message).toBe("niet aangetoond: geen zelfevaluatiescore voor BO-02.13");
    expect(byName.get("WET-01 uitgezonderd")!.skipped).toBeDefined();
    expect(byName.get("BO-03.10 n.v.t.")!.skipped).toBeDefined();
  });

  it("lists every finding in some failure, with file:line:col", () => {
    const r = fixture();
    const xml = format(r, CTX);
    const doc = parse(xml);
    const bodies = doc.testsuites.testsuite.flatMap((s) => (s.testcase ?? []).map((c) => c.failure?.["#text"] ?? "")).join("\n");
    for (const f of [...r.findings, ...r.schools.flatMap((s) => s.findings)]) {
      expect(bodies).toContain(`${f.file}:${f.range.line}:${f.range.column} `);
      expect(bodies).toContain(f.message);
    }
    // the waived finding is not a failure
    expect(bodies).not.toContain("WET-01:");
  });

  it("escapes what XML cannot hold and keeps line breaks in attributes", () => {
    const r = fixture();
    r.schools = [];
    r.findings = [{ ...r.findings[0]!, message: `a\u0001b\nc "d" 'e' <f> & g\tz` }];
    const xml = format(r, CTX);
    expect(xml).toContain(`message="a\uFFFDb&#10;c &quot;d&quot; 'e' &lt;f&gt; &amp; g&#9;z"`);
    // a conforming parser gives the text back (fast-xml-parser decodes numeric references with htmlEntities)
    const doc = parse(xml, true);
    expect(doc.testsuites.testsuite[0]!.testcase![0]!.failure!.message).toBe(`a\uFFFDb\nc "d" 'e' <f> & g\tz`);
  });

  it("writes an empty repository suite when all findings belong to schools", () => {
    const r = fixture();
    r.findings = [];
    expect(format(r, CTX)).toContain(`  <testsuite name="repository" tests="0" failures="0" errors="0" skipped="0"/>\n`);
  });

  it("uses English status labels with lang en, and a timestamp only when given", () => {
    const xml = format(fixture(), { ...CTX_EN, timestamp: "2026-01-15T10:00:00.000Z" });
    expect(xml).toContain(`name="BO-01.09 does not meet"`);
    expect(xml).toContain(`<skipped message="not shown: geen zelfevaluatiescore voor BO-02.13"/>`);
    expect(xml).toContain(`<testsuites name="sop-audit" tests="12" failures="6" errors="0" skipped="4" timestamp="2026-01-15T10:00:00.000Z">`);
    expect(format(fixture(), CTX)).not.toContain("timestamp");
  });

  it("is deterministic", () => {
    const r = fixture();
    r.schools.reverse();
    expect(format(r, CTX)).toBe(format(fixture(), CTX));
  });
});
