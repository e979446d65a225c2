/**
 * The fast validators (ajv standalone code generated from the zod schemas)
 * decide alone for every document they accept. They must never accept what
 * zod rejects; these tests compare the two on every shipped document and on
 * thousands of broken variants of them.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { fastJsonSchema, fastValidatorsSource, ZOD_ONLY } from "../../src/documents/fast-schema.js";
import * as FAST from "../../src/documents/generated/fast-validators.js";
import { parseSource } from "../../src/documents/parse.js";
import { DOCUMENT_KINDS, DOCUMENT_SCHEMAS, type DocumentKind } from "../../src/documents/schemas.js";
import { validateDocument } from "../../src/documents/validate.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const fast = FAST as unknown as Record<DocumentKind, (data: unknown) => boolean>;
const zodAccepts = (kind: DocumentKind, data: unknown) => DOCUMENT_SCHEMAS[kind].safeParse(data).success;

function documents(): { file: string; kind: DocumentKind; data: Record<string, unknown> }[] {
  const out: { file: string; kind: DocumentKind; data: Record<string, unknown> }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (/\.(ya?ml|md)$/i.test(name)) {
        const rel = relative(ROOT, abs);
        const data = parseSource(rel, readFileSync(abs)).data as Record<string, unknown> | undefined;
        const kind = data?.kind;
        if (typeof kind === "string" && (DOCUMENT_KINDS as string[]).includes(kind)) out.push({ file: rel, kind: kind as DocumentKind, data: data! });
      }
    }
  };
  walk(join(ROOT, "examples"));
  walk(join(ROOT, "test/fixtures"));
  return out;
}

/** Broken variants of a document: every value replaced by wrong ones, every key removed, an unknown key in every object. */
function* mutations(data: unknown): Generator<{ where: string; data: unknown }> {
  const WRONG: unknown[] = ["", "x", "2025-02-30", "2024-02-29", "2025-13-01", "2025-2027", "2025-2026", "12AB00", "http://x", -1, 0, 1.5, Infinity, NaN, true, null, {}, [], ["x"]];
  const clone = () => structuredClone(data) as Record<string, unknown>;
  const paths: (string | number)[][] = [];
  const visit = (v: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, [...path, i]));
    else if (v && typeof v === "object") for (const k of Object.keys(v)) visit((v as Record<string, unknown>)[k], [...path, k]);
  };
  visit(data, []);
  const at = (root: Record<string, unknown>, path: (string | number)[]) => path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], root);
  for (const path of paths) {
    if (path.length === 0) continue;
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1]!;
    for (const wrong of WRONG) {
      const d = clone();
      (at(d, parentPath) as Record<string | number, unknown>)[key] = structuredClone(wrong);
      yield { where: `${path.join(".")} = ${JSON.stringify(wrong)}`, data: d };
    }
    const removed = clone();
    const parent = at(removed, parentPath);
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete (parent as Record<string, unknown>)[key];
    yield { where: `without ${path.join(".")}`, data: removed };
  }
  for (const path of paths) {
    const d = clone();
    const v = at(d, path);
    if (v && typeof v === "object" && !Array.isArray(v)) {
      (v as Record<string, unknown>).onbekendVeld = "x";
      yield { where: `${path.join(".") || "(root)"}.onbekendVeld`, data: d };
      // A key of the right pattern that is no schooljaar, with a value that fits (for records keyed by schooljaar).
      const first = Object.values(v)[0];
      const e = clone();
      (at(e, path) as Record<string, unknown>)["2025-2027"] = structuredClone(first);
      yield { where: `${path.join(".") || "(root)"}["2025-2027"]`, data: e };
    }
  }
}

