/**
 * `sop-audit new`: the documents of a new school, for the schooljaar the
 * audit would check. Each kind of document is one entry in SCHOOL_SCAFFOLDS
 * and one template under templates/scaffold/school/ (the texts are data,
 * the choice of what goes in them is here): a new kind (a Schoolgids,
 * made with `new --schoolgids`) is one more entry with `option` set, and
 * the command offers the option from the list.
 */
import { relative, resolve, sep } from "node:path";
import { prepareAudit, type AuditOptions } from "../audit/audit.js";
import { UsageError } from "../core/errors.js";
import { regimeOf } from "../core/regime.js";
import { SECTORS } from "../core/sector.js";
import { closest } from "../core/similar.js";
import type { Lang } from "../core/types.js";
import { schemaModeline } from "../documents/modeline.js";
import type { DocumentKind } from "../documents/schemas.js";
import { compileRuleset } from "../engine/compiled-ruleset.js";
import { t } from "../i18n/messages.js";
import { DEFAULT_SCHOOLS_DIR } from "../repo/root.js";
import type { Ruleset } from "../rules/ruleset-model.js";
import { oneLine, renderTemplate, yamlScalar } from "./templates.js";
import type { NewFile } from "./write-new.js";

/** What a template of a school document is given. */
export interface SchoolScaffoldData {
  code: string;
  brin: string;
  vestiging: string;
  /** The school's name as a YAML scalar, and as plain text for comments and headings. */
  naam: string;
  naamTekst: string;
  sector: string;
  schooljaar: string;
  /** The headings of a Markdown SOP: the ruleset's list `koppen`. */
  koppen: string[];
  /** The items the zelfevaluatie scores, per standard. */
  standaarden: { nummer: string; titel: string; indicatoren: { id: string; tekst: string }[] }[];
}

export interface SchoolScaffold {
  kind: DocumentKind;
  /** Made only when asked with this option (`--<option>`); absent: always made. */
  option?: string;
  /** Not made when this option is given: the kind it names takes its place. */
  replacedBy?: string;
  /** The file name in the school's folder; `markdown`: written as Markdown with front matter (`--markdown`), when the kind can be. */
  fileName(schooljaar: string, markdown: boolean): string;
  /** The template under templates/scaffold/. */
  template(markdown: boolean): string;
}

export const SCHOOL_SCAFFOLDS: readonly SchoolScaffold[] = [
  {
    kind: "Schoolondersteuningsprofiel",
    replacedBy: "schoolgids",
    fileName: (sj, md) => `sop-${sj}.${md ? "md" : "yaml"}`,
    template: (md) => (md ? "school/sop.md.hbs" : "school/sop.yaml.hbs"),
  },
  // Since Wet 36 443 the offer goes into the yearly schoolgids: the same fields as the SOP, and what the law asks of the schoolgids.
  {
    kind: "Schoolgids",
    option: "schoolgids",
    fileName: (sj, md) => `schoolgids-${sj}.${md ? "md" : "yaml"}`,
    template: (md) => (md ? "school/sop.md.hbs" : "school/schoolgids.yaml.hbs"),
  },
  {
    kind: "Zelfevaluatie",
    fileName: (sj) => `zelfevaluatie-${sj}.yaml`,
    template: () => "school/zelfevaluatie.yaml.hbs",
  },
];

export interface NewSchoolOptions {
  code: string;
  naam: string;
  sector: string;
  markdown: boolean;
  /** Options of optional kinds that were given (`schoolgids`), or `sop` to keep the SOP where the schoolgids would be made. */
  options?: readonly string[];
  audit: AuditOptions;
}

export interface NewSchool {
  root: string;
  dir: string;
  files: NewFile[];
  schooljaar: string;
  lang: Lang;
  /** The schoolgids was made, not asked for: the school falls under Wet 36 443 in this schooljaar. */
  schoolgidsByLaw?: { eersteSchooljaar: string };
}

