/**
 * The first line of every example YAML file names its JSON Schema for
 * yaml-language-server (VS Code's YAML extension and others), by a path
 * relative to the file, so completion and hover work offline in a checkout.
 * `npm run schemas` writes the lines; a test checks every file has its own.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { MODELINE_PREFIX, schemaFileOf } from "../documents/modeline.js";

export { MODELINE_PREFIX };

/** Every .yaml/.yml file under `dir`, in a stable order. */
export function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The modeline a file of this text should start with, or undefined when its `kind` has no schema. */
export function modelineFor(file: string, text: string, schemasDir: string): string | undefined {
  const kind = /^kind:\s*["']?([A-Za-z]+)/m.exec(text)?.[1];
  const schema = kind === undefined ? undefined : schemaFileOf(kind);
  if (schema === undefined) return undefined;
  const path = relative(dirname(file), join(schemasDir, schema)).split("\\").join("/");
  return `${MODELINE_PREFIX}${path}`;
}

/** The text with `line` as its first line: an existing modeline there is replaced, else the line is put on top. */
export function withModeline(text: string, line: string): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  if (text.startsWith("# yaml-language-server:")) {
    const end = text.indexOf("\n");
    return `${line}${end === -1 ? "" : text.slice(end).replace(/^\r?\n/, eol)}`;
  }
  return `${line}${eol}${text}`;
}

/** Writes the modelines of the files under `dir`; returns the files changed and those whose kind has no schema. */
export function writeModelines(dir: string, schemasDir: string): { changed: string[]; withoutSchema: string[] } {
  const changed: string[] = [];
  const withoutSchema: string[] = [];
  for (const file of yamlFilesUnder(dir)) {
    const text = readFileSync(file, "utf8");
    const line = modelineFor(file, text, schemasDir);
    if (line === undefined) {
      withoutSchema.push(file);
      continue;
    }
    const next = withModeline(text, line);
    if (next !== text) {
      writeFileSync(file, next);
      changed.push(file);
    }
  }
  return { changed, withoutSchema };
}
