/**
 * WET-04, the privacy guard (kind persoonsgegevens): what it detects, what
 * it lets pass, where its findings point, and that no output repeats the
 * value it found.
 *
 * test/fixtures/privacy/: 34AB00 (YAML SOP) and 34AC00 (Markdown SOP) hold
 * personal data, 34AD00 only general addresses and numbers; sop-audit.yaml
 * allows the SWV's own number and domain.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditResult } from "../../src/core/types.js";
import { checkSchool } from "../../src/engine/check-school.js";
import { compileRuleset } from "../../src/engine/compiled-ruleset.js";
import { loadSchool } from "../../src/engine/school.js";
import { FORMAT_NAMES } from "../../src/format/index.js";
import { parseSource } from "../../src/documents/parse.js";
import type { RuleContext } from "../../src/rules/kind.js";
import persoonsgegevens, { compileDetector, elfproef, findPersonalData, type Detector, type PersoonsgegevensParams } from "../../src/rules/kinds/persoonsgegevens.js";
import { loadRuleset } from "../../src/ruleset/load.js";
import { runInProcess } from "../cli/in-process.js";
import { auditRepo, brief, editFile, EXAMPLES, findingsOf, fixture, schoolOf, statusMap } from "./helpers.js";

const PARAMS: PersoonsgegevensParams = {
  priveDomeinen: ["gmail.com", "hotmail.com", "ziggo.nl"],
  algemeneAdressen: ["info", "zorg", "ib", "ondersteuning", "secretariaat", "klachten", "bovenbouw", "no-reply"],
  toegestaan: [],
};
const found = (text: string, params: Partial<PersoonsgegevensParams> = PARAMS) => findPersonalData(text, compileDetector(params)).map((h) => [h.soort, h.masked]);

describe("detectie", () => {
  it("BSN: de 11-proef beslist, met of zonder punten en spaties", () => {
    expect(elfproef("111222333")).toBe(true);
    expect(elfproef("123456782")).toBe(true);
    expect(elfproef("123456789")).toBe(false);
    expect(elfproef("000000000")).toBe(false);
    expect(found("BSN 1112.22.333")).toEqual([["bsn", "1112*****"]]);
    expect(found("bsn: 123 456 782.")).toEqual([["bsn", "1234*****"]]);
    expect(found("dossier 123456789")).toEqual([]);
    // Part of a longer number: a phone number, an IBAN, an amount.
    expect(found("0111222333, NL91ABNA0417164300, € 1.111.222.333,00")).toEqual([]);
  });

  it("e-mail: een algemeen adres niet, een privé-aanbieder of een adres als een persoon wel", () => {
    const text =
      "info@school.nl zorg.ib@school.nl ondersteuningsteam@school.nl secretariaat@gmail.com no-reply@school.nl " +
      "j.jansen@school.nl loes.brekelmans@kpom.nl pietje1985@hotmail.com ibrahim.yilmaz@school.nl M@ZL";
    expect(found(text)).toEqual([
      ["e-mail", "j.j*****@school.nl"],
      ["e-mail", "loe*****@kpom.nl"],
      ["e-mail", "pie*****@hotmail.com"],
      // "ib" is generic as a whole word only, not as the start of a name.
      ["e-mail", "ibr*****@school.nl"],
    ]);
  });

  it("telefoon: mobiele nummers in elke schrijfwijze, vaste nummers van scholen niet", () => {
    expect(found("06-12345678; 06 1234 5678; +31 6 12345678; 0031612345678; +31 (0)6 12345678; (06) 12345678")).toEqual([
      ["telefoon", "06-1*******"],
      ["telefoon", "06 1*******"],
      ["telefoon", "+31 6 1*******"],
      ["telefoon", "003161*******"],
      ["telefoon", "+31 (0)6 1*******"],
      ["telefoon", "(06) 1*******"],
    ]);
    expect(found("0412-123456, 040-2123456, +31 40 212 3456, 073 612 3456, 0800-1234567")).toEqual([]);
  });

  it("naam met geboortedatum, voor of na de datum; een datum of naam alleen niet", () => {
    expect(findPersonalData("Voor Daan de Vries (geb. 12-03-2015) geldt een OPP.", compileDetector(PARAMS))).toEqual([
      { soort: "geboortedatum", start: 5, end: 35, masked: "D*** d*** V*** (geb. **-**-****)" },
    ]);
    expect(found("Noor van den Berg, geboren op 3 februari 2016, zit in groep 6.")).toEqual([["geboortedatum", "N*** v*** d*** B*** (geboren op * *** ****)"]]);
    expect(found("geboortedatum: 2015-03-12, Sem Bakker")).toEqual([["geboortedatum", "S*** B*** (geboortedatum ****-**-**)"]]);
    expect(found("Kinderen geboren in 2019 starten in groep 1. Jan Peters werkt hier sinds 12-03-2015.")).toEqual([]);
    expect(found("geboren 12-03-2015. Daarna verhuisde het gezin.")).toEqual([]);
  });

  it("toegestaan: eigen nummers in elke schrijfwijze, adressen en hele domeinen", () => {
    const params = { ...PARAMS, toegestaan: ["06-12345678", "J.Jansen@school.nl", "@swv-testdal.nl", "111222333"] };
    expect(found("+31 6 1234 5678, j.jansen@school.nl, m.devries@swv-testdal.nl, 111.222.333", params)).toEqual([]);
    expect(found("06-87654321, p.jansen@school.nl", params)).toEqual([
      ["telefoon", "06-8*******"],
      ["e-mail", "p.j*****@school.nl"],
    ]);
  });
});

describe("posities in Markdown: de tekst zoals hij geschreven is", () => {
  const scan = (text: string) => {
    const file = parseSource("scholen/12AB00/notitie.md", Buffer.from(text));
    const ctx = { params: PARAMS, compiled: compileDetector(PARAMS), lang: "nl", school: { files: [file] } } as unknown as RuleContext<PersoonsgegevensParams, Detector>;
    return (persoonsgegevens.evaluate(ctx)[0]!.problems ?? []).map((p) => [p.range!.line, p.range!.column, p.found]);
  };

  it("tekst boven de eerste kop en in een kop zelf, op regel en kolom", () => {
    const text = "---\nkind: Notitie\n---\nVoor vragen: 06-12345678.\n\n## Mail j.jansen@gmail.com\n\n   Of 0612345678.\n";
    expect(scan(text)).toEqual([
      [4, 14, "06-1*******"],
      [6, 9, "j.j*****@gmail.com"],
      [8, 7, "061*******"],
    ]);
  });

  it("zonder hoofdkop: elke kop met één witregel eronder, ook de laatste", () => {
    const text = "---\nkind: Notitie\n---\n## Contact\n\nBel 06-12345678 of mail.\n\n## Verder\n\nOok j.jansen@gmail.com.\n";
    expect(scan(text)).toEqual([
      [6, 5, "06-1*******"],
      [10, 5, "j.j*****@gmail.com"],
    ]);
  });

  it("met subkoppen en code: de regel van elke subkop zet de tekst op zijn plaats", () => {
    const text = [
      "---", "kind: Notitie", "---", "", "# Titel", "", "", "Intro, 06-12345678.", "## Een", "```", "## geen kop", "111222333", "```", "### Twee", "", "  Noor Jansen, geb. 1-2-2016", "",
    ].join("\n");
    expect(scan(text)).toEqual([
      [8, 8, "06-1*******"],
      [12, 1, "1112*****"],
      [16, 3, "N*** J*** (geb. *-*-****)"],
    ]);
  });
});

/** Values in test/fixtures/privacy that no output may show in full. */
const RAW = ["111222333", "1112.22.333", "ruud.verhoeven", "2345 6789", "06 1234 5678", "Sanne Bakker", "2016-04-23", "Daan de Vries", "12 maart 2015", "k.smits", "els_peters"];

