/**
 * The ruleset is data: changing sop-audit.yaml (or adding an own profile)
 * changes the results without any code change. Each test copies
 * examples/swv-vo-2203 to a temporary folder and edits only YAML.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditResult, Finding } from "../../src/core/types.js";
import { prepareAudit } from "../../src/audit/audit.js";
import { RulesetError } from "../../src/core/errors.js";
import { auditRepo, EXAMPLES } from "./helpers.js";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the VO example with `rules` (YAML lines) added under ruleset. */
function copyWith(rulesYaml: string, extra?: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), "sop-audit-layering-"));
  made.push(dir);
  cpSync(join(EXAMPLES, "swv-vo-2203"), dir, { recursive: true });
  const file = join(dir, "sop-audit.yaml");
  const text = readFileSync(file, "utf8");
  if (!text.includes("  profile: swv-vo-2203\n")) throw new Error("sop-audit.yaml van het voorbeeld is veranderd");
  writeFileSync(file, text.replace("  profile: swv-vo-2203\n", `  profile: swv-vo-2203\n${rulesYaml}`));
  extra?.(dir);
  return dir;
}

const all = (r: AuditResult): Finding[] => r.schools.flatMap((s) => s.findings);
const key = (f: Finding) => `${f.file}:${f.range.line}:${f.range.column} ${f.message}`;
const status = (r: AuditResult, school: string, item: string) => r.schools.find((s) => s.id === school)!.statuses.find((x) => x.item === item)!;

let base: AuditResult;
beforeAll(async () => {
  base = await auditRepo(join(EXAMPLES, "swv-vo-2203"));
});

describe("ruleset.rules in sop-audit.yaml", () => {
  let changed: AuditResult;
  let dir: string;
  beforeAll(async () => {
    dir = copyWith(["  rules:", "    BO-03.08: { severity: warning }", "    BO-03.05-uren: { params: { schema: { minimum: 20 } } }", ""].join("\n"));
    changed = await auditRepo(dir);
  });

  it("severity: dezelfde meldingen van BO-03.08, nu als waarschuwing", () => {
    const before = all(base).filter((f) => f.ruleId === "BO-03.08");
    const after = all(changed).filter((f) => f.ruleId === "BO-03.08");
    expect(before.length).toBeGreaterThan(0);
    expect(before.map((f) => f.severity)).toEqual(before.map(() => "error"));
    expect(after.map(key)).toEqual(before.map(key));
    expect(after.map((f) => f.severity)).toEqual(after.map(() => "warning"));
    // Other rules are untouched.
    const others = (r: AuditResult) => all(r).filter((f) => f.ruleId !== "BO-03.08" && f.ruleId !== "BO-03.05-uren").map((f) => `${key(f)} ${f.severity}`);
    expect(others(changed)).toEqual(others(base));
  });

  it("params: minimum 20 uur geeft meldingen bij elke coördinator met minder uren", () => {
    expect(all(base).filter((f) => f.ruleId === "BO-03.05-uren")).toEqual([]);
    const after = all(changed)
      .filter((f) => f.ruleId === "BO-03.05-uren")
      .map((f) => ({ school: f.school, file: f.file, line: f.range.line, severity: f.severity, path: f.path, found: f.found?.split(" ")[0] }));
    expect(after).toEqual([
      { school: "02KP00", file: "scholen/02KP00/sop-2025-2026.yaml", line: 40, severity: "warning", path: "ondersteuningsstructuur.coordinatoren[1].urenPerWeek", found: "12" },
      { school: "14RV00", file: "scholen/14RV00/sop-2025-2026.yaml", line: 40, severity: "warning", path: "ondersteuningsstructuur.coordinatoren[1].urenPerWeek", found: "10" },
      { school: "14RV01", file: "scholen/14RV01/sop-2025-2026.yaml", line: 37, severity: "warning", path: "ondersteuningsstructuur.coordinatoren[0].urenPerWeek", found: "16" },
      { school: "16ML00", file: "scholen/16ML00/sop-2025-2026.md", line: 37, severity: "warning", path: "ondersteuningsstructuur.coordinatoren[1].urenPerWeek", found: "6" },
      { school: "18BR00", file: "scholen/18BR00/schoolgids-2025-2026.yaml", line: 42, severity: "warning", path: "ondersteuningsstructuur.coordinatoren[1].urenPerWeek", found: "12" },
      { school: "25EW00", file: "scholen/25EW00/sop-2025-2026.yaml", line: 37, severity: "warning", path: "ondersteuningsstructuur.coordinatoren[0].urenPerWeek", found: "16" },
      { school: "25EW00", file: "scholen/25EW00/sop-2025-2026.yaml", line: 40, severity: "warning", path: "ondersteuningsstructuur.coordinatoren[1].urenPerWeek", found: "12" },
    ]);
    expect(all(changed).find((f) => f.ruleId === "BO-03.05-uren")!.message).toBe(
      'ondersteuningsstructuur.coordinatoren[1].urenPerWeek voldoet niet aan {"minimum":20}, gevonden: 12',
    );
    expect(status(base, "14RV00", "BO-03.05").status).toBe("voldoet");
    expect(status(changed, "14RV00", "BO-03.05").status).toBe("voldoet-niet");
  });

  it("de herkomst van de regels noemt sop-audit.yaml, met regelnummer", () => {
    expect(changed.repo.rulesetHash).not.toBe(base.repo.rulesetHash);
    const { ruleset } = prepareAudit({ cwd: dir, repo: "." });
    const last = (id: string) => {
      const p = ruleset.rules.find((r) => r.id === id)!.provenance.at(-1)!;
      return { file: p.file, line: p.range.line, layer: p.layer, action: p.action, detail: p.detail };
    };
    expect(last("BO-03.08")).toEqual({ file: "sop-audit.yaml", line: 15, layer: "sop-audit.yaml", action: "override", detail: "severity: warning" });
    expect(last("BO-03.05-uren")).toEqual({ file: "sop-audit.yaml", line: 16, layer: "sop-audit.yaml", action: "override", detail: 'params.schema: {"minimum":20}' });
    expect(ruleset.layers.at(-1)).toMatchObject({ id: "sop-audit.yaml", kind: "Config" });
  });
});

