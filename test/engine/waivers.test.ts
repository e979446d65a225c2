/**
 * Uitzonderingen (waivers) on test/fixtures/waivers: 16AA00 and 16AB00 have
 * the same shortcomings; only 16AA00 has an uitzonderingen.yaml.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AuditResult } from "../../src/core/types.js";
import { auditRepo, brief, findingsOf, fixture, schoolOf, statusMap } from "./helpers.js";

const SOP = "scholen/16AA00/sop-2025-2026.yaml";
const UITZ = "scholen/16AA00/uitzonderingen.yaml";

describe("uitzonderingen (peildatum 2026-03-15)", () => {
  let result: AuditResult;
  beforeAll(async () => {
    result = await auditRepo(fixture("waivers"));
  });
  const A = () => schoolOf(result, "16AA00");
  const B = () => schoolOf(result, "16AB00");

  it("een actieve uitzondering verplaatst de melding naar waivedFindings; het item wordt uitgezonderd", () => {
    expect(findingsOf(A(), "W-01")).toEqual([]);
    expect(A().waivedFindings.filter((f) => f.ruleId === "W-01").map(brief)).toEqual([
      { file: SOP, line: 19, column: 3, ruleId: "W-01", severity: "error", message: 'ondersteuningsstructuur.functionarissen mist "antipestcoordinator"' },
    ]);
    expect(statusMap(A(), "W.01")).toEqual({ "W.01": "uitgezonderd" });
    expect(A().waivers[0]).toMatchObject({ rule: "W-01", state: "actief", waived: 1, expires: "2026-08-31", file: UITZ, range: { line: 6, column: 5 } });
  });

  it("zonder uitzondering blijft dezelfde melding staan (16AB00)", () => {
    expect(findingsOf(B(), "W-01")).toEqual([
      { file: "scholen/16AB00/sop-2025-2026.yaml", line: 19, column: 3, ruleId: "W-01", severity: "error", message: 'ondersteuningsstructuur.functionarissen mist "antipestcoordinator"' },
    ]);
    expect(B().waivedFindings).toEqual([]);
    expect(B().waivers).toEqual([]);
    expect(statusMap(B())).toEqual({ "W.01": "voldoet-niet", "W.02": "voldoet-niet", "W.03": "voldoet", "W.04": "voldoet-niet", "W.05": "niet-aangetoond", "W.06": "voldoet-niet" });
  });

  it("een verlopen uitzondering geeft waiver/expired op de regel van verloopt en zondert niets uit", () => {
    expect(findingsOf(A(), "waiver/expired")).toEqual([
      { file: UITZ, line: 15, column: 15, ruleId: "waiver/expired", severity: "warning", message: "uitzondering op W-02 is verlopen op 2026-01-31; de regel telt weer mee" },
    ]);
    expect(findingsOf(A(), "W-02")).toEqual([
      { file: SOP, line: 24, column: 31, ruleId: "W-02", severity: "error", message: "tevredenheid.socialeVeiligheid.datum (2024-10-15) is ouder dan 1 jaar (peildatum 2026-03-15)" },
    ]);
    expect(A().waivedFindings.filter((f) => f.ruleId === "W-02")).toEqual([]);
    expect(statusMap(A(), "W.02")).toEqual({ "W.02": "voldoet-niet" });
    expect(A().waivers[1]).toMatchObject({ rule: "W-02", state: "verlopen", waived: 0 });
  });

  it("een uitzondering die niets uitzondert geeft waiver/unused op de regel", () => {
    expect(findingsOf(A(), "waiver/unused")).toEqual([
      { file: UITZ, line: 16, column: 12, ruleId: "waiver/unused", severity: "info", message: "uitzondering op W-03 zonderde niets uit" },
      // The W-05 waiver scoped to 2024-2025 does not apply in 2025-2026.
      { file: UITZ, line: 26, column: 12, ruleId: "waiver/unused", severity: "info", message: "uitzondering op W-05 zonderde niets uit" },
    ]);
    expect(statusMap(A(), "W.03")).toEqual({ "W.03": "voldoet" });
    expect(A().waivers[2]).toMatchObject({ rule: "W-03", state: "ongebruikt", waived: 0 });
  });

  it("een uitzondering op een indicator-id zondert de meldingen van dat item uit", () => {
    expect(A().waivedFindings.filter((f) => f.indicator === "W.04").map(brief)).toEqual([
      { file: SOP, line: 18, column: 3, ruleId: "W-04", severity: "error", message: "ondersteuningsstructuur.coordinatoren heeft 0 elementen, minimaal 1 vereist" },
    ]);
    expect(statusMap(A(), "W.04")).toEqual({ "W.04": "uitgezonderd" });
    expect(A().waivers[3]).toMatchObject({ rule: "W.04", state: "actief", waived: 1 });
  });

  it("bereik per schooljaar: alleen de uitzondering voor het getoetste schooljaar telt", () => {
    expect(findingsOf(A(), "W-05")).toEqual([]);
    expect(A().waivedFindings.filter((f) => f.ruleId === "W-05").map(brief)).toEqual([
      { file: SOP, line: 17, column: 1, ruleId: "W-05", severity: "warning", message: "niet aangetoond: ondersteuningsstructuur.contactpersoonSwv ontbreekt of is leeg; vul het in onder ondersteuningsstructuur" },
    ]);
    expect(A().waivers.filter((w) => w.rule === "W-05").map((w) => [w.scope, w.state, w.waived])).toEqual([
      ["2024-2025", "ongebruikt", 0],
      ["2025-2026", "actief", 1],
    ]);
    expect(statusMap(A(), "W.05")).toEqual({ "W.05": "uitgezonderd" });
  });

  it("bereik per schooljaar: in 2024-2025 zondert de uitzondering van dat jaar uit", async () => {
    const earlier = await auditRepo(fixture("waivers"), { peildatum: "2025-03-15" });
    const a = schoolOf(earlier, "16AA00");
    expect(a.waivedFindings.filter((f) => f.ruleId === "W-05").map(brief)).toEqual([
      { file: "scholen/16AA00/sop-2024-2025.yaml", line: 17, column: 1, ruleId: "W-05", severity: "warning", message: "niet aangetoond: ondersteuningsstructuur.contactpersoonSwv ontbreekt of is leeg; vul het in onder ondersteuningsstructuur" },
    ]);
    expect(a.waivers.filter((w) => w.rule === "W-05").map((w) => [w.scope, w.waived])).toEqual([
      ["2024-2025", 1],
      ["2025-2026", 0],
    ]);
    expect(statusMap(a, "W.05")).toEqual({ "W.05": "uitgezonderd" });
    // The 2025-2026 waiver is granted after this peildatum: it waives nothing, but is not "unused".
    expect(findingsOf(a, "waiver/unused").map((f) => f.line)).not.toContain(32);
  });

  it("een item is pas uitgezonderd als alle meldingen eronder vallen", () => {
    expect(A().waivedFindings.filter((f) => f.indicator === "W.06").map((f) => f.ruleId)).toEqual(["W-06"]);
    expect(findingsOf(A(), "W-06-meldcode")).toEqual([
      { file: SOP, line: 21, column: 3, ruleId: "W-06-meldcode", severity: "error", message: 'ondersteuningsstructuur.protocollen[].soort mist "meldcode"' },
    ]);
    expect(statusMap(A(), "W.06")).toEqual({ "W.06": "voldoet-niet" });
  });

  it("samenvatting: statussen van 16AA00 en het aantal uitgezonderde meldingen", () => {
    expect(statusMap(A())).toEqual({ "W.01": "uitgezonderd", "W.02": "voldoet-niet", "W.03": "voldoet", "W.04": "uitgezonderd", "W.05": "uitgezonderd", "W.06": "voldoet-niet" });
    expect(result.summary.waived).toBe(4);
    expect(result.summary.statuses.uitgezonderd).toBe(3);
  });
});
