/**
 * The parents' version (sop-audit ouders): every example school's page is
 * B1 in Dutch and plain in English, names no person, says so where the
 * school's documents are silent, explains each level from the lists, and
 * finds the ouder- en jeugdsteunpunt in the schoolgids, else in
 * sop-audit.yaml, else says where to ask.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { audit } from "../../src/audit/audit.js";
import type { AuditResult, Lang } from "../../src/core/types.js";
import { buildOuders } from "../../src/report/ouders.js";
import { createRenderer } from "../../src/report/render.js";
import { ROOT } from "../cli/run.js";
import { fixture, NASTY } from "./fixture.js";
import { BANNED, MAX_WORDS, plainLanguageProblems } from "./plain-language.js";

const EXAMPLES = ["swv-vo-2203", "swv-meierij-po", "swv-vlietmonde-po"];
const results = new Map<string, Record<Lang, AuditResult>>();
const md = { nl: createRenderer({ format: "md", lang: "nl" }), en: createRenderer({ format: "md", lang: "en" }) };
const html = createRenderer({ format: "html", lang: "nl" });

beforeAll(async () => {
  for (const example of EXAMPLES) {
    const repo = join(ROOT, "examples", example);
    results.set(example, { nl: await audit({ cwd: repo, repo, jobs: 1 }), en: await audit({ cwd: repo, repo, jobs: 1, lang: "en" }) });
  }
}, 120_000);

/** Every school's page of an example, in Markdown. */
function pages(example: string, lang: Lang): { id: string; naam: string; text: string }[] {
  const r = results.get(example)![lang];
  return buildOuders(r, { lang }).schools.map((s) => ({ id: s.id, naam: s.naam, text: md[lang].render("ouders", buildOuders(r, { lang, schools: [s.id] })) }));
}

function page(r: AuditResult, id: string, lang: Lang = "nl"): string {
  return md[lang].render("ouders", buildOuders(r, { lang, schools: [id] }));
}

