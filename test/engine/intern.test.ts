/** Shared item statuses: one object per distinct status, also when an item has many variants. */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { SchoolResult } from "../../src/core/types.js";
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

describe("Interner.details", () => {
  const result = (scores: Record<string, string>, niveau: string) =>
    ({
      id: "00AA00",
      statuses: [],
      onderwijstypen: [],
      sop: { aanbod: [{ behoefte: "dyslexie", niveau, onderwijstypen: ["havo", "vwo"], toelichting: "Voorleessoftware op alle laptops." }] },
      zelfevaluaties: [{ schooljaar: "2025-2026", file: "z.yaml", scores }],
      visitaties: [{ datum: "2025-01-01", file: "v.yaml", commissie: [], oordeel: "voldoet", bevindingen: [{ standaard: "BO-01", oordeel: "voldoet", toelichting: "Goed." }], afspraken: [] }],
    }) as unknown as SchoolResult;

  it("changes no value", () => {
    const interner = new Interner();
    const r = result({ "BO-01.01": "voldoet", "BO-01.02": "voldoet niet" }, "extra");
    const before = structuredClone(r);
    expect(interner.details(r)).toEqual(before);
  });

  it("makes the same aanbod lists one list", () => {
    const interner = new Interner();
    const a = interner.details(result({}, "basis"));
    const b = interner.details(result({}, "basis"));
    expect(a.sop!.aanbod[0]!.onderwijstypen).toBe(b.sop!.aanbod[0]!.onderwijstypen);
  });

  // Strings have no identity in JavaScript: sharing shows in the heap. 2,000 schools of 150
  // scores, each score a string of its own as a parser gives it: ~300,000 strings.
  const heapAfter = (intern: boolean) => {
    const script = `
      import { Interner } from ${JSON.stringify(`${ROOT}dist/engine/intern.js`)};
      const interner = new Interner();
      const words = ["voldoet", "voldoet niet", "deels"];
      const kept = [];
      for (let s = 0; s < 2000; s++) {
        const scores = {};
        for (let i = 0; i < 150; i++) scores["BO-" + i] = words[(s + i) % 3].split("").join("");
        const r = { statuses: [], onderwijstypen: [], zelfevaluaties: [{ schooljaar: "2025-2026", file: "z.yaml", scores }], visitaties: [] };
        kept.push(${intern} ? interner.details(r) : r);
      }
      globalThis.gc();
      if (kept[1].zelfevaluaties[0].scores["BO-0"] !== "voldoet niet") throw new Error("changed");
      console.log(process.memoryUsage().heapUsed);`;
    const out = execFileSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], { encoding: "utf8" });
    return Number(out.trim()) / 1e6;
  };

  it("keeps one copy of each score word, not one per score", () => {
    const own = heapAfter(false);
    const interned = heapAfter(true);
    // ~300,000 strings of 16-24 bytes each.
    expect(own - interned).toBeGreaterThan(4);
  });
});
