/**
 * One fact, one entry: stylish and markdown show a value that several rules
 * judge once, listing the rules; JSON, SARIF and GitLab keep one result per
 * rule with the shared group id.
 */
import { describe, expect, it } from "vitest";
import { findingGroupId } from "../../src/core/finding-groups.js";
import type { AuditResult, Finding } from "../../src/core/types.js";
import { format as json } from "../../src/format/json.js";
import { format as markdown } from "../../src/format/markdown.js";
import { format as stylish } from "../../src/format/stylish.js";
import { format as sarif } from "../../src/format/sarif.js";
import { format as github } from "../../src/format/github.js";
import { CTX, fixture } from "./fixture.js";

const FILE = "scholen/12AB00/sop-2025-2026.yaml";
const at = { line: 20, column: 10, endLine: 20, endColumn: 20 };

function dateFinding(ruleId: string, severity: Finding["severity"], message: string, hint: string): Finding {
  const f: Finding = { ruleId, severity, message, hint, file: FILE, range: at, school: "12AB00", path: "vaststelling.datum" };
  f.group = findingGroupId(f);
  return f;
}

/** The fixture with four rules on one date: two say the same, one is a warning. */
function withDate(): AuditResult {
  const r = fixture();
  const brug = r.schools.find((s) => s.id === "12AB00")!;
  brug.findings.push(
    dateFinding("MKS-TO.09", "error", "vaststelling.datum (2024-10-08) is ouder dan 1 jaar", "Actualiseer het SOP."),
    dateFinding("BO-09.03", "error", "vaststelling.datum (2024-10-08) is ouder dan 1 jaar", "Stel het SOP opnieuw vast."),
    dateFinding("VO2203-02", "warning", "vaststelling.datum (2024-10-08) valt niet in schooljaar 2025-2026", "Stel het SOP dit schooljaar vast."),
    dateFinding("WET-01+swv-vo-2203", "error", "vaststelling.datum (2024-10-08) is ouder dan 1 jaar: afspraak van het SWV", "Laat het SOP vaststellen."),
  );
  return r;
}

describe("stylish", () => {
  it("shows the date once, how many rules judge it, and what each says, strongest first", () => {
    const out = stylish(withDate(), CTX);
    const lines = out.split("\n");
    const head = lines.findIndex((l) => l.includes("vaststelling.datum: 4 regels"));
    expect(lines.slice(head, head + 8)).toEqual([
      "  20:10  fout  vaststelling.datum: 4 regels",
      "               fout          vaststelling.datum (2024-10-08) is ouder dan 1 jaar  BO-09.03, MKS-TO.09",
      "                             → Stel het SOP opnieuw vast.",
      "                             → Actualiseer het SOP.",
      "               fout          vaststelling.datum (2024-10-08) is ouder dan 1 jaar: afspraak van het SWV  WET-01+swv-vo-2203",
      "                             → Laat het SOP vaststellen.",
      "               waarschuwing  vaststelling.datum (2024-10-08) valt niet in schooljaar 2025-2026  VO2203-02",
      "                             → Stel het SOP dit schooljaar vast.",
    ]);
    // The position is printed once for the four findings.
    expect(out.match(/20:10/g)).toHaveLength(1);
    // A value with one finding keeps its one line.
    expect(out).toContain('  12:3   fout  ondersteuningsstructuur.protocollen mist "pestprotocol"  BO-01.09\n');
  });

  it("keeps the one order: the entry stands where its first finding stands", () => {
    const out = stylish(withDate(), CTX);
    const section = out.slice(out.indexOf(`${FILE}\n`));
    expect(section.indexOf("12:3")).toBeLessThan(section.indexOf("20:10"));
    expect(section.indexOf("3:1")).toBeLessThan(section.indexOf("12:3"));
  });
});

describe("markdown", () => {
  it("gives the date one row that lists its rules", () => {
    const rows = markdown(withDate(), CTX)
      .split("\n")
      .filter((l) => l.startsWith(`| \`${FILE}:20\``));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("| fout | `BO-09.03`, `MKS-TO.09`, `WET-01+swv-vo-2203`, `VO2203-02` | **vaststelling.datum: 4 regels**<br>• fout: ");
  });
});

describe("formats that keep one result per rule", () => {
  it("JSON has four findings on the date, sharing one group id, and another id elsewhere", () => {
    const out = JSON.parse(json(withDate(), CTX)) as { schools: { id: string; findings: { ruleId: string; path?: string; group: string }[] }[] };
    const brug = out.schools.find((s) => s.id === "12AB00")!;
    const date = brug.findings.filter((f) => f.path === "vaststelling.datum");
    expect(date.map((f) => f.ruleId)).toEqual(["BO-09.03", "MKS-TO.09", "VO2203-02", "WET-01+swv-vo-2203"]);
    expect(new Set(date.map((f) => f.group)).size).toBe(1);
    expect(date[0]!.group).toMatch(/^g-[a-p]{10}$/);
    for (const f of brug.findings.filter((x) => x.path !== "vaststelling.datum")) expect(f.group).not.toBe(date[0]!.group);
  });

  it("SARIF carries the group in each result's properties", () => {
    const log = JSON.parse(sarif(withDate(), CTX)) as { runs: { results: { ruleId: string; properties?: { group?: string } }[] }[] };
    expect(log.runs[0]!.results.every((r) => /^g-[a-p]{10}$/.test(r.properties?.group ?? ""))).toBe(true);
    const results = log.runs[0]!.results.filter((r) => r.properties?.group === findingGroupId({ file: FILE, path: "vaststelling.datum", range: at }));
    expect(results.map((r) => r.ruleId)).toEqual(["BO-09.03", "MKS-TO.09", "VO2203-02", "WET-01+swv-vo-2203"]);
  });

  it("GitHub annotations of a shared value name the group in their title; a lone one does not", () => {
    const lines = github(withDate(), CTX).split("\n");
    const group = findingGroupId({ file: FILE, path: "vaststelling.datum", range: at });
    expect(lines.filter((l) => l.includes(`[${group}]`))).toHaveLength(4);
    expect(lines.find((l) => l.includes("title=BO-01.09"))).toContain("title=BO-01.09::");
  });
});
