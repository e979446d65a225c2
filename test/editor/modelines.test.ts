/**
 * Every example YAML file starts with the line that tells yaml-language-server
 * its schema, by a path relative to the file into schemas/ (`npm run schemas`
 * writes them), so an editor helps in a checkout without a network.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MODELINE_PREFIX, modelineFor, withModeline, yamlFilesUnder } from "../../src/tools/modelines.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe("schema lines on the example YAML files", () => {
  const files = yamlFilesUnder(join(ROOT, "examples"));

  it("every example YAML file starts with the schema line for its kind (npm run schemas writes them)", () => {
    expect(files.length).toBeGreaterThan(60);
    const wrong: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const line = modelineFor(file, text, join(ROOT, "schemas"));
      const first = text.split(/\r?\n/, 1)[0];
      if (line === undefined || first !== line) wrong.push(`${file.slice(ROOT.length)}: ${first}`);
      // The path resolves from the file to a schema shipped in schemas/.
      else expect(existsSync(resolve(dirname(file), line.slice(MODELINE_PREFIX.length))), file).toBe(true);
    }
    expect(wrong).toEqual([]);
  });

  it("names the schema of the file's kind", () => {
    const sop = files.find((f) => /\/sop-[^/]*\.yaml$/.test(f))!;
    expect(readFileSync(sop, "utf8").split("\n", 1)[0]).toBe(`${MODELINE_PREFIX}../../../../schemas/sop.schema.json`);
    const config = join(ROOT, "examples/swv-vo-2203/sop-audit.yaml");
    expect(readFileSync(config, "utf8").split("\n", 1)[0]).toBe(`${MODELINE_PREFIX}../../schemas/swv-config.schema.json`);
  });

  it("puts the line on top once, and replaces an old one", () => {
    const line = `${MODELINE_PREFIX}../schemas/sop.schema.json`;
    const text = "# Een SOP\nkind: Schoolondersteuningsprofiel\n";
    const once = withModeline(text, line);
    expect(once).toBe(`${line}\n${text}`);
    expect(withModeline(once, line)).toBe(once);
    expect(withModeline(`${MODELINE_PREFIX}oud.json\n${text}`, line)).toBe(once);
    expect(modelineFor("/r/scholen/12AB00/x.yaml", "kind: Onbekend\n", "/r/schemas")).toBeUndefined();
    expect(modelineFor("/r/scholen/12AB00/x.yaml", "kind: Visitatie\n", "/r/schemas")).toBe(`${MODELINE_PREFIX}../../schemas/visitatie.schema.json`);
  });
});
