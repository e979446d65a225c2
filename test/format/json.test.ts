import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { format } from "../../src/format/json.js";
import { JsonOutput, jsonOutputSchema } from "../../src/format/json-contract.js";
import { CTX, fixture } from "./fixture.js";

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const SCHEMA_FILE = fileURLToPath(new URL("../../schemas/check-result.schema.json", import.meta.url));

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(jsonOutputSchema());
}

describe("json format", () => {
  it("is valid against its own JSON Schema (2020-12) and the zod contract", () => {
    const out = JSON.parse(format(fixture(), CTX)) as unknown;
    const validate = validator();
    expect(validate(out), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(JsonOutput.safeParse(out).success).toBe(true);
  });

  it("has the contract's top level, in a fixed key order, and leaves the report-only parts out", () => {
    const out = JSON.parse(format(fixture(), CTX)) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(["formatVersion", "tool", "repo", "summary", "schools", "findings"]);
    expect(out.formatVersion).toBe(1);
    expect(out.tool).toEqual({ name: "sop-audit", version: "0.1.0" });
    for (const heavy of ["standards", "items", "vocab", "dekkendAanbod"]) expect(out).not.toHaveProperty(heavy);
    const school = (out.schools as Record<string, unknown>[])[0]!;
    expect(Object.keys(school)).toEqual([
      "id", "dir", "naam", "bestuur", "sector", "onderwijstypen", "gemeente", "kring",
      "documents", "statuses", "findings", "waivedFindings", "waivers",
    ]);
    for (const heavy of ["sop", "zelfevaluaties", "visitaties"]) expect(school).not.toHaveProperty(heavy);
  });

  it("sorts schools by id, findings by file/line/column, documents by file", () => {
    const out = JSON.parse(format(fixture(), CTX)) as JsonOutput;
    expect(out.schools.map((s) => s.id)).toEqual(["12AB00", "34CD01"]);
    expect(out.schools[0]!.findings.map((f) => `${f.file}:${f.range.line}`)).toEqual([
      "scholen/12AB00/sop-2025-2026.yaml:3",
      "scholen/12AB00/sop-2025-2026.yaml:12",
      "scholen/12AB00/zelfevaluatie-2025-2026.yaml:30",
    ]);
    expect(out.schools[0]!.documents.map((d) => d.file)).toEqual([
      "scholen/12AB00/sop-2025-2026.yaml",
      "scholen/12AB00/uitzonderingen.yaml",
      "scholen/12AB00/zelfevaluatie-2025-2026.yaml",
    ]);
    // statuses keep the ruleset's order
    expect(out.schools[0]!.statuses.map((s) => s.item)).toEqual(["BO-01.09", "BO-02.13", "BO-03.05", "BO-03.10", "BO-12.01", "WET-01"]);
    expect(out.schools[0]!.waivedFindings).toHaveLength(1);
    expect(out.schools[0]!.waivers[0]).toMatchObject({ rule: "WET-01", state: "actief", waived: 1 });
  });

  it("prints a timestamp only when one is given", () => {
    expect(format(fixture(), CTX)).not.toContain("timestamp");
    const out = JSON.parse(format(fixture(), { ...CTX, timestamp: "2026-01-15T10:00:00.000Z" })) as Record<string, unknown>;
    expect(out.timestamp).toBe("2026-01-15T10:00:00.000Z");
    expect(validator()(out)).toBe(true);
  });

  it("drops fields outside the contract", () => {
    const r = fixture();
    (r.findings[0] as unknown as Record<string, unknown>).internal = "x";
    (r.schools[0] as unknown as Record<string, unknown>).cache = { big: true };
    const text = format(r, CTX);
    expect(text).not.toContain("internal");
    expect(text).not.toContain("cache");
  });

  it("is deterministic: two calls, same bytes, whatever the input order", () => {
    const a = format(fixture(), CTX);
    const r = fixture();
    r.schools.reverse();
    for (const s of r.schools) s.findings.reverse();
    expect(format(r, CTX)).toBe(a);
    expect(format(fixture(), CTX)).toBe(a);
    expect(a.endsWith("}\n")).toBe(true);
  });

  it("matches the committed schemas/check-result.schema.json", () => {
    const expected = `${JSON.stringify(jsonOutputSchema(), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMAS === "1") writeFileSync(SCHEMA_FILE, expected);
    const actual = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, "utf8") : "";
    expect(
      actual,
      "schemas/check-result.schema.json is out of date with src/format/json-contract.ts; regenerate it with: UPDATE_SCHEMAS=1 npx vitest run test/format",
    ).toBe(expected);
  });

  it("has Dutch titles in the schema", () => {
    const schema = jsonOutputSchema() as { $schema: string; title: string; $defs: Record<string, { title?: string }> };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$defs.Melding?.title).toBe("Melding");
    expect(schema.$defs.Bereik?.title).toBe("Bereik");
  });
});
