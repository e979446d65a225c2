/**
 * Items without evidence: check's summary line counts them, so a school full
 * of them never reads as "geen problemen", and a profile's maxNietAangetoond
 * turns too many at one school into one finding at the school's folder.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { format as stylish } from "../../src/format/stylish.js";
import { unprovenShareFinding } from "../../src/engine/unproven-share.js";
import type { ItemStatus } from "../../src/core/types.js";
import { CTX, CTX_EN, fixture } from "../format/fixture.js";
import { runInProcess } from "./in-process.js";
import { ROOT } from "./run.js";

const PO = "examples/swv-meierij-po";

describe("check's summary line counts the items niet aangetoond", () => {
  it("in Dutch and English, after the problems", async () => {
    const nl = await runInProcess(["check", "-C", PO]);
    expect(nl.stdout).toContain("\n✖ 45 problemen (18 fouten, 25 waarschuwingen, 2 info) · 109 van 834 indicatoren niet aangetoond · 1 uitgezonderd\n");
    const en = await runInProcess(["check", "-C", PO, "--lang", "en"]);
    expect(en.stdout).toContain("\n✖ 45 problems (18 errors, 25 warnings, 2 info) · 109 of 834 indicators not shown · 1 waived\n");
  });

  it("never says there is nothing wrong while items are niet aangetoond", async () => {
    // De Linde has warnings but no errors: --quiet leaves only the unproven items to speak of.
    const nl = await runInProcess(["check", "-C", PO, "--quiet", "scholen/15LN00"]);
    expect(nl.stdout.split("\n")[0]).toBe("⚠ geen fouten, maar 18 van 139 indicatoren niet aangetoond");
    const en = await runInProcess(["check", "-C", PO, "--quiet", "--lang", "en", "scholen/15LN00"]);
    expect(en.stdout.split("\n")[0]).toBe("⚠ no errors, but 18 of 139 indicators not shown");

    const r = fixture();
    r.findings = [];
    for (const s of r.schools) s.findings = [];
    r.summary = { ...r.summary, errors: 0, warnings: 0, infos: 0, waived: 0 };
    expect(stylish(r, CTX).split("\n")[0]).toBe("⚠ geen fouten of waarschuwingen, maar 1 van 7 indicatoren niet aangetoond");
    expect(stylish(r, CTX_EN).split("\n")[0]).toBe("⚠ no errors or warnings, but 1 of 7 indicators not shown");
    r.summary = { ...r.summary, statuses: { ...r.summary.statuses, "niet-aangetoond": 0 } };
    expect(stylish(r, CTX).split("\n")[0]).toBe("✔ geen problemen");
  });
});

describe("a profile's maxNietAangetoond", () => {
  let tmp: string;
  let repo: string;
  const withProfile = (max: string) => {
    writeFileSync(join(repo, "regels", "streng.yaml"), ["apiVersion: sop-audit/v1", "kind: Profile", "id: streng", "titel: Streng", "bron: test", "extends: [meierij-po]", `maxNietAangetoond: ${max}`, ""].join("\n"));
  };
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), "sop-audit-niet-aangetoond-"));
    repo = join(tmp, "swv");
    cpSync(join(ROOT, PO), repo, { recursive: true });
    mkdirSync(join(repo, "regels"));
    const config = readFileSync(join(repo, "sop-audit.yaml"), "utf8");
    writeFileSync(join(repo, "sop-audit.yaml"), config.replace("  profile: meierij-po\n", "  profile: streng\n  paths: [regels]\n"));
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const unprovenFindings = async (lang: "nl" | "en") => {
    const r = await runInProcess(["check", "-C", repo, "--format", "json", "--lang", lang]);
    type Found = { ruleId: string; severity: string; message: string; file: string; range: { line: number; column: number }; school?: string };
    const result = JSON.parse(r.stdout) as { findings: Found[]; schools: { findings: Found[] }[] };
    return [...result.findings, ...result.schools.flatMap((s) => s.findings)].filter((f) => f.ruleId === "school/niet-aangetoond");
  };

  it("gives one finding at the folder of each school above it, with count, total and limit", async () => {
    // 07HK01 has 23 of 139 (16.5%) niet aangetoond; the other schools 17 of 139 (12.2%).
    withProfile("0.15");
    const nl = await unprovenFindings("nl");
    expect(nl.map((f) => [f.school, f.file, f.range.line, f.range.column, f.severity, f.message])).toEqual([
      ["07HK01", "scholen/07HK01", 1, 1, "warning", "23 van 139 indicatoren niet aangetoond (16.5%); het profiel staat hoogstens 15% toe"],
    ]);
    const en = await unprovenFindings("en");
    expect(en.map((f) => f.message)).toEqual(["23 of 139 indicators not shown (16.5%); the profile allows at most 15%"]);
    const stylishOut = (await runInProcess(["check", "-C", repo])).stdout;
    expect(stylishOut).toContain("scholen/07HK01\n  1:1  waarschuwing  23 van 139 indicatoren niet aangetoond (16.5%); het profiel staat hoogstens 15% toe  school/niet-aangetoond\n");
  });

  it("takes the severity the profile gives, and gives none at or below the limit", async () => {
    withProfile("{ aandeel: 0.1, severity: error }");
    const strict = await unprovenFindings("nl");
    expect(strict.map((f) => f.school)).toEqual(["04BL00", "07HK00", "07HK01", "12DS00", "15LN00", "19WP00"]);
    expect(new Set(strict.map((f) => f.severity))).toEqual(new Set(["error"]));
    withProfile("0.2");
    expect(await unprovenFindings("nl")).toEqual([]);
  });

  it("counts the items that apply, and a share exactly at the limit is no finding", () => {
    const st = (status: ItemStatus["status"], i: number): ItemStatus => ({ item: `X.${i}`, status, rules: [] });
    const statuses = [st("niet-aangetoond", 1), st("voldoet", 2), st("voldoet-niet", 3), st("uitgezonderd", 4), st("nvt", 5), st("nvt", 6)];
    const school = { id: "12AB00", dir: "scholen/12AB00" };
    expect(unprovenShareFinding(school, statuses, { maxNietAangetoond: { aandeel: 0.25, severity: "warning" } }, "nl")).toBeUndefined();
    const over = unprovenShareFinding(school, statuses, { maxNietAangetoond: { aandeel: 0.2, severity: "info" } }, "nl");
    expect(over).toMatchObject({ ruleId: "school/niet-aangetoond", severity: "info", file: "scholen/12AB00", school: "12AB00", message: "1 van 4 indicatoren niet aangetoond (25%); het profiel staat hoogstens 20% toe" });
    expect(unprovenShareFinding(school, statuses, {}, "nl")).toBeUndefined();
  });
});
