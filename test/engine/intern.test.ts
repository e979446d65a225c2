/** Shared item statuses: one object per distinct status, also when an item has many variants. */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { Interner } from "../../src/engine/intern.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("Interner.status", () => {
  it("gives the same object for the same item, status, rules and reason, however many variants the item has", () => {
    const interner = new Interner();
    const dates = Array.from({ length: 300 }, (_, i) => `de visitatie van 2024-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}-${i} oordeelt er niet over`);
    const first = dates.map((reason) => interner.status("BO-01.01", "niet-aangetoond", ["MKS-VI"], reason));
    const again = dates.map((reason) => interner.status("BO-01.01", "niet-aangetoond", ["MKS-VI"], reason));
    for (let i = 0; i < dates.length; i++) expect(again[i]).toBe(first[i]);
    expect(new Set(first).size).toBe(300);
  });

  it("keeps apart what differs: item, status, rules, no reason and an empty one", () => {
    const interner = new Interner();
    const base = interner.status("BO-01.01", "voldoet", ["BO-ZE"]);
    expect(interner.status("BO-01.01", "voldoet", ["BO-ZE"])).toBe(base);
    expect(interner.status("BO-01.02", "voldoet", ["BO-ZE"])).not.toBe(base);
    expect(interner.status("BO-01.01", "voldoet-niet", ["BO-ZE"])).not.toBe(base);
    expect(interner.status("BO-01.01", "voldoet", ["BO-ZE", "BO-VI"])).not.toBe(base);
    expect(interner.status("BO-01.01", "voldoet", [])).not.toBe(base);
    const empty = interner.status("BO-01.01", "voldoet", ["BO-ZE"], "");
    expect(empty).not.toBe(base);
    expect(empty.reason).toBe("");
    expect("reason" in base).toBe(false);
    // Rules are not mistaken for a reason.
    expect(interner.status("X", "nvt", ["a"], undefined)).not.toBe(interner.status("X", "nvt", [], "a"));
  });

  it("past the limit of variants still gives a correct status, as an object of its own", () => {
    const interner = new Interner();
    const made = Array.from({ length: 4200 }, (_, i) => interner.status("BO-01.01", "nvt", [], `reden ${i}`));
    const late = interner.status("BO-01.01", "nvt", [], "reden 4198");
    expect(late).toEqual({ item: "BO-01.01", status: "nvt", rules: [], reason: "reden 4198" });
    expect(late).not.toBe(made[4198]);
    expect(interner.status("BO-01.01", "nvt", [], "reden 0")).toBe(made[0]);
  });

  it("gives the next school the same object as the last one when nothing differs, and a new one when anything does", () => {
    const interner = new Interner();
    const first = interner.status("BO-02.01", "voldoet", ["R1", "R2"]);
    expect(interner.status("BO-02.01", "voldoet", ["R1", "R2"].slice())).toBe(first);
    const cases: [string, "voldoet" | "nvt", string[], string | undefined][] = [
      ["BO-02.01", "voldoet", ["R1"], undefined],
      ["BO-02.01", "voldoet", ["R1", "R3"], undefined],
      ["BO-02.01", "nvt", ["R1", "R2"], undefined],
      ["BO-02.01", "voldoet", ["R1", "R2"], ""],
      ["BO-02.02", "voldoet", ["R1", "R2"], undefined],
    ];
    for (const [item, status, rules, reason] of cases) {
      interner.status("BO-02.01", "voldoet", ["R1", "R2"]);
      const other = interner.status(item, status, rules, reason);
      expect(other).not.toBe(first);
      expect(other).toEqual({ item, status, rules, ...(reason === undefined ? {} : { reason }) });
    }
  });
});

describe("ownStrings", () => {
  // Measured in a process of its own, with the garbage collector at hand: 200 files of ~100 KB
  // each, of which only the school's name is kept. A name that keeps its file keeps ~20 MB.
  const heapAfter = (mode: "slices" | "owned" | "nothing") => {
    const script = `
      import { parseSource } from ${JSON.stringify(`${ROOT}dist/documents/parse.js`)};
      import { ownStrings } from ${JSON.stringify(`${ROOT}dist/engine/intern.js`)};
      const filler = "# " + "x".repeat(200) + "\\n";
      const kept = [];
      for (let i = 0; i < 200; i++) {
        const text = "naam: Openbare basisschool De Regenboog\\n" + filler.repeat(500) + "# " + i + "\\n";
        const naam = parseSource("sop.yaml", Buffer.from(text)).data.naam;
        if ("${mode}" === "slices") kept.push(naam);
        if ("${mode}" === "owned") kept.push(ownStrings({ naam, statuses: [], onderwijstypen: [] }).naam);
      }
      globalThis.gc();
      if (kept.some((k) => k !== "Openbare basisschool De Regenboog")) throw new Error("changed");
      console.log(process.memoryUsage().heapUsed);`;
    const out = execFileSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], { encoding: "utf8" });
    return Number(out.trim()) / 1e6;
  };

  it("keeps the value of a string cut from a file, not the file", () => {
    const nothing = heapAfter("nothing");
    expect(heapAfter("owned")).toBeLessThan(nothing + 3);
    // The premise: on this V8, the name as parsed does keep its file.
    expect(heapAfter("slices")).toBeGreaterThan(nothing + 10);
  });
});
