/**
 * A worker's statuses travel as numbers, each status object once per worker;
 * the main thread gets the same statuses back, as its own shared objects.
 */
import { describe, expect, it } from "vitest";
import type { ItemStatus } from "../../src/core/types.js";
import { Interner, SHARED } from "../../src/engine/intern.js";
import { StatusPacker, StatusUnpacker, type PackedStatuses } from "../../src/engine/transfer.js";

// The worker's own interner: its statuses are shared objects, as the rules make them.
const worker = new Interner();
const a = worker.status("BO-01.01", "voldoet", ["BO-ZE"]);
const b = worker.status("BO-01.02", "voldoet-niet", ["BO-ZE", "BO-VI"]);
const c = worker.status("BO-01.02", "niet-aangetoond", [], "de visitatie van 2024-11-28 oordeelt er niet over");
const d = worker.status("BO-01.03", "nvt", [], "");

/** What postMessage does to a message. */
const sent = (packed: PackedStatuses): PackedStatuses => structuredClone(packed);

describe("StatusPacker and StatusUnpacker", () => {
  it("send each status once, and give back equal statuses in the same order", () => {
    const packer = new StatusPacker();
    const unpacker = new StatusUnpacker();
    const schools: ItemStatus[][] = [
      [a, b, d],
      [a, c, d],
      [a, b, d],
      [a, c, d],
    ];
    const packed = schools.map((statuses) => sent(packer.pack(statuses)));
    expect(packed.map((p) => [...p.numbers])).toEqual([
      [0, 1, 2],
      [0, 3, 2],
      [0, 1, 2],
      [0, 3, 2],
    ]);
    expect(packed.map((p) => p.added.length)).toEqual([3, 1, 0, 0]);
    const back = packed.map((p) => unpacker.unpack(p));
    expect(back).toEqual(schools);
  });

  it("give the main thread's shared objects: the same object wherever a status repeats", () => {
    const packer = new StatusPacker();
    const unpacker = new StatusUnpacker();
    const first = unpacker.unpack(sent(packer.pack([a, b])));
    const second = unpacker.unpack(sent(packer.pack([a, c, b])));
    expect(second[0]).toBe(first[0]);
    expect(second[2]).toBe(first[1]);
    // What this thread's rules would have made for the same status.
    expect(first[0]).toBe(SHARED.status("BO-01.01", "voldoet", ["BO-ZE"]));
    expect(second[1]).toBe(SHARED.status("BO-01.02", "niet-aangetoond", [], "de visitatie van 2024-11-28 oordeelt er niet over"));
  });

  it("keep an empty reason apart from none", () => {
    const unpacker = new StatusUnpacker();
    const [back] = unpacker.unpack(sent(new StatusPacker().pack([d])));
    expect(back).toEqual({ item: "BO-01.03", status: "nvt", rules: [], reason: "" });
  });
});