describe("WET-04 op test/fixtures/privacy", () => {
  let result: AuditResult;
  beforeAll(async () => {
    result = await auditRepo(fixture("privacy"));
  });
  const AB = "scholen/34AB00/sop-2025-2026.yaml";
  const AC = "scholen/34AC00/sop-2025-2026.md";

  it("meldt elk gegeven op zijn plaats: de waarde in de YAML, regel en kolom in de Markdown-tekst", () => {
    expect(result.schools.flatMap((s) => s.findings).filter((f) => f.ruleId !== "WET-04")).toEqual([]);
    const say = (line: number, column: number, message: string, file = AB) => ({ file, line, column, ruleId: "WET-04", severity: "error", message });
    expect(findingsOf(schoolOf(result, "34AB00"), "WET-04")).toEqual([
      say(24, 25, "persoonlijk e-mailadres in ondersteuningsstructuur.functionarissen.vertrouwenspersoon: k.s*****@hetbaken-testdal.nl"),
      say(26, 22, "mobiel telefoonnummer in ondersteuningsstructuur.contactpersoonSwv: +31 6 2*******"),
      say(26, 22, "persoonlijk e-mailadres in ondersteuningsstructuur.contactpersoonSwv: ruu*****@gmail.com"),
      say(30, 18, "mogelijk burgerservicenummer (BSN) in aanbod[0].toelichting: 1112*****"),
      say(30, 18, "naam met geboortedatum in aanbod[0].toelichting: S*** B*** (geboortedatum ****-**-**)"),
    ]);
    expect(findingsOf(schoolOf(result, "34AC00"), "WET-04")).toEqual([
      say(22, 22, "persoonlijk e-mailadres in ondersteuningsstructuur.contactpersoonSwv: els*****@hotmail.com", AC),
      say(30, 17, "naam met geboortedatum in de tekst: D*** d*** V*** (geb. ** *** ****)", AC),
      say(34, 29, "mobiel telefoonnummer in de tekst: 06 1*******", AC),
      say(37, 10, "mogelijk burgerservicenummer (BSN) in de tekst: 1112*****", AC),
    ]);
    const daan = schoolOf(result, "34AC00").findings.find((f) => f.message.startsWith("naam met"))!;
    expect(daan.range).toEqual({ line: 30, column: 17, endLine: 30, endColumn: 50 });
  });

  it("statussen: 34AD00 met alleen algemene adressen, vaste nummers en toegestane gegevens voldoet", () => {
    expect(statusMap(schoolOf(result, "34AB00"), "WET.04")).toEqual({ "WET.04": "voldoet-niet" });
    expect(statusMap(schoolOf(result, "34AC00"), "WET.04")).toEqual({ "WET.04": "voldoet-niet" });
    expect(statusMap(schoolOf(result, "34AD00"), "WET.04")).toEqual({ "WET.04": "voldoet" });
  });

  it("found, expected en hint bevatten alleen gemaskeerde tekst", () => {
    for (const f of result.schools.flatMap((s) => s.findings)) {
      const shown = [f.message, f.found, f.expected, f.hint].join("\n");
      for (const raw of RAW) expect(shown, f.message).not.toContain(raw);
      expect(f.found).toMatch(/\*{4}/);
    }
  });

  it("geen enkel uitvoerformaat en geen rapport toont een gegeven voluit", async () => {
    const dir = fixture("privacy");
    for (const format of FORMAT_NAMES) {
      for (const lang of ["nl", "en"]) {
        const run = await runInProcess(["check", "-C", dir, "--format", format, "--lang", lang]);
        expect(run.code, `${format} ${lang}: ${run.stderr}`).toBe(1);
        expect(run.stdout, format).toContain("WET-04");
        for (const raw of RAW) expect(run.stdout, `${format} ${lang}`).not.toContain(raw);
      }
    }
    const out = mkdtempSync(join(tmpdir(), "sop-audit-privacy-"));
    try {
      const run = await runInProcess(["report", "-C", dir, "--out", out]);
      expect(run.code, run.stderr).not.toBe(2);
      const files = readdirSync(out);
      expect(files.some((f) => f.endsWith(".html"))).toBe(true);
      for (const file of files) {
        const text = readFileSync(join(out, file), "utf8");
        for (const raw of RAW) expect(text, file).not.toContain(raw);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("WET-04 in een sleutel, in een getal, en met een andere ernst", () => {
  const ruleset = loadRuleset({ profile: "test-privacy", paths: [fixture("privacy/regels")], root: fixture("privacy") });
  const env = { lang: "nl" as const, peildatum: "2026-03-01", schooljaar: "2025-2026" };

  it("een sleutel met een gegeven wordt op de sleutel gemeld, en wat eronder staat zonder pad", () => {
    const sop = readFileSync(fixture("privacy/scholen/34AD00/sop-2025-2026.yaml"), "utf8")
      .replace("  contactpersoonSwv:", '  functionarissen:\n    "Daan de Vries (geb. 12-03-2015)": "06-12345678"\n  contactpersoonSwv:')
      .replace("leerlingen1Oktober: 212", "leerlingen1Oktober: 111222333");
    const docs = loadSchool(fixture("privacy"), "scholen/34AD00", "34AD00", "nl", new Map([["sop-2025-2026.yaml", Buffer.from(sop)]]));
    const school = checkSchool(docs, compileRuleset(ruleset), env);
    const wet04 = school.findings.filter((f) => f.ruleId === "WET-04");
    expect(wet04.map((f) => [brief(f).line, brief(f).column, f.message, f.path])).toEqual([
      [28, 5, "naam met geboortedatum in een sleutel: D*** d*** V*** (geb. **-**-****)", undefined],
      [28, 40, "mobiel telefoonnummer in de gegevens: 06-1*******", undefined],
      // Without sop-audit.yaml, the SWV's own number is not allowed.
      [29, 22, "mobiel telefoonnummer in ondersteuningsstructuur.contactpersoonSwv: 06-1*******", "ondersteuningsstructuur.contactpersoonSwv"],
      [31, 23, "mogelijk burgerservicenummer (BSN) in kengetallen.leerlingen1Oktober: 1112*****", "kengetallen.leerlingen1Oktober"],
    ]);
  });

  it("een profiel mag de ernst verlagen: WET-04 is geen wettelijk minimum", async () => {
    const repo = mkdtempSync(join(tmpdir(), "sop-audit-privacy-"));
    try {
      cpSync(fixture("privacy"), repo, { recursive: true });
      editFile(repo, "sop-audit.yaml", "    WET-04:\n", "    WET-04:\n      severity: warning\n");
      const result = await auditRepo(repo);
      const severities = new Set(result.schools.flatMap((s) => s.findings).filter((f) => f.ruleId === "WET-04").map((f) => f.severity));
      expect([...severities]).toEqual(["warning"]);
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});

describe("de voorbeelden", () => {
  let po: AuditResult;
  beforeAll(async () => {
    po = await auditRepo(join(EXAMPLES, "swv-meierij-po"));
  });

  it("swv-meierij-po: alleen het arrangement bij 12DS00 noemt een leerling met geboortedatum en een mobiel nummer", async () => {
    const all = po.schools.flatMap((s) => [...s.findings, ...s.waivedFindings]).filter((f) => f.ruleId === "WET-04");
    expect(all.map(brief)).toEqual([
      { file: "scholen/12DS00/sop-2025-2026.yaml", line: 95, column: 18, ruleId: "WET-04", severity: "error", message: "mobiel telefoonnummer in aanbod[4].toelichting: 06-1*******" },
      { file: "scholen/12DS00/sop-2025-2026.yaml", line: 95, column: 18, ruleId: "WET-04", severity: "error", message: "naam met geboortedatum in aanbod[4].toelichting: D*** d*** V*** (geb. **-**-****)" },
    ]);
    const run = await runInProcess(["check", "-C", join(EXAMPLES, "swv-meierij-po"), "--format", "stylish", "--format", "json"]);
    expect(run.stdout).toContain("06-1*******");
    for (const raw of ["06-12345678", "Daan de Vries", "12-03-2015"]) expect(run.stdout).not.toContain(raw);
  });

  it("swv-meierij-po: geen rapport (overzicht, school, dekkend aanbod, visitatie) toont het gegeven voluit", async () => {
    const out = mkdtempSync(join(tmpdir(), "sop-audit-privacy-"));
    try {
      const repo = join(EXAMPLES, "swv-meierij-po");
      for (const args of [["report", "--out", join(out, "r")], ["visitatie", "12DS00", "--out", join(out, "v")], ["coverage", "--format", "html", "--output", join(out, "c.html")]]) {
        const run = await runInProcess([...args, "-C", repo]);
        expect(run.code, run.stderr).not.toBe(2);
      }
      const texts = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => readFileSync(join(e.parentPath, e.name), "utf8"));
      expect(texts.join("\n")).toContain("arrangement voor D*** d* V**** (g**. **-**-****, groep 7)");
      for (const text of texts) for (const raw of ["06-12345678", "Daan de Vries", "12-03-2015"]) expect(text).not.toContain(raw);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("swv-vlietmonde-po heeft geen persoonsgegevens: de SOP's noemen functies, geen namen", async () => {
    const vl = await auditRepo(join(EXAMPLES, "swv-vlietmonde-po"));
    expect(vl.schools.flatMap((s) => [...s.findings, ...s.waivedFindings]).filter((f) => f.ruleId === "WET-04")).toEqual([]);
    expect(new Set(vl.schools.map((s) => s.statuses.find((x) => x.item === "WET.04")?.status))).toEqual(new Set(["voldoet"]));
  });

  it("swv-vo-2203 heeft geen persoonsgegevens", async () => {
    const vo = await auditRepo(join(EXAMPLES, "swv-vo-2203"));
    expect(vo.schools.flatMap((s) => [...s.findings, ...s.waivedFindings]).filter((f) => f.ruleId === "WET-04")).toEqual([]);
    expect(new Set(vo.schools.map((s) => s.statuses.find((x) => x.item === "WET.04")?.status))).toEqual(new Set(["voldoet"]));
  });
});
