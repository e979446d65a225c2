import * as z from "zod";
import { previousSchooljaar, schooljaarStart } from "../../core/dates.js";
import { meantAs } from "../../documents/document-names.js";
import { defineKind, type Outcome } from "../kind.js";
import { SHARED_MESSAGES } from "./_shared.js";

const Params = z.strictObject({
  schooljaar: z.enum(["huidig", "vorig", "any"]).default("huidig"),
  /** MM-DD: before this date in the schooljaar, last year's document still counts. */
  deadline: z.string().regex(/^\d{2}-\d{2}$/).optional(),
});

const DOC_LABEL = { sop: "SOP", schoolgids: "schoolgids", zelfevaluatie: "zelfevaluatie", visitatie: "visitatie", uitzonderingen: "uitzonderingen" } as const;


export default defineKind({
  name: "document-exists",
  summary: { nl: "er is een document van deze soort voor het schooljaar", en: "a document of this kind exists for the school year" },
  messages: {
    nl: {
      ...SHARED_MESSAGES.nl,
      unreadable: (v) => `niet aangetoond: ${v.file} lijkt een ${v.label}, maar kan niet als document gelezen worden; los eerst de melding in dat bestand op`,
      noSchooljaar: (v) => `niet aangetoond: ${v.label} ${v.file} noemt geen schooljaar; zet schooljaar: ${v.schooljaar} in het document als het voor dat jaar geldt`,
      noDocument: (v) => `er is geen ${v.label}`,
      noDocumentFor: (v) => `er is geen ${v.label} voor schooljaar ${v.schooljaar}${v.deadline ? ` (uiterlijk ${v.deadline})` : ""}`,
    },
    en: {
      ...SHARED_MESSAGES.en,
      unreadable: (v) => `not demonstrated: ${v.file} looks like a ${v.label} but cannot be read as a document; first fix the finding in that file`,
      noSchooljaar: (v) => `not demonstrated: ${v.label} ${v.file} names no school year; put schooljaar: ${v.schooljaar} in the document if it is for that year`,
      noDocument: (v) => `there is no ${v.label}`,
      noDocumentFor: (v) => `there is no ${v.label} for school year ${v.schooljaar}${v.deadline ? ` (due ${v.deadline})` : ""}`,
    },
  },
  params: Params,
  needsDocument: true,
  atLeastAsStrict: (base, next) => rank(next.schooljaar) >= rank(base.schooljaar) && (base.deadline === undefined || (next.deadline !== undefined && next.deadline <= base.deadline)),
  evaluate(ctx, message) {
    const ref = ctx.rule.document!;
    const docs =
      ref === "sop"
        ? ctx.school.sops
        : ref === "schoolgids"
          ? ctx.school.schoolgidsen
          : ref === "zelfevaluatie"
            ? ctx.school.zelfevaluaties
            : ref === "visitatie"
              ? ctx.school.visitaties
              : ctx.school.uitzonderingen;
    const years = new Set(docs.map((d) => d.schooljaar).filter((y): y is string => !!y));
    const label = DOC_LABEL[ref];
    // A file that cannot be read as a document may still be the one asked for: that is not shown, not absent.
    // A file whose name gives another schooljaar is not the one asked for.
    const unreadableFor = (wanted?: string) =>
      ctx.school.invalid.find((d) => {
        const name = d.file.slice(d.file.lastIndexOf("/") + 1);
        const year = /(\d{4})[-_](\d{4})/.exec(name);
        if (wanted !== undefined && year && `${year[1]}-${year[2]}` !== wanted) return false;
        return meantAs(ref, d);
      });
    const unreadableOutcome = (file: string): Outcome => ({
      verdict: "unknown",
      reason: message("unreadable", { file, label }),
      // At the school, not in the file: that file already has its own finding.
      problems: [{ message: message("unreadable", { file, label }), expected: label, found: file }],
    });
    if (ctx.params.schooljaar === "any") {
      if (docs.length > 0) return [{ verdict: "pass" }];
      const unreadable = unreadableFor();
      if (unreadable) return [unreadableOutcome(unreadable.file)];
      return [{ verdict: "fail", problems: [{ message: message("noDocument", { label }), expected: label, found: message("none") }] }];
    }
    let wanted = ctx.params.schooljaar === "vorig" ? previousSchooljaar(ctx.schooljaar) : ctx.schooljaar;
    const deadline = ctx.params.deadline ? deadlineDate(ctx.schooljaar, ctx.params.deadline) : undefined;
    // Before the deadline, the year before is what is due.
    if (deadline && ctx.peildatum < deadline && !years.has(wanted)) wanted = previousSchooljaar(wanted);
    if (years.has(wanted)) return [{ verdict: "pass" }];
    const unreadable = unreadableFor(wanted);
    if (unreadable) return [unreadableOutcome(unreadable.file)];
    const undated = docs.find((d) => !d.schooljaar);
    if (undated) {
      const text = message("noSchooljaar", { label, file: undated.source.file, schooljaar: wanted });
      return [{ verdict: "unknown", reason: text, problems: [{ file: undated.source, path: [], message: text, expected: `schooljaar: ${wanted}`, found: message("nothing") }] }];
    }
    return [
      {
        verdict: "fail",
        problems: [
          {
            message: message("noDocumentFor", { label, schooljaar: wanted, deadline }),
            expected: `${label} ${wanted}`,
            found: [...years].sort().join(", ") || message("none"),
          },
        ],
      },
    ];
  },
});

function rank(s: "huidig" | "vorig" | "any"): number {
  return s === "huidig" ? 2 : s === "vorig" ? 1 : 0;
}

/** The deadline as a date within the schooljaar (August–July). */
function deadlineDate(schooljaar: string, mmdd: string): string {
  const start = schooljaarStart(schooljaar);
  const year = Number(mmdd.slice(0, 2)) >= 8 ? start.slice(0, 4) : schooljaar.slice(5, 9);
  return `${year}-${mmdd}`;
}
