/** One school's documents, read and sorted by kind: what the rules read. */
import type { Finding } from "../core/types.js";
import type { DocumentKind, SchoolgidsDoc, SopDoc, UitzonderingenDoc, VisitatieDoc, ZelfevaluatieDoc } from "./schemas.js";
import type { SourceFile } from "./source.js";

export interface LoadedDocument<T = unknown> {
  kind: DocumentKind;
  source: SourceFile;
  doc: T;
  schooljaar?: string;
}

export interface SchoolDocuments {
  id: string;
  /** Repository-relative POSIX folder, `scholen/12AB00`. */
  dir: string;
  files: SourceFile[];
  /** Valid documents per kind, oldest first. */
  sops: LoadedDocument<SopDoc>[];
  /** The ondersteuning sections of the schoolgids (Wet 36 443), oldest first. */
  schoolgidsen: LoadedDocument<SchoolgidsDoc>[];
  zelfevaluaties: LoadedDocument<ZelfevaluatieDoc>[];
  visitaties: LoadedDocument<VisitatieDoc>[];
  uitzonderingen: LoadedDocument<UitzonderingenDoc>[];
  /** Files that declare a kind but did not pass its schema. */
  invalid: { kind?: DocumentKind; file: string }[];
  findings: Finding[];
}
