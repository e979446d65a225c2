/** `npm run docs`: regenerates docs/regelreferentie.md and docs/lijsten.md from standards/ and the built-in checks. */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { LIJSTEN_FILE, lijstenDoc } from "./lijsten-doc.js";
import { RULE_REFERENCE_FILE, ruleReference } from "./rule-reference.js";

for (const [file, text] of [
  [RULE_REFERENCE_FILE, ruleReference()],
  [LIJSTEN_FILE, lijstenDoc()],
] as const) {
  writeFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)), text);
  process.stdout.write(`${file}\n`);
}
