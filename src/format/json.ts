/**
 * `--format json`: the public, versioned contract (src/format/json-contract.ts,
 * schemas/check-result.schema.json, docs/json-output.md). Two-space indented,
 * newline at the end, keys in a fixed order.
 */
import { sortSchools } from "./shared.js";
import { itemStatus, school, toJsonOutput } from "./json-contract.js";
import type { ItemStatus, SchoolResult } from "../core/types.js";
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
  for (let i = 0; i < schools.length; i++) yield `${i === 0 ? "" : ","}\n    ${schoolText(schools[i]!)}`;
  yield `\n  ]${frame.slice(at + marker.length)}\n`;
};

/** A school inside `{"schools": [ … ]}`, i.e. at the indentation it has in the output. */
const SCHOOL_OPEN = '{\n  "schools": [\n    ';
const SCHOOL_CLOSE = "\n  ]\n}";
const STATUSES_MARKER = '\n      "statuses": []';

/**
 * The statuses are most of the text, and most schools share their status
 * objects (the engine interns them): each one is stringified once per run.
 */
const STATUS_TEXT = new WeakMap<ItemStatus, string>();

function statusText(st: ItemStatus): string {
  let text = STATUS_TEXT.get(st);
  if (text === undefined) {
    text = JSON.stringify(itemStatus(st), null, 2).replace(/\n/g, "\n        ");
    STATUS_TEXT.set(st, text);
  }
  return text;
}

function schoolText(s: SchoolResult): string {
  const wrapped = JSON.stringify({ schools: [school({ ...s, statuses: [] })] }, null, 2);
  const text = wrapped.slice(SCHOOL_OPEN.length, wrapped.length - SCHOOL_CLOSE.length);
  if (s.statuses.length === 0) return text;
  const at = text.indexOf(STATUSES_MARKER);
  const statuses = s.statuses.map(statusText).join(",\n        ");
  return `${text.slice(0, at)}\n      "statuses": [\n        ${statuses}\n      ]${text.slice(at + STATUSES_MARKER.length)}`;
}
