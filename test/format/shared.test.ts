import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/types.js";
import { allFindings, fingerprints, messageWithHint, normalizeRange, ruleAnchor, sortFindings } from "../../src/format/shared.js";
import { fixture } from "./fixture.js";

const f = (over: Partial<Finding>): Finding => ({
  ruleId: "R",
  severity: "warning",
  message: "m",
  file: "a.yaml",
  range: { line: 1, column: 1, endLine: 1, endColumn: 2 },
  ...over,
});

describe("format helpers", () => {
  it("sort findings by file, line, column, rule id, message", () => {
    const list = [
      f({ file: "b.yaml" }),
      f({}),
      f({ range: { line: 10, column: 1, endLine: 10, endColumn: 1 } }),
      f({ range: { line: 2, column: 5, endLine: 2, endColumn: 6 } }),
      f({ range: { line: 2, column: 5, endLine: 2, endColumn: 6 }, ruleId: "A" }),
      f({ range: { line: 2, column: 5, endLine: 2, endColumn: 6 }, ruleId: "A", message: "a" }),
      f({ range: { line: 2, column: 3, endLine: 2, endColumn: 6 } }),
    ];
    const key = (x: Finding) => `${x.file}:${x.range.line}:${x.range.column}:${x.ruleId}:${x.message}`;
    expect(sortFindings(list).map(key)).toEqual([
      "a.yaml:1:1:R:m",
      "a.yaml:2:3:R:m",
      "a.yaml:2:5:A:a",
      "a.yaml:2:5:A:m",
      "a.yaml:2:5:R:m",
      "a.yaml:10:1:R:m",
      "b.yaml:1:1:R:m",
    ]);
    // code-unit order, not locale order: upper case before lower case
    expect(sortFindings([f({ file: "a.yaml" }), f({ file: "B.yaml" })]).map((x) => x.file)).toEqual(["B.yaml", "a.yaml"]);
  });

  it("collects top-level and school findings, filling in the school, without waived ones", () => {
    const r = fixture();
    delete r.schools[0]!.findings[0]!.school;
    const all = allFindings(r);
    expect(all).toHaveLength(6);
    expect(all.filter((x) => x.school === undefined).map((x) => x.file)).toEqual(["sop-audit.yaml"]);
    expect(all.every((x) => x.ruleId !== "WET-01")).toBe(true);
  });

  it("fingerprints ignore the position and number identical findings", () => {
    const a = f({ path: "x.y", indicator: "BO-01.01" });
    const moved = { ...a, range: { line: 99, column: 4, endLine: 100, endColumn: 1 } };
    expect(fingerprints([a])).toEqual(fingerprints([moved]));
    const [one, two] = fingerprints([a, moved]);
    expect(one).toBe(fingerprints([a])[0]);
    expect(two).not.toBe(one);
    for (const change of [{ ruleId: "S" }, { file: "b.yaml" }, { path: "x.z" }, { indicator: "BO-01.02" }, { message: "n" }]) {
      expect(fingerprints([{ ...a, ...change }])[0]).not.toBe(one);
    }
    // severity and hint are not part of it
    expect(fingerprints([{ ...a, severity: "error", hint: "h" }])[0]).toBe(one);
  });

  it("makes GitHub's heading anchors of rule ids", () => {
    expect(ruleAnchor("BO-03.05")).toBe("bo-0305");
    expect(ruleAnchor("schema/type")).toBe("schematype");
    expect(ruleAnchor("BO-03.05-uren")).toBe("bo-0305-uren");
    expect(ruleAnchor("MKS-TO.01")).toBe("mks-to01");
  });

  it("normalises ranges to 1-based, end not before start", () => {
    expect(normalizeRange({ line: 0, column: 0, endLine: 0, endColumn: 0 })).toEqual({ line: 1, column: 1, endLine: 1, endColumn: 1 });
    expect(normalizeRange({ line: 5, column: 8, endLine: 4, endColumn: 2 })).toEqual({ line: 5, column: 8, endLine: 5, endColumn: 8 });
    expect(normalizeRange({ line: 3, column: 2, endLine: 6, endColumn: 1 })).toEqual({ line: 3, column: 2, endLine: 6, endColumn: 1 });
    expect(normalizeRange({ line: Number.NaN, column: Infinity, endLine: 2, endColumn: 3 })).toEqual({ line: 1, column: 1, endLine: 2, endColumn: 3 });
  });

  it("joins message and hint for one-line and multi-line consumers", () => {
    expect(messageWithHint({ message: "veld ontbreekt", hint: "Voeg het toe." }, " ")).toBe("veld ontbreekt. Voeg het toe.");
    expect(messageWithHint({ message: "bedoelde je x?", hint: "Hernoem." }, " ")).toBe("bedoelde je x? Hernoem.");
    expect(messageWithHint({ message: "a\nb", hint: "c\r\nd" }, " ")).toBe("a b. c d");
    expect(messageWithHint({ message: "a", hint: "b" }, "\n")).toBe("a\nb");
    expect(messageWithHint({ message: "a", hint: " " }, "\n")).toBe("a");
  });
});
