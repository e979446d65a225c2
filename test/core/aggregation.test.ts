/** How rule outcomes make one status: against beats for, any evidence beats none. */
import { describe, expect, it } from "vitest";
import { audit } from "../../src/audit/audit.js";

const ROOT = new URL("../../", import.meta.url).pathname;

describe("status of an item from several rules", () => {
  it("a passing score counts as evidence even when the visitatie has not judged the item yet", async () => {
    const result = await audit({ cwd: ROOT, repo: "examples/swv-vo-2203", schools: ["14RV01"] });
    const school = result.schools[0]!;
    // 14RV01 was never visited: VO2203-01-visitatie has no evidence, BO-ZE has.
    expect(school.visitaties).toEqual([]);
    const item = school.statuses.find((s) => s.item === "BO-01.01")!;
    expect(item.rules).toContain("VO2203-01-visitatie");
    expect(item.status).toBe("voldoet");
    // Where the score fails, the item fails, visitatie or not.
    expect(school.statuses.find((s) => s.item === "BO-01.04")!.status).toBe("voldoet-niet");
    // With no rule giving evidence either way, it is niet aangetoond, with the reason.
    const mks = school.statuses.find((s) => s.item === "MKS-TO.01")!;
    expect(mks.status).toBe("niet-aangetoond");
    expect(mks.reason).toBe("geen visitatie");
  });
});
