import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as ajvDraft04 from "ajv-draft-04";
import * as ajvFormats from "ajv-formats";
import type { Log, Result } from "sarif";
import { describe, expect, it } from "vitest";
import { FINGERPRINT_KEY, fileUri, format } from "../../src/format/sarif.js";
import { CTX, CTX_EN, everyFinding, fixture } from "./fixture.js";

// CommonJS packages: the class / function is the default export, however the loader wraps it.
const unwrap = <T>(m: unknown): T => ((m as { default?: { default?: T } }).default?.default ?? (m as { default?: T }).default ?? m) as T;
const Ajv04 = unwrap<typeof import("ajv-draft-04").default>(ajvDraft04);
const addFormats = unwrap<typeof import("ajv-formats").default>(ajvFormats);

const SARIF_SCHEMA = JSON.parse(readFileSync(fileURLToPath(new URL("./sarif-schema-2.1.0.json", import.meta.url)), "utf8")) as object;

function validateSarif(log: unknown) {
  // The official schema is draft-04 (with `id`), hence ajv-draft-04.
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(SARIF_SCHEMA);
  const ok = validate(log);
  return { ok, errors: JSON.stringify(validate.errors, null, 2) };
}

const sarif = (r = fixture(), ctx: Parameters<typeof format>[1] = CTX) => JSON.parse(format(r, ctx)) as Log;
const results = (log: Log): Result[] => log.runs[0]!.results ?? [];

