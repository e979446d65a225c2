/**
 * The shape every output format shares: a pure function from an audit result
 * to text. Formatters do no I/O, read no clock and no environment; the same
 * input gives byte-identical output.
 */
import type { AuditResult, Lang } from "../core/types.js";

export interface FormatContext {
  lang: Lang;
  /** tool version, for SARIF driver */
  version: string;
  /** ISO 8601 time of the run; only formats that have a place for it print it, and only when set. */
  timestamp?: string;
}

export type Formatter = (result: AuditResult, ctx: FormatContext) => string;
