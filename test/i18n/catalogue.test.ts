/**
 * Every message id in both languages: the catalogue's (en.ts is typed to
 * match nl.ts; this holds it at run time too), every rule kind's own
 * messages, and every id a report template names.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en.js";
import { nl } from "../../src/i18n/nl.js";
import { isMessageKey } from "../../src/i18n/messages.js";
import { RULE_KINDS } from "../../src/rules/registry.js";
import { ROOT } from "../cli/run.js";

/** Values for every placeholder a message may use: a text must come out without "undefined" in it. */
const ANY_VALUES = new Proxy({}, { get: (_target, name) => (typeof name === "string" ? `<${name}>` : undefined), has: () => true });

describe("the message catalogue", () => {
  it("has the same ids in Dutch and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it("gives a text for every id in both languages, every placeholder filled", () => {
    for (const [id, dutch] of Object.entries(nl)) {
      const english = en[id as keyof typeof en];
      const textNl = dutch(ANY_VALUES);
      const textEn = english(ANY_VALUES);
      expect(textNl, id).not.toBe("");
      expect(textEn, id).not.toBe("");
      expect(textNl, id).not.toContain("undefined");
      expect(textEn, id).not.toContain("undefined");
    }
  });

  it("knows every id the report templates name with {{t}}", () => {
    const templates = join(ROOT, "templates");
    const named = new Set<string>();
    for (const e of readdirSync(templates, { recursive: true, withFileTypes: true })) {
      if (!e.isFile() || !e.name.endsWith(".hbs")) continue;
      for (const m of readFileSync(join(e.parentPath, e.name), "utf8").matchAll(/\(?\bt "([^"]+)"/g)) named.add(m[1]!);
    }
    expect(named.size).toBeGreaterThan(50);
    expect([...named].filter((id) => !isMessageKey(id))).toEqual([]);
  });
});

describe("the rule kinds' messages", () => {
  for (const kind of RULE_KINDS) {
    it(`${kind.name}: every message id in both languages, with a text`, () => {
      const ids = Object.keys(kind.messages.nl).sort();
      expect(ids.length).toBeGreaterThan(0);
      expect(Object.keys(kind.messages.en).sort()).toEqual(ids);
      for (const id of ids) {
        for (const lang of ["nl", "en"] as const) {
          const text = kind.messages[lang][id]!(ANY_VALUES);
          expect(text.trim(), `${kind.name} ${lang} ${id}`).not.toBe("");
          expect(text, `${kind.name} ${lang} ${id}`).not.toContain("undefined");
        }
      }
    });
  }
});
