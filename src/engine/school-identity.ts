/**
 * Which school a folder holds. By agreement a school folder is named after
 * the school code (BRIN + vestiging, `12AB00`); a folder named otherwise is
 * still audited — nothing silently disappears — under the code its documents
 * give, else its name made right (`09qa00` → `09QA00`), else its name as it
 * is, with a warning to rename it. Decided once the documents are read.
 */
import type { Finding, Lang } from "../core/types.js";
import type { SchoolDocuments } from "../documents/school-documents.js";
import type { PathSegment, SourceFile } from "../documents/source.js";
import { FILE_START } from "../documents/source.js";
import { t } from "../i18n/messages.js";
import { compareStrings } from "../core/similar.js";

export const SCHOOL_CODE = /^\d{2}[A-Z]{2}\d{2}$/;

/** What a folder's name says about the school code. */
export type FolderName =
  | { kind: "code" }
  /** The code in lower (or mixed) case: certain once upper-cased. */
  | { kind: "lower-case"; code: string }
  /** Five characters that would be a code with a leading zero: a guess, never used as the id by itself. */
  | { kind: "leading-zero"; code: string }
  | { kind: "other" };

export function readFolderName(name: string): FolderName {
  if (SCHOOL_CODE.test(name)) return { kind: "code" };
  const upper = name.toUpperCase();
  if (SCHOOL_CODE.test(upper)) return { kind: "lower-case", code: upper };
  if (SCHOOL_CODE.test(`0${upper}`)) return { kind: "leading-zero", code: `0${upper}` };
  return { kind: "other" };
}

/** The id a school folder is known by before its documents are read: its name, upper-cased when that makes it a code. */
export function folderSchoolId(name: string): string {
  const says = readFolderName(name);
  return says.kind === "lower-case" ? says.code : name;
}

/** A school code a document states, and where. */
interface StatedCode {
  code: string;
  source: SourceFile;
  path: PathSegment[];
  /** As the message names the field. */
  field: string;
}

// The SOP is the document that describes the school; the others name it in passing.
const KIND_ORDER: Record<string, number> = { Schoolondersteuningsprofiel: 0, Zelfevaluatie: 1, Visitatie: 2, Uitzonderingen: 3 };

/**
 * Sets `school.id` from its folder name and documents, stamps it on the
 * school's findings, and adds the findings about the school's identity:
 * the folder to rename, documents that name another school.
 */
export function decideSchoolIdentity(school: SchoolDocuments, lang: Lang): void {
  const folder = school.dir.slice(school.dir.lastIndexOf("/") + 1);
  const says = readFolderName(folder);
  const stated = statedCodes(school.files);
  const fromDocument = says.kind === "code" ? undefined : stated[0];
  const id = says.kind === "code" ? folder : (fromDocument?.code ?? (says.kind === "lower-case" ? says.code : folder));
  const findings: Finding[] = [];
  if (says.kind !== "code") findings.push(renameFinding(school.dir, folder, says, fromDocument, id, lang));
  for (const s of stated) {
    if (s.code === id) continue;
    findings.push({
      ruleId: "repo/school-code",
      severity: "error",
      file: s.source.file,
      range: s.source.locate(s.path),
      school: id,
      path: s.path.join("."),
      message: fromDocument
        ? t(lang, "identity.otherCode", { path: s.field, found: s.code, expected: id, file: fromDocument.source.file })
        : t(lang, "repo.schoolMismatch", { path: s.field, found: s.code, expected: id }),
      hint: t(lang, "repo.schoolMismatch.hint"),
      expected: id,
      found: s.code,
    });
  }
  for (const f of school.findings) if (f.school !== undefined) f.school = id;
  school.findings.push(...findings);
  school.id = id;
}

function renameFinding(dir: string, folder: string, says: FolderName, fromDocument: StatedCode | undefined, id: string, lang: Lang): Finding {
  const guess = says.kind === "lower-case" || says.kind === "leading-zero" ? says.code : undefined;
  const target = fromDocument?.code ?? (says.kind === "lower-case" ? says.code : undefined);
  const hint =
    guess !== undefined && (target === undefined || target === guess)
      ? t(lang, says.kind === "lower-case" ? "identity.hint.lowerCase" : "identity.hint.leadingZero", { code: guess })
      : fromDocument
        ? t(lang, "identity.hint.fromDocument", { code: fromDocument.code, file: fromDocument.source.file })
        : t(lang, "identity.hint.noCode");
  return {
    ruleId: "repo/school-folder",
    severity: "warning",
    file: dir,
    range: FILE_START,
    school: id,
    message: target !== undefined ? t(lang, "identity.rename", { folder, code: target }) : t(lang, "identity.notACode", { folder }),
    hint,
    found: folder,
    ...(target !== undefined ? { expected: target } : guess !== undefined ? { expected: guess } : {}),
  };
}

/**
 * The well-formed school codes the documents state, the SOP's first and the
 * newest first. Read from the parsed data, so a document that fails its
 * schema for another reason still says which school it is about.
 */
function statedCodes(files: readonly SourceFile[]): StatedCode[] {
  const out: (StatedCode & { order: number; schooljaar: string })[] = [];
  for (const source of files) {
    const data = source.data as { kind?: unknown; schooljaar?: unknown; school?: unknown } | undefined;
    if (data === null || typeof data !== "object") continue;
    const order = typeof data.kind === "string" ? KIND_ORDER[data.kind] : undefined;
    if (order === undefined) continue;
    const schooljaar = typeof data.schooljaar === "string" ? data.schooljaar : "";
    const school = data.school as { brin?: unknown; vestiging?: unknown } | string | undefined | null;
    if (typeof school === "string") {
      if (SCHOOL_CODE.test(school)) out.push({ code: school, source, path: ["school"], field: "school", order, schooljaar });
    } else if (school !== null && typeof school === "object" && typeof school.brin === "string" && typeof school.vestiging === "string") {
      const code = `${school.brin}${school.vestiging}`;
      if (/^\d{2}[A-Z]{2}$/.test(school.brin) && SCHOOL_CODE.test(code)) out.push({ code, source, path: ["school", "brin"], field: "school.brin + school.vestiging", order, schooljaar });
    }
  }
  return out
    .sort((a, b) => a.order - b.order || compareStrings(b.schooljaar, a.schooljaar) || compareStrings(a.source.file, b.source.file))
    .map(({ code, source, path, field }) => ({ code, source, path, field }));
}