describe("fast validators", () => {
  it("are generated from the current zod schemas (npm run schemas)", () => {
    const committed = readFileSync(join(ROOT, "src/documents/generated/fast-validators.ts"), "utf8");
    expect(committed).toBe(fastValidatorsSource());
  });

  it("turn each refinement into the format of the same function, and refuse an unknown one", () => {
    const date = JSON.stringify(fastJsonSchema(DOCUMENT_SCHEMAS.Zelfevaluatie));
    expect(date).toContain('"datum":{"type":"string","format":"date"}');
    expect(date).toContain('"format":"schooljaar"');
    // `uri` is a description only in the zod schema: zod does not check it, so neither may ajv.
    expect(JSON.stringify(fastJsonSchema(DOCUMENT_SCHEMAS.Schoolondersteuningsprofiel))).not.toContain('"uri"');
    expect(() => fastJsonSchema(z.strictObject({ a: z.string().refine((v) => v !== "b") }))).toThrow(/refinement at properties\.a has no format/);
  });

  const docs = documents();

  it("pick a union's branch by the value's type where each branch has a type of its own, and only there", () => {
    const scores = JSON.stringify(fastJsonSchema(DOCUMENT_SCHEMAS.Zelfevaluatie));
    expect(scores).not.toContain('"anyOf"');
    expect(scores).toContain('"if":{"type":"string"},"then":{"type":"string","enum":["voldoet","voldoet deels","voldoet niet","n.v.t."]},"else":{"type":"object"');
    expect(scores).not.toContain('"propertyNames"');
    // Branches that share a type, or integer with number, stay a union.
    expect(JSON.stringify(fastJsonSchema(z.union([z.string().min(3), z.string().max(1)])))).toContain('"anyOf"');
    expect(JSON.stringify(fastJsonSchema(z.union([z.int(), z.number()])))).toContain('"anyOf"');
    const three = fastJsonSchema(z.union([z.string(), z.boolean(), z.object({ a: z.string() })]));
    expect(three).toMatchObject({ if: { type: "string" }, then: { type: "string" }, else: { if: { type: "boolean" }, then: { type: "boolean" }, else: { type: "object" } } });
  });

  it("find the shipped documents (the comparisons below are not empty)", () => {
    const kinds = new Set(docs.map((d) => d.kind));
    expect(docs.length).toBeGreaterThan(30);
    expect([...kinds].sort()).toEqual([...DOCUMENT_KINDS].sort());
  });

  it("agree with zod on every document of the examples and fixtures, with the same result", () => {
    for (const { file, kind, data } of docs) {
      const source = parseSource(file, readFileSync(join(ROOT, file)));
      const withFast = validateDocument(source, { lang: "nl" }, DOCUMENT_KINDS);
      const zodOnly = validateDocument(source, { lang: "nl" }, DOCUMENT_KINDS, { fast: false });
      if (ZOD_ONLY.has(kind)) expect(fast[kind], kind).toBeUndefined();
      else expect({ file, ok: fast[kind](data) }).toEqual({ file, ok: zodAccepts(kind, data) });
      // The located copy of a salvaged document is a fresh closure in each call: compare where it points.
      const { source: a, ...fastRest } = withFast;
      const { source: b, ...zodRest } = zodOnly;
      expect(fastRest).toEqual(zodRest);
      expect(a?.locate([])).toEqual(b?.locate([]));
    }
  });

  it("never accept a broken variant that zod rejects, and reject no more than zod", () => {
    let compared = 0;
    let rejected = 0;
    const disagree: string[] = [];
    // One document of each kind from each example SWV is enough: the rest share their shape.
    const seen = new Set<string>();
    for (const { file, kind, data } of docs) {
      const key = `${file.split("/").slice(0, 2).join("/")} ${kind}`;
      if (ZOD_ONLY.has(kind) || seen.has(key) || !zodAccepts(kind, data)) continue;
      seen.add(key);
      for (const m of mutations(data)) {
        const zodOk = zodAccepts(kind, m.data);
        const fastOk = fast[kind](m.data);
        compared++;
        if (!zodOk) rejected++;
        if (fastOk !== zodOk) disagree.push(`${file} ${m.where}: fast ${fastOk}, zod ${zodOk}`);
      }
    }
    expect(disagree).toEqual([]);
    expect(compared).toBeGreaterThan(15000);
    expect(rejected).toBeGreaterThan(compared / 2);
  });
});
