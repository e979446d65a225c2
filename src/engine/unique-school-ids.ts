/**
 * Two folders can turn out to hold the same school (their documents name the
 * same code, or `09qa00` beside `09QA00`). Both stay audited: each school is
 * checked on its own, so only once all are checked can this be seen, and the
 * second keeps its folder name as its id (unique among the folders) with an
 * error that says so.
 */
import { compareFindings } from "../core/finding-order.js";
import type { Finding, Lang, SchoolResult } from "../core/types.js";
import { FILE_START } from "../documents/source.js";
import { t } from "../i18n/messages.js";

/** The results with every id unique; results that share an id with another are copied, never changed (a cache may hold them). */
export function keepSchoolIdsUnique(results: readonly SchoolResult[], lang: Lang): SchoolResult[] {
  const byId = new Map<string, SchoolResult[]>();
  for (const r of results) {
    const list = byId.get(r.id);
    if (list) list.push(r);
    else byId.set(r.id, [r]);
  }
  const renamed = new Map<SchoolResult, SchoolResult>();
  for (const [id, list] of byId) {
    if (list.length < 2) continue;
    // The folder named after the code keeps it; else the first folder.
    const keeper = list.find((r) => folderOf(r) === id) ?? list[0]!;
    for (const r of list) if (r !== keeper) renamed.set(r, withFolderId(r, keeper, lang));
  }
  return renamed.size === 0 ? [...results] : results.map((r) => renamed.get(r) ?? r);
}

function folderOf(r: SchoolResult): string {
  return r.dir.slice(r.dir.lastIndexOf("/") + 1);
}

function withFolderId(r: SchoolResult, keeper: SchoolResult, lang: Lang): SchoolResult {
  const id = folderOf(r);
  const restamp = (f: Finding): Finding => (f.school === undefined ? f : { ...f, school: id });
  const duplicate: Finding = {
    ruleId: "repo/duplicate-school",
    severity: "error",
    file: r.dir,
    range: FILE_START,
    school: id,
    message: t(lang, "identity.duplicate", { folder: id, code: r.id, other: keeper.dir }),
    hint: t(lang, "identity.duplicate.hint"),
    found: r.id,
  };
  return { ...r, id, findings: [duplicate, ...r.findings.map(restamp)].sort(compareFindings), waivedFindings: r.waivedFindings.map(restamp) };
}
