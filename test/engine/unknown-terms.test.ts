/**
 * A term no list knows is never dropped without a word: value-matches says
 * so naming the nearest known term (from every spelling the list has, as
 * list-includes does), and the SOP summary the coverage matrix reads keeps
 * the text as written with the term it is nearest to.
 */
import { describe, expect, it } from "vitest";
import { checkSchool } from "../../src/engine/check-school.js";
import { compileRuleset } from "../../src/engine/compiled-ruleset.js";
import { loadSchool } from "../../src/engine/school.js";
import { loadRuleset } from "../../src/ruleset/load.js";
import { brief } from "./helpers.js";

const compiled = compileRuleset(loadRuleset({ profile: "meierij-po" }));
const env = { lang: "nl" as const, peildatum: "2026-06-01", schooljaar: "2025-2026", detail: "coverage" as const };

const SOP = `kind: Schoolondersteuningsprofiel
schooljaar: 2025-2026
aanbod:
  - behoefte: dsylexie
    niveau: basis
  - behoefte: leesproblem
    niveau: bassis
  - behoefte: klimmen en klauteren
    niveau: extra
`;

const school = checkSchool(loadSchool("", "scholen/30AA00", "30AA00", "nl", new Map([["sop.yaml", Buffer.from(SOP)]])), compiled, env);
const findingsOf = (...ruleIds: string[]) => school.findings.filter((f) => ruleIds.includes(f.ruleId)).map(brief);
const file = "scholen/30AA00/sop.yaml";

describe("unknown terms are named, never dropped", () => {
  it("value-matches names the nearest term of every spelling, at the value", () => {
    expect(findingsOf("BO-12.04-behoefte", "BO-12.04-niveau")).toEqual([
      { file, line: 4, column: 15, ruleId: "BO-12.04-behoefte", severity: "error", message: 'aanbod[0].behoefte: "dsylexie" staat niet in de lijst ondersteuningsbehoeften; bedoelde je "dyslexie"?' },
      // A slip in a synonym: the nearest spelling is the synonym, not an id.
      { file, line: 6, column: 15, ruleId: "BO-12.04-behoefte", severity: "error", message: 'aanbod[1].behoefte: "leesproblem" staat niet in de lijst ondersteuningsbehoeften; bedoelde je "leesproblemen"?' },
      { file, line: 7, column: 13, ruleId: "BO-12.04-niveau", severity: "error", message: 'aanbod[1].niveau: "bassis" staat niet in de lijst niveaus; bedoelde je "basis"?' },
      { file, line: 8, column: 15, ruleId: "BO-12.04-behoefte", severity: "error", message: 'aanbod[2].behoefte: "klimmen en klauteren" staat niet in de lijst ondersteuningsbehoeften' },
    ]);
  });

  it("list-includes and value-matches name the same nearest term", () => {
    expect(findingsOf("MEI-04").filter((f) => f.severity === "info")).toEqual([
      { file, line: 4, column: 15, ruleId: "MEI-04", severity: "info", message: '"dsylexie" staat niet in de lijst ondersteuningsbehoeften en telt daarom niet mee; bedoelde je "dyslexie"?' },
      { file, line: 6, column: 15, ruleId: "MEI-04", severity: "info", message: '"leesproblem" staat niet in de lijst ondersteuningsbehoeften en telt daarom niet mee; bedoelde je "leesproblemen"?' },
      { file, line: 8, column: 15, ruleId: "MEI-04", severity: "info", message: '"klimmen en klauteren" staat niet in de lijst ondersteuningsbehoeften en telt daarom niet mee' },
    ]);
  });

  it("the aanbod the matrix reads keeps what it cannot place, with the term it is nearest to", () => {
    expect(school.sop!.aanbod).toEqual([
      { behoefte: "dsylexie", niveau: "basis", onderwijstypen: [], bedoeld: { behoefte: "dyslexie" } },
      { behoefte: "leesproblem", niveau: "bassis", onderwijstypen: [], bedoeld: { behoefte: "dyslexie", niveau: "basis" } },
      { behoefte: "klimmen en klauteren", niveau: "extra", onderwijstypen: [] },
    ]);
  });

  it("the vocabulary service gives the term's id with the spelling it is nearest to", () => {
    expect(compiled.nearestTerm("rollen", "intern begeleidster")).toEqual({ id: "intern-begeleider", alias: "Intern begeleider" });
    expect(compiled.nearestTerm("niveaus", "arangement")).toEqual({ id: "arrangement", alias: "arrangement" });
    expect(compiled.nearestTerm("rollen", "conciërge")).toBeUndefined();
    expect(compiled.nearestTerm("geen-lijst", "basis")).toBeUndefined();
  });
});
