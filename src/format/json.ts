/**
 * `--format json`: the public, versioned contract (src/format/json-contract.ts,
 * schemas/check-result.schema.json, docs/json-output.md). Two-space indented,
 * newline at the end, keys in a fixed order.
 */
import { sortSchools } from "./shared.js";
import { school, toJsonOutput } from "./json-contract.js";
import type { ChunkedFormatter, Formatter } from "./types.js";

export const format: Formatter = (result, ctx) => [...chunks(result, ctx)].join("");

/**
 * One piece per school, so that a national run never holds the whole text:
 * the document around the schools is stringified once with an empty list,
 * each school at the indentation JSON.stringify would give it.
 */
export const chunks: ChunkedFormatter = function* (result, ctx) {
  const frame = JSON.stringify(toJsonOutput({ ...result, schools: [] }, ctx), null, 2);
  const marker = '"schools": []';
  const at = frame.indexOf(marker);
  const schools = sortSchools(result.schools);
  if (schools.length === 0) {
    yield `${frame}\n`;
    return;
  }
  yield `${frame.slice(0, at)}"schools": [`;
  for (let i = 0; i < schools.length; i++) {
    const text = JSON.stringify(school(schools[i]!), null, 2).replace(/\n/g, "\n    ");
    yield `${i === 0 ? "" : ","}\n    ${text}`;
  }
  yield `\n  ]${frame.slice(at + marker.length)}\n`;
};
