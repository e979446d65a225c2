/**
 * What the check of one school knows of its run (language, dates, how much
 * detail), and which of the school's documents is current at those dates.
 */
import type { Lang } from "../core/types.js";
import type { DocumentRefName } from "../rules/ruleset-schema.js";
import type { LoadedDocument, SchoolDocuments } from "./school.js";

export type Detail = "check" | "coverage" | "report";

export interface CheckEnv {
  lang: Lang;
  peildatum: string;
  schooljaar: string;
  /** `check` and `coverage` leave out what only reports use (default: everything). */
  detail?: Detail;
}

/** The newest valid document of a kind with schooljaar ≤ the audited one. */
export function currentDocument(school: SchoolDocuments, ref: DocumentRefName, env: CheckEnv): LoadedDocument | undefined {
  const pick = <T extends { schooljaar?: string }>(docs: LoadedDocument<T>[]) => docs.filter((d) => !d.schooljaar || d.schooljaar <= env.schooljaar).at(-1);
  switch (ref) {
    case "sop":
      return pick(school.sops);
    case "zelfevaluatie":
      return pick(school.zelfevaluaties);
    case "visitatie":
      return school.visitaties.filter((d) => d.doc.datum === undefined || d.doc.datum <= env.peildatum).at(-1);
    case "uitzonderingen":
      return school.uitzonderingen.at(-1);
  }
}
