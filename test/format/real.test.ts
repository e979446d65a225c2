/**
 * The formats on a real audit of the shipped examples, not only on the
 * hand-made fixture: whatever the engine produces must stay inside the JSON
 * contract and the SARIF schema, and every format must stay deterministic.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import * as ajvDraft04 from "ajv-draft-04";
import * as ajvFormats from "ajv-formats";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { audit } from "../../src/audit/audit.js";
import type { AuditResult } from "../../src/core/types.js";
import { FORMAT_NAMES, FORMATTERS } from "../../src/format/index.js";
import { jsonOutputSchema } from "../../src/format/json-contract.js";

const unwrap = <T>(m: unknown): T => ((m as { default?: { default?: T } }).default?.default ?? (m as { default?: T }).default ?? m) as T;
const Ajv04 = unwrap<typeof import("ajv-draft-04").default>(ajvDraft04);
const addFormats = unwrap<typeof import("ajv-formats").default>(ajvFormats);
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

describe.each(["examples/swv-vo-2203", "examples/swv-meierij-po", "examples/swv-vlietmonde-po"])("formats on %s", (repo) => {
  let result: AuditResult | undefined;
  const get = async () => (result ??= await audit({ cwd: ROOT, repo, peildatum: "2026-01-15" }));

  it("json is valid against schemas/check-result.schema.json", async () => {
    const out = JSON.parse((await FORMATTERS.json())(await get(), { lang: "nl", version: "0.0.0-test" })) as unknown;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(jsonOutputSchema());
    expect(validate(out), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
  });

  it("sarif is valid against the SARIF 2.1.0 schema", async () => {
    const out = JSON.parse((await FORMATTERS.sarif())(await get(), { lang: "nl", version: "0.0.0-test" })) as unknown;
    const ajv = new Ajv04({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(fileURLToPath(new URL("./sarif-schema-2.1.0.json", import.meta.url)), "utf8")) as object);
    expect(validate(out), JSON.stringify(validate.errors?.slice(0, 5), null, 2)).toBe(true);
  });

  it("every format is deterministic on it", async () => {
    const r = await get();
    for (const name of FORMAT_NAMES) {
      const fmt = await FORMATTERS[name]();
      const ctx = { lang: r.repo.lang, version: "0.0.0-test" };
      expect(fmt(r, ctx), name).toBe(fmt(structuredClone(r), ctx));
    }
  });
});
