import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/core/errors.js";
import { buildGap, todoList } from "../../src/report/gap.js";
import { buildOverview } from "../../src/report/overview.js";
import { afspraakView, buildVisitatie, compareOordelen, isOverdue, schooljaarOf } from "../../src/report/visitatie.js";
import { fixture, NASTY } from "./fixture.js";

describe("gap report", () => {
  const gap = buildGap(fixture());

  it("has every school, sorted by name, each with Dutch status labels per standard", () => {
    expect(gap.schools.map((s) => s.id)).toEqual(["02BB00", "03CC00", "01AA00"]);
    expect(gap.multi).toBe(true);
    const nasty = gap.schools[0]!;
    expect(nasty.standards.map((s) => s.id)).toEqual(["BO-01", "BO-12", "WET", "VO2203"]);
    expect(nasty.standards.flatMap((s) => s.items.map((i) => `${i.id} ${i.symbol} ${i.label}`))).toEqual([
      "BO-01.01 ? niet aangetoond",
      "BO-01.02 ⊘ uitgezonderd",
      "BO-12.01 ✗ voldoet niet",
      "WET-01 ✗ voldoet niet",
      "VO2203-02 ? niet aangetoond",
    ]);
    expect(gap.schools[1]!.standards[3]!.items[0]!.label).toBe("n.v.t.");
    expect(gap.schools[2]!.standards[0]!.items[0]!.label).toBe("voldoet");
  });

  it("puts errors on legal minima first, then errors, then warnings, never infos", () => {
    expect(gap.schools[0]!.todo.map((t) => `${t.rank} ${t.severity} ${t.ruleId} ${t.location}`)).toEqual([
      "1 error WET-01 scholen/02BB00/sop-2024-2025.md:20:1",
      "2 error VO2203-02 scholen/02BB00/sop-2024-2025.md:3:1",
      "3 warning BO-12.01 scholen/02BB00/sop-2024-2025.md:8:1",
    ]);
    expect(gap.schools[0]!.todo[0]!.legal).toBe(true);
    expect(gap.schools[2]!.todo.map((t) => t.ruleId)).toEqual(["BO-12.01"]);
  });

  it("gives a value that several rules judge one entry, strongest first; a profile's agreement beside the law is not legal", () => {
    const base = { file: "scholen/01AA00/sop.yaml", range: { line: 20, column: 10, endLine: 20, endColumn: 20 }, path: "vaststelling.datum", school: "01AA00" };
    const findings = [
      { ...base, ruleId: "BO-09.03", severity: "warning" as const, message: "te oud", hint: "Stel vast." },
      { ...base, ruleId: "WET-01+swv-vo-2203", severity: "error" as const, message: "te oud: afspraak van het SWV", indicator: "WET.01" },
      { ...base, ruleId: "MKS-TO.09", severity: "warning" as const, message: "te oud", hint: "Actualiseer." },
      { ...base, path: "publicatie.website", range: { line: 30, column: 3, endLine: 30, endColumn: 9 }, ruleId: "WET-03", severity: "error" as const, message: "ontbreekt" },
    ];
    const todo = todoList("nl", findings);
    expect(todo.map((t) => `${t.rank} ${t.severity} ${t.legal} ${t.grouped} ${t.rules.join(", ")} ${t.location}`)).toEqual([
      "1 error true false WET-03 scholen/01AA00/sop.yaml:30:3",
      "2 error false true WET-01+swv-vo-2203 (WET.01), BO-09.03, MKS-TO.09 scholen/01AA00/sop.yaml:20:10",
    ]);
    expect(todo[1]!.value).toBe("vaststelling.datum: 3 regels");
    expect(todo[1]!.judgements.map((j) => `${j.severity} ${j.rules}: ${j.message} | ${j.hints.join(" | ")}`)).toEqual([
      "error WET-01+swv-vo-2203 (WET.01): te oud: afspraak van het SWV | ",
      "warning BO-09.03, MKS-TO.09: te oud | Stel vast. | Actualiseer.",
    ]);
  });

  it("keeps the list to five", () => {
    const s = fixture().schools[1]!;
    const many = Array.from({ length: 8 }, (_, i) => ({ ...s.findings[0]!, range: { line: i + 1, column: 1, endLine: i + 1, endColumn: 2 } }));
    expect(todoList("nl", many)).toHaveLength(5);
  });

  it("shows waivers with their state and the findings they waived", () => {
    const nasty = gap.schools[0]!;
    expect(nasty.waivers).toMatchObject([{ rule: "BO-01.02", state: "verlopen", stateLabel: "verlopen", attention: true, expires: "2024-08-31" }]);
    expect(nasty.waivedFindings.map((f) => f.ruleId)).toEqual(["BO-01.02"]);
  });

  it("sorts ontwikkelpunten by target date", () => {
    expect(gap.schools[2]!.ontwikkelpunten.map((o) => o.streefdatum)).toEqual(["2025-01-31", "2025-06-01"]);
  });

  it("refuses an unknown school with the known ones listed", () => {
    expect(() => buildGap(fixture(), { schools: ["99ZZ00"] })).toThrow(UsageError);
    try {
      buildGap(fixture(), { schools: ["99ZZ00"] });
    } catch (e) {
      expect((e as UsageError).details).toEqual(["Bekende scholen: 01AA00, 02BB00, 03CC00."]);
    }
  });

  it("gives a single-school report the school's name as subtitle", () => {
    expect(buildGap(fixture(), { schools: ["02BB00"] }).subtitle).toBe(NASTY);
  });
});

