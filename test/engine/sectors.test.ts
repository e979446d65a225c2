/**
 * Sectors as data (issue 23, item 7): what the basic offer of a sector does
 * not include is not asked of its schools, unless the profile says so; PrO
 * counts as VO; a school silent about its sector is asked everything.
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ItemStatus, SchoolResult } from "../../src/core/types.js";
import { auditRepo, editFile, findingsOf, fixture, schoolOf } from "./helpers.js";

const VSO_SOP = "scholen/31VS00/sop-2025-2026.yaml";
const BO_03_11_RULES = ["BO-03.11", "BO-03.11-consistent", "BO-ZE", "VO2203-01", "VO2203-01-visitatie"];

const statusOf = (school: SchoolResult, item: string): ItemStatus | undefined => school.statuses.find((st) => st.item === item);
const messagesOf = (school: SchoolResult, rule: string) => findingsOf(school, rule).map((f) => f.message);

let tmp: string;
let repo: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), "sop-sectors-"));
  repo = join(tmp, "repo");
  cpSync(fixture("sectors"), repo, { recursive: true });
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe("a VSO school", () => {
  it("is not asked for NT2 and hoogbegaafdheid in BO-03.11, and a rule asking only those is n.v.t. with the reason", async () => {
    const vso = schoolOf(await auditRepo(repo, { jobs: 1 }), "31VS00");
    expect(statusOf(vso, "BO-03.11")).toEqual({ item: "BO-03.11", status: "voldoet", rules: BO_03_11_RULES, reason: undefined });
    expect(messagesOf(vso, "BO-03.11")).toEqual([]);
    expect(statusOf(vso, "VO3101.01")).toEqual({
      item: "VO3101.01",
      status: "nvt",
      rules: ["VO3101-01"],
      reason: 'volgens de lijst ondersteuningsbehoeften gelden "nt2", "hoogbegaafd" niet voor VSO',
    });
    // An item limited to VO names its sectors in the reason.
    expect(statusOf(vso, "BO-11.07")).toEqual({ item: "BO-11.07", status: "nvt", rules: [], reason: "geldt alleen voor VO, niet voor VSO" });
  });

  it("gives the same reasons in English", async () => {
    const vso = schoolOf(await auditRepo(repo, { jobs: 1, lang: "en" }), "31VS00");
    expect(statusOf(vso, "VO3101.01")?.reason).toBe('by the list ondersteuningsbehoeften, "nt2", "hoogbegaafd" do not apply to VSO');
    expect(statusOf(vso, "BO-11.07")?.reason).toBe("applies only to VO, not to VSO");
  });

  it("that lacks an asked need hears which needs were not asked", async () => {
    editFile(repo, VSO_SOP, "  - { behoefte: dyslexie, niveau: basis }\n", "");
    const vso = schoolOf(await auditRepo(repo, { jobs: 1 }), "31VS00");
    expect(statusOf(vso, "BO-03.11")?.status).toBe("voldoet-niet");
    expect(messagesOf(vso, "BO-03.11")).toEqual(['aanbod[].behoefte (of voorzieningen[].behoeften) mist "dyslexie" (niet gevraagd voor VSO: "hoogbegaafd", "nt2")']);
  });

  it("is asked everything when the profile sets alleSectoren: true", async () => {
    editFile(repo, "sop-audit.yaml", "  paths: [regels]\n", "  paths: [regels]\n  rules:\n    BO-03.11: { params: { alleSectoren: true } }\n    VO3101-01: { params: { alleSectoren: true } }\n");
    const vso = schoolOf(await auditRepo(repo, { jobs: 1 }), "31VS00");
    expect(statusOf(vso, "BO-03.11")?.status).toBe("voldoet-niet");
    expect(messagesOf(vso, "BO-03.11")).toEqual(['aanbod[].behoefte (of voorzieningen[].behoeften) mist "hoogbegaafd", "nt2"']);
    expect(statusOf(vso, "VO3101.01")).toEqual({ item: "VO3101.01", status: "voldoet-niet", rules: ["VO3101-01"], reason: undefined });
  });
});

describe("a school whose SOP does not name its sector", () => {
  it("is asked everything: nothing is n.v.t. from silence", async () => {
    editFile(repo, VSO_SOP, "  sector: VSO\n", "");
    const school = schoolOf(await auditRepo(repo, { jobs: 1 }), "31VS00");
    expect(messagesOf(school, "BO-03.11")).toEqual(['aanbod[].behoefte (of voorzieningen[].behoeften) mist "hoogbegaafd", "nt2"']);
    expect(statusOf(school, "VO3101.01")?.status).toBe("voldoet-niet");
    expect(statusOf(school, "BO-11.07")?.status).not.toBe("nvt");
  });
});

describe("a PrO school", () => {
  it("is asked what a VO school is asked, and MKS-SM.06 (PrO and VSO) applies to it", async () => {
    const pro = schoolOf(await auditRepo(repo, { jobs: 1 }), "31PR00");
    expect(statusOf(pro, "BO-03.11")?.status).toBe("voldoet-niet");
    expect(messagesOf(pro, "BO-03.11")).toEqual(['aanbod[].behoefte (of voorzieningen[].behoeften) mist "hoogbegaafd"']);
    expect(messagesOf(pro, "VO3101-01")).toEqual(['aanbod[].behoefte mist "hoogbegaafd"']);
    expect(statusOf(pro, "BO-11.07")?.status).not.toBe("nvt");
    expect(statusOf(pro, "MKS-SM.06")?.status).not.toBe("nvt");
  });

  it("is the only VO school MKS-SM.06 applies to", async () => {
    editFile(repo, "scholen/31PR00/sop-2025-2026.yaml", "  sector: PrO\n", "  sector: VO\n");
    const vo = schoolOf(await auditRepo(repo, { jobs: 1 }), "31PR00");
    expect(statusOf(vo, "MKS-SM.06")).toEqual({ item: "MKS-SM.06", status: "nvt", rules: [], reason: "geldt alleen voor PrO, VSO, niet voor VO" });
  });
});

describe("a PO school", () => {
  it("still must offer NT2 and hoogbegaafdheid: the same SOP with sector PO, in a PO verband", async () => {
    editFile(repo, VSO_SOP, "  sector: VSO\n  onderwijstypen: [vso]\n", "  sector: PO\n  onderwijstypen: [bao]\n");
    editFile(repo, "sop-audit.yaml", "  code: VO 31.01\n", "  code: PO 31-01\n");
    editFile(repo, "sop-audit.yaml", "  sector: VO\n", "  sector: PO\n");
    editFile(repo, "sop-audit.yaml", "  profile: test-sectoren\n  paths: [regels]\n", "  profile: meierij-po\n");
    const po = schoolOf(await auditRepo(repo, { jobs: 1 }), "31VS00");
    expect(statusOf(po, "BO-03.11")?.status).toBe("voldoet-niet");
    expect(messagesOf(po, "BO-03.11")).toEqual(['aanbod[].behoefte (of voorzieningen[].behoeften) mist "hoogbegaafd", "nt2"']);
  });
});
