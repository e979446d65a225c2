/**
 * The first line of a YAML document that tells an editor (the YAML
 * language server in VS Code and others) which JSON Schema to check it
 * against: the schema of the installed package, by a relative path, so it
 * resolves offline and wherever the repository is checked out.
 */
import { posix } from "node:path";
import { SCHEMA_FILES, type DocumentKind } from "./schemas.js";

export const MODELINE_PREFIX = "# yaml-language-server: $schema=";

/** The schema file of a document's kind; an SWV's own catalog or profile has the ruleset's schema. */
export function schemaFileOf(kind: string): string | undefined {
  if (kind === "Catalog" || kind === "Profile") return "ruleset.schema.json";
  return Object.hasOwn(SCHEMA_FILES, kind) ? SCHEMA_FILES[kind as DocumentKind] : undefined;
}

/** Where `npm install sop-audit` puts the schemas, relative to the repository root. */
export const INSTALLED_SCHEMAS = "node_modules/sop-audit/schemas";

/** The schema of `kind` in the installed package, relative to the repository root. */
export function installedSchema(kind: DocumentKind): string {
  return `${INSTALLED_SCHEMAS}/${SCHEMA_FILES[kind]}`;
}

/** `file`: the document's path relative to the repository root, with forward slashes. */
export function schemaModeline(kind: DocumentKind, file: string): string {
  return `${MODELINE_PREFIX}${posix.relative(posix.dirname(file), installedSchema(kind))}`;
}
