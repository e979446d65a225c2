/** `npm run schemas`: regenerates schemas/*.json from the zod definitions. */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { publishedSchemas, serialiseSchema } from "../documents/json-schema.js";

const dir = fileURLToPath(new URL("../../schemas/", import.meta.url));
for (const [file, schema] of Object.entries(publishedSchemas())) {
  writeFileSync(`${dir}${file}`, serialiseSchema(schema));
  process.stdout.write(`schemas/${file}\n`);
}
