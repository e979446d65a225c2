/**
 * The shape every output format shares: a pure function from an audit result
 * to text. Formatters do no I/O, read no clock and no environment; the same
 * input gives byte-identical output.
 */
import type { Piece } from "../core/json-pieces.js";
import type { AuditResult, Lang } from "../core/types.js";

export interface FormatContext {
  lang: Lang;
  /** tool version, for SARIF driver */
  version: string;
  /** ISO 8601 time of the run; only formats that have a place for it print it, and only when set. */
  timestamp?: string;
}

export type Formatter = (result: AuditResult, ctx: FormatContext) => string;

export type { Piece };

/**
 * The same text in pieces, for outputs too large to hold as one string
 * (the JSON of 10,000 schools). Joined, the pieces equal the formatter's text.
 */
export type ChunkedFormatter = (result: AuditResult, ctx: FormatContext) => Iterable<Piece>;

const UTF8 = new TextDecoder();

/** The pieces as one string. */
export function joinPieces(pieces: Iterable<Piece>): string {
  let text = "";
  for (const piece of pieces) text += typeof piece === "string" ? piece : UTF8.decode(piece);
  return text;
}
