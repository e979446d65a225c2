/**
 * What the check of one school knows of its run (language, dates, how much
 * detail), and which of the school's documents is current at those dates.
 */
import type { RegimeSettings, SchoolRegime } from "../core/regime.js";
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
  /** From sop-audit.yaml: when the schoolgids regime applies; absent: the announced date for every school. */
  regime?: RegimeSettings;
}

/**
 * The newest valid document of a kind with schooljaar ≤ the audited one.
 * Under the schoolgids regime the school's support document is the newer of
 * its SOP and its schoolgids section (the schoolgids on the same year): one
 * school's facts need not be written twice.
 */
export function currentDocument(school: SchoolDocuments, ref: DocumentRefName, env: CheckEnv, regime?: SchoolRegime): LoadedDocument | undefined {
  const pick = <T extends { schooljaar?: string }>(docs: LoadedDocument<T>[]) => docs.filter((d) => !d.schooljaar || d.schooljaar <= env.schooljaar).at(-1);
  switch (ref) {
    case "sop": {
      const sop = pick(school.sops);
      const gids = regime?.naam === "schoolgids" ? pick(school.schoolgidsen) : undefined;
      if (!gids) return sop;
      return !sop || (gids.schooljaar ?? "") >= (sop.schooljaar ?? "") ? gids : sop;
    }
    case "schoolgids":
      return pick(school.schoolgidsen);
    case "zelfevaluatie":
      return pick(school.zelfevaluaties);
    case "visitatie":
      return school.visitaties.filter((d) => d.doc.datum === undefined || d.doc.datum <= env.peildatum).at(-1);
    case "uitzonderingen":
      return school.uitzonderingen.at(-1);
  }
}
