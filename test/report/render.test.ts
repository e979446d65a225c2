import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { UsageError } from "../../src/core/errors.js";
import type { AuditResult, Lang } from "../../src/core/types.js";
import { buildCoverage } from "../../src/report/coverage.js";
import { buildGap } from "../../src/report/gap.js";
import { escapeMd } from "../../src/report/helpers.js";
import { buildOuders } from "../../src/report/ouders.js";
import { buildOverview } from "../../src/report/overview.js";
import { createRenderer, renderReport, type ReportFormat, type ReportKind } from "../../src/report/render.js";
import { buildVisitatie } from "../../src/report/visitatie.js";
import { fixture, NASTY } from "./fixture.js";

function viewModels(r: AuditResult, lang: Lang = "nl"): Record<ReportKind, object> {
  return {
    overview: buildOverview(r, { lang, linkSchools: true }),
    gap: buildGap(r, { lang }),
    coverage: buildCoverage(r, { lang }),
    visitatie: buildVisitatie(r, { lang }),
    ouders: buildOuders(r, { lang }),
  };
}

function renderAll(r: AuditResult, format: ReportFormat, lang: Lang = "nl", templatesDir?: string): Record<ReportKind, string> {
  const renderer = createRenderer({ format, lang, ...(templatesDir ? { templatesDir } : {}) });
  const vms = viewModels(r, lang);
  return {
    overview: renderer.render("overview", vms.overview),
    gap: renderer.render("gap", vms.gap),
    coverage: renderer.render("coverage", vms.coverage),
    visitatie: renderer.render("visitatie", vms.visitatie),
    ouders: renderer.render("ouders", vms.ouders),
  };
}

const KINDS: ReportKind[] = ["overview", "gap", "coverage", "visitatie"];
const md = renderAll(fixture(), "md");
const html = renderAll(fixture(), "html");

