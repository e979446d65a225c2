/** `npm run docs`: regenerates docs/regelreferentie.md from standards/ and the built-in checks. */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { RULE_REFERENCE_FILE, ruleReference } from "./rule-reference.js";

writeFileSync(fileURLToPath(new URL(`../../${RULE_REFERENCE_FILE}`, import.meta.url)), ruleReference());
process.stdout.write(`${RULE_REFERENCE_FILE}\n`);
