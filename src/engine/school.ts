/**
 * One school location as a unit of work: its files are read, parsed,
 * validated and sorted into documents, then checked and released.
 */
import { readdirSync, realpathSync } from "node:fs";
import { join } from "node:path";
import type { Finding, Lang } from "../core/types.js";
import { parseSource } from "../documents/parse.js";
import {
  SCHOOL_DOCUMENT_KINDS,
  type DocumentKind,
  type SchoolgidsDoc,
  type SopDoc,
  type UitzonderingenDoc,
  type VisitatieDoc,
  type ZelfevaluatieDoc,
} from "../documents/schemas.js";
import type { LoadedDocument, SchoolDocuments } from "../documents/school-documents.js";
import { DOCUMENT_EXTENSIONS, FILE_START } from "../documents/source.js";
import { validateDocument } from "../documents/validate.js";
import { failureCheck, readInputFile } from "../core/read-input.js";
import { inputFailure, readFailure, t } from "../i18n/messages.js";
import { compareStrings } from "../core/similar.js";
import { decideSchoolIdentity } from "./school-identity.js";

export type { LoadedDocument, SchoolDocuments } from "../documents/school-documents.js";


export function listSchoolFiles(absDir: string): string[] {
  // Every entry named as a document is read, or reported (a link to nowhere, a FIFO, a folder): never a silent gap.
  return readdirSync(absDir)
    .filter((name) => DOCUMENT_EXTENSIONS.test(name))
    .sort();
}

/** Reads and validates every document of one school. Never throws for bad input. */
export function loadSchool(root: string, dir: string, id: string, lang: Lang, files?: Map<string, Buffer>): SchoolDocuments {
  const school: SchoolDocuments = { id, dir, files: [], sops: [], schoolgidsen: [], zelfevaluaties: [], visitaties: [], uitzonderingen: [], invalid: [], findings: [] };
  let names: string[];
  try {
    names = files ? [...files.keys()].sort() : listSchoolFiles(join(root, dir));
  } catch (error) {
    // A folder that cannot be listed is one finding; the school is still audited (with nothing to go on).
    school.findings.push({ ruleId: "file/unreadable", severity: "error", file: dir, range: FILE_START, school: id, message: t(lang, "file.unreadable", { reason: readFailure(lang, error) }) });
    names = [];
  }
  // A link inside the school's folder may point anywhere in the repository, not beyond it.
  let realRoot: string | undefined;
  const within = () => (realRoot ??= realpathSync(root));
  for (const name of names) {
    const rel = `${dir}/${name}`;
    const read = files?.get(name) !== undefined ? { bytes: files.get(name)! } : readInputFile(join(root, dir, name), { within });
    if (read.failure) {
      const reason = inputFailure(lang, read.failure);
      school.findings.push({ ruleId: failureCheck(read.failure), severity: "error", file: rel, range: FILE_START, school: id, message: t(lang, "file.unreadable", { reason }) });
      continue;
    }
    const bytes = read.bytes;
    const source = parseSource(rel, bytes);
    school.files.push(source);
    const validated = validateDocument(source, { lang, school: id }, SCHOOL_DOCUMENT_KINDS);
    school.findings.push(...validated.findings);
    if (!validated.doc) {
      school.invalid.push({ kind: validated.kind, file: rel });
      continue;
    }
    const doc = validated.doc as { schooljaar?: string };
    const loaded: LoadedDocument = { kind: validated.kind!, source: validated.source ?? source, doc, schooljaar: doc.schooljaar };
    switch (validated.kind) {
      case "Schoolondersteuningsprofiel":
        school.sops.push(loaded as LoadedDocument<SopDoc>);
        break;
      case "Schoolgids":
        school.schoolgidsen.push(loaded as LoadedDocument<SchoolgidsDoc>);
        break;
      case "Zelfevaluatie":
        school.zelfevaluaties.push(loaded as LoadedDocument<ZelfevaluatieDoc>);
        break;
      case "Visitatie":
        school.visitaties.push(loaded as LoadedDocument<VisitatieDoc>);
        break;
      case "Uitzonderingen":
        school.uitzonderingen.push(loaded as LoadedDocument<UitzonderingenDoc>);
        break;
    }
  }
  bySchooljaar(school.sops, lang, school.findings, id);
  bySchooljaar(school.schoolgidsen, lang, school.findings, id);
  bySchooljaar(school.zelfevaluaties, lang, school.findings, id);
  school.visitaties.sort((a, b) => compareStrings(a.doc.datum ?? "", b.doc.datum ?? "") || compareStrings(a.source.file, b.source.file));
  decideSchoolIdentity(school, lang);
  return school;
}

/**
 * Sorts by schooljaar and reports a second document for the same year. A
 * document that names no schooljaar comes first: any dated one is newer.
 */
function bySchooljaar(docs: LoadedDocument<{ schooljaar?: string }>[], lang: Lang, findings: Finding[], id: string): void {
  docs.sort((a, b) => compareStrings(a.doc.schooljaar ?? "", b.doc.schooljaar ?? "") || compareStrings(a.source.file, b.source.file));
  for (let i = 1; i < docs.length; i++) {
    const prev = docs[i - 1]!;
    const cur = docs[i]!;
    if (cur.doc.schooljaar === undefined || prev.doc.schooljaar !== cur.doc.schooljaar) continue;
    findings.push({
      ruleId: "repo/duplicate-document",
      severity: "error",
      file: cur.source.file,
      range: cur.source.locate(["schooljaar"]),
      school: id,
      path: "schooljaar",
      message: t(lang, "repo.duplicateDoc", { kind: cur.kind, schooljaar: cur.doc.schooljaar, other: prev.source.file }),
      hint: t(lang, "repo.duplicateDoc.hint"),
    });
  }
}
