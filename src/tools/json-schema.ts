/**
 * The JSON Schemas shipped in `schemas/`: those of `sop-audit schema` with
 * the shipped vocabulary (standards/catalogs/lijsten.yaml) as the lists.
 * `npm run schemas` writes them, a test guards they are current.
 */
import { readFileSync } from "node:fs";
import yaml from "js-yaml";
import type { Lists } from "../documents/editor-schema.js";
import { RulesetFile } from "../rules/ruleset-schema.js";
import { publishedSchemas as withLists, serialiseSchema } from "../cli/published-schemas.js";

export { serialiseSchema };

const VOCABULARY = new URL("../../standards/catalogs/lijsten.yaml", import.meta.url);

export function shippedLists(): Lists {
  const doc = RulesetFile.parse(yaml.load(readFileSync(VOCABULARY, "utf8")));
  return ("lijsten" in doc ? doc.lijsten : undefined) ?? {};
}

export function publishedSchemas(): Record<string, object> {
  return withLists(shippedLists());
}
