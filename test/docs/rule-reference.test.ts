/**
 * docs/regelreferentie.md is generated (npm run docs) and every rule id a
 * finding can carry has a heading there whose anchor is the SARIF helpUri's.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FORMAT_CHECKS } from "../../src/documents/validate.js";
import { toSarif } from "../../src/format/sarif.js";
import { ruleAnchor, RULES_DOC_URI } from "../../src/format/shared.js";
import { BUILTIN_CHECKS } from "../../src/rules/builtin-checks.js";
import { loadRuleset } from "../../src/ruleset/load.js";
import { RULE_REFERENCE_FILE, ruleReference, shippedProfiles } from "../../src/tools/rule-reference.js";
import { auditRepo, EXAMPLES, PROJECT } from "../engine/helpers.js";

const committed = readFileSync(join(PROJECT, RULE_REFERENCE_FILE), "utf8");
const headings = [...committed.matchAll(/^### (.+)$/gm)].map((m) => m[1]!);

/** GitHub's anchor for a heading, written out here independently of ruleAnchor. */
const githubSlug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}_\- ]/gu, "")
    .replace(/ /g, "-");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name));
}

describe(RULE_REFERENCE_FILE, () => {
  it("is what `npm run docs` generates from the current standards", () => {
    expect(committed, "docs/regelreferentie.md is out of date: npm run build && npm run docs").toBe(ruleReference());
  });

  it("has one heading per rule id, whose GitHub anchor is the one ruleAnchor links to", () => {
    expect(new Set(headings).size).toBe(headings.length);
    for (const h of headings) expect(githubSlug(h), h).toBe(ruleAnchor(h));
    expect(new Set(headings.map(githubSlug)).size).toBe(headings.length);
  });

  it("lists every rule of every shipped profile and every built-in check", () => {
    const wanted = new Set(BUILTIN_CHECKS.map((c) => c.id));
    for (const profile of shippedProfiles()) for (const r of loadRuleset({ profile }).rules) wanted.add(r.id);
    expect(wanted.size).toBeGreaterThan(60);
    expect([...wanted].filter((id) => !headings.includes(id))).toEqual([]);
  });

  it("knows every built-in rule id the source code writes", () => {
    const known = new Set(BUILTIN_CHECKS.map((c) => c.id));
    const found = new Set<string>();
    for (const file of sourceFiles(join(PROJECT, "src"))) {
      const source = readFileSync(file, "utf8");
      for (const m of source.matchAll(/ruleId: "([a-z]+\/[a-z-]+)"/g)) found.add(m[1]!);
      // Schema checks are made as `${prefix}/${id}` for documents (schema) and ruleset files (ruleset).
      if (file.endsWith(join("documents", "validate.ts"))) {
        for (const m of source.matchAll(/make\(\s*[`"]([a-z-]+)[`"]/g)) {
          found.add(`schema/${m[1]}`);
          found.add(`ruleset/${m[1]}`);
        }
        for (const id of ["unknown-key", ...FORMAT_CHECKS]) {
          found.add(`schema/${id}`);
          found.add(`ruleset/${id}`);
        }
      }
    }
    expect(found.size).toBeGreaterThan(20);
    expect([...found].filter((id) => !known.has(id)).sort()).toEqual([]);
  });

  it("every helpUri in SARIF output of both examples points at one of its headings", async () => {
    const anchors = new Set(headings.map(githubSlug));
    for (const example of ["swv-vo-2203", "swv-meierij-po"]) {
      const log = toSarif(await auditRepo(join(EXAMPLES, example)), { lang: "nl", version: "test" });
      const uris = log.runs[0]!.tool.driver.rules!.map((r) => r.helpUri!);
      expect(uris.length).toBeGreaterThan(10);
      for (const uri of uris) {
        expect(uri.startsWith(`${RULES_DOC_URI}#`), uri).toBe(true);
        expect(anchors.has(uri.slice(RULES_DOC_URI.length + 1)), uri).toBe(true);
      }
    }
  });
});
