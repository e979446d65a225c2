/**
 * The JSON Schema files sop-audit publishes (`schemas/`, `sop-audit schema`):
 * one per document kind with the editor's hints and the given lists as
 * choices, the ruleset file, and the contract of `check --format json`.
 */
import * as z from "zod";
import type { Lang } from "../core/types.js";
import { editorJsonSchema, type Lists } from "../documents/editor-schema.js";
import { DOCUMENT_SCHEMAS, SCHEMA_FILES, type DocumentKind } from "../documents/schemas.js";
import { jsonOutputSchema } from "../format/json-contract.js";
import { RulesetFile } from "../rules/ruleset-schema.js";

export function publishedSchemas(lists: Lists, lang: Lang = "nl"): Record<string, object> {
  const out: Record<string, object> = {};
  for (const kind of Object.keys(DOCUMENT_SCHEMAS) as DocumentKind[]) {
    out[SCHEMA_FILES[kind]] = withId(editorJsonSchema(DOCUMENT_SCHEMAS[kind], lists, lang), SCHEMA_FILES[kind]);
  }
  out["ruleset.schema.json"] = withId(
    { title: "Regelset (catalogus of profiel)", ...editorJsonSchema(RulesetFile, {}, lang) },
    "ruleset.schema.json",
  );
  // The public contract of `check --format json`.
  out["check-result.schema.json"] = jsonOutputSchema();
  return out;
}

// The file's own name: an editor resolves it against where it read the file, so it works offline and in any folder.
function withId(schema: object, file: string): object {
  const { $schema, ...rest } = schema as { $schema?: string };
  return { $schema: $schema ?? "https://json-schema.org/draft/2020-12/schema", $id: file, ...rest };
}

export function serialiseSchema(schema: object): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
