/**
 * docs/lijsten.md is generated (npm run docs) from the shipped word lists, so
 * a list changed in standards/ without regenerating the doc fails here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadRuleset } from "../../src/ruleset/load.js";
import { LIJSTEN_FILE, lijstenDoc } from "../../src/tools/lijsten-doc.js";
import { shippedProfiles } from "../../src/tools/rule-reference.js";
import { PROJECT } from "../engine/helpers.js";

describe(LIJSTEN_FILE, () => {
  it("is what `npm run docs` generates from the current standards", () => {
    expect(readFileSync(join(PROJECT, LIJSTEN_FILE), "utf8"), "docs/lijsten.md is out of date: npm run build && npm run docs").toBe(lijstenDoc());
  });

  it("names every list, term and synonym of every shipped profile", () => {
    const doc = lijstenDoc();
    for (const profile of shippedProfiles()) {
      for (const [name, terms] of Object.entries(loadRuleset({ profile }).lijsten)) {
        expect(doc, name).toContain(`## ${name}\n`);
        for (const t of terms) {
          expect(doc, `${name}: ${t.id}`).toContain(`| \`${t.id}\` |`);
          // Synonyms are escaped for Markdown tables, so compare without the backslashes.
          for (const s of t.synoniemen ?? []) expect(doc.replace(/\\(.)/g, "$1"), `${name}: ${s}`).toContain(s);
        }
      }
    }
  });
});
