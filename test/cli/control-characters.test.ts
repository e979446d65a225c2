/**
 * A school file with a right-to-left override (U+202E) and a terminal escape
 * (ESC [ 2 J, clear the screen) in its values: the terminal and the reports
 * show both as escapes, never the characters themselves.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "./in-process.js";
import { EXAMPLES, editFile } from "../engine/helpers.js";

/** The raw characters in a text: on failure the report shows these, not the whole text. */
const raw = (text: string) => text.match(/[\u202E\x1b]/g) ?? [];
// YAML's double-quoted escapes put the raw characters in the values.
const TOELICHTING = ["toelichting: Eén thema-avond (sociale media)", 'toelichting: "Eén thema-avond\\u202E (sociale\\e[2J media)'];
const NAAM = ["naam: Praktijkschool De Kempenaer", 'naam: "Praktijkschool \\u202EDe Kempenaer\\e[2J"'];

let repo: string;
beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), "sop-controls-"));
  cpSync(join(EXAMPLES, "swv-vo-2203"), repo, { recursive: true });
  const ze = "scholen/02KP00/zelfevaluatie-2025-2026.yaml";
  const line = readFileSync(join(repo, ze), "utf8").split("\n").find((l) => l.includes(TOELICHTING[0]!))!;
  editFile(repo, ze, line, `${line.replace(TOELICHTING[0]!, TOELICHTING[1]!)}"`);
  editFile(repo, "scholen/02KP00/sop-2025-2026.yaml", NAAM[0]!, NAAM[1]!);
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("control and bidi characters from a school file", () => {
  it("are escaped in the terminal (stylish and github)", async () => {
    const stylish = await runInProcess(["check", "-C", repo, "--fail-on", "never"]);
    expect(stylish.code).toBe(0);
    expect(stylish.stdout).toContain("Eén thema-avond\\u202E (sociale\\x1B[2J media)");
    expect(raw(stylish.stdout)).toEqual([]);

    const github = await runInProcess(["check", "-C", repo, "--fail-on", "never", "--format", "github"]);
    expect(github.stdout).toContain("Eén thema-avond\\u202E (sociale\\x1B[2J media)");
    expect(raw(github.stdout)).toEqual([]);
  });

  it("are shown as escapes in the HTML and Markdown reports", async () => {
    const out = join(repo, "rapporten");
    expect((await runInProcess(["report", "-C", repo, "--out", out])).code).toBe(0);
    const html = readFileSync(join(out, "school-02KP00.html"), "utf8");
    expect(html).toContain("Praktijkschool \\u202EDe Kempenaer\\x1B[2J");
    expect(html).toContain("Eén thema-avond\\u202E (sociale\\x1B[2J media)");
    expect(raw(html)).toEqual([]);
    // In Markdown a backslash before a letter is a backslash: a reader sees \u202E.
    const md = readFileSync(join(out, "school-02KP00.md"), "utf8");
    expect(md).toContain("Praktijkschool \\u202EDe Kempenaer\\x1B\\[2J");
    expect(raw(md)).toEqual([]);
    expect(raw(readFileSync(join(out, "overzicht.html"), "utf8"))).toEqual([]);
  });

  it("are shown as escapes in --format markdown", async () => {
    const r = await runInProcess(["check", "-C", repo, "--fail-on", "never", "--format", "markdown"]);
    expect(r.stdout).toContain("Praktijkschool \\\\u202EDe Kempenaer\\\\x1B\\[2J");
    expect(raw(r.stdout)).toEqual([]);
  });

  it("stay the same data in JSON, written as \\u escapes", async () => {
    const r = await runInProcess(["check", "-C", repo, "--fail-on", "never", "--format", "json"]);
    expect(raw(r.stdout)).toEqual([]);
    expect(r.stdout).toContain("Eén thema-avond\\u202e (sociale\\u001b[2J media)");
    const school = (JSON.parse(r.stdout) as { schools: { id: string; naam?: string }[] }).schools.find((s) => s.id === "02KP00");
    expect(school?.naam).toBe("Praktijkschool \u202EDe Kempenaer\x1b[2J");
  });
});

describe("control and bidi characters from an SWV's own rule file", () => {
  it("are escaped by explain and standards", async () => {
    const own = mkdtempSync(join(tmpdir(), "sop-controls-rules-"));
    try {
      cpSync(join(EXAMPLES, "..", "test", "fixtures", "clean"), own, { recursive: true });
      editFile(own, "regels/profiel.yaml", "titel: Het SOP noemt het aantal thuiszitters", 'titel: "Het SOP noemt\\u202E het aantal\\e[2J thuiszitters"');
      const explain = await runInProcess(["explain", "TST-01", "-C", own]);
      expect(explain.code, explain.stderr).toBe(0);
      expect(explain.stdout).toContain("Het SOP noemt\\u202E het aantal\\x1B[2J thuiszitters");
      expect(raw(explain.stdout)).toEqual([]);
      const standards = await runInProcess(["standards", "-C", own]);
      expect(standards.stdout).toContain("Het SOP noemt\\u202E het aantal\\x1B[2J thuiszitters");
      expect(raw(standards.stdout)).toEqual([]);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});
