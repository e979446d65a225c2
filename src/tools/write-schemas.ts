/**
 * `npm run schemas`: regenerates schemas/*.json and the fast validators
 * (src/documents/generated/) from the zod definitions. Run `npm run build`
 * again afterwards so dist/ uses the new validators.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fastValidatorsSource } from "../documents/fast-schema.js";
import { publishedSchemas, serialiseSchema } from "./json-schema.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
for (const [file, schema] of Object.entries(publishedSchemas())) {
  writeFileSync(`${root}schemas/${file}`, serialiseSchema(schema));
  process.stdout.write(`schemas/${file}\n`);
}
const generated = "src/documents/generated/fast-validators.ts";
mkdirSync(`${root}src/documents/generated`, { recursive: true });
writeFileSync(`${root}${generated}`, fastValidatorsSource());
process.stdout.write(`${generated}\n`);
