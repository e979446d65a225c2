/**
 * `explain <id> --sector` and `--school`: why an item or rule is n.v.t. for a
 * sector (the item's sectoren, a rule's sectoren, the list terms a rule
 * leaves out), through main(argv, io) in this process.
 */
import { describe, expect, it } from "vitest";
import { runInProcess } from "./in-process.js";
import { hasStackTrace } from "./run.js";

const REPO = ["-C", "test/fixtures/sectors"];

/** The lines from the header `header` up to the next empty line. */
function block(stdout: string, header: string): string[] {
  const lines = stdout.split("\n");
  const start = lines.indexOf(header);
  expect(start, `no line ${JSON.stringify(header)} in:\n${stdout}`).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf("", start);
  return lines.slice(start, end < 0 ? undefined : end);
}

describe("sop-audit explain --sector", () => {
  it("names the list terms a rule does not ask of VSO", async () => {
    const r = await runInProcess(["explain", "BO-03.11", "--sector", "VSO", ...REPO]);
    expect(r.code).toBe(0);
    expect(block(r.stdout, "voor VSO")).toEqual([
      "voor VSO",
      "  de indicator geldt voor VSO",
      '  regel BO-03.11 vraagt "hoogbegaafd" (PO, SBO, VO), "nt2" (PO, SBO, VO) niet van VSO (sectoren volgens de lijst ondersteuningsbehoeften); alleSectoren: true vraagt ze toch',
    ]);
  });

  it("says an item is n.v.t. for a sector its sectoren leave out, and that PrO is not left out of VO", async () => {
    const vo = await runInProcess(["explain", "MKS-SM.06", "--sector", "VO", ...REPO]);
    expect(block(vo.stdout, "voor VO")).toEqual(["voor VO", "  n.v.t. voor VO: de indicator geldt alleen voor PrO, VSO"]);
    const pro = await runInProcess(["explain", "BO-11.07", "--sector", "PrO", "--lang", "en", ...REPO]);
    expect(block(pro.stdout, "for PrO")).toEqual(["for PrO", "  the item applies to PrO"]);
  });

  it("says a rule that asks nothing of VSO is n.v.t., and --json carries the same facts", async () => {
    const r = await runInProcess(["explain", "VO3101.01", "--sector", "VSO", ...REPO]);
    expect(block(r.stdout, "voor VSO")).toEqual([
      "voor VSO",
      "  de indicator geldt voor VSO",
      '  n.v.t. voor VSO: regel VO3101-01 vraagt niets van VSO; "nt2" (PO, SBO, VO), "hoogbegaafd" (PO, SBO, VO) gelden volgens de lijst ondersteuningsbehoeften alleen voor de sectoren tussen haakjes',
    ]);
    const json = await runInProcess(["explain", "VO3101.01", "--sector", "VSO", "--json", ...REPO]);
    expect(JSON.parse(json.stdout).sector).toEqual({
      sector: "VSO",
      applies: true,
      rules: [
        {
          id: "VO3101-01",
          applies: false,
          notAsked: {
            list: "ondersteuningsbehoeften",
            values: [
              { value: "nt2", sectoren: ["PO", "SBO", "VO"] },
              { value: "hoogbegaafd", sectoren: ["PO", "SBO", "VO"] },
            ],
            asked: [],
          },
        },
      ],
    });
  });

  it("refuses a sector that does not exist, in the words of the catalogue", async () => {
    const r = await runInProcess(["explain", "BO-03.11", "--sector", "VMBO", ...REPO]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'VMBO'");
    expect(r.stderr).toContain("PrO");
    expect(hasStackTrace(r.stderr)).toBe(false);
  });
});

describe("sop-audit explain --school", () => {
  it("reads the school's sector from its documents and shows the item's status and reason there", async () => {
    const r = await runInProcess(["explain", "VO3101.01", "--school", "31vs00", ...REPO]);
    expect(r.code).toBe(0);
    expect(block(r.stdout, "school 31VS00 (VSO De Brug), sector VSO")).toEqual([
      "school 31VS00 (VSO De Brug), sector VSO",
      "  regime:      overgangsjaar 2025-2026: nog onder de oude wet, want er is geen schoolgids voor dit jaar en het SOP scholen/31VS00/sop-2025-2026.yaml (vastgesteld op 2025-10-07) geldt nog",
      '  status:      n.v.t. — volgens de lijst ondersteuningsbehoeften gelden "nt2", "hoogbegaafd" niet voor VSO',
      "  de indicator geldt voor VSO",
      '  n.v.t. voor VSO: regel VO3101-01 vraagt niets van VSO; "nt2" (PO, SBO, VO), "hoogbegaafd" (PO, SBO, VO) gelden volgens de lijst ondersteuningsbehoeften alleen voor de sectoren tussen haakjes',
    ]);
    const json = await runInProcess(["explain", "BO-11.07", "--school", "31VS00", "--json", ...REPO]);
    const out = JSON.parse(json.stdout) as { school: unknown; sector: unknown };
    expect(out.school).toEqual({ id: "31VS00", naam: "VSO De Brug", sector: "VSO", regime: expect.objectContaining({ naam: "sop", eersteSchooljaar: "2025-2026" }), status: "nvt", reason: "geldt alleen voor VO, niet voor VSO" });
    expect(out.sector).toEqual({ sector: "VSO", applies: false, itemSectoren: ["VO"], rules: expect.any(Array) });
  });

  it("an unknown school exits 2 with a suggestion; --sector and --school together exit 2", async () => {
    const unknown = await runInProcess(["explain", "BO-03.11", "--school", "31VS01", ...REPO]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('school "31VS01" staat niet in de repository; bedoelde je "31VS00"?');
    expect(hasStackTrace(unknown.stderr)).toBe(false);
    const both = await runInProcess(["explain", "BO-03.11", "--school", "31VS00", "--sector", "PO", ...REPO]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("Geef --sector of --school, niet allebei: de sector van een school staat in haar SOP.");
  });
});
