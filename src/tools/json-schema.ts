/**
 * JSON Schema 2020-12 files derived from the zod schemas: the zod definition
 * is the single source; `npm run schemas` writes `schemas/`, a test guards it.
 */
import * as z from "zod";
import { jsonOutputSchema } from "../format/json-contract.js";
import { RulesetFile } from "../rules/ruleset-schema.js";
import { DOCUMENT_SCHEMAS, SCHEMA_FILES, type DocumentKind } from "../documents/schemas.js";

// A URN: the schemas are shipped with the tool and never fetched.
const BASE_ID = "urn:sop-audit:schemas:v1:";

export function publishedSchemas(): Record<string, object> {
  const out: Record<string, object> = {};
  for (const kind of Object.keys(DOCUMENT_SCHEMAS) as DocumentKind[]) {
    out[SCHEMA_FILES[kind]] = withId(z.toJSONSchema(DOCUMENT_SCHEMAS[kind], { target: "draft-2020-12", io: "input" }), SCHEMA_FILES[kind]);
  }
  out["ruleset.schema.json"] = withId(
    { title: "Regelset (catalogus of profiel)", ...z.toJSONSchema(RulesetFile, { target: "draft-2020-12", io: "input" }) },
    "ruleset.schema.json",
  );
  // The public contract of `check --format json`.
  out["check-result.schema.json"] = jsonOutputSchema();
  return out;
}

function withId(schema: object, file: string): object {
  const { $schema, ...rest } = schema as { $schema?: string };
  return { $schema: $schema ?? "https://json-schema.org/draft/2020-12/schema", $id: `${BASE_ID}${file}`, ...rest };
}

export function serialiseSchema(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
