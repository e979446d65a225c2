/**
 * A school named on the command line (`visitatie`, `ouders`): by its id, its
 * folder (scholen/De Sleutelbloem) or its code in lower case. An unknown one
 * is refused with the schools that are known.
 */
import { basename } from "node:path";
import { UsageError } from "../core/errors.js";
import type { AuditResult, Lang, SchoolResult } from "../core/types.js";
import { t } from "../i18n/messages.js";

export function findSchool(result: AuditResult, named: string, lang: Lang): SchoolResult {
  const id = basename(named.replace(/[\\/]+$/, ""));
  const found = result.schools.find((s) => s.id === id || basename(s.dir) === id || s.id === id.toUpperCase());
  if (found) return found;
  const known = result.schools.map((s) => s.id).sort();
  throw new UsageError(t(lang, "cli.school.unknown", { school: named }), [
    known.length > 0 ? t(lang, "cli.school.known", { list: known.join(", ") }) : t(lang, "cli.school.none"),
  ]);
}
