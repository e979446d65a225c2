/**
 * A large JSON document written in pieces, never held as one string: the
 * document is stringified once with its big top-level list left empty, and
 * each element at the indentation JSON.stringify gives it inside that list.
 * Joined, the pieces are exactly `JSON.stringify(document, null, 2)` and a
 * newline (with bidi and C1 controls as `\u` escapes, see visibleJson).
 * Used by `check --format json` (the schools) and by
 * `coverage --format json` (the rows): a base helper, so that formats and
 * reports, which sit side by side, need not import each other.
 */
import { visibleJson } from "./visible-text.js";

/**
 * A piece of output: text, or text already encoded as UTF-8. Parts that
 * repeat from school to school (a shared item status) are encoded once per
 * run and then only copied, which is most of the bytes of a large output.
 */
export type Piece = string | Uint8Array;

/**
 * `frame` is the document with the top-level list `key` empty; `element`
 * gives the pieces of one element, after `before` (the separator and
 * indentation that precede it).
 */
export function* listPieces<T>(frame: object, key: string, elements: readonly T[], element: (item: T, before: string) => Iterable<Piece>): Generator<Piece> {
  const text = visibleJson(JSON.stringify(frame, null, 2));
  if (elements.length === 0) {
    yield `${text}\n`;
    return;
  }
  // At the top level's indentation: a list of that name deeper down is not this one.
  const marker = `\n  ${JSON.stringify(key)}: []`;
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`listPieces: no empty top-level list ${key}`);
  yield `${text.slice(0, at)}\n  ${JSON.stringify(key)}: [`;
  for (let i = 0; i < elements.length; i++) yield* element(elements[i]!, i === 0 ? "\n    " : ",\n    ");
  yield `\n  ]${text.slice(at + marker.length)}\n`;
}

/** One element of the top-level list `key`, as text at the indentation it has there. */
export function listElementText(key: string, item: unknown): string {
  const wrapped = visibleJson(JSON.stringify({ [key]: [item] }, null, 2));
  return wrapped.slice(`{\n  ${JSON.stringify(key)}: [\n    `.length, wrapped.length - "\n  ]\n}".length);
}
