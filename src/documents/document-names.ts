/**
 * What a file's name says it is meant to be, for a file that cannot be read
 * as a document: `sop-2025-2026.yaml` that fails to parse is still the SOP
 * the school meant to write.
 */
import type { DocumentKind } from "./schemas.js";

/** By the name a rule gives a document (`document: sop`). */
const NAMED = { sop: /sop|ondersteuningsprofiel/i, schoolgids: /schoolgids/i, zelfevaluatie: /zelfevaluatie/i, visitatie: /visitatie/i, uitzonderingen: /uitzondering/i } as const;

export type NamedDocument = keyof typeof NAMED;

/** A kind's rule name: Schoolondersteuningsprofiel → sop, Zelfevaluatie → zelfevaluatie. */
export function documentName(kind: DocumentKind | string): string {
  return kind === "Schoolondersteuningsprofiel" ? "sop" : kind.toLowerCase();
}

/** An unreadable file meant as this document: its declared kind says so, else its file name. */
export function meantAs(name: NamedDocument, file: { kind?: string; file: string }): boolean {
  if (file.kind) return documentName(file.kind) === name;
  return NAMED[name].test(file.file.slice(file.file.lastIndexOf("/") + 1));
}
