import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FORMAT_NAMES, FORMATTERS, isFormatName, type FormatName } from "../../src/format/index.js";
import { CTX, CTX_EN, fixture } from "./fixture.js";

const hasStylish = existsSync(fileURLToPath(new URL("../../src/format/stylish.ts", import.meta.url)));
const names: FormatName[] = FORMAT_NAMES.filter((n) => n !== "stylish" || hasStylish);

describe("format registry", () => {
  it("names the seven formats", () => {
    expect([...FORMAT_NAMES].sort()).toEqual(["github", "gitlab", "json", "junit", "markdown", "sarif", "stylish"]);
    expect(Object.keys(FORMATTERS).sort()).toEqual([...FORMAT_NAMES].sort());
    expect(isFormatName("sarif")).toBe(true);
    expect(isFormatName("xml")).toBe(false);
  });

  it.each(names)("%s loads lazily and is pure: same input, same bytes; the input is not changed", async (name) => {
    const fmt = await FORMATTERS[name]();
    expect(typeof fmt).toBe("function");
    const input = fixture();
    const snapshot = JSON.stringify(input);
    const a = fmt(input, CTX);
    expect(JSON.stringify(input)).toBe(snapshot);
    expect(fmt(fixture(), CTX)).toBe(a);
    expect(a.length).toBeGreaterThan(0);
    expect(a.endsWith("\n")).toBe(true);
    // no clock: no time of day appears unless one is given
    expect(a).not.toMatch(/\d{2}:\d{2}:\d{2}/);
    expect(fmt(fixture(), CTX_EN)).toBe(fmt(fixture(), CTX_EN));
  });
});
