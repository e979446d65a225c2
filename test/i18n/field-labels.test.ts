/**
 * Fields in words: the titles come from the zod schemas through a generated
 * table (kept current here), every title has its English, and every path a
 * shipped rule reads is named in both languages.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { fieldTitlesSource } from "../../src/documents/field-titles-source.js";
import { documentName } from "../../src/documents/document-names.js";
import { DOCUMENT_KINDS } from "../../src/documents/schemas.js";
import { FIELD_TITLES_EN } from "../../src/i18n/field-titles-en.js";
import { allFieldTitles, fieldLabel } from "../../src/i18n/field-labels.js";
import { ROOT } from "../cli/run.js";

describe("field labels", () => {
  it("are generated from the current zod schemas (npm run schemas)", () => {
    expect(readFileSync(join(ROOT, "src/i18n/generated/field-titles.ts"), "utf8")).toBe(fieldTitlesSource());
  });

  it("have an English counterpart for every title of the schemas, and none left over", () => {
    const titles = allFieldTitles();
    expect(titles.length).toBeGreaterThan(100);
    expect(titles.filter((t) => FIELD_TITLES_EN[t] === undefined)).toEqual([]);
    expect(Object.keys(FIELD_TITLES_EN).filter((t) => !titles.includes(t))).toEqual([]);
  });

  it("name known fields in Dutch and English", () => {
    const sop = "Schoolondersteuningsprofiel";
    expect(fieldLabel("nl", sop, "vaststelling.datum")).toBe("Vaststelling: datum van vaststelling");
    expect(fieldLabel("en", sop, "vaststelling.datum")).toBe("Adoption: date of adoption");
    expect(fieldLabel("nl", sop, "middelen.verantwoord")).toBe("Middelen basisondersteuning: verantwoording ingediend op");
    expect(fieldLabel("en", sop, "middelen.verantwoord")).toBe("Funds for basic support: accounts submitted on");
    // An element by its number from 1, the element's own title left out.
    expect(fieldLabel("nl", sop, "aanbod[2].behoefte")).toBe("Aanbod per ondersteuningsbehoefte 3: ondersteuningsbehoefte");
    expect(fieldLabel("en", sop, "aanbod[2].behoefte")).toBe("Offer per support need 3: support need");
    // A rule's own path, with no element to number.
    expect(fieldLabel("nl", sop, "aanbod[].niveau")).toBe("Aanbod per ondersteuningsbehoefte: niveau");
    expect(fieldLabel("nl", sop, "ondersteuningsstructuur.ondersteuningsteam.rollen[4]")).toBe("Ondersteuningsstructuur: ondersteuningsteam, rollen in het team 5");
    // An abbreviation keeps its capitals inside a label.
    expect(fieldLabel("nl", sop, "publicatie.website")).toBe("Publicatie: SOP op de website van de school");
    // A record key (an indicator id with a dot in it) as written.
    expect(fieldLabel("nl", "Zelfevaluatie", "scores.BO-01.26.score")).toBe("Scores per indicator BO-01.26: score");
    expect(fieldLabel("nl", "Zelfevaluatie", "scores.BO-01.26")).toBe("Scores per indicator BO-01.26");
    expect(fieldLabel("en", "Visitatie", "bevindingen[9].oordeel")).toBe("Findings 10: judgement");
    // The same path means another field in another kind.
    expect(fieldLabel("nl", "Zelfevaluatie", "datum")).toBe("Datum van invullen");
    expect(fieldLabel("nl", "Visitatie", "datum")).toBe("Datum van het bezoek");
  });

  it("give nothing for a field the schema does not have, and without a kind only what every kind agrees on", () => {
    expect(fieldLabel("nl", "Schoolondersteuningsprofiel", "vastelling")).toBeUndefined();
    expect(fieldLabel("nl", "Schoolondersteuningsprofiel", "vaststelling.dtum")).toBeUndefined();
    expect(fieldLabel("nl", undefined, "datum")).toBeUndefined();
    expect(fieldLabel("nl", undefined, "middelen.budgethouder")).toBe("Middelen basisondersteuning: budgethouder");
  });

  it("name every path a shipped rule reads, in both languages", () => {
    const reads: { document: string; path: string }[] = [];
    const walk = (v: unknown, document?: string): void => {
      if (Array.isArray(v)) return v.forEach((x) => walk(x, document));
      if (!v || typeof v !== "object") return;
      const o = v as Record<string, unknown>;
      const doc = typeof o.document === "string" ? o.document : document;
      for (const p of [o.path, (o.params as Record<string, unknown> | undefined)?.path].flat()) {
        if (typeof p === "string" && doc !== undefined) reads.push({ document: doc, path: p });
      }
      for (const x of Object.values(o)) walk(x, doc);
    };
    for (const dir of ["standards/catalogs", "standards/profiles"]) {
      for (const f of readdirSync(join(ROOT, dir))) walk(load(readFileSync(join(ROOT, dir, f), "utf8")));
    }
    expect(reads.length).toBeGreaterThan(50);
    const unnamed = reads.filter(({ document, path }) => {
      const kind = DOCUMENT_KINDS.find((k) => documentName(k) === document);
      const concrete = path.replaceAll("[]", "[0]");
      return kind === undefined || fieldLabel("nl", kind, concrete) === undefined || fieldLabel("en", kind, concrete) === undefined;
    });
    expect(unnamed).toEqual([]);
  });
});
