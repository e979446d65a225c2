/**
 * `--format json`: the public, versioned contract (src/format/json-contract.ts,
 * schemas/check-result.schema.json, docs/json-output.md). Two-space indented,
 * newline at the end, keys in a fixed order.
 */
import { toJsonOutput } from "./json-contract.js";
import type { Formatter } from "./types.js";

export const format: Formatter = (result, ctx) => `${JSON.stringify(toJsonOutput(result, ctx), null, 2)}\n`;
