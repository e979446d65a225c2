/**
 * The scaffolds' texts are data: Handlebars templates under
 * `templates/scaffold/` (`init/` for a new repository, `school/` for a new
 * school), so that a document kind is one template file and a line in
 * school.ts. Only `.hbs` files are rendered; the others are copied as they
 * are (the CI pipelines, which use `${{ … }}` themselves).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";

export const SCAFFOLD_TEMPLATES = fileURLToPath(new URL("../../templates/scaffold/", import.meta.url));

const hb = Handlebars.create();
let partialsRegistered = false;

function registerPartials(): void {
  if (partialsRegistered) return;
  // Shared by the YAML SOP and the Markdown SOP's front matter.
  hb.registerPartial("sop-gegevens", readFileSync(`${SCAFFOLD_TEMPLATES}school/sop-gegevens.hbs`, "utf8"));
  partialsRegistered = true;
}

/** `name`: a path under templates/scaffold/, e.g. `school/sop.yaml.hbs`. */
export function renderTemplate(name: string, data: object): string {
  const text = readFileSync(`${SCAFFOLD_TEMPLATES}${name}`, "utf8");
  if (!name.endsWith(".hbs")) return text;
  registerPartials();
  return hb.compile(text, { noEscape: true, strict: true })(data);
}

/**
 * A text as one YAML scalar: as it is when YAML reads it back as the same
 * string, else in double quotes (JSON's quoting is valid YAML).
 */
export function yamlScalar(text: string): string {
  const plain = /^[\p{L}\p{N}][\p{L}\p{N} .,'()&/-]*$/u.test(text) && !/[ ]$/.test(text) && !/^(true|false|yes|no|on|off|null|~|[\d.,-]+)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}

/** A text on one comment line: no line breaks in it. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