/** Checks the input and plans the files; throws a UsageError before anything is written. */
export function newSchoolFiles(options: NewSchoolOptions): NewSchool {
  const lang0 = options.audit.lang ?? "nl";
  const code = options.code.toUpperCase();
  if (!/^\d{2}[A-Z]{2}\d{2}$/.test(code)) throw new UsageError(t(lang0, "new.badCode", { found: options.code }), [t(lang0, "new.badCode.hint")]);
  const sector = SECTORS.find((s) => s.toLowerCase() === options.sector.toLowerCase());
  if (sector === undefined) {
    const suggestion = closest(options.sector, SECTORS);
    throw new UsageError(t(lang0, "new.unknownSector", { found: options.sector, suggestion }), [t(lang0, "new.sectors", { list: SECTORS.join(", ") })]);
  }
  const naamTekst = oneLine(options.naam);
  if (naamTekst === "") throw new UsageError(t(lang0, "new.noName"));
  const { root, config, env, ruleset, lang } = prepareAudit(options.audit);
  // Relative to the root, as every path the tool shows; scholenMap may be absolute.
  const dir = relative(root, resolve(root, config.config.scholenMap ?? DEFAULT_SCHOOLS_DIR, code)).split(sep).join("/");
  const data: SchoolScaffoldData = {
    code,
    brin: code.slice(0, 4),
    vestiging: code.slice(4),
    naam: yamlScalar(naamTekst),
    naamTekst,
    sector,
    schooljaar: env.schooljaar,
    koppen: (ruleset.lijsten.koppen ?? []).map((k) => k.naam ?? k.id),
    standaarden: scoredItems(ruleset, sector),
  };
  const given = options.options ?? [];
  if (given.includes("sop") && given.includes("schoolgids")) throw new UsageError(t(lang, "new.sopAndSchoolgids"));
  // A new school has no SOP that still holds, so from the first schoolgids year on the law asks its offer in the schoolgids.
  const regime = regimeOf(code, env.schooljaar, env.peildatum, env.regime, { heeftSchoolgids: false });
  const byLaw = regime.naam === "schoolgids" && !given.includes("sop") && !given.includes("schoolgids");
  const chosen = byLaw ? [...given, "schoolgids"] : given;
  const asked = (option: string | undefined) => option !== undefined && chosen.includes(option);
  const files = SCHOOL_SCAFFOLDS.filter((s) => (s.option === undefined || asked(s.option)) && !asked(s.replacedBy)).map((s) => {
    const path = `${dir}/${s.fileName(env.schooljaar, options.markdown)}`;
    const modeline = schemaModeline(s.kind, path);
    return { path, content: renderTemplate(s.template(options.markdown), { ...data, modeline, schoolgids: s.kind === "Schoolgids" }) };
  });
  return { root, dir, files, schooljaar: env.schooljaar, lang, ...(byLaw ? { schoolgidsByLaw: { eersteSchooljaar: regime.eersteSchooljaar } } : {}) };
}

/**
 * The items a zelfevaluatie of this sector must score: those the
 * zelfevaluatie-score rules judge for it, in ruleset order, grouped by
 * standard. Listed unscored, each counts as niet aangetoond until it is.
 */
function scoredItems(ruleset: Ruleset, sector: string): SchoolScaffoldData["standaarden"] {
  // A new school is under the law of today: the schoolgids regime (the zelfevaluatie items are the same under both).
  const plan = compileRuleset(ruleset).planFor(sector, "schoolgids");
  const scored = new Set(plan.rules.filter((r) => r.rule.kind === "zelfevaluatie-score").flatMap((r) => r.indicators));
  const out: SchoolScaffoldData["standaarden"] = [];
  for (const item of ruleset.items) {
    if (!scored.has(item.id) || !plan.applicable.has(item.id)) continue;
    let standaard = out.find((s) => s.nummer === item.standaard);
    if (!standaard) {
      const titel = ruleset.standards.find((s) => s.id === item.standaard)?.titel ?? "";
      standaard = { nummer: item.standaard, titel: oneLine(titel), indicatoren: [] };
      out.push(standaard);
    }
    standaard.indicatoren.push({ id: item.id, tekst: oneLine(item.tekst) });
  }
  return out;
}
