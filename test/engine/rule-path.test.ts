/**
 * Rule paths (`a.b`, `aanbod[].behoefte`): every value they reach, in
 * document order, and for a missing step one hit at the deepest part that
 * exists, so that "absent" can be pointed at.
 */
import { describe, expect, it } from "vitest";
import { resolvePath } from "../../src/rules/path.js";

const doc = {
  vaststelling: { datum: "2025-10-07", mrAdvies: { datum: "2025-09-30" } },
  aanbod: [
    { behoefte: "dyslexie", niveau: "basis", onderwijstypen: ["havo", "vwo"] },
    { behoefte: "gedrag" },
    { niveau: "extra", onderwijstypen: [] },
  ],
  leeg: [],
  tekst: "geen lijst",
};

describe("resolvePath", () => {
  it("follows keys to one value", () => {
    expect(resolvePath(doc, "vaststelling.mrAdvies.datum")).toEqual([{ path: ["vaststelling", "mrAdvies", "datum"], value: "2025-09-30" }]);
  });

  it("names the first missing key, with no value, and stops there", () => {
    expect(resolvePath(doc, "vaststelling.publicatie.website")).toEqual([{ path: ["vaststelling", "publicatie"], value: undefined }]);
    expect(resolvePath(doc, "tekst.deel")).toEqual([{ path: ["tekst"], value: undefined }]);
  });

  it("gives every element of a list, in order, with its index", () => {
    expect(resolvePath(doc, "aanbod[].behoefte")).toEqual([
      { path: ["aanbod", 0, "behoefte"], value: "dyslexie" },
      { path: ["aanbod", 1, "behoefte"], value: "gedrag" },
      { path: ["aanbod", 2, "behoefte"], value: undefined },
    ]);
  });

  it("goes through lists in lists, depth first", () => {
    expect(resolvePath(doc, "aanbod[].onderwijstypen[]")).toEqual([
      { path: ["aanbod", 0, "onderwijstypen", 0], value: "havo" },
      { path: ["aanbod", 0, "onderwijstypen", 1], value: "vwo" },
      { path: ["aanbod", 1, "onderwijstypen"], value: undefined },
    ]);
  });

  it("gives nothing for an empty list, and one empty hit where no list is", () => {
    expect(resolvePath(doc, "leeg[].x")).toEqual([]);
    expect(resolvePath(doc, "tekst[].x")).toEqual([{ path: ["tekst"], value: undefined }]);
    expect(resolvePath(doc, "ontbreekt[]")).toEqual([{ path: ["ontbreekt"], value: undefined }]);
  });

  it("leaves no part of one hit's path in the next", () => {
    const hits = resolvePath(doc, "aanbod[].niveau");
    expect(hits.map((h) => h.path)).toEqual([
      ["aanbod", 0, "niveau"],
      ["aanbod", 1, "niveau"],
      ["aanbod", 2, "niveau"],
    ]);
    hits[0]!.path.push("changed");
    expect(hits[1]!.path).toEqual(["aanbod", 1, "niveau"]);
  });
});
