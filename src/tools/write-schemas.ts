/**
 * `npm run schemas`: regenerates schemas/*.json and the fast validators
 * (src/documents/generated/) and the field titles reports name fields with
 * (src/i18n/generated/) from the zod definitions, and the schema line
 * on top of every example YAML file. Run `npm run build` again afterwards so
 * dist/ uses the new validators.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fastValidatorsSource } from "../documents/fast-schema.js";
import { fieldTitlesSource } from "../documents/field-titles-source.js";
import { publishedSchemas, serialiseSchema } from "./json-schema.js";
import { writeModelines } from "./modelines.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
for (const [file, schema] of Object.entries(publishedSchemas())) {
  writeFileSync(`${root}schemas/${file}`, serialiseSchema(schema));
  process.stdout.write(`schemas/${file}\n`);
}
const generated = "src/documents/generated/fast-validators.ts";
mkdirSync(`${root}src/documents/generated`, { recursive: true });
writeFileSync(`${root}${generated}`, fastValidatorsSource());
process.stdout.write(`${generated}\n`);
const fieldTitles = "src/i18n/generated/field-titles.ts";
mkdirSync(`${root}src/i18n/generated`, { recursive: true });
writeFileSync(`${root}${fieldTitles}`, fieldTitlesSource());
process.stdout.write(`${fieldTitles}\n`);
const modelines = writeModelines(`${root}examples`, `${root}schemas`);
for (const file of modelines.changed) process.stdout.write(`${file.slice(root.length)}\n`);
for (const file of modelines.withoutSchema) process.stderr.write(`${file.slice(root.length)}: no schema for its kind, so no schema line\n`);
