/** Streamed JSON (one piece per school) is byte-identical to stringifying the whole document. */
import { describe, expect, it } from "vitest";
import { audit } from "../../src/core/audit.js";
import { chunks } from "../../src/format/json.js";
import { toJsonOutput } from "../../src/format/json-contract.js";
import { fixture } from "./fixture.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const ctx = { lang: "nl" as const, version: "0.1.0" };

describe("json chunks", () => {
  it("on the hand-built fixture, with and without schools", () => {
    const r = fixture();
    expect([...chunks(r, ctx)].join("")).toBe(`${JSON.stringify(toJsonOutput(r, ctx), null, 2)}\n`);
    const empty = { ...r, schools: [] };
    expect([...chunks(empty, ctx)].join("")).toBe(`${JSON.stringify(toJsonOutput(empty, ctx), null, 2)}\n`);
  });

  it("on both examples, one piece per school", async () => {
    for (const repo of ["examples/swv-vo-2203", "examples/swv-meierij-po"]) {
      const r = await audit({ cwd: ROOT, repo, detail: "check" });
      const pieces = [...chunks(r, { ...ctx, timestamp: "2026-01-01T00:00:00.000Z" })];
      expect(pieces.length).toBe(r.schools.length + 2);
      expect(pieces.join("")).toBe(`${JSON.stringify(toJsonOutput(r, { ...ctx, timestamp: "2026-01-01T00:00:00.000Z" }), null, 2)}\n`);
    }
  });
});
