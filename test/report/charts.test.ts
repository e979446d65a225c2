/**
 * The overview's charts: exact geometry for small inputs, the same bytes for
 * the same input, a title and description for assistive technology, and
 * every text escaped.
 */
import { describe, expect, it } from "vitest";
import { emptyStatusCounts, type StatusCounts } from "../../src/core/status-counts.js";
import type { Status } from "../../src/core/types.js";
import { HEAT, heatmapSvg } from "../../src/report/charts/heatmap.js";
import { BARS, countsText, statusBarsSvg, type StatusBarsInput } from "../../src/report/charts/status-bars.js";
import { esc, fit, num } from "../../src/report/charts/svg.js";
import { TREND, shortYear, trendSvg } from "../../src/report/charts/trend.js";
import { buildOverview, CHART_SCHOOLS } from "../../src/report/overview.js";
import { fixture } from "./fixture.js";

const LABELS: Record<Status, string> = {
  voldoet: "voldoet",
  "voldoet-niet": "voldoet niet",
  "niet-aangetoond": "niet aangetoond",
  uitgezonderd: "uitgezonderd",
  nvt: "n.v.t.",
};
const NASTY = `<script>alert("x")</script> & 'Zon'`;

function counts(c: Partial<StatusCounts>): StatusCounts {
  return { ...emptyStatusCounts(), ...c };
}

/** The attributes of every element with this tag, in document order. */
function elements(svg: string, tag: string): Record<string, string>[] {
  return [...svg.matchAll(new RegExp(`<${tag}\\b([^>]*?)/?>`, "g"))].map((m) => Object.fromEntries([...m[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])));
}

