/**
 * Symbolic links in the schools folder: a link is read as what it points
 * to (a school folder kept elsewhere is a school, a linked document is a
 * document), and a link that points nowhere is a finding, never a gap
 * nobody sees.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditResult } from "../../src/core/types.js";
import { auditRepo, brief, fixture } from "./helpers.js";

let tmp: string;
let result: AuditResult;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "sop-audit-links-"));
  const repo = join(tmp, "repo");
  cpSync(fixture("clean"), repo, { recursive: true });
  // The school folder lives elsewhere; scholen/ links to it.
  cpSync(join(repo, "scholen", "34CD00"), join(tmp, "elders-34CD00"), { recursive: true });
  rmSync(join(repo, "scholen", "34CD00"), { recursive: true });
  symlinkSync(join(tmp, "elders-34CD00"), join(repo, "scholen", "34CD00"));
  symlinkSync(join(tmp, "bestaat-niet.yaml"), join(tmp, "elders-34CD00", "weg.yaml"));
  symlinkSync("kring.yaml", join(tmp, "elders-34CD00", "kring.yaml"));
  symlinkSync(join(tmp, "bestaat-ook-niet"), join(repo, "scholen", "56EF00"));
  result = await auditRepo(repo, { detail: "check" });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("symbolic links in the schools folder", () => {
  it("a linked school folder is a school, checked like any other", () => {
    expect(result.schools.map((s) => s.id)).toEqual(["34CD00"]);
    expect(result.schools[0]!.documents.map((d) => d.file)).toContain("scholen/34CD00/sop-2025-2026.yaml");
  });

  it("a link to nothing, or a loop of links, is a finding at 1:1 that says which", () => {
    // The repository's own findings first, then the school's.
    const unreadable = [...result.findings, ...result.schools.flatMap((s) => s.findings)].filter((f) => f.ruleId === "file/unreadable").map(brief);
    expect(unreadable).toEqual([
      {
        file: "scholen/56EF00",
        line: 1,
        column: 1,
        ruleId: "file/unreadable",
        severity: "error",
        message: "bestand kan niet gelezen worden: het bestaat niet (meer), of is een symbolische link naar iets dat niet bestaat",
      },
      { file: "scholen/34CD00/kring.yaml", line: 1, column: 1, ruleId: "file/unreadable", severity: "error", message: "bestand kan niet gelezen worden: een kring van symbolische links" },
      {
        file: "scholen/34CD00/weg.yaml",
        line: 1,
        column: 1,
        ruleId: "file/unreadable",
        severity: "error",
        message: "bestand kan niet gelezen worden: het bestaat niet (meer), of is een symbolische link naar iets dat niet bestaat",
      },
    ]);
  });
});
