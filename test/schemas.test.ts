/**
 * The JSON Schemas in schemas/ are derived from the zod definitions: this
 * test fails when a committed file is out of date, and checks that ajv on
 * the derived schema and zod agree on every example document.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { publishedSchemas, serialiseSchema } from "../src/tools/json-schema.js";
import { parseSource } from "../src/documents/parse.js";
import { DOCUMENT_SCHEMAS, SCHEMA_FILES, type DocumentKind } from "../src/documents/schemas.js";

const ROOT = new URL("../", import.meta.url).pathname;

describe("published JSON Schemas", () => {
  const schemas = publishedSchemas();

  it("schemas/ holds exactly the generated files", () => {
    const committed = readdirSync(join(ROOT, "schemas")).filter((f) => f.endsWith(".json")).sort();
    expect(committed).toEqual(Object.keys(schemas).sort());
  });

  for (const [file, schema] of Object.entries(schemas)) {
    it(`${file} is current (regenerate with npm run schemas)`, () => {
      expect(readFileSync(join(ROOT, "schemas", file), "utf8")).toBe(serialiseSchema(schema));
    });
  }

  it("carries Dutch titles and descriptions", () => {
    const sop = JSON.parse(readFileSync(join(ROOT, "schemas/sop.schema.json"), "utf8"));
    expect(sop.title).toBe("Schoolondersteuningsprofiel (SOP)");
    expect(sop.properties.vaststelling.properties.datum.title).toBe("Datum van vaststelling");
    expect(sop.properties.school.properties.vestiging.description).toContain("aanhalingstekens");
    expect(sop.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("ajv on the published schema and zod agree on every example document", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validators = Object.fromEntries(
      (Object.keys(SCHEMA_FILES) as DocumentKind[]).map((k) => [k, ajv.compile(JSON.parse(readFileSync(join(ROOT, "schemas", SCHEMA_FILES[k]), "utf8")))]),
    );
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ya?ml|md)$/.test(n) && n !== "README.md") files.push(p);
      }
    };
    walk(join(ROOT, "examples"));
    let compared = 0;
    let invalid = 0;
    for (const f of files) {
      const source = parseSource(f, readFileSync(f));
      const data = source.data as { kind?: string } | undefined;
      if (!data || typeof data.kind !== "string" || !(data.kind in DOCUMENT_SCHEMAS)) continue;
      const kind = data.kind as DocumentKind;
      const zodOk = DOCUMENT_SCHEMAS[kind].safeParse(data).success;
      expect(validators[kind]!(data), `${f}: ${JSON.stringify(validators[kind]!.errors?.slice(0, 2))}`).toBe(zodOk);
      compared++;
      if (!zodOk) invalid++;
    }
    expect(compared).toBeGreaterThan(70);
    // The examples' deliberate schema errors are caught by both.
    expect(invalid).toBeGreaterThanOrEqual(3);
  });
});
