/**
 * Findings in words (report/plain.ts): the fields a message or hint names
 * are said as the schemas title them, a path the schemas do not know stays
 * as written, and the key as the file writes it is kept for the editor.
 */
import { describe, expect, it } from "vitest";
import { groupFindings } from "../../src/core/finding-groups.js";
import type { Finding } from "../../src/core/types.js";
import { plainContext, plainGroup, textInWords } from "../../src/report/plain.js";

const nl = plainContext("nl", { items: [], rules: [] });
const en = plainContext("en", { items: [], rules: [] });

describe("textInWords", () => {
  it("names the fields of a message in words, quoted, and leaves other dotted words alone", () => {
    expect(textInWords(nl, "Schoolondersteuningsprofiel", 'niet aangetoond: middelen.verantwoord ontbreekt; aanbod[].behoefte mist "nt2"; zie www.school.nl en sop-audit.yaml; aanbod[2].niveau')).toBe(
      'niet aangetoond: “Middelen basisondersteuning: verantwoording ingediend op” ontbreekt; “Aanbod per ondersteuningsbehoefte: ondersteuningsbehoefte” mist "nt2"; zie www.school.nl en sop-audit.yaml; “Aanbod per ondersteuningsbehoefte 3: niveau”',
    );
    expect(textInWords(en, "Zelfevaluatie", "scores.BO-01.26.score is too low")).toBe("“Scores per indicator BO-01.26: score” is too low");
    // A misspelt key is shown as the file has it: the reader finds it there.
    expect(textInWords(nl, "Schoolondersteuningsprofiel", "vastelling.datum ontbreekt")).toBe("vastelling.datum ontbreekt");
  });

  it("keeps the key as written beside the words, for whoever edits the file", () => {
    const finding: Finding = {
      ruleId: "BO-09.02",
      severity: "error",
      message: "niet aangetoond: middelen.verantwoord ontbreekt of is leeg",
      hint: "Zet de datum in middelen.verantwoord.",
      file: "scholen/12AB00/sop.yaml",
      range: { line: 5, column: 1, endLine: 5, endColumn: 4 },
      path: "middelen.verantwoord",
      group: "g-aaaaaaaaaa",
    };
    const ctx = plainContext("nl", { items: [], rules: [] }, { documents: [{ file: finding.file, kind: "Schoolondersteuningsprofiel", valid: true }], zelfevaluaties: [] });
    const view = plainGroup(ctx, groupFindings([finding])[0]!);
    expect(view.problems.map((p) => p.message)).toEqual(["niet aangetoond: “Middelen basisondersteuning: verantwoording ingediend op” ontbreekt of is leeg"]);
    expect(view.hints).toEqual(["Zet de datum in “Middelen basisondersteuning: verantwoording ingediend op”."]);
    expect(view.field).toBe("Middelen basisondersteuning: verantwoording ingediend op");
    expect(view.key).toBe("middelen.verantwoord");
    expect(view.location).toBe("scholen/12AB00/sop.yaml:5:1");
  });
});
