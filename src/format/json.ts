/**
 * `--format json`: the public, versioned contract (src/format/json-contract.ts,
 * schemas/check-result.schema.json, docs/json-output.md). Two-space indented,
 * newline at the end, keys in a fixed order.
 */
import { sortSchools } from "./shared.js";
import { itemStatus, school, toJsonOutput } from "./json-contract.js";
import type { ItemStatus, SchoolResult } from "../core/types.js";
import { joinPieces, type ChunkedFormatter, type Formatter, type Piece } from "./types.js";

export const format: Formatter = (result, ctx) => joinPieces(chunks(result, ctx));

/**
 * In pieces per school, so that a national run never holds the whole text:
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
  for (let i = 0; i < schools.length; i++) yield* schoolPieces(schools[i]!, i === 0 ? "\n    " : ",\n    ");
  yield `\n  ]${frame.slice(at + marker.length)}\n`;
};

/** A school inside `{"schools": [ … ]}`, i.e. at the indentation it has in the output. */
const SCHOOL_OPEN = '{\n  "schools": [\n    ';
const SCHOOL_CLOSE = "\n  ]\n}";
const STATUSES_MARKER = '\n      "statuses": []';

/**
 * The statuses are most of the text (30 MB of the JSON of 1,000 schools),
 * and most schools share their status objects (the engine interns them):
 * each one is stringified and encoded once per run, with the separator
 * before it, and after that only copied.
 */
const STATUS_BYTES = new WeakMap<ItemStatus, Uint8Array>();
const STATUS_SEPARATOR = ",\n        ";
const UTF8 = new TextEncoder();

function statusBytes(st: ItemStatus): Uint8Array {
  let bytes = STATUS_BYTES.get(st);
  if (bytes === undefined) {
    bytes = UTF8.encode(STATUS_SEPARATOR + JSON.stringify(itemStatus(st), null, 2).replace(/\n/g, "\n        "));
    STATUS_BYTES.set(st, bytes);
  }
  return bytes;
}

function* schoolPieces(s: SchoolResult, before: string): Generator<Piece> {
  const wrapped = JSON.stringify({ schools: [school({ ...s, statuses: [] })] }, null, 2);
  const text = wrapped.slice(SCHOOL_OPEN.length, wrapped.length - SCHOOL_CLOSE.length);
  if (s.statuses.length === 0) {
    yield before + text;
    return;
  }
  const at = text.indexOf(STATUSES_MARKER);
  yield `${before}${text.slice(0, at)}\n      "statuses": [\n        `;
  // The first status has no separator before it (ASCII: as many bytes as characters).
  yield statusBytes(s.statuses[0]!).subarray(STATUS_SEPARATOR.length);
  for (let i = 1; i < s.statuses.length; i++) yield statusBytes(s.statuses[i]!);
  yield `\n      ]${text.slice(at + STATUSES_MARKER.length)}`;
}
