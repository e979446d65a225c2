/** "Overdue" follows the profile's own cadence rules, whatever its ids. */
import { describe, expect, it } from "vitest";
import { audit } from "../../src/audit/audit.js";
import { buildOverview, overdueItemsOf } from "../../src/report/overview.js";

const ROOT = new URL("../../", import.meta.url).pathname;

describe("overdue schools in the SWV overview", () => {
  it("come from the cadence rules of the VO profile", async () => {
    const result = await audit({ cwd: ROOT, repo: "examples/swv-vo-2203" });
    // Every rule on the SOP's vaststelling date, the zelfevaluatie's presence or the visitatie's age.
    expect(overdueItemsOf(result)).toEqual(["BO-09.03", "MKS-TO.09", "VO2203.02", "VO2203.04", "VO2203.07", "WET.01"]);
    const overview = buildOverview(result);
    const overdue = Object.fromEntries(overview.overdue.map((o) => [o.id, o.items.map((i) => i.item)]));
    // 18BR00: its zelfevaluatie scores the SOP's vaststelling (BO-09.03) voldoet niet, although its schoolgids is set; 25EW00: no zelfevaluatie 2025-2026, visitatie older than 4 years; 14RV01: never visited.
    expect(overdue["18BR00"]).toEqual(["BO-09.03"]);
    expect(overdue["25EW00"]).toEqual(expect.arrayContaining(["VO2203.04", "VO2203.07"]));
    expect(overdue["14RV01"]).toContain("VO2203.07");
  });

  it("and of the PO profile, which has other ids", async () => {
    const result = await audit({ cwd: ROOT, repo: "examples/swv-meierij-po" });
    const items = overdueItemsOf(result);
    expect(items).toContain("WET.01");
    expect(items.some((i) => i.startsWith("VO2203"))).toBe(false);
  });
});
