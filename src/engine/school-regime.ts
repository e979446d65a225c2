/** Which law judges one school this schooljaar, from the SWV's dates and what the school's documents show. */
import { regimeOf, type SchoolRegime } from "../core/regime.js";
import { meantAs } from "../documents/document-names.js";
import type { SopDoc } from "../documents/schemas.js";
import type { CheckEnv } from "./check-env.js";
import type { SchoolDocuments } from "./school.js";

export function schoolRegime(school: SchoolDocuments, env: CheckEnv): SchoolRegime {
  const sop = school.sops.filter((d) => !d.schooljaar || d.schooljaar <= env.schooljaar).at(-1);
  // An SOP that cannot be read may still be one in its term: that is for the old law's rules to show.
  const unreadableSop = school.invalid.find((d) => meantAs("sop", d));
  return regimeOf(school.id, env.schooljaar, env.peildatum, env.regime, {
    // An undated or unreadable schoolgids may be this year's: the school has left the transition, and the schoolgids rules say what is missing.
    heeftSchoolgids: school.schoolgidsen.some((d) => d.schooljaar === undefined || d.schooljaar === env.schooljaar) || school.invalid.some((d) => meantAs("schoolgids", d)),
    ...(sop ? { sop: { file: sop.source.file, vastgesteld: (sop.doc as SopDoc).vaststelling?.datum } } : unreadableSop ? { sop: { file: unreadableSop.file } } : {}),
  });
}
