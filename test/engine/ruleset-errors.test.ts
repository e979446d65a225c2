/**
 * A broken ruleset does not load: loadRuleset throws a RulesetError listing
 * every problem with file:line:col. Each folder in
 * test/fixtures/ruleset-errors/ is one scenario, loaded on top of the
 * shipped standards.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RulesetError } from "../../src/core/errors.js";
import type { Finding } from "../../src/core/types.js";
import { loadRuleset } from "../../src/ruleset/load.js";
import { auditRepo, fixture } from "./helpers.js";

const ROOT = fixture("ruleset-errors");

const where = (p: Finding) => ({ file: p.file, line: p.range.line, column: p.range.column, message: p.message });

function problems(dir: string, profile: string, lang: "nl" | "en" = "nl"): Finding[] {
  try {
    loadRuleset({ profile, paths: [join(ROOT, dir)], root: ROOT, lang });
  } catch (error) {
    if (error instanceof RulesetError) return error.problems;
    throw error;
  }
  throw new Error(`de regelset in ${dir} laadt zonder fouten`);
}

describe("fouten in een regelset, met bestand:regel:kolom", () => {
  it("een eigen regelpad in sop-audit.yaml dat niet bestaat, op zijn plek in ruleset.paths", async () => {
    const repo = fixture("ruleset-path-missing");
    let thrown: unknown;
    try {
      await auditRepo(repo);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(RulesetError);
    expect((thrown as RulesetError).problems.map(where)).toEqual([
      { file: "sop-audit.yaml", line: 9, column: 19, message: 'ruleset.paths noemt "regels-oud", maar dat bestaat niet' },
    ]);
    // The other path still loads: the profile it holds is found.
    expect((thrown as RulesetError).problems.some((p) => p.message.includes("test-schoon"))).toBe(false);
    // With --cache the ruleset's files are stamped first: the same problem, not a crash.
    await expect(auditRepo(repo, { cache: join(tmpdir(), `sop-audit-ruleset-path-${process.pid}`) })).rejects.toThrow(RulesetError);
  });

  it("onbekende sleutel, met 'bedoelde je'", () => {
    const list = problems("onbekende-sleutel", "fout-sleutel");
    expect(list.map(where)).toContainEqual({
      file: "onbekende-sleutel/profiel.yaml", line: 17, column: 5,
      message: 'onbekend veld "serverity" in rules[0]; bedoelde je "severity"?',
    });
    expect(list.find((p) => p.message.includes("serverity"))?.ruleId).toBe("ruleset/unknown-key");
  });

  // Regression: a profile whose file fails the schema gets that one problem, not also "bestaat niet".
  it("onbekende sleutel: geen tweede, onware melding dat het profiel niet bestaat", () => {
    expect(problems("onbekende-sleutel", "fout-sleutel").map(where)).toEqual([
      { file: "onbekende-sleutel/profiel.yaml", line: 17, column: 5, message: 'onbekend veld "serverity" in rules[0]; bedoelde je "severity"?' },
    ]);
  });

  it("onbekende soort regel, met suggestie", () => {
    expect(problems("onbekende-soort", "fout-soort").map(where)).toEqual([
      { file: "onbekende-soort/profiel.yaml", line: 15, column: 11, message: 'onbekende soort regel "list-include"; bedoelde je "list-includes"?' },
    ]);
  });

  it("verwijzing naar een indicator die niet bestaat", () => {
    expect(problems("onbekende-indicator", "fout-indicator").map(where)).toEqual([
      { file: "onbekende-indicator/profiel.yaml", line: 14, column: 16, message: 'indicator "T-01" bestaat niet; bedoelde je "T.01"?' },
      { file: "onbekende-indicator/profiel.yaml", line: 20, column: 16, message: 'indicator "BO-01.28" bestaat niet; bedoelde je "BO-01.08"?' },
    ]);
  });

  it("verkeerde parameters: verkeerd type, onbekende parameter, ongeldige waarde", () => {
    const list = problems("foute-params", "fout-params");
    expect(list.map((p) => ({ file: p.file, line: p.range.line, column: p.range.column }))).toEqual([
      { file: "foute-params/profiel.yaml", line: 19, column: 43 },
      { file: "foute-params/profiel.yaml", line: 25, column: 13 },
      { file: "foute-params/profiel.yaml", line: 31, column: 49 },
    ]);
    expect(list[0]!.message).toMatch(/^params\.min: /);
    expect(list.slice(1).map((p) => p.message)).toEqual([
      'params: onbekende parameter "pad"',
      "params.maxAge: geen ISO 8601-duur (bijvoorbeeld P1Y, P4Y, P6M)",
    ]);
  });

  // Regression: a wrong parameter type is explained in Dutch, like every other message.
  it("verkeerd type van een parameter: de melding is Nederlands", () => {
    const [wrongType] = problems("foute-params", "fout-params");
    expect(wrongType!.message).not.toMatch(/Invalid input|expected|received/);
  });

  it("een regel-id twee keer definiëren", () => {
    expect(problems("dubbele-regel", "dubbel-profiel").map(where)).toEqual([
      { file: "dubbele-regel/b-profiel.yaml", line: 8, column: 9, message: 'regel "D-01" is al gedefinieerd in dubbel-catalogus' },
    ]);
  });

  it("kringverwijzing in extends", () => {
    expect(problems("kringverwijzing", "kring-a").map(where)).toEqual([
      { file: "kringverwijzing/kring-a.yaml", line: 6, column: 10, message: "kringverwijzing in extends: kring-a → kring-b → kring-a" },
    ]);
  });

  it("een profiel mag een wettelijk minimum niet versoepelen (ruleset/legal-minimum)", () => {
    const list = problems("wettelijk-minimum", "te-soepel");
    expect(list.map(where)).toEqual([
      { file: "wettelijk-minimum/profiel.yaml", line: 9, column: 13, message: 'regel "WET-01" is een wettelijk minimum: deze parameters zijn soepeler dan {"path":"vaststelling.datum","maxAge":"P4Y"}' },
      { file: "wettelijk-minimum/profiel.yaml", line: 11, column: 15, message: 'regel "WET-02" is een wettelijk minimum: de ernst mag niet lager dan "error" (gevraagd: "warning")' },
      { file: "wettelijk-minimum/profiel.yaml", line: 13, column: 15, message: 'regel "WET-03" is een wettelijk minimum: de ernst mag niet lager dan "error" (gevraagd: "off")' },
    ]);
    expect(new Set(list.map((p) => p.ruleId))).toEqual(new Set(["ruleset/legal-minimum"]));
  });

  it("ook sop-audit.yaml mag een wettelijk minimum niet versoepelen; een onbekende regel krijgt een suggestie", async () => {
    const error = await auditRepo(fixture("ruleset-errors/config-versoepeld")).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RulesetError);
    const list = (error as RulesetError).problems;
    expect(list.map(where)).toEqual([
      { file: "sop-audit.yaml", line: 12, column: 17, message: 'regel "WET-02-volgorde" is een wettelijk minimum: de ernst mag niet lager dan "error" (gevraagd: "warning")' },
      { file: "sop-audit.yaml", line: 13, column: 5, message: 'regel "BO-03.8" bestaat niet; bedoelde je "BO-03.08"?' },
    ]);
    expect(list.map((p) => p.ruleId)).toEqual(["ruleset/legal-minimum", "ruleset/invalid"]);
  });

  it("een strengere override (WET-01 maxAge P1Y) laat de wettelijke regel staan en voegt de afspraak ernaast toe", () => {
    const ruleset = loadRuleset({ profile: "strenger-dan-de-wet", paths: [join(ROOT, "strenger")], root: ROOT });
    const wet01 = ruleset.rules.find((r) => r.id === "WET-01")!;
    // The law's term, severity and title are untouched.
    expect(wet01.params).toMatchObject({ path: "vaststelling.datum", maxAge: "P4Y" });
    expect(wet01.severity).toBe("error");
    expect(wet01.titel).toBe("Het SOP is de afgelopen vier jaar vastgesteld");
    expect(wet01.legalMinimum).toBe(true);
    expect(wet01.provenance.map((p) => ({ file: p.file, line: p.range.line, layer: p.layer, action: p.action, detail: p.detail }))).toEqual([
      { file: "standards/catalogs/wettelijke-basis.yaml", line: wet01.provenance[0]!.range.line, layer: "wettelijke-basis", action: "defined", detail: undefined },
      { file: "strenger/profiel.yaml", line: 9, layer: "strenger-dan-de-wet", action: "tightened", detail: "WET-01+strenger-dan-de-wet" },
    ]);
    const agreement = ruleset.rules.find((r) => r.id === "WET-01+strenger-dan-de-wet")!;
    expect(agreement).toMatchObject({
      kind: "date-max-age",
      indicator: "WET.01",
      document: "sop",
      severity: "error",
      legalMinimum: false,
      tightens: "WET-01",
      source: "strenger-dan-de-wet",
      titel: "Afspraak van strenger-dan-de-wet, strenger dan WET-01 (maxAge: P1Y)",
    });
    expect(agreement.params).toMatchObject({ path: "vaststelling.datum", maxAge: "P1Y" });
    expect(agreement.provenance.map((p) => ({ file: p.file, line: p.range.line, action: p.action, detail: p.detail }))).toEqual([
      { file: "strenger/profiel.yaml", line: 9, action: "defined", detail: 'params.maxAge: "P1Y"' },
    ]);
  });

  it("de afspraak krijgt de ernst van de override, ook lager dan de wet; de wettelijke regel houdt de zijne", () => {
    const profile = readFileSync(join(ROOT, "strenger/profiel.yaml"), "utf8").replace("params: { maxAge: P1Y }", "severity: warning\n    params: { maxAge: P1Y }");
    const dir = mkdtempSync(join(tmpdir(), "sop-audit-strenger-"));
    try {
      writeFileSync(join(dir, "profiel.yaml"), profile);
      const ruleset = loadRuleset({ profile: "strenger-dan-de-wet", paths: [dir], root: dir });
      expect(ruleset.rules.find((r) => r.id === "WET-01")!.severity).toBe("error");
      expect(ruleset.rules.find((r) => r.id === "WET-01+strenger-dan-de-wet")!.severity).toBe("warning");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the same problems with --lang en", () => {
  it.each([
    ["onbekende-soort", "fout-soort"],
    ["onbekende-indicator", "fout-indicator"],
    ["foute-params", "fout-params"],
    ["dubbele-regel", "dubbel-profiel"],
    ["kringverwijzing", "kring-a"],
    ["wettelijk-minimum", "te-soepel"],
  ])("%s: the same places, in English", (dir, profile) => {
    const dutch = problems(dir, profile);
    const english = problems(dir, profile, "en");
    expect(english.map((p) => [p.file, p.range.line, p.range.column, p.ruleId])).toEqual(dutch.map((p) => [p.file, p.range.line, p.range.column, p.ruleId]));
    for (const p of english) {
      expect(p.message).not.toMatch(/\b(bestaat niet|bedoelde je|al gedefinieerd|kringverwijzing|wettelijk minimum|moet|gevonden|soort regel|onbekende|geen|niet allebei|staat niet)\b/);
      if (p.hint !== undefined) expect(p.hint).not.toMatch(/\b(Voeg|Pas een|Geef|Zie de soort|Soorten|kan alleen)\b/);
    }
  });

  it("says so in English: an unknown kind, a rule defined twice, a loop, a legal minimum", () => {
    expect(problems("onbekende-soort", "fout-soort", "en")[0]!.message).toMatch(/^unknown rule kind ".+"(; did you mean ".+"\?)?$/);
    expect(problems("dubbele-regel", "dubbel-profiel", "en").map((p) => p.message).join("\n")).toMatch(/is already defined in/);
    expect(problems("kringverwijzing", "kring-a", "en")[0]!.message).toMatch(/^circular reference in extends: /);
    expect(problems("wettelijk-minimum", "te-soepel", "en").map((p) => p.message).join("\n")).toMatch(/is a legal minimum/);
    // A kind's own refinement names its message by id: English too.
    expect(problems("foute-params", "fout-params", "en").map((p) => p.message)).toContain("params.maxAge: not an ISO 8601 duration (for example P1Y, P4Y, P6M)");
  });
});
