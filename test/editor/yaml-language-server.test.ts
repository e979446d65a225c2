/**
 * The editor route end to end: yaml-language-server (what VS Code's YAML
 * extension runs) reads an SOP with the schema line and the generated
 * schemas/sop.schema.json, and offers the keys and the list's terms,
 * explains a field in Dutch, and marks an unknown level in Dutch.
 */
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LspClient } from "./lsp-client.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
// Not on disk: the editor sends the text; the schema line resolves against this place.
const DOC_URI = pathToFileURL(join(ROOT, "examples/editor/scholen/12AB00/sop-2025-2026.yaml")).href;

const TEXT = [
  "# yaml-language-server: $schema=../../../../schemas/sop.schema.json",
  "apiVersion: sop-audit/v1",
  "kind: Schoolondersteuningsprofiel",
  "",
  "aanbod:",
  "  - behoefte: dyslexie",
  "    niveau: middel",
  "  - behoefte: gedrag",
  "    niveau: ",
  "",
].join("\n");

interface CompletionItem {
  label: string;
}
interface Hover {
  contents: { kind: string; value: string } | string;
}

// The server is a separate Node process; under load its start and first schema read take a while.
const SLOW = 60_000;

describe("yaml-language-server with the published schema", () => {
  let client: LspClient;

  beforeAll(async () => {
    // The schema store is a download: off, so the test runs offline and only our schema applies.
    const yaml = { validate: true, hover: true, completion: true, schemaStore: { enable: false }, schemas: {} };
    client = new LspClient(process.execPath, [join(ROOT, "node_modules/yaml-language-server/bin/yaml-language-server"), "--stdio"], ROOT, { yaml, http: {}, "[yaml]": {}, editor: {}, files: {} });
    await client.request("initialize", {
      processId: process.pid,
      rootUri: pathToFileURL(ROOT).href,
      capabilities: {
        textDocument: {
          completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown", "plaintext"] } },
          hover: { contentFormat: ["markdown", "plaintext"] },
          publishDiagnostics: {},
        },
        workspace: { configuration: true },
      },
      workspaceFolders: null,
    });
    client.notify("initialized", {});
    client.notify("workspace/didChangeConfiguration", { settings: { yaml } });
    client.notify("textDocument/didOpen", { textDocument: { uri: DOC_URI, languageId: "yaml", version: 1, text: TEXT } });
  }, SLOW);

  afterAll(async () => {
    await client?.stop();
  }, SLOW);

  it("marks a level the list does not know, in Dutch", async () => {
    const diagnostics = await client.diagnosticsFor(DOC_URI, (d) => d.some((x) => x.range.start.line === 6));
    const middel = diagnostics.find((d) => d.range.start.line === 6)!;
    expect(middel.range.start.character).toBe("    niveau: ".length);
    expect(middel.message).toContain("Geen term uit de lijst niveaus");
    expect(middel.message).not.toMatch(/Value is not accepted|pattern/);
    // The known terms on the lines around it pass.
    expect(diagnostics.filter((d) => d.range.start.line === 5 || d.range.start.line === 7)).toEqual([]);
  }, SLOW);

  it("offers the document's keys at the top level", async () => {
    const items = await completion(client, 3, 0);
    expect(items).toEqual(expect.arrayContaining(["voorzieningen", "ondersteuningsstructuur", "school", "vaststelling"]));
    // aanbod is there already.
    expect(items).not.toContain("aanbod");
  }, SLOW);

  it("offers the list's terms as values of niveau", async () => {
    const items = await completion(client, 8, "    niveau: ".length);
    expect(items).toEqual(expect.arrayContaining(["geen", "basis", "extra", "bestuur", "arrangement", "specialistisch"]));
    expect(items).not.toContain("middel");
  }, SLOW);

  it("explains a field in Dutch on hover", async () => {
    const hover = await client.request<Hover | null>("textDocument/hover", { textDocument: { uri: DOC_URI }, position: { line: 6, character: 6 } });
    const text = typeof hover?.contents === "string" ? hover.contents : (hover?.contents.value ?? "");
    expect(text).toContain("Niveau");
    expect(text).toContain("Een niveau uit de lijst van het SWV");
  }, SLOW);
});

async function completion(client: LspClient, line: number, character: number): Promise<string[]> {
  const result = await client.request<{ items: CompletionItem[] } | CompletionItem[] | null>("textDocument/completion", {
    textDocument: { uri: DOC_URI },
    position: { line, character },
  });
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return items.map((i) => i.label);
}
