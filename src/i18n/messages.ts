/**
 * The one message catalogue: every user-facing text by id, in Dutch
 * (default, `nl.ts`) and English (`en.ts`), and the functions that look
 * them up.
 */
import type { ReadFailure } from "../core/read-input.js";
import type { Lang, Severity, Status } from "../core/types.js";
import { en } from "./en.js";
import type { Msg, Vals } from "./message-types.js";
import { nl, type MessageKey } from "./nl.js";

export type { MessageKey } from "./nl.js";
export type { Msg, Vals } from "./message-types.js";

const CATALOGS: Record<Lang, Record<MessageKey, Msg>> = { nl, en };

/** What the file system said, as a person can act on it: when reading, and when writing. */
const READ_REASONS: Partial<Record<string, MessageKey>> = { ENOENT: "read.noEntry", ELOOP: "read.loop", EACCES: "read.noAccess", EPERM: "read.noAccess", EISDIR: "read.isDir" };
const WRITE_REASONS: Partial<Record<string, MessageKey>> = {
  EACCES: "write.noAccess",
  EPERM: "write.noAccess",
  ENOTDIR: "write.notDir",
  EISDIR: "write.isDir",
  ENOSPC: "write.full",
  EDQUOT: "write.full",
  EROFS: "write.readOnly",
  ENOENT: "write.noDir",
};

/** Why a file could not be read (the system's code when there are no words for it). */
export function readFailure(lang: Lang, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const key = code !== undefined ? READ_REASONS[code] : undefined;
  return key !== undefined ? t(lang, key) : (code ?? String(error));
}

/** Why an input file was not read (readInputFile's failure). */
export function inputFailure(lang: Lang, failure: ReadFailure): string {
  switch (failure.reason) {
    case "error":
      return readFailure(lang, failure.error);
    case "outside":
      return t(lang, "read.outside");
    case "too-large":
      return t(lang, "read.tooLarge", { size: failure.size, limit: failure.limit });
    case "not-a-file":
      return t(lang, failure.what === "directory" ? "read.isDir" : failure.what === "fifo" ? "read.fifo" : failure.what === "device" ? "read.device" : "read.special");
  }
}

/** Why a file could not be written (the system's own message when there are no words for it). */
export function writeFailure(lang: Lang, error: NodeJS.ErrnoException): string {
  const key = error.code !== undefined ? WRITE_REASONS[error.code] : undefined;
  return key !== undefined ? t(lang, key) : error.message;
}

/** Is `text` the id of a message (a zod refinement names its message by id)? */
export function isMessageKey(text: string): text is MessageKey {
  return Object.hasOwn(nl, text);
}

export function t(lang: Lang, key: MessageKey, vals: Vals = {}): string {
  return CATALOGS[lang][key](vals);
}

export function severityLabel(lang: Lang, sev: Severity): string {
  return t(lang, `sev.${sev}`);
}

export function statusLabel(lang: Lang, status: Status): string {
  return t(lang, `status.${status}`);
}

/** What a built-in check of sop-audit ensures, by the part of its id before the slash (file, yaml, schema, …). */
export function builtinCheckText(lang: Lang, prefix: string): string | undefined {
  const key = `builtin.${prefix}`;
  return isMessageKey(key) ? t(lang, key) : undefined;
}
