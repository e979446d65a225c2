/**
 * Two legal regimes side by side (Wet 36 443, test/fixtures/regimes): which
 * law judges each school, by date and per school, the transition year, a
 * vso school of cluster 3, and what explain says of it. Findings are pinned
 * with line and column.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { regimeOf } from "../../src/core/regime.js";
import type { AuditResult, SchoolResult } from "../../src/core/types.js";
import { runInProcess } from "../cli/in-process.js";
import { auditRepo, fixture, schoolOf, statusMap } from "./helpers.js";

const LAW = /^(WET|WSG)-/;
const pinned = (s: SchoolResult) => s.findings.filter((f) => LAW.test(f.ruleId)).map((f) => `${f.file}:${f.range.line}:${f.range.column} ${f.severity} ${f.ruleId} ${f.message}`);
const laws = (s: SchoolResult) => ({ ...statusMap(s, "WET."), ...statusMap(s, "WSG.") });

let now: AuditResult;
let before: AuditResult;
beforeAll(async () => {
  now = await auditRepo(fixture("regimes"));
  before = await auditRepo(fixture("regimes"), { peildatum: "2025-06-01" });
});

describe("the regime of a school, by date", () => {
  it("starts with the first schooljaar that begins on or after the date; a school's own date goes first", () => {
    const none = { heeftSchoolgids: false };
    expect(regimeOf("12AB00", "2024-2025", "2025-06-01", undefined, none)).toEqual({ naam: "sop", datum: "2025-08-01", bron: "standaard", eersteSchooljaar: "2025-2026" });
    expect(regimeOf("12AB00", "2025-2026", "2026-06-01", undefined, none)).toEqual({ naam: "schoolgids", datum: "2025-08-01", bron: "standaard", eersteSchooljaar: "2025-2026" });
    // A date in the middle of a schooljaar: from the next one, as the schoolgids is set per year.
    expect(regimeOf("12AB00", "2025-2026", "2026-06-01", { schoolgidsVanaf: "2026-01-01", scholen: {} }, none)).toMatchObject({ naam: "sop", bron: "swv", eersteSchooljaar: "2026-2027" });
    expect(regimeOf("12AB00", "2024-2025", "2025-06-01", { schoolgidsVanaf: "2026-08-01", scholen: { "12AB00": "2024-08-01" } }, none)).toMatchObject({ naam: "schoolgids", bron: "school", eersteSchooljaar: "2024-2025" });
  });

  it("an SOP out of its term (41AA00): the SOP's law before the switch, the schoolgids' law after it", () => {
    expect(pinned(schoolOf(before, "41AA00"))).toEqual([
      "scholen/41AA00/sop-2020-2021.yaml:5:10 error WET-01 vaststelling.datum (2020-10-01) is ouder dan 4 jaar (peildatum 2025-06-01)",
      "scholen/41AA00/sop-2020-2021.yaml:5:10 error WET-01+swv-vo-2203 vaststelling.datum (2020-10-01) is ouder dan 1 jaar (peildatum 2025-06-01): afspraak van het SWV (swv-vo-2203), strenger dan de wet (WET-01)",
    ]);
    expect(laws(schoolOf(before, "41AA00"))).toMatchObject({ "WET.01": "voldoet-niet", "WSG.01": "nvt" });
    const after = schoolOf(now, "41AA00");
    expect(after.regime).toEqual({ naam: "schoolgids", datum: "2025-08-01", bron: "standaard", eersteSchooljaar: "2025-2026" });
    expect(pinned(after)).toEqual(["scholen/41AA00:1:1 error WSG-01 er is geen schoolgids voor schooljaar 2025-2026"]);
    expect(laws(after)).toEqual({
      "WET.01": "nvt", "WET.02": "nvt", "WET.03": "nvt", "WET.04": "voldoet",
      "WSG.01": "voldoet-niet", "WSG.02": "niet-aangetoond", "WSG.03": "niet-aangetoond", "WSG.04": "nvt", "WSG.05": "nvt", "WSG.06": "niet-aangetoond",
    });
    expect(after.statuses.find((s) => s.item === "WET.01")?.reason).toBe("geldt voor het SOP (oude wet); deze school valt sinds 2025-2026 onder het ondersteuningsaanbod in de schoolgids (vanaf 2025-08-01)");
  });

  it("an SOP in its term and no schoolgids yet (41AB00): the transition year keeps the SOP's law, and says so", () => {
    const s = schoolOf(now, "41AB00");
    expect(s.regime).toEqual({ naam: "sop", datum: "2025-08-01", bron: "standaard", eersteSchooljaar: "2025-2026", overgang: { sop: "scholen/41AB00/sop-2024-2025.yaml", vastgesteld: "2024-10-01" } });
    expect(laws(s)).toMatchObject({ "WET.02": "voldoet", "WET.03": "voldoet", "WSG.01": "nvt" });
    expect(s.statuses.find((x) => x.item === "WSG.01")?.reason).toBe(
      "overgangsjaar 2025-2026: er is nog geen schoolgids voor dit jaar en het SOP scholen/41AB00/sop-2024-2025.yaml (vastgesteld op 2024-10-01) geldt nog; de school valt dit jaar onder het oude regime",
    );
  });

  it("a vso school of cluster 3 (41AC00): asked the basisondersteuningsvoorzieningen under WSG.05, not WSG.02", () => {
    const s = schoolOf(now, "41AC00");
    expect(pinned(s)).toEqual(["scholen/41AC00/schoolgids-2025-2026.yaml:1:1 error WSG-05 niet aangetoond: basisondersteuningsvoorzieningen ontbreekt of is leeg; vul het in bovenaan het document"]);
    expect(laws(s)).toMatchObject({ "WSG.01": "voldoet", "WSG.02": "nvt", "WSG.03": "voldoet", "WSG.05": "niet-aangetoond", "WSG.06": "voldoet" });
  });

  it("a full schoolgids (41AD00): every demand of the new law met; the SOP's law n.v.t.; its offer in the coverage matrix", () => {
    const s = schoolOf(now, "41AD00");
    expect(pinned(s)).toEqual([]);
    expect(laws(s)).toMatchObject({ "WET.01": "nvt", "WSG.01": "voldoet", "WSG.02": "voldoet", "WSG.03": "voldoet", "WSG.06": "voldoet" });
    // The support document under this regime is the newer schoolgids, not the SOP of 2023-2024.
    expect(s.sop?.file).toBe("scholen/41AD00/schoolgids-2025-2026.yaml");
    expect(s.sop?.aanbod.map((a) => `${a.behoefte}:${a.niveau}`)).toEqual(["dyslexie:basis"]);
  });
});

describe("sop-audit.yaml regime", () => {
  let repo: string;
  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), "sop-audit-regime-"));
    cpSync(fixture("regimes"), repo, { recursive: true });
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it("overgangsjaar: false puts the school in its first schoolgids year under the new law at once; a later date keeps the old law", async () => {
    appendFileSync(join(repo, "sop-audit.yaml"), "regime:\n  overgangsjaar: false\n");
    const strict = schoolOf(await auditRepo(repo), "41AB00");
    expect(strict.regime).toMatchObject({ naam: "schoolgids", bron: "standaard" });
    expect(pinned(strict)).toEqual(["scholen/41AB00:1:1 error WSG-01 er is geen schoolgids voor schooljaar 2025-2026"]);

    appendFileSync(join(repo, "sop-audit.yaml"), "  schoolgidsVanaf: 2026-08-01\n  scholen:\n    41AD00: 2025-08-01\n");
    const later = await auditRepo(repo);
    expect(schoolOf(later, "41AA00").regime).toMatchObject({ naam: "sop", bron: "swv", eersteSchooljaar: "2026-2027" });
    expect(schoolOf(later, "41AD00").regime).toMatchObject({ naam: "schoolgids", bron: "school", eersteSchooljaar: "2025-2026" });
  });
});

describe("explain names the regime", () => {
  it("of a legal item, its source, and for a school the regime that judged it and why", async () => {
    const r = await runInProcess(["explain", "WSG.05", "-C", "test/fixtures/regimes", "--school", "41AC00"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines).toContain("  bron:        Wet versterking positie ouders en leerlingen in het passend onderwijs (Kamerstuk 36 443); data per aankondiging (standards/catalogs/wettelijke-basis-schoolgids.yaml:71)");
    expect(lines).toContain("  regime:      alleen onder het ondersteuningsaanbod in de schoolgids (Wet 36 443)");
    expect(lines).toContain("  regime:      Wet 36 443: het ondersteuningsaanbod in de schoolgids, sinds schooljaar 2025-2026 (datum 2025-08-01, de aangekondigde datum)");
    expect(lines).toContain("  status:      niet aangetoond — basisondersteuningsvoorzieningen ontbreekt");
    const old = await runInProcess(["explain", "WET.01", "-C", "test/fixtures/regimes", "--school", "41AB00", "--lang", "en"]);
    expect(old.stdout.split("\n")).toContain(
      "  regime:      transition year 2025-2026: still under the old law, as there is no school guide for this year and the SOP scholen/41AB00/sop-2024-2025.yaml (adopted on 2024-10-01) still holds",
    );
  });
});
