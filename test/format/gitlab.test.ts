import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { format, type GitlabIssue } from "../../src/format/gitlab.js";
import { CTX, fixture, SPECIAL } from "./fixture.js";

/** The documented recipe, written out again: sha256 of rule id, file, data path, indicator and message. */
function fp(ruleId: string, file: string, path: string, indicator: string, message: string): string {
  return createHash("sha256").update([ruleId, file, path, indicator, message].join("\u0000")).digest("hex");
}

/** The documented group recipe: sha256 of the file and the path (or the range), ten hex digits as letters a–p. */
function group(file: string, where: string): string {
  const hex = createHash("sha256").update(`${file}\u0000${where}`).digest("hex").slice(0, 10);
  return `g-${[...hex].map((c) => "abcdefghijklmnop"[parseInt(c, 16)]).join("")}`;
}

const B = "scholen/12AB00/sop-2025-2026.yaml";
const Z = "scholen/12AB00/zelfevaluatie-2025-2026.yaml";
const K = "scholen/34CD01/sop-2025-2026.md";

const EXPECTED: GitlabIssue[] = [
  {
    description: `onbekend veld "opmerking"`,
    check_name: "schema/unknown-key",
    fingerprint: fp("schema/unknown-key", B, "opmerking", "", `onbekend veld "opmerking"`),
    severity: "info",
    location: { path: B, lines: { begin: 3 } },
    group: group(B, "path:opmerking"),
  },
  {
    description: `ondersteuningsstructuur.protocollen mist "pestprotocol". Voeg onder ondersteuningsstructuur.protocollen een protocol met soort "pestprotocol" toe.`,
    check_name: "BO-01.09",
    fingerprint: fp("BO-01.09", B, "ondersteuningsstructuur.protocollen", "BO-01.09", `ondersteuningsstructuur.protocollen mist "pestprotocol"`),
    severity: "major",
    location: { path: B, lines: { begin: 12 } },
    group: group(B, "path:ondersteuningsstructuur.protocollen"),
  },
  {
    description: `BO-03.05 is gescoord als "voldoet deels"; minimaal "voldoet". Verbeter de ondersteuning op dit punt of licht de score toe in het ontwikkelpunt.`,
    check_name: "BO-ZE",
    fingerprint: fp("BO-ZE", Z, "scores.BO-03\\.05", "BO-03.05", `BO-03.05 is gescoord als "voldoet deels"; minimaal "voldoet"`),
    severity: "minor",
    location: { path: Z, lines: { begin: 30 } },
    group: group(Z, "path:scores.BO-03\\.05"),
  },
  {
    description: `${SPECIAL}. Vul de toelichting in: wat biedt de school, voor wie? En met wie?`,
    check_name: "MKS-TO.09",
    fingerprint: fp("MKS-TO.09", K, "aanbod[0].toelichting", "MKS-TO.09", SPECIAL),
    severity: "info",
    location: { path: K, lines: { begin: 8 } },
    group: group(K, "path:aanbod[0].toelichting"),
  },
  {
    description: `sectie "Publicatie" heeft geen echte inhoud. Schrijf onder "## Publicatie" waar het SOP staat, met een webadres.`,
    check_name: "BO-12.01",
    fingerprint: fp("BO-12.01", K, "", "BO-12.01", `sectie "Publicatie" heeft geen echte inhoud`),
    severity: "minor",
    location: { path: K, lines: { begin: 20 } },
    group: group(K, "range:20:1:24:1"),
  },
  {
    description: `onbekend veld "peildatun"; bedoelde je "peildatum"? Hernoem "peildatun" naar "peildatum".`,
    check_name: "schema/unknown-key",
    fingerprint: fp("schema/unknown-key", "sop-audit.yaml", "peildatun", "", `onbekend veld "peildatun"; bedoelde je "peildatum"?`),
    severity: "minor",
    location: { path: "sop-audit.yaml", lines: { begin: 7 } },
    group: group("sop-audit.yaml", "path:peildatun"),
  },
];

describe("gitlab format", () => {
  it("prints the Code Quality array exactly", () => {
    expect(format(fixture(), CTX)).toBe(`${JSON.stringify(EXPECTED, null, 2)}\n`);
  });

  it("keeps fingerprints when a finding moves to another line", () => {
    const before = JSON.parse(format(fixture(), CTX)) as GitlabIssue[];
    const r = fixture();
    const f = r.schools.find((s) => s.id === "12AB00")!.findings.find((x) => x.ruleId === "BO-01.09")!;
    f.range = { line: 40, column: 7, endLine: 41, endColumn: 2 };
    const after = JSON.parse(format(r, CTX)) as GitlabIssue[];
    expect(after.find((i) => i.check_name === "BO-01.09")!.location.lines.begin).toBe(40);
    expect(after.map((i) => i.fingerprint).sort()).toEqual(before.map((i) => i.fingerprint).sort());
  });

  it("gives identical findings distinct fingerprints (GitLab would merge them)", () => {
    const r = fixture();
    const f = r.findings[0]!;
    r.findings.push({ ...f, range: { ...f.range, line: 9, endLine: 9 } });
    const issues = JSON.parse(format(r, CTX)) as GitlabIssue[];
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
  });

  it("prints an empty array when there is nothing to report", () => {
    const r = fixture();
    r.findings = [];
    for (const s of r.schools) s.findings = [];
    expect(format(r, CTX)).toBe("[]\n");
  });

  it("is deterministic", () => {
    expect(format(fixture(), CTX)).toBe(format(fixture(), CTX));
  });
});
