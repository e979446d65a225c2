/**
 * The JSON Schemas in schemas/ are derived from the zod definitions: this
 * test fails when a committed file is out of date, and checks that ajv on
 * the derived schema and zod agree on every example document. The lists'
 * choices are editor hints beyond zod: every spelling the engine reads
 * passes them, and an unknown term fails with a Dutch message.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { publishedSchemas, serialiseSchema, shippedLists } from "../src/tools/json-schema.js";
import { publishedSchemas as schemasWithLists } from "../src/cli/published-schemas.js";
import { loadRuleset } from "../src/ruleset/load.js";
import { parseSource } from "../src/documents/parse.js";
import { DOCUMENT_SCHEMAS, SCHEMA_FILES, type DocumentKind } from "../src/documents/schemas.js";

const ROOT = new URL("../", import.meta.url).pathname;

describe("published JSON Schemas", () => {
  const schemas = publishedSchemas();

  it("schemas/ holds exactly the generated files", () => {
    const committed = readdirSync(join(ROOT, "schemas")).filter((f) => f.endsWith(".json")).sort();
    expect(committed).toEqual(Object.keys(schemas).sort());
  });

  for (const [file, schema] of Object.entries(schemas)) {
    it(`${file} is current (regenerate with npm run schemas)`, () => {
      expect(readFileSync(join(ROOT, "schemas", file), "utf8")).toBe(serialiseSchema(schema));
    });
  }

  it("carries Dutch titles and descriptions", () => {
    const sop = JSON.parse(readFileSync(join(ROOT, "schemas/sop.schema.json"), "utf8"));
    expect(sop.title).toBe("Schoolondersteuningsprofiel (SOP)");
    expect(sop.properties.vaststelling.properties.datum.title).toBe("Datum van vaststelling");
    expect(sop.properties.school.properties.vestiging.description).toContain("aanhalingstekens");
    expect(sop.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("ajv on the published schema without lists and zod agree on every example document", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    // Without lists, the choices go and what is left is zod's own schema.
    const structural = schemasWithLists({}) as Record<string, object>;
    const validators = Object.fromEntries((Object.keys(SCHEMA_FILES) as DocumentKind[]).map((k) => [k, ajv.compile(structural[SCHEMA_FILES[k]]!)]));
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ya?ml|md)$/.test(n) && n !== "README.md") files.push(p);
      }
    };
    walk(join(ROOT, "examples"));
    let compared = 0;
    let invalid = 0;
    for (const f of files) {
      const source = parseSource(f, readFileSync(f));
      const data = source.data as { kind?: string } | undefined;
      if (!data || typeof data.kind !== "string" || !(data.kind in DOCUMENT_SCHEMAS)) continue;
      const kind = data.kind as DocumentKind;
      const zodOk = DOCUMENT_SCHEMAS[kind].safeParse(data).success;
      expect(validators[kind]!(data), `${f}: ${JSON.stringify(validators[kind]!.errors?.slice(0, 2))}`).toBe(zodOk);
      compared++;
      if (!zodOk) invalid++;
    }
    expect(compared).toBeGreaterThan(70);
    // The examples' deliberate schema errors are caught by both.
    expect(invalid).toBeGreaterThanOrEqual(3);
  });

  it("has a relative $id, so an editor resolves it where it read the file", () => {
    for (const [file, schema] of Object.entries(schemas)) {
      if (file === "check-result.schema.json") continue;
      expect((schema as { $id: string }).$id).toBe(file);
    }
  });

  it("offers every spelling of a list where a field names that list, and nothing else passes", () => {
    const ajv = new Ajv2020({ strict: false });
    const lists = shippedLists();
    const fields = listFields(schemas["sop.schema.json"]);
    expect(fields.map((f) => f.path)).toEqual(
      expect.arrayContaining([
        "aanbod[].behoefte",
        "aanbod[].niveau",
        "aanbod[].onderwijstypen[]",
        "voorzieningen[].behoeften[]",
        "voorzieningen[].niveau",
        "voorzieningen[].soort",
        "voorzieningen[].georganiseerdDoor",
        "ondersteuningsstructuur.ondersteuningsteam.rollen[]",
        "ondersteuningsstructuur.ondersteuningsteam.naam",
        "ondersteuningsstructuur.functionarissen{}",
        "ondersteuningsstructuur.kernpartners[]",
        "ondersteuningsstructuur.protocollen[].soort",
        "procedures[].soort",
        "procedures[].niveau",
        "fysiekeVoorzieningen[]",
        "school.onderwijstypen[]",
      ]),
    );
    for (const { path, lijst, node } of fields) {
      const valid = ajv.compile(node);
      const terms = lists[lijst]!;
      expect(terms.length, lijst).toBeGreaterThan(0);
      for (const term of terms) {
        for (const spelling of [term.id, term.naam, ...(term.synoniemen ?? [])].filter((s) => s !== undefined)) {
          expect(valid(spelling), `${path}: ${spelling}`).toBe(true);
          expect(valid(spelling.toLowerCase()), `${path}: ${spelling.toLowerCase()}`).toBe(true);
        }
      }
      expect(valid("middel"), path).toBe(false);
      // The message an editor shows instead of its own English one.
      expect(node.errorMessage).toContain(`lijst ${lijst}`);
    }
  });

  it("an SWV's own list becomes the choices", () => {
    const sop = schemasWithLists({ niveaus: [{ id: "middel", naam: "Middelzware ondersteuning" }] })["sop.schema.json"]!;
    const niveau = listFields(sop).find((f) => f.path === "aanbod[].niveau")!.node;
    const valid = new Ajv2020({ strict: false }).compile(niveau);
    expect(valid("middel")).toBe(true);
    expect(valid("basis")).toBe(false);
  });

  it("the shipped rules read each field with the list the schema names for it", () => {
    const fields = new Map(listFields(schemas["sop.schema.json"]).map((f) => [f.path.replace(/\[\]$/, "").replace(/\{\}$/, ""), f.lijst]));
    let compared = 0;
    for (const profile of ["swv-vo-2203", "meierij-po"]) {
      for (const rule of loadRuleset({ profile }).rules) {
        const params = rule.params as { path?: string | string[]; list?: unknown };
        if (rule.document !== "sop" || typeof params.list !== "string" || params.path === undefined) continue;
        for (const path of Array.isArray(params.path) ? params.path : [params.path]) {
          expect(fields.get(path), `${rule.id}: ${path}`).toBe(params.list);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  it("every field of a document has a Dutch hover text, and every value field an example", () => {
    for (const kind of Object.keys(SCHEMA_FILES) as DocumentKind[]) {
      const missing: string[] = [];
      eachField(schemas[SCHEMA_FILES[kind]]!, "", (path, node) => {
        if (typeof node.markdownDescription !== "string" || node.markdownDescription === "") missing.push(`${path}: markdownDescription`);
        const items = node.items as Record<string, unknown> | undefined;
        const isValue = ["string", "number", "integer", "boolean"].includes(node.type as string) || node.anyOf !== undefined || (node.type === "array" && items?.type !== "object");
        if (isValue && node.examples === undefined && items?.examples === undefined) missing.push(`${path}: examples`);
      });
      expect(missing, kind).toEqual([]);
    }
  });

  it("no pattern reaches the editor without a Dutch message", () => {
    const bare: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (node === null || typeof node !== "object") return;
      const n = node as Record<string, unknown>;
      if ((typeof n.pattern === "string" || n.format === "date") && typeof n.patternErrorMessage !== "string") bare.push(path);
      for (const [k, v] of Object.entries(n)) walk(v, `${path}/${k}`);
    };
    for (const kind of Object.keys(SCHEMA_FILES) as DocumentKind[]) walk(schemas[SCHEMA_FILES[kind]], SCHEMA_FILES[kind]);
    expect(bare).toEqual([]);
    const brin = (schemas["sop.schema.json"] as { properties: { school: { properties: { brin: { patternErrorMessage: string } } } } }).properties.school.properties.brin;
    expect(brin.patternErrorMessage).toContain("BRIN-nummer");
  });
});

type Node = Record<string, unknown>;

/** Every property of a document schema, by path (`aanbod[].niveau`). */
function eachField(node: object, path: string, visit: (path: string, node: Node) => void): void {
  const n = node as Node;
  for (const [key, sub] of Object.entries((n.properties as Record<string, Node> | undefined) ?? {})) {
    const at = path ? `${path}.${key}` : key;
    visit(at, sub);
    eachField(sub, at, visit);
  }
  if (n.items && typeof n.items === "object") eachField(n.items as Node, `${path}[]`, visit);
}

/** The nodes that carry a list's choices: `[]` marks an item of an array, `{}` the keys of a map. */
function listFields(schema: object | undefined): { path: string; lijst: string; node: Node }[] {
  const out: { path: string; lijst: string; node: Node }[] = [];
  const walk = (node: Node, path: string) => {
    if (typeof node.lijst === "string") out.push({ path, lijst: node.lijst, node });
    for (const [key, sub] of Object.entries((node.properties as Record<string, Node> | undefined) ?? {})) walk(sub, path ? `${path}.${key}` : key);
    if (node.items && typeof node.items === "object") walk(node.items as Node, `${path}[]`);
    if (node.propertyNames && typeof node.propertyNames === "object") walk(node.propertyNames as Node, `${path}{}`);
  };
  walk(schema as Node, "");
  return out;
}