describe("overview", () => {
  const o = buildOverview(fixture());

  it("has a heat map cell per school and standard with counts and a status that is not colour alone", () => {
    expect(o.standards.map((s) => s.id)).toEqual(["BO-01", "BO-12", "WET", "VO2203"]);
    const nasty = o.rows.find((r) => r.id === "02BB00")!;
    expect(nasty.cells.map((c) => `${c.standard}:${c.symbol}:${c.label}:${c.text}`)).toEqual([
      "BO-01:?:niet aangetoond:?1",
      "BO-12:✗:voldoet niet:✗1",
      "WET:✗:voldoet niet:✗1",
      "VO2203:?:niet aangetoond:?1",
    ]);
    const brug = o.rows.find((r) => r.id === "03CC00")!;
    expect(brug.cells[3]).toMatchObject({ status: "nvt", text: "–", total: 1 });
  });

  it("counts statuses over all schools", () => {
    expect(o.counts).toEqual({ voldoet: 8, "voldoet-niet": 3, "niet-aangetoond": 2, uitgezonderd: 1, nvt: 1 });
    expect(o.summary.text).toBe("3 scholen, 3 fouten, 2 waarschuwingen, 1 uitgezonderd");
  });

  it("lists the widest gaps first", () => {
    expect(o.gaps.map((g) => [g.item, g.count, g.schools.map((s) => s.id)])).toEqual([
      ["BO-12.01", 2, ["02BB00", "01AA00"]],
      ["WET-01", 1, ["02BB00"]],
    ]);
  });

  it("opens with plain sentences: how many schools, how many need action, how many indicators niet aangetoond", () => {
    expect(o.glance).toEqual([
      "Dit overzicht gaat over 3 scholen.",
      "Bij 2 van de 3 scholen voldoet minstens één indicator niet: daar moet iets gebeuren.",
      "2 van de 14 indicatoren zijn niet aangetoond (14%), bij 1 school: die school heeft (nog) niet laten zien dat die indicatoren voldoen.",
      `De meeste aandacht vraagt ${NASTY}: 2 indicatoren voldoen niet en 2 zijn niet aangetoond.`,
    ]);
    expect(buildOverview(fixture(), { lang: "en" }).glance.slice(0, 3)).toEqual([
      "This overview covers 3 schools.",
      "At 2 of the 3 schools at least one indicator is not met: those schools need to act.",
      "2 of the 14 indicators are not shown (14%), at 1 school: that school has not (yet) shown that they are met.",
    ]);
  });

  it("puts every school in the status chart, the ones needing most attention first", () => {
    // 02BB00: four items not in order; 01AA00: one; 03CC00: none (name order would be 03CC00, 01AA00, 02BB00).
    expect(o.bars.map((b) => [b.id, b.countsText, b.unproven])).toEqual([
      ["02BB00", "✗2 · ?2 · ⊘1", "2/5"],
      ["01AA00", "✗1 · ✓4", "0/5"],
      ["03CC00", "✓4 · –1", "0/4"],
    ]);
    expect(o.barStatuses.map((s) => s.status)).toEqual(["voldoet-niet", "niet-aangetoond", "voldoet", "uitgezonderd", "nvt"]);
    expect(o.bars[0]!.countList.map((c) => c.count)).toEqual([2, 2, 0, 1, 0]);
    // The chart holds the same schools in the same order, names escaped.
    const names = [...o.charts.bars.matchAll(/font-weight="600" fill="#1a1a1a">([^<]*)</g)].map((m) => m[1]);
    expect(names).toEqual(["&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Zon&quot;|*", "Het Zonnecollege", "Atheneum De Brug"]);
    expect(o.charts.heatmap).toContain('role="img"');
    // Four standards shrink onto a phone and stay readable; they need not scroll.
    expect(o.charts.heatmapWide).toBe(false);
    // Many niet aangetoond weigh as much as a few voldoet niet: both are open.
    const r = fixture();
    r.schools.find((s) => s.id === "03CC00")!.statuses.push(...["a", "b", "c", "d", "e"].map((x) => ({ item: `BO-01.9${x}`, status: "niet-aangetoond" as const, rules: [] })));
    expect(buildOverview(r).bars.map((b) => b.id)).toEqual(["03CC00", "02BB00", "01AA00"]);
  });

  it("gives % voldoet per standard per schooljaar over all schools' zelfevaluaties, with a chart per standard", () => {
    expect(o.trend.years.map((y) => y.label)).toEqual(["2022-2023 (1 school)", "2023-2024 (1 school)", "2024-2025 (1 school)"]);
    expect(o.trend.rows.map((r) => [r.standard, r.cells.map((c) => c.text)])).toEqual([
      ["BO-01", ["50%", "50%", "100%"]],
      ["BO-12", ["100%", "100%", "0%"]],
    ]);
    expect(o.trend.drawn).toBe(true);
    expect(o.trend.note).toBeUndefined();
    expect(o.trend.rows[0]!.svg).toContain("<desc id=\"ov-trend-1-desc\">Percentage voldoet per schooljaar: 2022-2023 (1 school): 50%; 2023-2024 (1 school): 50%; 2024-2025 (1 school): 100%.</desc>");
  });

  it("says so instead of drawing a trend when there is one schooljaar or none", () => {
    const one = fixture();
    for (const s of one.schools) s.zelfevaluaties = s.zelfevaluaties.filter((z) => z.schooljaar === "2024-2025");
    const t1 = buildOverview(one).trend;
    expect(t1.drawn).toBe(false);
    expect(t1.note).toBe("De zelfevaluaties gaan alle over schooljaar 2024-2025: een ontwikkeling is er pas te zien bij een tweede schooljaar. Hieronder het percentage voldoet per standaard.");
    expect(t1.rows.map((r) => [r.standard, r.svg, r.cells.map((c) => c.text)])).toEqual([
      ["BO-01", undefined, ["100%"]],
      ["BO-12", undefined, ["0%"]],
    ]);
    const none = fixture();
    for (const s of none.schools) s.zelfevaluaties = [];
    expect(buildOverview(none, { lang: "en" }).trend).toMatchObject({ drawn: false, rows: [], note: "There are no self-evaluations yet: the trend per standard follows once there are." });
    // A zelfevaluatie of a later schooljaar than the audit's is not in the trend.
    const later = fixture();
    later.schools[0]!.zelfevaluaties.push({ schooljaar: "2030-2031", file: "x.yaml", scores: { "BO-01.01": "voldoet" } });
    expect(buildOverview(later).trend.years.map((y) => y.schooljaar)).not.toContain("2030-2031");
  });

  it("lists overdue schools from the profile's cadence rules, and from items given", () => {
    expect(o.overdue.map((x) => [x.id, x.items.map((i) => i.item)])).toEqual([["02BB00", ["VO2203-02", "WET-01"]]]);
    const custom = buildOverview(fixture(), { overdueItems: ["BO-12.01"] });
    expect(custom.overdue.map((x) => x.id)).toEqual(["02BB00", "01AA00"]);
    expect(custom.overdueIntro).toContain("BO-12.01");
  });
});