describe("the parents' page in plain language", () => {
  for (const example of EXAMPLES) {
    for (const lang of ["nl", "en"] as const) {
      it(`${example} (${lang}): every school's page has short sentences, no jargon, no codes`, () => {
        const all = pages(example, lang);
        expect(all.length).toBeGreaterThan(4);
        for (const p of all) expect(plainLanguageProblems(p.text, lang, [p.naam]), `${example}/${p.id}`).toEqual([]);
      });
    }
  }

  it("the check fails a page with a long sentence, a banned word or a code", () => {
    const real = pages("swv-vo-2203", "nl").find((p) => p.id === "14RV00")!;
    expect(plainLanguageProblems(real.text, "nl", [real.naam])).toEqual([]);
    const long = `${Array.from({ length: MAX_WORDS + 1 }, () => "woord").join(" ")}.`;
    expect(plainLanguageProblems(`${real.text}\n${long}\n`, "nl", [real.naam]).join("\n")).toContain(`${MAX_WORDS + 1} words`);
    const samples: [string, string][] = [
      ["Lees het SOP van de school.", "SOP"],
      ["Vraag het SWV om hulp.", "SWV"],
      ["Het BRIN van de school.", "BRIN"],
      ["Elke indicator telt.", "indicator"],
      ["Uw kind krijgt een arrangement.", "arrangement"],
      ["De school maakt een OPP.", "OPP"],
      ["U heeft een TLV nodig.", "TLV"],
      ["Zie BO-03 voor meer.", "rule code"],
      ["Dit is niet aangetoond.", "verdict"],
      ["De school voldoet niet.", "verdict"],
      ["Zie scholen/14RV00/sop-2025-2026.yaml.", "file"],
      ["Het veld ouderJeugdsteunpunt.", "field name"],
    ];
    for (const [sentence, what] of samples) {
      expect(plainLanguageProblems(`${real.text}\n${sentence}\n`, "nl", [real.naam]), `${what}: ${sentence}`).not.toEqual([]);
    }
    // The school's own words are its own: quoted, they are not held to the tool's rules.
    expect(plainLanguageProblems(`${real.text}\n“Lees het SOP van het SWV.”\n`, "nl", [real.naam])).toEqual([]);
    expect(BANNED.en.length).toBeGreaterThan(5);
  });

  it("names no person and no contact details: roles only", () => {
    for (const example of EXAMPLES) {
      const people = namesInDocuments(join(ROOT, "examples", example, "scholen"));
      expect(people.length).toBeGreaterThan(2);
      for (const p of pages(example, "nl")) {
        for (const person of people) expect(p.text, `${example}/${p.id}`).not.toContain(person);
        expect(p.text).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
        expect(p.text).not.toMatch(/(\+31|\b0)[\s-]?\d{1,3}[\s-]?\d{3}[\s-]?\d{3,4}\b/);
      }
    }
    expect(page(results.get("swv-meierij-po")!.nl, "04BL00")).toContain("- Intern begeleider");
  });

  it("words each level from the lists, in one plain sentence", () => {
    const text = page(results.get("swv-vo-2203")!.nl, "14RV00");
    expect(text).toContain("### Extra hulp van de school\n\nDe school geeft uw kind zelf extra hulp, bijvoorbeeld in een kleine groep of van een specialist.");
    expect(page(results.get("swv-vo-2203")!.en, "14RV00", "en")).toContain("### Extra help from the school\n\nThe school itself gives your child extra help");
    // A list without the explanation: said so, with the level's own name.
    const r = fixture();
    expect(page(r, "01AA00")).toContain("### Extra ondersteuning (school)\n\nHet samenwerkingsverband heeft nog niet in gewone woorden uitgelegd wat dit betekent.");
  });

  it("says a facility that serves several needs once, with its needs together", () => {
    const text = page(results.get("swv-vlietmonde-po")!.nl, "33SJ00");
    expect(text).toContain("- **Gedrag en AD(H)D** Er is plaats voor 2 leerlingen. *“Time-outruimte De Haven: ");
    expect(text.match(/Time-outruimte De Haven/g)?.length).toBe(1);
  });

  it("says so where the school's documents are silent, and leaves no part out", () => {
    const r = fixture();
    const school = r.schools.find((s) => s.id === "02BB00")!;
    school.sop = { ...school.sop!, aanbod: [], grenzen: [] };
    const text = page(r, "02BB00");
    for (const silent of [
      "De school heeft nog niet beschreven welke hulp zij geeft.",
      "De school heeft nog niet beschreven waar haar grenzen liggen.",
      "De school heeft nog niet beschreven wie de extra hulp op school regelt.",
      "Het samenwerkingsverband en de school hebben nog niet beschreven waar u dat steunpunt vindt.",
    ])
      expect(text).toContain(silent);
    delete school.sop;
    const none = page(r, "02BB00");
    expect(none.match(/^## /gm)?.length).toBe(5);
    expect(none).toContain("De school heeft nog geen plan over extra hulp gegeven.");
  });

  it("finds the ouder- en jeugdsteunpunt in the schoolgids first, then in sop-audit.yaml", () => {
    const r = fixture();
    r.repo.swv.ouderJeugdsteunpunt = { naam: "Steunpunt van het verband", website: "https://steunpunt.example" };
    expect(page(r, "01AA00")).toContain("Het steunpunt heet “Steunpunt van het verband”.");
    expect(page(r, "01AA00")).toContain("Website van het ouder- en jeugdsteunpunt: https://steunpunt.example");
    r.schools.find((s) => s.id === "01AA00")!.sop!.ouderJeugdsteunpunt = { naam: "Steunpunt uit de schoolgids" };
    expect(page(r, "01AA00")).toContain("Het steunpunt heet “Steunpunt uit de schoolgids”.");
    expect(page(r, "01AA00")).not.toContain("Steunpunt van het verband");
    // From a real sop-audit.yaml.
    expect(page(results.get("swv-meierij-po")!.nl, "12DS00")).toContain("Het steunpunt heet “Ouder- en jeugdsteunpunt Dommelmeierij”.");
  });

  it("HTML: one self-contained file, the school's text escaped, no links out", () => {
    const r = fixture();
    const h = html.render("ouders", buildOuders(r, { schools: ["02BB00"] }));
    expect(h.startsWith('<!DOCTYPE html>\n<html lang="nl">')).toBe(true);
    expect(h).not.toMatch(/<link\b|<img\b|\bsrc=|@import|url\(|<script|href=/i);
    expect(h).not.toContain(NASTY);
    expect(h).toContain("&lt;script&gt;");
    const ids = [...h.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const m = md.nl.render("ouders", buildOuders(r, { schools: ["02BB00"] }));
    expect(m).not.toMatch(/(?<!\\)<script/i);
    expect(m.endsWith("\n") && !m.endsWith("\n\n")).toBe(true);
    expect(m).not.toMatch(/[ \t]+$/m);
    expect(m).not.toMatch(/\n\n\n/);
  });
});

/** The names of people in a folder of school documents: coordinators, functionarissen, contact persons, committee members. */
function namesInDocuments(dir: string): string[] {
  const names = new Set<string>();
  const visit = (v: unknown, key?: string): void => {
    if (Array.isArray(v)) v.forEach((x) => visit(x, key));
    else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) visit(x, key === "functionarissen" ? "persoon" : k);
    else if (typeof v === "string" && (key === "persoon" || key === "contactpersoonSwv" || key === "naam")) names.add(v.split(/[,(]/)[0]!.trim());
  };
  for (const school of readdirSync(dir)) {
    for (const file of readdirSync(join(dir, school))) {
      if (!/^sop-|^schoolgids-/.test(file)) continue;
      const text = readFileSync(join(dir, school, file), "utf8");
      const yamlText = file.endsWith(".md") ? (/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "") : text;
      let doc: { ondersteuningsstructuur?: Record<string, unknown> } | null;
      try {
        doc = parse(yamlText) as typeof doc;
      } catch {
        continue; // An example with a broken file on purpose: its other files still name people.
      }
      const s = doc?.ondersteuningsstructuur;
      if (!s) continue;
      visit(s.coordinatoren, "coordinatoren");
      visit(s.functionarissen, "functionarissen");
      visit(s.contactpersoonSwv, "contactpersoonSwv");
    }
  }
  // A name of two words or more: a person, not a role.
  // A name of two words or more with a capital: a person, not a role (some documents put a role where the name goes).
  return [...names].filter((n) => /^\S+( \S+)+$/.test(n) && /[A-Z]/.test(n) && !/begeleider|co[öo]rdinator|pedagoog|directeur|team|werker/i.test(n));
}