describe("severity: off", () => {
  let off: AuditResult;
  beforeAll(async () => {
    off = await auditRepo(
      copyWith(
        ["  rules:", "    VO2203-06: { severity: off }", "    BO-ZE: { severity: off }", "    VO2203-01: { severity: off }", "    VO2203-01-visitatie: { severity: off }", ""].join("\n"),
      ),
    );
  });

  it("de regel geeft geen meldingen meer", () => {
    for (const id of ["VO2203-06", "BO-ZE", "VO2203-01", "VO2203-01-visitatie"]) {
      expect(all(base).some((f) => f.ruleId === id), id).toBe(true);
      expect(all(off).filter((f) => f.ruleId === id)).toEqual([]);
    }
  });

  it("items die alleen die regel toetste, worden niet aangetoond", () => {
    for (const s of off.schools) {
      // VO2203.06 (oudertevredenheid) is checked by VO2203-06 only.
      expect(status(off, s.id, "VO2203.06")).toMatchObject({ status: "niet-aangetoond", rules: [], reason: "geen regel toetst dit item" });
      // BO-01.03 (faalangstreductietraining) only through the zelfevaluatie and visitatie rules.
      expect(status(off, s.id, "BO-01.03")).toMatchObject({ status: "niet-aangetoond", rules: [] });
    }
    for (const s of base.schools) expect(status(base, s.id, "VO2203.06").rules).toEqual(["VO2203-06"]);
  });

  it("items met nog een andere regel houden hun status van die regel", () => {
    // BO-03.08 still has its own SOP rule.
    const s = status(off, "16ML00", "BO-03.08");
    expect(s.rules).toEqual(["BO-03.08"]);
    expect(s.status).toBe("voldoet-niet");
  });
});

describe("een eigen profiel in regels/", () => {
  it("bouwt voort op het profiel van het SWV en voegt een regel toe", async () => {
    const dir = copyWith("", (d) => {
      const config = join(d, "sop-audit.yaml");
      writeFileSync(config, readFileSync(config, "utf8").replace("  profile: swv-vo-2203\n", "  profile: dommel-eigen\n  paths: [regels]\n"));
      mkdirSync(join(d, "regels"));
      writeFileSync(
        join(d, "regels", "eigen.yaml"),
        [
          "apiVersion: sop-audit/v1",
          "kind: Profile",
          "id: dommel-eigen",
          "titel: Eigen afspraken Dommel en Kempen",
          "bron: test/engine/layering.test.ts",
          "extends: [swv-vo-2203]",
          "standaarden:",
          "  - { id: EIGEN, titel: Eigen afspraken }",
          "indicatoren:",
          "  - { id: EIGEN.01, standaard: EIGEN, tekst: Elke school noemt de kring waarin zij valt., evaluatie: [sop] }",
          "rules:",
          "  - id: EIGEN-01",
          "    titel: Het SOP noemt de kring",
          "    indicator: EIGEN.01",
          "    kind: field-present",
          "    document: sop",
          "    severity: info",
          "    params: { path: school.kring }",
          "overrides:",
          "  BO-03.08: { severity: warning }",
          "",
        ].join("\n"),
      );
    });
    const own = await auditRepo(dir);
    expect(own.repo.profile).toBe("dommel-eigen");
    expect(all(own).filter((f) => f.ruleId === "BO-03.08").map((f) => f.severity)).toEqual(
      all(base).filter((f) => f.ruleId === "BO-03.08").map(() => "warning"),
    );
    const kringless = base.schools.filter((s) => !s.kring).map((s) => s.id);
    expect(all(own).filter((f) => f.ruleId === "EIGEN-01").map((f) => f.school)).toEqual(kringless);
    expect(own.items.find((i) => i.id === "EIGEN.01")?.source).toBe("dommel-eigen");
  });
});

describe("a JSON Schema fragment in sop-audit.yaml", () => {
  it("is checked against the meta-schema, like one in an SWV's own catalog", async () => {
    const dir = copyWith(["  rules:", '    BO-03.05-uren: { params: { schema: { minimum: "twintig" } } }', ""].join("\n"));
    const error = await auditRepo(dir).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RulesetError);
    expect((error as RulesetError).problems.map((p) => `${p.file}:${p.range.line}:${p.range.column} ${p.message}`)).toEqual([
      "sop-audit.yaml:15:40 schema is geen geldig JSON Schema: schema/minimum must be number",
    ]);
  });
});
