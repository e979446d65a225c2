/** Streamed JSON (pieces per school) is byte-identical to stringifying the whole document. */
import { describe, expect, it } from "vitest";
import { audit } from "../../src/core/audit.js";
import { chunks } from "../../src/format/json.js";
import { toJsonOutput } from "../../src/format/json-contract.js";
import { joinPieces } from "../../src/format/types.js";
import { inBlocks } from "../../src/core/write.js";
import { fixture } from "./fixture.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const ctx = { lang: "nl" as const, version: "0.1.0" };

describe("json chunks", () => {
  it("on the hand-built fixture, with and without schools", () => {
    const r = fixture();
    expect(joinPieces(chunks(r, ctx))).toBe(`${JSON.stringify(toJsonOutput(r, ctx), null, 2)}\n`);
    const empty = { ...r, schools: [] };
    expect(joinPieces(chunks(empty, ctx))).toBe(`${JSON.stringify(toJsonOutput(empty, ctx), null, 2)}\n`);
  });

  it("on both examples: the same text, joined or gathered into blocks of bytes", async () => {
    for (const repo of ["examples/swv-vo-2203", "examples/swv-meierij-po"]) {
      const r = await audit({ cwd: ROOT, repo, detail: "check" });
      const stamped = { ...ctx, timestamp: "2026-01-01T00:00:00.000Z" };
      const whole = `${JSON.stringify(toJsonOutput(r, stamped), null, 2)}\n`;
      expect(joinPieces(chunks(r, stamped))).toBe(whole);
      expect(Buffer.concat([...inBlocks(chunks(r, stamped))]).toString("utf8")).toBe(whole);
    }
  });

  it("encodes a status that schools share once, and then gives the same bytes again", async () => {
    const r = await audit({ cwd: ROOT, repo: "examples/swv-vo-2203", detail: "check" });
    const [a, b] = r.schools;
    const shared = a!.statuses.findIndex((st, i) => i > 0 && st === b!.statuses[i]);
    expect(shared).toBeGreaterThan(0);
    const bytes = (school: typeof a) => [...chunks({ ...r, schools: [school!] }, ctx)].filter((p) => p instanceof Uint8Array);
    // A school's first status comes without the separator; the others are the shared, encoded text itself.
    expect(bytes(a)).toHaveLength(a!.statuses.length);
    expect(bytes(a)[shared]).toBe(bytes(b)[shared]);
  });
});
