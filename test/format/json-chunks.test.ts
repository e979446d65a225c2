/** Streamed JSON (pieces per school) is byte-identical to stringifying the whole document. */
import { describe, expect, it } from "vitest";
import { audit } from "../../src/audit/audit.js";
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

  it("gives each school's statuses as one piece of bytes, right whatever school came before", async () => {
    const vo = await audit({ cwd: ROOT, repo: "examples/swv-vo-2203", detail: "check" });
    const po = await audit({ cwd: ROOT, repo: "examples/swv-meierij-po", detail: "check" });
    // Schools of two rulesets, alternating in the output (it is sorted by id): neighbours share no
    // statuses, and their lists differ in length. Then every school twice in a row: all shared.
    const mixed = vo.schools.flatMap((s, i) => [{ ...s, id: `s${i}a` }, ...(po.schools[i] ? [{ ...po.schools[i]!, id: `s${i}b` }] : [])]);
    const twice = vo.schools.flatMap((s, i) => [{ ...s, id: `s${i}a` }, { ...s, id: `s${i}b` }]);
    expect(vo.schools[0]!.statuses.length).not.toBe(po.schools[0]!.statuses.length);
    for (const schools of [mixed, twice]) {
      const r = { ...vo, schools };
      const pieces = [...chunks(r, ctx)];
      expect(pieces.filter((p) => p instanceof Uint8Array)).toHaveLength(schools.filter((s) => s.statuses.length > 0).length);
      expect(joinPieces(pieces)).toBe(`${JSON.stringify(toJsonOutput(r, ctx), null, 2)}\n`);
    }
  });
});
