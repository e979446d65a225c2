/**
 * `--format json`: the public, versioned contract (src/format/json-contract.ts,
 * schemas/check-result.schema.json, docs/json-output.md). Two-space indented,
 * newline at the end, keys in a fixed order.
 */
import { sortSchools } from "./shared.js";
import { itemStatus, school, toJsonOutput } from "./json-contract.js";
import type { ItemStatus, SchoolResult } from "../core/types.js";
import { joinPieces, type ChunkedFormatter, type Formatter, type Piece } from "./types.js";
import { listElementText, listPieces } from "../core/json-pieces.js";
import { visibleJson } from "../core/visible-text.js";

export const format: Formatter = (result, ctx) => joinPieces(chunks(result, ctx));

/**
 * In pieces per school, so that a national run never holds the whole text
 * (see json-pieces.ts).
 */
export const chunks: ChunkedFormatter = function* (result, ctx) {
  const previous: Previous = { statuses: [], bytes: [] };
  yield* listPieces(toJsonOutput({ ...result, schools: [] }, ctx), "schools", sortSchools(result.schools), (s, before) => schoolPieces(s, before, previous));
};

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
    bytes = UTF8.encode(STATUS_SEPARATOR + visibleJson(JSON.stringify(itemStatus(st), null, 2)).replace(/\n/g, "\n        "));
    STATUS_BYTES.set(st, bytes);
  }
  return bytes;
}

/**
 * Every school lists its statuses in the same item order, and neighbours
 * mostly share them: the status at the same place in the school before is
 * compared first, and the map is asked only when it differs (for 12-13 % of
 * the statuses at 1,000 and at 10,000 schools).
 */
interface Previous {
  statuses: readonly ItemStatus[];
  bytes: Uint8Array[];
}

/** A school's statuses as one piece of bytes, separators included. */
function statusesBytes(statuses: readonly ItemStatus[], previous: Previous): Uint8Array {
  const parts = new Array<Uint8Array>(statuses.length);
  let length = 0;
  for (let i = 0; i < statuses.length; i++) {
    const st = statuses[i]!;
    const bytes = previous.statuses[i] === st ? previous.bytes[i]! : statusBytes(st);
    parts[i] = bytes;
    length += bytes.length;
  }
  previous.statuses = statuses;
  previous.bytes = parts;
  // The first status has no separator before it (ASCII: as many bytes as characters).
  const out = new Uint8Array(length - STATUS_SEPARATOR.length);
  out.set(parts[0]!.subarray(STATUS_SEPARATOR.length), 0);
  let at = parts[0]!.length - STATUS_SEPARATOR.length;
  for (let i = 1; i < parts.length; i++) {
    out.set(parts[i]!, at);
    at += parts[i]!.length;
  }
  return out;
}

function* schoolPieces(s: SchoolResult, before: string, previous: Previous): Generator<Piece> {
  const text = listElementText("schools", school({ ...s, statuses: [] }));
  if (s.statuses.length === 0) {
    yield before + text;
    return;
  }
  const at = text.indexOf(STATUSES_MARKER);
  yield `${before}${text.slice(0, at)}\n      "statuses": [\n        `;
  yield statusesBytes(s.statuses, previous);
  yield `\n      ]${text.slice(at + STATUSES_MARKER.length)}`;
}
