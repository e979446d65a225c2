/**
 * Symbolic links in the schools folder: a link is read as what it points
 * to while that lies in the repository (a school folder kept elsewhere in
 * it is a school, a linked document is a document); a link that points
 * nowhere, or out of the repository, is a finding, never a gap nobody sees
 * and never a way to quote files from elsewhere.
 */
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
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
  // The school folder lives elsewhere in the repository; scholen/ links to it.
  const elders = join(repo, "archief", "34CD00");
  cpSync(join(repo, "scholen", "34CD00"), elders, { recursive: true });
  rmSync(join(repo, "scholen", "34CD00"), { recursive: true });
  symlinkSync(elders, join(repo, "scholen", "34CD00"));
  symlinkSync(join(tmp, "bestaat-niet.yaml"), join(elders, "weg.yaml"));
  symlinkSync("kring.yaml", join(elders, "kring.yaml"));
  symlinkSync(join(tmp, "bestaat-ook-niet"), join(repo, "scholen", "56EF00"));
  // Outside the repository: a whole school folder, and one document with a value that must never be quoted.
  cpSync(elders, join(tmp, "buiten-78GH00"), { recursive: true });
  symlinkSync(join(tmp, "buiten-78GH00"), join(repo, "scholen", "78GH00"));
  writeFileSync(join(tmp, "geheim.yaml"), "apiVersion: sop-audit/v1\nkind: Visitatie\ndatum: GEHEIME-WAARDE\n");
  symlinkSync(join(tmp, "geheim.yaml"), join(elders, "visitatie-2024-2025.yaml"));
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

  it("a link out of the repository is a finding and is not read: no value of it is quoted", () => {
    const all = [...result.findings, ...result.schools.flatMap((s) => s.findings)];
    const outside = all.filter((f) => f.ruleId === "file/outside-repository").map(brief);
    const message = "bestand kan niet gelezen worden: het is een symbolische link naar een plek buiten de repository; die wordt niet gelezen";
    expect(outside).toEqual([
      { file: "scholen/78GH00", line: 1, column: 1, ruleId: "file/outside-repository", severity: "error", message },
      { file: "scholen/34CD00/visitatie-2024-2025.yaml", line: 1, column: 1, ruleId: "file/outside-repository", severity: "error", message },
    ]);
    expect(JSON.stringify(result)).not.toContain("GEHEIME-WAARDE");
  });
});