describe("visitatie report", () => {
  const v = buildVisitatie(fixture(), { schools: ["01AA00"] });
  const zon = v.schools[0]!;

  it("computes % voldoet per standard per schooljaar with a trend arrow and text", () => {
    expect(zon.zelfevaluatie.schooljaren).toEqual(["2022-2023", "2023-2024", "2024-2025"]);
    expect(zon.zelfevaluatie.rows.map((r) => [r.standard, r.cells.map((c) => c.text), r.arrow, r.trendLabel])).toEqual([
      ["BO-01", ["50%", "50%", "100%"], "↑", "beter dan vorig jaar"],
      ["BO-12", ["100%", "100%", "0%"], "↓", "slechter dan vorig jaar"],
    ]);
  });

  it("leaves later schooljaren out and says when the year has no zelfevaluatie", () => {
    const earlier = buildVisitatie(fixture(), { schools: ["01AA00"], schooljaar: "2023-2024" }).schools[0]!;
    expect(earlier.zelfevaluatie.schooljaren).toEqual(["2022-2023", "2023-2024"]);
    expect(earlier.zelfevaluatie.rows.map((r) => r.trend)).toEqual(["same", "same"]);
    const later = buildVisitatie(fixture(), { schools: ["01AA00"], schooljaar: "2025-2026" }).schools[0]!;
    expect(later.zelfevaluatie.missing).toBe("Er is geen zelfevaluatie voor schooljaar 2025-2026.");
  });

  it("takes the committee's findings and afspraken from the newest visitatie", () => {
    expect(zon.visitatie?.datum).toBe("2024-03-05");
    expect(zon.visitatie?.bevindingen).toHaveLength(2);
    expect(zon.bezoek?.leden).toEqual([{ naam: "J. de Vries" }, { naam: "M. Bakker" }]);
    // No status counts as open; its termijn lies before the peildatum (2025-01-15).
    expect(zon.afspraken).toEqual([
      {
        omschrijving: "SOP in de schoolgids",
        termijn: "2024-10-01",
        status: "open",
        statusLabel: "open",
        overdue: true,
        overdueText: "Over de termijn: uiterlijk 2024-10-01, en op 2025-01-15 nog niet afgerond.",
      },
    ]);
    const old = buildVisitatie(fixture(), { schools: ["01AA00"], schooljaar: "2020-2021" }).schools[0]!;
    expect(old.visitatie?.datum).toBe("2019-11-12");
  });

  it("judges each standard against the previous visitatie, and the eindoordeel too", () => {
    expect(zon.standaarden.map((st) => [st.id, st.oordeel?.label, st.vorigOordeel?.label, st.trend, st.arrow, st.trendText])).toEqual([
      ["BO-01", "voldoet", "voldoet niet", "up", "↑", "beter dan bij de vorige visitatie (2019-11-12: voldoet niet)"],
      // The previous visitatie said nothing about BO-12: no comparison, said so.
      ["BO-12", "voldoet deels", undefined, "none", "", "niet te vergelijken: een van beide visitaties (de vorige was op 2019-11-12) oordeelt hier niet over"],
    ]);
    expect(zon.standaarden[1]!.oordeelIndicator).toBe("BO-12.01");
    expect(zon.bezoek?.eindoordeel).toEqual({ value: "voldoet", label: "voldoet", symbol: "✓", cls: "voldoet" });
    expect(zon.vorigBezoek).toEqual({ datum: "2019-11-12", schooljaar: "2019-2020", eindoordeel: { value: "voldoet deels", label: "voldoet deels", symbol: "◐", cls: "voldoet-deels" } });
    expect(zon.eindTrend).toEqual({ trend: "up", arrow: "↑", text: "beter dan bij de vorige visitatie (2019-11-12: voldoet deels)" });
    expect(zon.oordeelSamenvatting).toBe("2 standaarden beoordeeld: 1 voldoet, 1 voldoet deels, 0 voldoet niet.");
    expect(compareOordelen("voldoet niet", "voldoet")).toBe("down");
    expect(compareOordelen("voldoet deels", "voldoet deels")).toBe("same");
    expect(compareOordelen("voldoet", undefined)).toBe("none");
  });

  it("shows per standard the zelfevaluaties since the previous visitatie, and all of them when there was none", () => {
    expect(zon.standaarden[0]!.zelfevaluaties.map((c) => `${c.schooljaar} ${c.text}`)).toEqual(["2022-2023 50%", "2023-2024 50%", "2024-2025 100%"]);
    expect(zon.standaarden[0]!.zelfevaluatieTrend).toBe("beter dan vorig jaar");
    const r = fixture();
    const school = r.schools.find((x) => x.id === "01AA00")!;
    school.visitaties[0] = { ...school.visitaties[0]!, schooljaar: "2023-2024", datum: "2023-10-10" };
    school.visitaties[1] = { ...school.visitaties[1]!, schooljaar: "2024-2025", datum: "2024-11-05" };
    const later = buildVisitatie(r, { schools: ["01AA00"] }).schools[0]!;
    expect(later.standaarden[0]!.zelfevaluaties.map((c) => c.schooljaar)).toEqual(["2023-2024", "2024-2025"]);
    expect(later.standaarden[0]!.zelfevaluatieLabel).toBe("Zelfevaluaties sinds de vorige visitatie van 2023-10-10 (indicatoren die voldoen)");
    school.visitaties.splice(0, 1);
    const alone = buildVisitatie(r, { schools: ["01AA00"] }).schools[0]!;
    expect(alone.vorigBezoek).toBeUndefined();
    expect(alone.standaarden[0]!.trendText).toBe("geen vorige visitatie om mee te vergelijken");
    expect(alone.standaarden[0]!.zelfevaluaties).toHaveLength(3);
    expect(alone.standaarden[0]!.zelfevaluatieLabel).toBe("Zelfevaluaties (indicatoren die voldoen)");
  });

  it("flags afspraken and ontwikkelpunten whose date lies before the peildatum and that are not afgerond", () => {
    const a = (status: "open" | "in uitvoering" | "afgerond" | undefined, termijn: string | undefined) =>
      afspraakView("nl", { omschrijving: "x", ...(termijn !== undefined ? { termijn } : {}), ...(status !== undefined ? { status } : {}) }, "2026-06-01");
    expect(a("in uitvoering", "2026-05-31").overdue).toBe(true);
    expect(a(undefined, "2024-06-30").overdueText).toBe("Over de termijn: uiterlijk 2024-06-30, en op 2026-06-01 nog niet afgerond.");
    expect(a("afgerond", "2024-06-30").overdue).toBe(false);
    // On the day itself there is still time, and without a termijn nothing can be late.
    expect(a("open", "2026-06-01").overdue).toBe(false);
    expect(a("open", undefined).overdue).toBe(false);
    expect(isOverdue("2025-01-14", "2025-01-15")).toBe(true);

    const r = fixture();
    const school = r.schools.find((x) => x.id === "01AA00")!;
    school.sop!.ontwikkelpunten = [
      { omschrijving: "Pestprotocol herzien", standaard: "BO-01.02", streefdatum: "2024-12-01" },
      { omschrijving: "Scholing mentoren", standaard: "BO-04", streefdatum: "2025-01-31" },
    ];
    school.visitaties[1]!.afspraken = [
      { omschrijving: "Pestprotocol met de leerlingenraad", standaard: "BO-01", termijn: "2024-12-31", eigenaar: "teamleider", status: "in uitvoering", voortgang: "Concept klaar." },
      { omschrijving: "SOP in de schoolgids", standaard: "BO-12", termijn: "2024-10-01", status: "afgerond" },
    ];
    const v = buildVisitatie(r, { schools: ["01AA00"] }).schools[0]!;
    const bo01 = v.standaarden.find((st) => st.id === "BO-01")!;
    // An ontwikkelpunt of the SOP on an indicator lands under its standard.
    expect(bo01.ontwikkelpunten).toEqual([
      { omschrijving: "Pestprotocol herzien", bron: "sop", streefdatum: "2024-12-01", overdue: true, overdueText: "Streefdatum 2024-12-01 is verstreken (peildatum 2025-01-15)." },
    ]);
    expect(bo01.afspraken.map((x) => [x.eigenaar, x.statusLabel, x.overdue, x.voortgang])).toEqual([["teamleider", "in uitvoering", true, "Concept klaar."]]);
    expect(bo01.overdue).toBe(true);
    expect(v.standaarden.find((st) => st.id === "BO-12")!.overdue).toBe(false);
    // BO-04 is not judged in this report: its ontwikkelpunt is listed apart, not yet late.
    expect(v.ontwikkelpunten).toEqual([{ omschrijving: "Scholing mentoren", bron: "sop", streefdatum: "2025-01-31", overdue: false, standaard: "BO-04" }]);
    expect(v.afsprakenSamenvatting).toBe("2 afspraken: 1 afgerond, 1 in uitvoering, 0 open.");
    expect(v.overdueSamenvatting).toBe("Let op: 1 afspraak en 1 ontwikkelpunt over de termijn.");
  });

  it("puts the checker's findings in words: the indicator's text or the rule's title, no file, a hint once", () => {
    expect(zon.findingWords).toEqual([
      { severity: "error", severityLabel: "fout", symbol: "✗", subject: "Het SOP is opgenomen in de schoolgids", ref: "BO-12.01", message: "SOP staat niet in de schoolgids", hint: "Neem het SOP op in de schoolgids." },
      { severity: "info", severityLabel: "info", symbol: "i", subject: "Het SOP noemt een anti-pestcoördinator", ref: "BO-01.02", message: "Tip: noem de anti-pestcoördinator" },
    ]);
    expect(JSON.stringify(zon.findingWords)).not.toContain("scholen/");
    expect(zon.regime).toBeUndefined();
    const r = fixture();
    const school = r.schools.find((x) => x.id === "01AA00")!;
    const first = school.findings[0]!;
    school.findings.push({ ...first, message: "nog eens", range: { ...first.range, line: first.range.line + 5 } }, { ...first, ruleId: "eigen/regel", indicator: undefined, message: "zonder titel", range: { ...first.range, line: first.range.line + 9 } } as typeof first);
    const words = buildVisitatie(r, { schools: ["01AA00"] }).schools[0]!.findingWords;
    expect(words.filter((w) => w.hint === "Neem het SOP op in de schoolgids.")).toHaveLength(1);
    // A rule with neither indicator nor title is named by its code alone.
    expect(words.find((w) => w.message === "zonder titel")).toMatchObject({ ref: "eigen/regel" });
    expect(words.find((w) => w.message === "zonder titel")?.subject).toBeUndefined();
  });

  it("speaks English", () => {
    const en = buildVisitatie(fixture(), { schools: ["01AA00"], lang: "en" }).schools[0]!;
    expect(en.standaarden[0]!.trendText).toBe("better than at the previous review (2019-11-12: does not meet)");
    expect(en.standaarden[0]!.trendShort).toBe("better");
    expect(en.bezoek?.eindoordeel?.label).toBe("meets");
    expect(en.afspraken[0]!.overdueText).toBe("Overdue: due by 2024-10-01, and not completed on 2025-01-15.");
    expect(en.overdueSamenvatting).toBe("Note: 1 agreement overdue.");
  });

  it("summarises the profile with the aanbod in vocabulary order", () => {
    expect(zon.sop?.aanbod.map((a) => `${a.behoefte}:${a.niveau}:${a.onderwijstypen}`)).toEqual([
      "dyslexie:extra:alle",
      "dyslexie:basis:havo",
      "hoogbegaafd:basis:havo",
      "ass:arrangement:alle",
    ]);
  });

  it("knows the schooljaar of a date", () => {
    expect(schooljaarOf("2024-07-31")).toBe("2023-2024");
    expect(schooljaarOf("2024-08-01")).toBe("2024-2025");
  });
});