describe("Markdown reports", () => {
  it("renders the heat map with symbols and counts", () => {
    expect(md.overview).toContain(
      [
        "| School | BO-01 | BO-12 | WET | VO2203 | Niet aangetoond | SOP vastgesteld |",
        "|---|:-:|:-:|:-:|:-:|--:|---|",
        '| [\\<script\\>alert("x")\\</script\\> & "Zon"\\|\\*](school-02BB00.md) (02BB00) | ?1 | ✗1 | ✗1 | ?1 | 2/5 | onbekend |',
        "| [Atheneum De Brug](school-03CC00.md) (03CC00) | ✓2 | ✓1 | ✓1 | – | 0/4 | 2024-10-01 |",
        "| [Het Zonnecollege](school-01AA00.md) (01AA00) | ✓2 | ✗1 | ✓1 | ✓1 | 0/5 | 2024-09-15 |",
      ].join("\n"),
    );
  });

  it("renders the coverage matrix per group with its verdict, and the spots in words", () => {
    expect(md.coverage).toContain(
      [
        "| Behoefte | vmbo gemengd/theoretisch | havo | hele SWV |",
        "|---|---|---|---|",
        "| Taal/lezen/dyslexie | ✓ 2 van 2 · extra · ≥ 20 plaatsen | ✓ 2 van 2 · specialistisch · 24 plaatsen | – |",
        "| (Hoog)begaafdheid | ✗ 0 van 2 · geen | ✓ 2 van 2 · extra · ≥ 15 plaatsen | – |",
        "| Autismespectrumstoornis (ASS) | ! 1 van 2 · arrangement · 8 plaatsen | ! 1 van 2 · arrangement · 8 plaatsen | ! 1 van 3 · arrangement · 8 plaatsen |",
        "| NT2/nieuwkomers | ✗ 0 van 2 · geen | ✗ 0 van 2 · geen | – |",
      ].join("\n"),
    );
    expect(md.coverage).toContain("3. Voor NT2/nieuwkomers is er bij havo geen school op niveau basisondersteuning of hoger; geen van de 2 scholen biedt het.");
  });

  it("renders what needs to be done first, in words, with the rule and place as a small reference", () => {
    expect(md.gap).toContain(
      [
        "### Wat moet er gebeuren",
        "",
        "1. ✗ fout (wettelijk minimum) **Het SOP is ten minste eens per vier jaar vastgesteld**",
        "   - Wat er mis is: SOP is niet vastgesteld",
        // What the rule asks, where the headline is the indicator's text.
        "   - Gevraagd: Het SOP is de afgelopen vier jaar vastgesteld",
        // The field a hint names is said in words; the key as written stays beside the rule, for whoever edits the file.
        "   - Wat te doen: Vul “Vaststelling: datum van vaststelling” in.",
        "   - <small>Regel WET-01 · scholen/02BB00/sop-2024-2025.md:20:1</small>",
        "2. ✗ fout **Het SOP is dit schooljaar vastgesteld**",
        "   - Wat er mis is: vaststellingsdatum ontbreekt",
        "   - <small>Regel VO2203-02 · scholen/02BB00/sop-2024-2025.md:3:1</small>",
        "3. ! waarschuwing **Het SOP staat in de schoolgids**",
        "   - Wat er mis is: SOP noemt geen \\<aanbod\\> \\| \\*let op\\*",
        "   - <small>Regel BO-12.01 · scholen/02BB00/sop-2024-2025.md:8:1</small>",
      ].join("\n"),
    );
  });

  it("renders the zelfevaluatie trend with arrows and words", () => {
    expect(md.visitatie).toContain(
      [
        "| Standaard | 2022-2023 | 2023-2024 | 2024-2025 | Ontwikkeling |",
        "|---|---:|---:|---:|---|",
        "| BO-01 De leerlingen ontwikkelen zich in een veilige omgeving | 50% | 50% | 100% | ↑ beter dan vorig jaar |",
        "| BO-12 De scholen hebben een ondersteuningsprofiel (SOP) vastgesteld | 100% | 100% | 0% | ↓ slechter dan vorig jaar |",
      ].join("\n"),
    );
  });

  it("escapes user text everywhere, also line breaks in table cells", () => {
    for (const kind of KINDS) {
      expect(md[kind]).not.toMatch(/(?<!\\)<script/i);
      expect(md[kind]).not.toContain(NASTY);
    }
    expect(md.visitatie).toContain("| Taal/lezen/dyslexie | Basisondersteuning |  | alle | regel 1 regel \\| 2 \\*vet\\* \\[link\\](x) |");
  });

  it("ends with one newline and has no trailing spaces or runs of empty lines", () => {
    for (const kind of KINDS) {
      expect(md[kind].endsWith("\n") && !md[kind].endsWith("\n\n")).toBe(true);
      expect(md[kind]).not.toMatch(/[ \t]+$/m);
      expect(md[kind]).not.toMatch(/\n\n\n/);
    }
  });
});

describe("escapeMd", () => {
  it("escapes markup characters and folds line breaks", () => {
    expect(escapeMd("a|b*c_d<e>f`g[h]i")).toBe("a\\|b\\*c\\_d\\<e\\>f\\`g\\[h\\]i");
    expect(escapeMd("regel 1\r\nregel 2\nregel 3")).toBe("regel 1 regel 2 regel 3");
    expect(escapeMd("C:\\pad")).toBe("C:\\\\pad");
    expect(escapeMd("&amp; en & zo")).toBe("\\&amp; en & zo");
    expect(escapeMd(undefined)).toBe("");
    expect(escapeMd(12)).toBe("12");
  });
});

