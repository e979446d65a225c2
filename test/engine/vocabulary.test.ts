/**
 * One vocabulary: the rules, the coverage matrix and the reports read needs
 * and levels through the same lookup (CompiledRuleset.term). For every
 * synonym of every need and level, an SOP that writes it is read as the
 * term the rules know, and its aanbod is counted under that term in the
 * matrix.
 */
import { describe, expect, it } from "vitest";
import { checkSchool } from "../../src/engine/check-school.js";
import { compileRuleset } from "../../src/engine/compiled-ruleset.js";
import { loadSchool } from "../../src/engine/school.js";
import { loadRuleset } from "../../src/ruleset/load.js";

const ruleset = loadRuleset({ profile: "meierij-po" });
const compiled = compileRuleset(ruleset);
const env = { lang: "nl" as const, peildatum: "2026-06-01", schooljaar: "2025-2026", detail: "coverage" as const };

/** The SOP summary (what the matrix and reports read) of an SOP whose one aanbod entry is written this way. */
function aanbodAsRead(behoefte: string, niveau: string) {
  const sop = `kind: Schoolondersteuningsprofiel\nschooljaar: 2025-2026\naanbod:\n  - behoefte: ${JSON.stringify(behoefte)}\n    niveau: ${JSON.stringify(niveau)}\n`;
  const docs = loadSchool("", "scholen/30AA00", "30AA00", "nl", new Map([["sop.yaml", Buffer.from(sop)]]));
  return checkSchool(docs, compiled, env).sop!.aanbod[0]!;
}

const aliases = (list: string) => ruleset.lijsten[list]!.flatMap((term) => [term.id, term.naam, ...(term.synoniemen ?? [])].filter((a): a is string => !!a).map((alias) => [term.id, alias] as const));

describe("one vocabulary for rules, coverage and reports", () => {
  it("every name and synonym of every need is read as its term, by the rules and in the aanbod the matrix counts", () => {
    const needs = aliases("ondersteuningsbehoeften");
    expect(needs.length).toBeGreaterThan(40);
    for (const [id, alias] of needs) {
      expect(compiled.term("ondersteuningsbehoeften", alias), alias).toBe(id);
      expect(aanbodAsRead(alias, "basis").behoefte, alias).toBe(id);
    }
  });

  it("every name and synonym of every level is read as its level, also in capitals", () => {
    for (const [id, alias] of aliases("niveaus")) {
      expect(compiled.term("niveaus", alias), alias).toBe(id);
      expect(aanbodAsRead("dyslexie", alias.toUpperCase()).niveau, alias).toBe(id);
    }
  });

  it("a term with its abbreviation in brackets is the term, whichever of the two the list knows", () => {
    expect(compiled.term("rollen", "intern begeleider (IB'er)")).toBe("intern-begeleider");
    expect(compiled.term("rollen", "Zorgcoördinator (ZoCo)")).toBe("ondersteuningscoordinator");
    expect(compiled.term("rollen", "de spin in het web (IB)")).toBe("intern-begeleider");
    expect(compiled.term("rollen", "conciërge (facilitair)")).toBeUndefined();
  });

  it("a need the vocabulary does not know stays as written (the rules and the matrix see the same text)", () => {
    expect(aanbodAsRead("klimmen en klauteren", "basis").behoefte).toBe("klimmen en klauteren");
  });
});
