/**
 * Checks one school against a compiled ruleset: the rules run, their
 * findings are waived or not, every item gets exactly one status, and the
 * result is masked for personal data.
 */
import type { SchoolResult } from "../core/types.js";
import type { SopDoc, VisitatieDoc, ZelfevaluatieDoc } from "../documents/schemas.js";
import { currentDocument, type CheckEnv } from "./check-env.js";
import type { CompiledRuleset } from "./compiled-ruleset.js";
import { compareFindings } from "../core/finding-order.js";
import { schoolFindings, withGroups } from "./findings.js";
import { unprovenShareFinding } from "./unproven-share.js";
import { itemStatuses } from "./item-statuses.js";
import { maskPersonalData } from "./mask-personal-data.js";
import { runRules } from "./rule-loop.js";
import { schoolRegime } from "./school-regime.js";
import type { SchoolDocuments } from "./school.js";
import { documentSummaries, scoreSummary, sopSummary, visitatieSummary } from "./summaries.js";

export function checkSchool(school: SchoolDocuments, compiled: CompiledRuleset, env: CheckEnv): SchoolResult {
  const regime = schoolRegime(school, env);
  const sop = currentDocument(school, "sop", env, regime) ?? school.sops.at(-1) ?? school.schoolgidsen.at(-1);
  const sopDoc = sop?.doc as SopDoc | undefined;
  const sector = sopDoc?.school?.sector;
  const plan = compiled.planFor(sector, regime.naam);

  const { verdicts, found } = runRules(school, compiled, plan, sector, regime, env);
  const { findings, waivedFindings, waivers } = schoolFindings(school, found, compiled, verdicts, env);
  const statuses = itemStatuses(compiled, plan, verdicts, sector, regime, env.lang);
  const tooManyUnproven = unprovenShareFinding(school, statuses, compiled.ruleset, env.lang);
  if (tooManyUnproven) {
    findings.push(...withGroups([tooManyUnproven]));
    findings.sort(compareFindings);
  }

  const detail = env.detail ?? "report";
  const withSop = detail !== "check";
  const forReports = detail === "report";
  const result: SchoolResult = {
    id: school.id,
    dir: school.dir,
    ...(sopDoc
      ? { naam: sopDoc.school?.naam, bestuur: sopDoc.school?.bestuur, sector: sopDoc.school?.sector, gemeente: sopDoc.school?.gemeente, ...(sopDoc.school?.kring ? { kring: sopDoc.school?.kring } : {}) }
      : {}),
    // Read through the vocabulary, as the offer's are: "basisschool" and "bao" are one type in the coverage matrix and on every page.
    onderwijstypen: [...new Set((sopDoc?.school?.onderwijstypen ?? []).map((o) => compiled.term("onderwijstypen", o) ?? o))],
    regime,
    documents: documentSummaries(school),
    ...(withSop && sop && sopDoc ? { sop: sopSummary(sop.source.file, sopDoc, compiled) } : {}),
    zelfevaluaties: forReports ? school.zelfevaluaties.map((z) => scoreSummary(z.source.file, z.doc as ZelfevaluatieDoc)) : [],
    visitaties: forReports ? school.visitaties.map((v) => visitatieSummary(v.source.file, v.doc as VisitatieDoc)) : [],
    statuses,
    findings,
    waivedFindings,
    waivers,
  };
  maskPersonalData(result, compiled.privacy);
  return result;
}