describe("HTML reports", () => {
  it("escapes the school name and never lets markup through", () => {
    const escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Zon&quot;|*";
    for (const kind of ["overview", "gap"] as const) expect(html[kind]).toContain(escaped);
    for (const kind of KINDS) {
      expect(html[kind]).not.toMatch(/<script/i);
      expect(html[kind]).not.toContain(NASTY);
    }
    expect(html.gap).toContain("SOP noemt geen &lt;aanbod&gt; | *let op*");
  });

  it("has a style sheet whose blocks all close: a rule left inside another's @media applies only there", () => {
    for (const kind of KINDS) {
      const css = /<style>([\s\S]*?)<\/style>/.exec(html[kind])![1]!;
      let depth = 0;
      const media: number[] = [];
      for (const m of css.matchAll(/@media[^{]*\{|\{|\}/g)) {
        if (m[0].startsWith("@media")) media.push(depth);
        if (m[0].endsWith("{")) depth++;
        else {
          depth--;
          if (media.at(-1) === depth) media.pop();
        }
        expect(depth, kind).toBeGreaterThanOrEqual(0);
        // An @media block holds rules, never another @media: the sign of a block that was not closed.
        expect(media.length, `${kind}: @media inside @media`).toBeLessThanOrEqual(1);
      }
      expect(depth, kind).toBe(0);
    }
  });

  it("is one self-contained, accessible, printable file", () => {
    for (const kind of KINDS) {
      const h = html[kind];
      expect(h.startsWith('<!DOCTYPE html>\n<html lang="nl">')).toBe(true);
      // url(#…) names a pattern of the same page (the charts); nothing else may be fetched.
      expect(h).not.toMatch(/<link\b|<img\b|\bsrc=|@import|url\((?!#)|<script/i);
      for (const m of h.matchAll(/url\(#([^)]+)\)/g)) expect(h).toContain(`id="${m[1]}"`);
      expect(h).not.toMatch(/href="https?:/);
      expect(h).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
      expect(h).toMatch(/<caption id="tabel-1"( class="sr-only")?>/);
      expect(h).toContain('<div class="table-wrap" role="region" tabindex="0" aria-labelledby="tabel-1">');
      expect(h).toContain('<th scope="col">');
      expect(h).toContain("size: A4;");
      expect(h).toContain('@bottom-center { content: "Pagina " counter(page) " van " counter(pages);');
      const ids = [...h.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(ids.length);
    }
    expect(html.coverage).toContain("@page { size: A4 landscape; }");
    expect(html.gap).toContain(".school + .school { break-before: page;");
  });

  it("shows status by symbol and text, not colour alone", () => {
    expect(html.gap).toContain('<span class="badge st-voldoet-niet"><span aria-hidden="true">✗</span> voldoet niet</span>');
    expect(html.overview).toContain('<span class="cnt cnt-voldoet-niet"><span class="sym" aria-hidden="true">✗</span><span class="sr-only">voldoet niet:</span> 1</span>');
    expect(html.coverage).toContain('<span class="badge v-kwetsbaar"><span aria-hidden="true">!</span> kwetsbaar</span>');
    expect(html.visitatie).toContain('<td class="nowrap trend-up"><span class="arrow" aria-hidden="true">↑</span> beter dan vorig jaar</td>');
  });

  it("speaks English when asked", () => {
    const en = renderAll(fixture(), "html", "en");
    expect(en.gap.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(en.gap).toContain("<h1>What each school still lacks</h1>");
    expect(en.gap).toContain("does not meet");
    expect(en.overview).toContain('content: "Page " counter(page) " of " counter(pages)');
  });
});

describe("visitatie report as a committee's document", () => {
  const one = (format: ReportFormat, lang: Lang = "nl") => createRenderer({ format, lang }).render("visitatie", buildVisitatie(fixture(), { lang, schools: ["01AA00"] }));
  const md = one("md");
  const html = one("html");

  it("opens with the eindoordeel, ends with the signatures before the annex, and names no file", () => {
    for (const text of [md, html]) {
      const at = (s: string) => text.indexOf(s);
      expect(at("Eindoordeel")).toBeGreaterThan(0);
      expect(at("Eindoordeel")).toBeLessThan(at("Oordeel per standaard"));
      expect(at("Oordeel per standaard")).toBeLessThan(at("Afspraken en hun opvolging"));
      expect(at("Afspraken en hun opvolging")).toBeLessThan(at("Vaststelling"));
      expect(at("Vaststelling")).toBeLessThan(at("Bijlage C. Uitkomst van de controle"));
      // Findings, waivers and the SOP are shown without their files.
      expect(text).not.toMatch(/scholen\/01AA00\//);
      expect(text).toContain("SOP staat niet in de schoolgids");
    }
  });

  it("flags an overdue afspraak in words and with a symbol, not by colour alone", () => {
    expect(html).toContain('<span class="badge overdue"><span aria-hidden="true">!</span> over de termijn</span>');
    expect(html).toContain("Over de termijn: uiterlijk 2024-10-01, en op 2025-01-15 nog niet afgerond.");
    expect(md).toContain("| **(!)** SOP in de schoolgids |  | 2024-10-01 |  | open — **Over de termijn: uiterlijk 2024-10-01, en op 2025-01-15 nog niet afgerond.** |");
    expect(md).toContain("**(!) Let op: 1 afspraak over de termijn.**");
  });

  it("leaves a line for each member's signature, and for the date when the file has none", () => {
    expect(html).toContain('<li><span class="line" aria-hidden="true"></span><span class="who"><strong>J. de Vries</strong></span><span class="sr-only">Handtekening</span></li>');
    expect(html).toContain('Datum: <span class="line" aria-hidden="true"></span><span class="sr-only">in te vullen</span>');
    expect(md).toContain("- M. Bakker — Handtekening: \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_");
  });

  it("reads in English without Dutch headings", () => {
    const en = one("md", "en");
    for (const heading of ["### Overall judgement", "### Judgement per standard", "### Agreements and their follow-up", "### Adoption", "#### Annex C. Outcome of the check"]) expect(en).toContain(heading);
    expect(en).toContain("Report of the peer review of");
    expect(en).toContain("**✓ meets** · ↑ better than at the previous review (2019-11-12: partly meets)");
    expect(en).toContain("| **(!)** SOP in de schoolgids |  | 2024-10-01 |  | open — **Overdue: due by 2024-10-01, and not completed on 2025-01-15.** |");
    for (const dutch of ["Eindoordeel", "Afspraken", "Vaststelling", "over de termijn", "Bijlage", "voldoet deels", "Handtekening"]) expect(en).not.toContain(dutch);
  });
});

describe("determinism", () => {
  it("renders byte-identical output twice, and whatever the input order", () => {
    for (const format of ["md", "html"] as const) {
      const again = renderAll(fixture(), format);
      const shuffled = fixture();
      shuffled.schools.reverse();
      for (const s of shuffled.schools) {
        s.statuses.reverse();
        s.findings.reverse();
        s.zelfevaluaties.reverse();
      }
      const fromShuffled = renderAll(shuffled, format);
      const first = format === "md" ? md : html;
      for (const kind of KINDS) {
        expect(again[kind]).toBe(first[kind]);
        expect(fromShuffled[kind]).toBe(first[kind]);
      }
    }
  });

  it("has no timestamps", () => {
    for (const kind of KINDS) expect(html[kind]).not.toMatch(/\d{2}:\d{2}:\d{2}/);
  });
});

describe("template overrides", () => {
  const dir = mkdtempSync(join(tmpdir(), "sop-audit-templates-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("replaces a partial by file name and may add partials of its own", () => {
    mkdirSync(join(dir, "html", "partials"), { recursive: true });
    mkdirSync(join(dir, "md", "partials"), { recursive: true });
    writeFileSync(
      join(dir, "html", "partials", "header.hbs"),
      '<header class="huisstijl">{{> logo}}<h1>{{title}}</h1><p>{{meta.swv.naam}}</p></header>\n',
    );
    writeFileSync(join(dir, "html", "partials", "logo.hbs"), '<svg role="img" aria-label="Logo SWV" width="40" height="40"><circle cx="20" cy="20" r="18" fill="#1d4f91"/></svg>\n');
    writeFileSync(join(dir, "md", "partials", "footer.hbs"), "Huisstijl-voettekst {{md meta.swv.code}}\n");
    const custom = renderAll(fixture(), "html", "nl", dir);
    expect(custom.overview).toContain('<header class="huisstijl"><svg role="img" aria-label="Logo SWV"');
    expect(custom.overview).not.toContain('<p class="kicker">');
    // Other partials and templates still come from the shipped set.
    expect(custom.overview).toContain("<h2 id=\"h-heat\">Scholen en standaarden</h2>");
    const customMd = renderAll(fixture(), "md", "nl", dir);
    expect(customMd.gap.endsWith("Huisstijl-voettekst VO 22.03\n")).toBe(true);
    expect(customMd.gap).not.toContain("Gemaakt met");
  });

  it("replaces a whole template by file name", () => {
    writeFileSync(join(dir, "md", "coverage.hbs"), "Eigen dekking: {{#each rows}}{{md naam}}={{worst}};{{/each}}\n");
    const out = renderReport("coverage", buildCoverage(fixture()), { format: "md", templatesDir: dir });
    expect(out).toBe("Eigen dekking: Taal/lezen/dyslexie=gedekt;(Hoog)begaafdheid=niet-gedekt;Autismespectrumstoornis (ASS)=kwetsbaar;NT2/nieuwkomers=niet-gedekt;\n");
  });

  it("refuses an own template that does not parse when the renderer is made, naming its file and line", () => {
    const bad = mkdtempSync(join(tmpdir(), "sop-audit-kapot-"));
    try {
      mkdirSync(join(bad, "html", "partials"), { recursive: true });
      writeFileSync(join(bad, "html", "overview.hbs"), "<h1>{{title}}</h1>\n{{#each rows}}{{naam}\n");
      let thrown: unknown;
      try {
        createRenderer({ format: "html", templatesDir: bad });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(UsageError);
      expect((thrown as UsageError).message).toBe(`${join(bad, "html", "overview.hbs")}:2: geen geldig Handlebars-sjabloon`);
      // Handlebars' excerpt with the caret under the place, then the hint.
      expect((thrown as UsageError).details).toEqual(["...{{#each rows}}{{naam}", "-----------------------^", "Elke {{#each}}, {{#if}} … heeft een sluitende {{/each}}, {{/if}}, en elke {{ een }}."]);
      // A partial too, in English.
      writeFileSync(join(bad, "html", "overview.hbs"), "<h1>{{title}}</h1>\n");
      writeFileSync(join(bad, "html", "partials", "header.hbs"), "{{#if title}}\n");
      expect(() => createRenderer({ format: "html", lang: "en", templatesDir: bad })).toThrow(`${join(bad, "html", "partials", "header.hbs")}:2: not a valid Handlebars template`);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });

  it("turns a helper or partial an own template names but does not exist into a UsageError that names the template", () => {
    const bad = mkdtempSync(join(tmpdir(), "sop-audit-kapot-"));
    try {
      mkdirSync(join(bad, "md"), { recursive: true });
      writeFileSync(join(bad, "md", "coverage.hbs"), "{{bestaatniet rows}}\n");
      const renderer = createRenderer({ format: "md", templatesDir: bad });
      expect(() => renderer.render("coverage", buildCoverage(fixture()))).toThrow(new RegExp(`^de sjablonen in ${bad} geven een fout in md/coverage.hbs: Missing helper: "bestaatniet"$`));
      writeFileSync(join(bad, "md", "gap.hbs"), "{{> bestaatniet}}\n");
      expect(() => createRenderer({ format: "md", templatesDir: bad }).render("gap", buildGap(fixture(), { lang: "nl" }))).toThrow(UsageError);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
    // Without own templates such an error would be a bug in sop-audit: it is not dressed up as the user's.
    expect(() => createRenderer({ format: "md" }).render("coverage", { rows: null, get groups(): never { throw new TypeError("stuk"); } })).toThrow(TypeError);
  });

  it("refuses a folder that does not exist or has no html/ or md/", () => {
    expect(() => createRenderer({ format: "html", templatesDir: join(dir, "bestaat-niet") })).toThrow(UsageError);
    const empty = mkdtempSync(join(tmpdir(), "sop-audit-leeg-"));
    try {
      expect(() => createRenderer({ format: "html", templatesDir: empty })).toThrow(/geen submap html\/ of md\//);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