describe("sarif format", () => {
  it("is valid against the official SARIF 2.1.0 JSON Schema", () => {
    const { ok, errors } = validateSarif(sarif());
    expect(ok, errors).toBe(true);
    const withTime = validateSarif(sarif(fixture(), { ...CTX_EN, timestamp: "2026-01-15T10:00:00.000Z" }));
    expect(withTime.ok, withTime.errors).toBe(true);
  });

  it("has one run with the sop-audit driver and one rule per distinct rule id, sorted", () => {
    const log = sarif();
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0]!.tool.driver;
    expect(driver).toMatchObject({ name: "sop-audit", version: "0.1.0", informationUri: "https://github.com/sop-audit/sop-audit" });
    expect(driver.rules!.map((r) => r.id)).toEqual(["BO-01.09", "BO-12.01", "BO-ZE", "MKS-TO.09", "schema/unknown-key"]);
    const bo0109 = driver.rules![0]!;
    expect(bo0109).toEqual({
      id: "BO-01.09",
      shortDescription: { text: "Het SOP noemt een pestprotocol." },
      fullDescription: { text: "BO-01 De leerlingen ontwikkelen zich in een veilige omgeving: Er is een pestprotocol aanwezig." },
      helpUri: "https://github.com/sop-audit/sop-audit/blob/main/docs/regelreferentie.md#bo-0109",
      help: {
        text: [
          "Het SOP noemt een pestprotocol.",
          `Oplossing: Voeg onder ondersteuningsstructuur.protocollen een protocol met soort "pestprotocol" toe.`,
          "Herkomst: basisondersteuning",
          "Uitleg: https://github.com/sop-audit/sop-audit/blob/main/docs/regelreferentie.md#bo-0109",
        ].join("\n"),
      },
      defaultConfiguration: { level: "error" },
      properties: { tags: ["BO-01"] },
    });
    // a rule without an item of the same id: a generic description, never one taken from a finding
    expect(driver.rules![2]!.shortDescription).toEqual({ text: "Regel BO-ZE." });
    expect(driver.rules![4]!.shortDescription).toEqual({ text: "Het document voldoet aan het schema van zijn soort." });
    expect(driver.rules![4]!.helpUri).toBe("https://github.com/sop-audit/sop-audit/blob/main/docs/regelreferentie.md#schemaunknown-key");
    expect(driver.rules!.map((r) => r.defaultConfiguration?.level)).toEqual(["error", "warning", "warning", "note", "warning"]);
  });

  it("has one result per unwaived finding, with rule index, level, message, location, fingerprint and properties", () => {
    const log = sarif();
    const rs = results(log);
    expect(rs).toHaveLength(everyFinding(fixture()).length);
    const rules = log.runs[0]!.tool.driver.rules!;
    for (const r of rs) expect(rules[r.ruleIndex!]!.id).toBe(r.ruleId);
    const r = rs.find((x) => x.ruleId === "BO-01.09")!;
    expect(r).toEqual({
      ruleId: "BO-01.09",
      ruleIndex: 0,
      level: "error",
      message: { text: `ondersteuningsstructuur.protocollen mist "pestprotocol"\nVoeg onder ondersteuningsstructuur.protocollen een protocol met soort "pestprotocol" toe.` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "scholen/12AB00/sop-2025-2026.yaml", uriBaseId: "%SRCROOT%" },
            region: { startLine: 12, startColumn: 3, endLine: 12, endColumn: 40 },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: expect.stringMatching(/^[0-9a-f]{64}$/) },
      properties: { school: "12AB00", indicator: "BO-01.09", standard: "BO-01", group: expect.stringMatching(/^g-[a-p]{10}$/) },
    });
    expect(rs.map((x) => x.level)).toEqual(["note", "error", "warning", "note", "warning", "warning"]);
    // the repository-wide finding has no school, only its group
    expect(rs.at(-1)!.properties).toEqual({ group: expect.stringMatching(/^g-[a-p]{10}$/) });
    expect(rs.some((x) => x.ruleId === "WET-01")).toBe(false);
  });

  it("keeps fingerprints when lines move, and changes them when the message changes", () => {
    const fpOf = (log: Log, rule: string) => results(log).find((x) => x.ruleId === rule)!.partialFingerprints![FINGERPRINT_KEY];
    const before = sarif();
    const moved = fixture();
    for (const s of moved.schools) for (const f of s.findings) f.range = { line: f.range.line + 17, column: f.range.column + 2, endLine: f.range.endLine + 17, endColumn: f.range.endColumn + 2 };
    const after = sarif(moved);
    for (const rule of ["BO-01.09", "BO-12.01", "BO-ZE", "MKS-TO.09"]) expect(fpOf(after, rule)).toBe(fpOf(before, rule));
    expect(results(after).find((x) => x.ruleId === "BO-01.09")!.locations![0]!.physicalLocation!.region!.startLine).toBe(29);

    const reworded = fixture();
    reworded.schools.find((s) => s.id === "12AB00")!.findings.find((f) => f.ruleId === "BO-01.09")!.message = "iets anders";
    expect(fpOf(sarif(reworded), "BO-01.09")).not.toBe(fpOf(before, "BO-01.09"));
  });

  it("gives every result a distinct fingerprint", () => {
    const r = fixture();
    const f = r.findings[0]!;
    r.findings.push({ ...f, range: { ...f.range, line: 30, endLine: 30 } });
    const fps = results(sarif(r)).map((x) => x.partialFingerprints![FINGERPRINT_KEY]);
    expect(new Set(fps).size).toBe(fps.length);
  });

  it("writes file paths as relative URI references", () => {
    expect(fileUri("scholen/12AB00/sop 2025#1.yaml")).toBe("scholen/12AB00/sop%202025%231.yaml");
    expect(fileUri("scholen/12AB00/één.md")).toBe("scholen/12AB00/%C3%A9%C3%A9n.md");
  });

  it("prints a time only when given one", () => {
    expect(format(fixture(), CTX)).not.toMatch(/Utc|timestamp/);
    expect(sarif(fixture(), { ...CTX, timestamp: "2026-01-15T10:00:00.000Z" }).runs[0]!.invocations).toEqual([
      { executionSuccessful: true, endTimeUtc: "2026-01-15T10:00:00.000Z" },
    ]);
  });

  it("is deterministic", () => {
    const r = fixture();
    r.schools.reverse();
    expect(format(r, CTX)).toBe(format(fixture(), CTX));
  });

  it("passes the SARIF multitool validator (SARIF, GitHub and GHAS rules) when it is available", { timeout: 180_000 }, (ctx) => {
    const dir = mkdtempSync(join(tmpdir(), "sop-audit-sarif-"));
    try {
      const input = join(dir, "sop-audit.sarif");
      const output = join(dir, "validation.sarif");
      writeFileSync(input, format(fixture(), CTX));
      // Offline unless asked: the multitool is a .NET binary from the npm registry (tens of MB).
      const online = process.env.SOP_AUDIT_SARIF_MULTITOOL === "download";
      const run = spawnSync(
        "npx",
        [...(online ? [] : ["--offline"]), "--yes", "@microsoft/sarif-multitool@5.7.0", "validate", input, "-o", output, "--log", "ForceOverwrite",
          // its launcher runs the binary through a shell: quote the ';'
          "--rule-kind", `"Sarif;Gh;Ghas"`],
        { encoding: "utf8", timeout: 150_000 },
      );
      if (!existsSync(output)) {
        const reason = `sarif-multitool not available (${run.error?.message ?? `exit ${run.status}`}): ${(run.stderr || run.stdout || "").trim().split("\n").slice(-2).join(" ")}. ` +
          "Run with SOP_AUDIT_SARIF_MULTITOOL=download to fetch it.";
        console.warn(`[skipped] ${reason}`);
        ctx.skip(reason);
        return;
      }
      const report = JSON.parse(readFileSync(output, "utf8")) as Log;
      const problems = results(report)
        .filter((x) => x.level === "error" || x.level === "warning")
        .map((x) => `${x.ruleId}: ${JSON.stringify(x.message)}`);
      expect(problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
