/**
 * `explain`, `standards` and `ruleset check` as a person runs them, through
 * main(argv, io) in this process, asserting the text and the exit code.
 */
import { describe, expect, it } from "vitest";
import { runInProcess } from "./in-process.js";
import { hasStackTrace, ROOT } from "./run.js";

const VO = ["-C", "examples/swv-vo-2203"];

describe("sop-audit explain", () => {
  it("shows a rule with its parameters and where every layer changed it", async () => {
    const r = await runInProcess(["explain", "WET-01", ...VO]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("regel WET-01  Het SOP is de afgelopen vier jaar vastgesteld");
    // The law's term, and beside it the SWV's stricter agreement as a rule of its own.
    expect(r.stdout).toContain('params:      {"path":"vaststelling.datum","maxAge":"P4Y"}');
    expect(r.stdout).toMatch(/gedefinieerd wettelijke-basis\s+standards\/catalogs\/wettelijke-basis\.yaml:\d+:5/);
    expect(r.stdout).toMatch(/aangescherpt\s+swv-vo-2203\s+standards\/profiles\/swv-vo-2203\.yaml:\d+:3\s+WET-01\+swv-vo-2203\n/);
    expect(r.stdout).toContain("strengere afspraak: WET-01+swv-vo-2203");
    expect(r.stdout).toContain("regel WET-01+swv-vo-2203  Afspraak van swv-vo-2203, strenger dan WET-01 (maxAge: P1Y)");
    expect(r.stdout).toContain('params:      {"path":"vaststelling.datum","maxAge":"P1Y"}');
    expect(r.stdout).toMatch(/gedefinieerd swv-vo-2203\s+standards\/profiles\/swv-vo-2203\.yaml:\d+:3\s+params\.path: "vaststelling\.datum", params\.maxAge: "P1Y"/);
  });

  it("explains a built-in check, in Dutch and in English, with its anchor in the rule reference", async () => {
    const nl = await runInProcess(["explain", "schema/type", ...VO]);
    expect(nl.code).toBe(0);
    expect(nl.stdout).toBe(
      "schema/type  ingebouwde controle van sop-audit\n  Een waarde heeft het verkeerde type (tekst, getal, lijst, groep velden).\n  meer: docs/regelreferentie.md#schematype\n",
    );
    const en = await runInProcess(["explain", "yaml/syntax", "--lang", "en", ...VO]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain("yaml/syntax  built-in check of sop-audit\n  The YAML cannot be read (indentation, quotes, brackets).");
    const json = await runInProcess(["explain", "waiver/expired", "--json", ...VO]);
    expect(JSON.parse(json.stdout)).toEqual({ builtin: { id: "waiver/expired", text: "Een uitzondering is verlopen; de regel telt weer mee." } });
  });

  it("an unknown id exits 2 with a suggestion and no stack trace", async () => {
    const r = await runInProcess(["explain", "yaml/syntx", ...VO]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"yaml/syntx" is geen regel of indicator in profiel swv-vo-2203; bedoelde je "yaml/syntax"?');
    expect(hasStackTrace(r.stderr)).toBe(false);
  });

  it("--json gives the item and the rules that give evidence for it", async () => {
    const r = await runInProcess(["explain", "BO-03.08", "--json", ...VO]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { item: { id: string; standaard: string }; rules: string[] };
    expect(out.item).toMatchObject({ id: "BO-03.08", standaard: "BO-03" });
    expect(out.rules).toContain("BO-03.08");
  });
});

describe("sop-audit standards and ruleset check", () => {
  it("standards lists one standard's items of a profile", async () => {
    const r = await runInProcess(["standards", "--profile", "meierij-po", "--standard", "BO-03"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Profiel meierij-po");
    expect(r.stdout).toContain("BO-03  De scholen hebben een effectieve interne onderwijsondersteuningsstructuur  (basisondersteuning, 11)");
    expect(r.stdout).not.toMatch(/^BO-04/m);
  });

  it("standards lists a legal minimum and, beside it, the profile's stricter agreement", async () => {
    const r = await runInProcess(["standards", "--standard", "WET.01", ...VO]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\n  WET-01 +error +date-max-age +WET\.01 +Het SOP is de afgelopen vier jaar vastgesteld \(wettelijk minimum\)\n/);
    expect(r.stdout).toMatch(/\n  WET-01\+swv-vo-2203 +error +date-max-age +WET\.01 +Afspraak van swv-vo-2203, strenger dan WET-01 \(maxAge: P1Y\)\n/);
  });

  it("standards --lijsten prints every word list with its synonyms, so nobody has to open the YAML", async () => {
    const run = await runInProcess(["standards", "--profile", "meierij-po", "--lijsten"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ondersteuningsbehoeften$/m);
    expect(run.stdout).toMatch(/^ {2}dyslexie +Taal\/lezen\/dyslexie {2}ook: .*\bEED\b/m);
    // The sectors whose basic offer includes a need: an SO or VSO school is not asked for it.
    expect(run.stdout).toMatch(/^ {2}nt2 +NT2\/nieuwkomers {2}ook: .*internationale schakelklas {2}alleen voor: PO, SBO, VO$/m);
    const json = JSON.parse((await runInProcess(["standards", "--profile", "meierij-po", "--lijsten", "--json"])).stdout) as { name: string; terms: { id: string; synoniemen: string[] }[] }[];
    expect(json.map((l) => l.name)).toEqual([...json.map((l) => l.name)].sort());
    expect(json.find((l) => l.name === "niveaus")?.terms.map((term) => term.id)).toEqual(["geen", "basis", "extra", "bestuur", "arrangement", "specialistisch"]);
    expect((await runInProcess(["standards", "--profile", "meierij-po", "--lijsten", "--lang", "en"])).stdout).toMatch(/ {2}also: /);
  });

  it("standards refuses a --standard or --source the profile does not have, with a suggestion", async () => {
    const r = await runInProcess(["standards", "--profile", "meierij-po", "--standard", "bo-03"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe('sop-audit: --standard "bo-03" komt niet voor in profiel meierij-po; bedoelde je "BO-03"?\n');
    const en = await runInProcess(["standards", "--profile", "meierij-po", "--source", "wetelijke-basis", "--lang", "en"]);
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('sop-audit: --source "wetelijke-basis" is not in profile meierij-po; did you mean "wettelijke-basis"?\n');
    // An item id is a filter too.
    expect((await runInProcess(["standards", "--profile", "meierij-po", "--standard", "BO-03.08"])).code).toBe(0);
  });

  it("ruleset check in an SWV repository layers its profile, with its own paths and overrides", async () => {
    const r = await runInProcess(["ruleset", "check"], { cwd: `${ROOT}examples/swv-vo-2203` });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✔ profiel swv-vo-2203: \d+ items, \d+ regels, \d+ lagen\n$/);
    // The same with -C from elsewhere.
    expect((await runInProcess(["ruleset", "check", "-C", "examples/swv-meierij-po"])).stdout).toMatch(/^✔ profiel meierij-po: /);
  });

  it("ruleset check passes every shipped profile", async () => {
    const r = await runInProcess(["ruleset", "check"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✔ profiel meierij-po: \d+ items, \d+ regels, 6 lagen$/m);
    expect(r.stdout).toMatch(/^✔ profiel swv-vo-2203: \d+ items, \d+ regels, 6 lagen$/m);
  });
});