/** The text of every <text> element, in order. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text\b[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

/** Every chart is one image with a name and a description that resolve to its own title and desc. */
function expectAccessible(svg: string, prefix: string, title: string, desc: string): void {
  expect(svg.startsWith("<svg ")).toBe(true);
  expect(svg.endsWith("</svg>")).toBe(true);
  const root = elements(svg, "svg")[0]!;
  expect(root.role).toBe("img");
  expect(root["aria-labelledby"]).toBe(`${prefix}-title ${prefix}-desc`);
  expect(svg).toContain(`<title id="${prefix}-title">${esc(title)}</title>`);
  expect(svg).toContain(`<desc id="${prefix}-desc">${esc(desc)}</desc>`);
  // Nothing to fetch: the only references are to the chart's own patterns.
  expect(svg).not.toMatch(/href=|<image|<script|url\((?!#)/);
  for (const m of svg.matchAll(/url\(#([^)]+)\)/g)) expect(svg).toContain(`<pattern id="${m[1]}"`);
}

/** Every number in a geometry attribute has at most one decimal. */
function expectFixedNumbers(svg: string): void {
  for (const m of svg.matchAll(/\s(?:x|y|x1|x2|y1|y2|cx|cy|r|width|height|font-size)="([^"]*)"/g)) expect(m[1]).toMatch(/^-?\d+(\.\d)?$/);
  for (const m of svg.matchAll(/[MLd]\s*(-?[\d.]+)/g)) expect(m[1]).toMatch(/^-?\d+(\.\d)?$/);
}

describe("svg pieces", () => {
  it("writes numbers with at most one decimal and never -0", () => {
    expect([num(1 / 3), num(2 / 3), num(-0.01), num(12), num(53.55)]).toEqual(["0.3", "0.7", "0", "12", "53.6"]);
  });

  it("escapes text for content and attributes", () => {
    expect(esc(NASTY)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Zon&#39;");
  });

  it("cuts a text that does not fit with an ellipsis, by characters", () => {
    expect(fit("Kort", 100, 10)).toBe("Kort");
    // 60 wide at 10 px: 10 characters, the last the ellipsis.
    expect(fit("Basisschool 't Hoekske", 60, 10)).toBe("Basisscho…");
  });
});

describe("status bars", () => {
  const input: StatusBarsInput = {
    idPrefix: "t-bars",
    title: "Status per school",
    desc: "Per school een balk.",
    labels: LABELS,
    rows: [
      { label: "Eerste", counts: counts({ "voldoet-niet": 1, voldoet: 3 }) },
      { label: NASTY, counts: counts({}) },
    ],
  };
  const svg = statusBarsSvg(input);

  it("splits a school's bar by share, the areas meeting without gaps, needing-attention first", () => {
    // Three patterns' tiles and the legend's five swatches (on two lines: 40 high, then a gap of 8), then the bars.
    const bars = elements(svg, "rect").slice(8);
    expect(bars).toEqual([
      // A quarter voldoet niet (patterned), three quarters voldoet, together the whole bar width.
      { x: "0", y: "68", width: "53.5", height: "15", fill: "url(#t-bars-p-voldoet-niet)" },
      { x: "53.5", y: "68", width: "160.5", height: "15", fill: "#2e7d32" },
      // A school without items: an empty outline, not a bar of nothing.
      { x: "0", y: "110", width: String(BARS.barWidth), height: "15", fill: "none", stroke: "#6b6b6b", "stroke-dasharray": "3 3" },
    ]);
    expect(texts(svg)).toContain("Eerste");
    expect(texts(svg)).toContain("✗1 · ✓3");
    // The symbols on the areas wide enough to hold one: never colour alone.
    expect(texts(svg).filter((x) => x === "✗" || x === "✓").length).toBeGreaterThanOrEqual(4);
  });

  it("gives the counts as text, in the order of the bar", () => {
    expect(countsText(counts({ voldoet: 25, "voldoet-niet": 1, "niet-aangetoond": 7, nvt: 2 }))).toBe("✗1 · ?7 · ✓25 · –2");
    expect(countsText(counts({}))).toBe("");
  });

  it("is one image with a title and a description, and the same bytes every time", () => {
    expectAccessible(svg, "t-bars", input.title, input.desc);
    expectFixedNumbers(svg);
    expect(statusBarsSvg(structuredClone(input))).toBe(svg);
    expect(elements(svg, "svg")[0]).toMatchObject({ width: "380", height: String(48 + 2 * BARS.rowHeight), viewBox: `0 0 380 ${48 + 2 * BARS.rowHeight}` });
  });

  it("escapes a school's name", () => {
    expect(svg).not.toContain("<script");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Zon&#39;");
  });
});

describe("heatmap", () => {
  const input = {
    idPrefix: "t-heat",
    title: "Zwakste status",
    desc: "Per school een rij.",
    labels: LABELS,
    columns: ["BO-01", "<BO>"],
    rows: [{ label: NASTY, cells: [{ status: "voldoet-niet" as const, count: 2 }, { count: 0 }] }],
  };
  const svg = heatmapSvg(input);

  it("draws one cell per school and standard at its place, with symbol and count", () => {
    // Two patterns' tiles and a legend of four on two lines (uitgezonderd is never a cell's weakest status), then the cells.
    const cells = elements(svg, "rect").slice(6);
    const top = 40 + HEAT.legendGap + HEAT.headHeight;
    // The names take what the longest needs: 35 characters at 11 × 0.6, and 12 to spare.
    const names = 243;
    expect(cells).toEqual([
      { x: String(names + 1), y: String(top + 1), width: "28", height: "22", fill: "url(#t-heat-p-voldoet-niet)" },
      { x: String(names + 31), y: String(top + 1), width: "28", height: "22", fill: "#ffffff", stroke: "#9a9a9a", "stroke-width": "0.75" },
    ]);
    expect(texts(svg)).toContain("✗2");
    expect(elements(svg, "svg")[0]).toMatchObject({ width: String(names + 60 + HEAT.tail), height: String(top + HEAT.rowHeight) });
    // Short names: no less than the minimum; long ones: no more than the maximum, cut with an ellipsis.
    const short = heatmapSvg({ ...input, rows: [{ label: "A", cells: input.rows[0]!.cells }] });
    expect(elements(short, "rect")[6]!.x).toBe(String(HEAT.minLabelWidth + 1));
    const long = heatmapSvg({ ...input, rows: [{ label: "Lang ".repeat(30), cells: input.rows[0]!.cells }] });
    expect(elements(long, "rect")[6]!.x).toBe(String(HEAT.labelWidth + 1));
    expect(texts(long).some((x) => x.endsWith("…"))).toBe(true);
  });

  it("is accessible, deterministic and escapes names and column heads", () => {
    expectAccessible(svg, "t-heat", input.title, input.desc);
    expectFixedNumbers(svg);
    expect(heatmapSvg(structuredClone(input))).toBe(svg);
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<BO>");
    expect(texts(svg)).toContain("&lt;BO&gt;");
  });
});

describe("trend", () => {
  const input = {
    idPrefix: "t-trend-1",
    title: "BO-01: Veilig",
    desc: "Percentage voldoet per schooljaar: 2022-2023: 50%; 2023-2024: geen scores; 2024-2025: 100%.",
    heading: "BO-01",
    years: ["2022-2023", "2023-2024", "2024-2025"],
    values: [50, undefined, 100],
  };
  const svg = trendSvg(input);

  it("places a point per year with scores on a 0–100 scale, and breaks the line where a year has none", () => {
    const { left, right, top, bottom, width } = TREND;
    const x0 = left + 16;
    const x2 = width - right - 16;
    const mid = (bottom + top) / 2;
    expect(elements(svg, "circle")).toEqual([
      { cx: String(x0), cy: String(mid), r: "3.5", fill: "#1d4f91" },
      { cx: String(x2), cy: String(top), r: "3.5", fill: "#1d4f91" },
    ]);
    expect(elements(svg, "path")[0]!.d).toBe(`M${x0} ${mid}M${x2} ${top}`);
    expect(texts(svg)).toEqual(expect.arrayContaining(["BO-01", "22-23", "23-24", "24-25", "50%", "100%"]));
  });

  it("names how many schools each year stands for, under its label", () => {
    const noted = trendSvg({ ...input, notes: ["1 school", "<6>", "6 scholen"] });
    expect(texts(noted)).toEqual(expect.arrayContaining(["1 school", "&lt;6&gt;", "6 scholen"]));
    expect(texts(svg)).not.toContain("1 school");
  });

  it("draws the line through consecutive years", () => {
    const line = trendSvg({ ...input, values: [50, 75, 100] });
    expect(elements(line, "path")[0]!.d).toMatch(/^M[\d.]+ [\d.]+L[\d.]+ [\d.]+L[\d.]+ [\d.]+$/);
  });

  it("is accessible and deterministic", () => {
    expectAccessible(svg, "t-trend-1", input.title, input.desc);
    expectFixedNumbers(svg);
    expect(trendSvg(structuredClone(input))).toBe(svg);
  });

  it("shortens a schooljaar for the axis", () => {
    expect(shortYear("2024-2025")).toBe("24-25");
    expect(shortYear("anders")).toBe("anders");
  });
});

describe("the overview's charts with many schools", () => {
  it("draw the schools that need the most attention, say so, and leave every school in the tables", () => {
    const r = fixture();
    const model = r.schools[0]!;
    r.schools = Array.from({ length: CHART_SCHOOLS + 5 }, (_, n) => ({
      ...model,
      id: `${String(10 + n)}ZZ00`,
      naam: `Testschool ${String(n + 1).padStart(2, "0")}`,
      // The first schools have the most open indicators: those are drawn.
      statuses: model.statuses.map((st, i) => (i < 3 && n < CHART_SCHOOLS ? { ...st, status: "voldoet-niet" as const } : st)),
    }));
    const vm = buildOverview(r);
    const drawn = (svg: string) => [...svg.matchAll(/Testschool (\d\d)/g)].map((m) => Number(m[1]));
    expect(new Set(drawn(vm.charts.bars))).toEqual(new Set(Array.from({ length: CHART_SCHOOLS }, (_, n) => n + 1)));
    expect(new Set(drawn(vm.charts.heatmap))).toEqual(new Set(Array.from({ length: CHART_SCHOOLS }, (_, n) => n + 1)));
    expect(vm.charts.note).toBe(`De grafieken tonen de ${CHART_SCHOOLS} scholen die de meeste aandacht vragen, van de ${CHART_SCHOOLS + 5}; alle scholen staan in de tabellen.`);
    expect(vm.charts.bars).toContain(vm.charts.note);
    expect(vm.bars).toHaveLength(CHART_SCHOOLS + 5);
    expect(vm.rows).toHaveLength(CHART_SCHOOLS + 5);
    // A usual SWV is drawn whole, without the note.
    expect(buildOverview(fixture()).charts.note).toBeUndefined();
  });
});
