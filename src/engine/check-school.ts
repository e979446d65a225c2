/**
 * Evaluates the effective ruleset for one school: rule outcomes become
 * findings, waivers are applied, and every item gets exactly one status.
 */
import { SEVERITY_ORDER, type Finding, type ItemStatus, type Lang, type SchoolResult, type Status, type WaiverResult } from "../core/types.js";
import { normaliseTerm } from "../core/similar.js";
import { compareFindings } from "../core/finding-order.js";
import { maskPersonalData, privacyParams } from "./mask-personal-data.js";
import type { SopDoc, VisitatieDoc, ZelfevaluatieDoc } from "../documents/schemas.js";
import { FILE_START } from "../documents/source.js";
import type { Outcome, Problem, RuleContext, RuleKind } from "../rules/kind.js";
import { KIND_BY_NAME } from "../rules/registry.js";
import type { EffectiveRule, Ruleset } from "../rules/ruleset-model.js";
import type { DocumentRefName } from "../rules/ruleset-schema.js";
import type { LoadedDocument, SchoolDocuments } from "./school.js";
import { compareStrings } from "../core/similar.js";
import { sameList, SHARED, stringList } from "./intern.js";

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
      return school.visitaties.filter((d) => d.doc.datum <= env.peildatum).at(-1);
    case "uitzonderingen":
      return school.uitzonderingen.at(-1);
  }
}

function termIndex(ruleset: Ruleset): Map<string, Map<string, string>> {
  const cached = TERM_CACHE.get(ruleset);
  if (cached) return cached;
  const index = new Map<string, Map<string, string>>();
  for (const [name, vocab] of Object.entries(ruleset.lijsten)) {
    const m = new Map<string, string>();
    for (const term of vocab) {
      for (const alias of [term.id, term.naam, ...(term.synoniemen ?? [])]) if (alias) m.set(normaliseTerm(alias), term.id);
    }
    index.set(name, m);
  }
  TERM_CACHE.set(ruleset, index);
  return index;
}
const TERM_CACHE = new WeakMap<Ruleset, Map<string, Map<string, string>>>();

function select(rule: EffectiveRule, ruleset: Ruleset, applicable: Set<string>): string[] {
  const sel = rule.indicatoren;
  if (!sel) return [];
  return ruleset.items
    .filter((it) => applicable.has(it.id))
    .filter((it) => !sel.catalog || it.source === sel.catalog)
    .filter((it) => !sel.standaard || sel.standaard.includes(it.standaard))
    .filter((it) => !sel.evaluatie || it.evaluatie.includes(sel.evaluatie))
    .map((it) => it.id);
}

/** Items that apply to a sector (all items when the sector is unknown): the same for every school of it. */
const APPLICABLE = new WeakMap<Ruleset, Map<string, Set<string>>>();
function applicableItems(ruleset: Ruleset, sector: string | undefined): Set<string> {
  let bySector = APPLICABLE.get(ruleset);
  if (!bySector) APPLICABLE.set(ruleset, (bySector = new Map()));
  let set = bySector.get(sector ?? "");
  if (!set) bySector.set(sector ?? "", (set = new Set(ruleset.items.filter((it) => !sector || !it.sectoren || (it.sectoren as readonly string[]).includes(sector)).map((it) => it.id))));
  return set;
}

export function checkSchool(school: SchoolDocuments, ruleset: Ruleset, env: CheckEnv): SchoolResult {
  const say = (nl: string, en: string) => (env.lang === "nl" ? nl : en);
  const sop = currentDocument(school, "sop", env) ?? school.sops.at(-1);
  const sopDoc = sop?.doc as SopDoc | undefined;
  const sector = sopDoc?.school.sector;
  const applicable = applicableItems(ruleset, sector);

  const { verdicts, found } = runRules(school, ruleset, env, sector, applicable, say);
  // Most schools have no findings. Made here, not in the rule loop: the few that
  // do bring shapes the loop's optimised code has not seen, and V8 would throw
  // the whole loop's code away for them (3 of its 4 compiles at 1,000 schools).
  const raw = found.length > 0 ? toRawFindings(found, school, ruleset, env.lang) : [];
  // Most schools have no waivers; looping over their empty list kept deoptimising applyWaivers.
  const { waivers, waivedIndexes, waiverFindings } =
    school.uitzonderingen.length > 0 ? applyWaivers(school, raw, env, say) : { waivers: [], waivedIndexes: new Set<number>(), waiverFindings: [] };
  const findings: Finding[] = [...school.findings, ...waiverFindings];
  const waivedFindings: Finding[] = [];
  for (let i = 0; i < raw.length; i++) {
    const r = raw[i]!;
    if (waivedIndexes.has(i)) {
      waivedFindings.push(r.finding);
      const item = r.item && r.failing ? itemIndex(ruleset).get(r.item) : undefined;
      if (item !== undefined) verdicts.failWaived[item]!++;
    } else findings.push(r.finding);
  }
  const statuses = itemStatuses(ruleset, applicable, verdicts, sector, say);

  const detail = env.detail ?? "report";
  const withSop = detail !== "check";
  const forReports = detail === "report";
  const result: SchoolResult = {
    id: school.id,
    dir: school.dir,
    ...(sopDoc
      ? { naam: sopDoc.school.naam, bestuur: sopDoc.school.bestuur, sector: sopDoc.school.sector, gemeente: sopDoc.school.gemeente, ...(sopDoc.school.kring ? { kring: sopDoc.school.kring } : {}) }
      : {}),
    onderwijstypen: sopDoc?.school.onderwijstypen ?? [],
    documents: documentSummaries(school),
    ...(withSop && sop && sopDoc ? { sop: sopSummary(sop.source.file, sopDoc) } : {}),
    zelfevaluaties: forReports ? school.zelfevaluaties.map((z) => scoreSummary(z.source.file, z.doc as ZelfevaluatieDoc)) : [],
    visitaties: forReports ? school.visitaties.map((v) => visitatieSummary(v.source.file, v.doc as VisitatieDoc)) : [],
    statuses,
    findings: findings.sort(compareFindings),
    waivedFindings: waivedFindings.sort(compareFindings),
    waivers,
  };
  maskPersonalData(result, privacyParams(ruleset));
  return result;
}

/**
 * What the rules said of each item on one school, by the item's place in
 * ruleset.items: counts in typed arrays and a list of rule ids per item,
 * made once per thread and ruleset and cleared for each school (a school
 * made ~150 objects and lists here before, most of them for the collector).
 */
class VerdictTable {
  readonly fail: Int32Array;
  /** Findings of failing outcomes, and how many of those a waiver covers. */
  readonly failFindings: Int32Array;
  readonly failWaived: Int32Array;
  readonly unknown: Int32Array;
  readonly pass: Int32Array;
  readonly nvt: Int32Array;
  /** Ids of the rules that judged the item, in rule order (a few per item: a list beats a set). */
  readonly rules: string[][];
  /** Only when a rule gave one: most items have none. */
  readonly reasons: (string[] | undefined)[];
  /** Items some rule judged on this school. */
  private readonly judged: number[] = [];

  constructor(readonly size: number) {
    this.fail = new Int32Array(size);
    this.failFindings = new Int32Array(size);
    this.failWaived = new Int32Array(size);
    this.unknown = new Int32Array(size);
    this.pass = new Int32Array(size);
    this.nvt = new Int32Array(size);
    this.rules = Array.from({ length: size }, stringList);
    this.reasons = new Array(size).fill(undefined);
  }

  isJudged(i: number): boolean {
    return this.rules[i]!.length > 0;
  }

  /** Notes that `rule` judged item i; its outcomes come together, so if it judged the item before, it was the last to. */
  judge(i: number, rule: string): void {
    const rules = this.rules[i]!;
    if (rules.length === 0) this.judged.push(i);
    if (rules[rules.length - 1] !== rule) rules.push(rule);
  }

  addReason(i: number, reason: string): void {
    (this.reasons[i] ??= []).push(reason);
  }

  clear(): void {
    for (const i of this.judged) {
      this.fail[i] = this.failFindings[i] = this.failWaived[i] = this.unknown[i] = this.pass[i] = this.nvt[i] = 0;
      this.rules[i]!.length = 0;
      this.reasons[i] = undefined;
    }
    this.judged.length = 0;
  }
}

/** One table per ruleset on this thread; a school's statuses are made from it before the next school uses it. */
const VERDICT_TABLES = new WeakMap<Ruleset, VerdictTable>();
function verdictTable(ruleset: Ruleset): VerdictTable {
  let table = VERDICT_TABLES.get(ruleset);
  if (!table) VERDICT_TABLES.set(ruleset, (table = new VerdictTable(ruleset.items.length)));
  table.clear();
  return table;
}

/** Where each item is in ruleset.items: the same for every school. */
const ITEM_INDEX = new WeakMap<Ruleset, Map<string, number>>();
function itemIndex(ruleset: Ruleset): Map<string, number> {
  let index = ITEM_INDEX.get(ruleset);
  if (!index) ITEM_INDEX.set(ruleset, (index = new Map(ruleset.items.map((it, i) => [it.id, i]))));
  return index;
}

/** A rule that applies to the schools of a sector, with what it needs per school. */
interface PlannedRule {
  rule: EffectiveRule;
  kind: RuleKind;
  indicators: string[];
}

/**
 * The rules that apply to a sector, in order: whether a rule is off, is for
 * another sector or judges an item the sector does not have is the same
 * for every school of the sector, so it is decided once.
 */
const PLANS = new WeakMap<Ruleset, Map<string, PlannedRule[]>>();
function planFor(ruleset: Ruleset, sector: string | undefined, applicable: Set<string>): PlannedRule[] {
  let bySector = PLANS.get(ruleset);
  if (!bySector) PLANS.set(ruleset, (bySector = new Map()));
  let plan = bySector.get(sector ?? "");
  if (plan) return plan;
  plan = [];
  for (const rule of ruleset.rules) {
    if (rule.severity === "off") continue;
    const item = rule.indicator ? ruleset.itemById.get(rule.indicator) : undefined;
    const sectors = rule.sectoren ?? item?.sectoren;
    if (sector && sectors && !sectors.includes(sector)) continue;
    if (rule.indicator && !applicable.has(rule.indicator)) continue;
    const kind = KIND_BY_NAME.get(rule.kind)!;
    plan.push({ rule, kind, indicators: kind.perIndicator ? select(rule, ruleset, applicable) : [] });
  }
  bySector.set(sector ?? "", plan);
  return plan;
}

interface RawFinding {
  finding: Finding;
  item?: string;
  failing: boolean;
}

/**
 * Every rule that applies, on one school: the verdicts per item and the
 * findings. A function of its own (as are the steps after it) so that the
 * optimising compiler handles each step separately: one big function was
 * recompiled whole each time any of its parts met new data.
 */
function runRules(
  school: SchoolDocuments,
  ruleset: Ruleset,
  env: CheckEnv,
  sector: string | undefined,
  applicable: Set<string>,
  say: (nl: string, en: string) => string,
): { verdicts: VerdictTable; found: Found[] } {
  const terms = termIndex(ruleset);
  const index = itemIndex(ruleset);
  const verdicts = verdictTable(ruleset);
  const found: Found[] = [];

  let lastRead: LoadedDocument | undefined;
  // One context per school; the rule-specific fields are set for each rule.
  const ctx: RuleContext<unknown> = {
    rule: ruleset.rules[0]!,
    params: undefined,
    lang: env.lang,
    peildatum: env.peildatum,
    schooljaar: env.schooljaar,
    school,
    ruleset,
    document(ref) {
      lastRead = currentDocument(school, ref, env);
      return lastRead;
    },
    indicators: [],
    term: (list, value) => terms.get(list)?.get(normaliseTerm(value)),
    canonical: (value) => {
      const key = normaliseTerm(value);
      for (const m of terms.values()) {
        const id = m.get(key);
        if (id) return id;
      }
      return key;
    },
    say,
  };

  for (const { rule, kind, indicators } of planFor(ruleset, sector, applicable)) {
    lastRead = undefined;
    ctx.rule = rule;
    ctx.params = rule.params;
    ctx.indicators = indicators;
    let outcomes: Outcome[];
    try {
      outcomes = kind.evaluate(ctx);
    } catch (error) {
      // A crash here is a bug in sop-audit, not bad input: say which rule and school.
      throw new Error(`rule ${rule.id} (${rule.kind}) crashed on school ${school.id}: ${(error as Error).stack ?? error}`);
    }
    for (let k = 0; k < outcomes.length; k++) {
      const outcome = outcomes[k]!;
      const itemId = outcome.indicator ?? rule.indicator;
      // An id that is no item of the ruleset gets no status.
      const i = itemId === undefined ? undefined : index.get(itemId);
      const failing = outcome.verdict === "fail";
      if (i !== undefined) {
        verdicts.judge(i, rule.id);
        if (failing) verdicts.fail[i]!++;
        else if (outcome.verdict === "unknown") verdicts.unknown[i]!++;
        else if (outcome.verdict === "pass") verdicts.pass[i]!++;
        else verdicts.nvt[i]!++;
        if (outcome.reason) verdicts.addReason(i, outcome.reason);
      }
      const problems = outcome.problems;
      if (!problems) continue;
      for (const problem of problems) {
        if (failing && i !== undefined) verdicts.failFindings[i]!++;
        found.push({ problem, rule, itemId, read: lastRead, failing });
      }
    }
  }
  return { verdicts, found };
}

/** What a rule found, as it found it: one shape for all, made into findings after the loop. */
interface Found {
  problem: Problem;
  rule: EffectiveRule;
  itemId: string | undefined;
  read: LoadedDocument | undefined;
  failing: boolean;
}

function toRawFindings(found: Found[], school: SchoolDocuments, ruleset: Ruleset, lang: Lang): RawFinding[] {
  return found.map((f) => ({ finding: toFinding(f.problem, f.rule, f.itemId, f.read, school, ruleset, lang), failing: f.failing, ...(f.itemId ? { item: f.itemId } : {}) }));
}

/** Exactly one status per item: evidence against beats evidence for, any evidence beats none. */
function itemStatuses(ruleset: Ruleset, applicable: Set<string>, verdicts: VerdictTable, sector: string | undefined, say: (nl: string, en: string) => string): ItemStatus[] {
  const items = ruleset.items;
  const statuses: ItemStatus[] = new Array(items.length);
  const last = lastStatuses(ruleset);
  let notForSector: string | undefined;
  for (let i = 0; i < items.length; i++) {
    const id = items[i]!.id;
    let status: Status;
    let rules: string[] = NO_RULES;
    let reason: string | undefined;
    if (!applicable.has(id)) {
      status = "nvt";
      reason = notForSector ??= say(`geldt niet voor sector ${sector}`, `does not apply to sector ${sector}`);
    } else if (!verdicts.isJudged(i)) {
      status = "niet-aangetoond";
      reason = say("geen regel toetst dit item", "no rule checks this item");
    } else {
      if (verdicts.fail[i]! > 0) status = verdicts.failFindings[i]! > verdicts.failWaived[i]! ? "voldoet-niet" : "uitgezonderd";
      else if (verdicts.pass[i]! > 0) status = "voldoet";
      else if (verdicts.unknown[i]! > 0) status = "niet-aangetoond";
      else status = "nvt";
      if (status === "niet-aangetoond" || status === "nvt") reason = reasonOf(verdicts.reasons[i]);
      // Rules are evaluated in id order (the ruleset is sorted), so the list already is.
      rules = verdicts.rules[i]!;
    }
    // The school before mostly gave this item the same status: cheaper to compare than to look up.
    const before = last[i];
    if (before !== undefined && before.status === status && before.reason === reason && sameList(before.rules, rules)) statuses[i] = before;
    else statuses[i] = last[i] = SHARED.status(id, status, rules, reason);
  }
  return statuses;
}

const NO_RULES: string[] = stringList();

/** Per ruleset on this thread, the status each item got last, by the item's place. */
const LAST_STATUSES = new WeakMap<Ruleset, (ItemStatus | undefined)[]>();
function lastStatuses(ruleset: Ruleset): (ItemStatus | undefined)[] {
  let last = LAST_STATUSES.get(ruleset);
  if (!last) LAST_STATUSES.set(ruleset, (last = new Array(ruleset.items.length).fill(undefined)));
  return last;
}

/** The reasons of an item, each once, sorted. */
function reasonOf(reasons: string[] | undefined): string | undefined {
  if (!reasons) return undefined;
  if (reasons.length === 1) return reasons[0] || undefined;
  return [...new Set(reasons)].sort().join("; ") || undefined;
}

function toFinding(problem: Problem, rule: EffectiveRule, itemId: string | undefined, read: LoadedDocument | undefined, school: SchoolDocuments, ruleset: Ruleset, lang: Lang): Finding {
  const source = problem.file ?? read?.source;
  const file = source?.file ?? school.dir;
  const range = problem.range ?? (source && problem.path ? source.locate(problem.path, { key: problem.key }) : FILE_START);
  const item = itemId ? ruleset.itemById.get(itemId) : undefined;
  const hint = lang === "en" ? (rule.hintEn ?? rule.hint) : rule.hint;
  const f: Finding = {
    ruleId: rule.id,
    severity: problem.severity && SEVERITY_ORDER[problem.severity] < SEVERITY_ORDER[rule.severity as "error"] ? problem.severity : (rule.severity as Finding["severity"]),
    message: problem.message,
    file,
    range,
    school: school.id,
    source: rule.source,
  };
  if (hint) f.hint = hint;
  if (item) f.standard = item.standaard;
  if (itemId) f.indicator = itemId;
  if (problem.expected !== undefined) f.expected = problem.expected;
  if (problem.found !== undefined) f.found = problem.found;
  if (problem.path && problem.path.length) f.path = problem.path.map((p) => (typeof p === "number" ? `[${p}]` : p)).join(".").replace(/\.\[/g, "[");
  return f;
}


function applyWaivers(
  school: SchoolDocuments,
  raw: RawFinding[],
  env: CheckEnv,
  say: (nl: string, en: string) => string,
): { waivers: WaiverResult[]; waivedIndexes: Set<number>; waiverFindings: Finding[] } {
  const waivers: WaiverResult[] = [];
  const waivedIndexes = new Set<number>();
  const waiverFindings: Finding[] = [];
  for (const loaded of school.uitzonderingen) {
    const list = (loaded.doc as { uitzonderingen: { regel: string; scope?: string; reden: string; eigenaar: string; verleend: string; verloopt: string }[] }).uitzonderingen;
    list.forEach((w, i) => {
      const range = loaded.source.locate(["uitzonderingen", i]);
      const matches = raw
        .map((r, idx) => ({ r, idx }))
        .filter(({ r }) => r.finding.ruleId === w.regel || r.finding.indicator === w.regel)
        .filter(({ r }) => !w.scope || w.scope === env.schooljaar || r.finding.file === `${school.dir}/${w.scope}` || r.finding.file.endsWith(`/${w.scope}`));
      const expired = w.verloopt < env.peildatum;
      const notYet = w.verleend > env.peildatum;
      let state: WaiverResult["state"] = "actief";
      if (expired) {
        state = "verlopen";
        waiverFindings.push({
          ruleId: "waiver/expired",
          severity: "warning",
          file: loaded.source.file,
          range: loaded.source.locate(["uitzonderingen", i, "verloopt"]),
          school: school.id,
          path: `uitzonderingen[${i}].verloopt`,
          message: say(`uitzondering op ${w.regel} is verlopen op ${w.verloopt}; de regel telt weer mee`, `waiver for ${w.regel} expired on ${w.verloopt}; the rule counts again`),
          hint: say("Verleng de uitzondering met een nieuwe einddatum, of los het punt op en verwijder haar.", "Extend the waiver with a new expiry date, or fix the issue and remove it."),
          expected: `>= ${env.peildatum}`,
          found: w.verloopt,
        });
      } else if (!notYet && matches.length === 0) {
        state = "ongebruikt";
        waiverFindings.push({
          ruleId: "waiver/unused",
          severity: "info",
          file: loaded.source.file,
          range: loaded.source.locate(["uitzonderingen", i, "regel"]),
          school: school.id,
          path: `uitzonderingen[${i}].regel`,
          message: say(`uitzondering op ${w.regel} zonderde niets uit`, `waiver for ${w.regel} matched nothing`),
          hint: say("Verwijder de uitzondering, of controleer het regel-id en het bereik.", "Remove the waiver, or check the rule id and scope."),
          found: w.regel,
        });
      }
      if (state === "actief" && !notYet) for (const { idx } of matches) waivedIndexes.add(idx);
      waivers.push({
        rule: w.regel,
        ...(w.scope ? { scope: w.scope } : {}),
        reason: w.reden,
        owner: w.eigenaar,
        granted: w.verleend,
        expires: w.verloopt,
        state,
        file: loaded.source.file,
        range,
        waived: state === "actief" && !notYet ? matches.length : 0,
      });
    });
  }
  return { waivers, waivedIndexes, waiverFindings };
}

function documentSummaries(school: SchoolDocuments): SchoolResult["documents"] {
  const valid = new Map<string, LoadedDocument>();
  for (const d of [...school.sops, ...school.zelfevaluaties, ...school.visitaties, ...school.uitzonderingen]) valid.set(d.source.file, d);
  return school.files
    .map((f) => {
      const d = valid.get(f.file);
      const data = (d?.doc ?? f.data) as { kind?: unknown; schooljaar?: unknown; datum?: unknown } | undefined;
      return {
        file: f.file,
        kind: typeof data?.kind === "string" ? data.kind : "?",
        ...(typeof data?.schooljaar === "string" ? { schooljaar: data.schooljaar } : {}),
        ...(typeof data?.datum === "string" ? { datum: data.datum } : {}),
        valid: d !== undefined,
      };
    })
    .sort((a, b) => compareStrings(a.file, b.file));
}

function sopSummary(file: string, d: SopDoc): NonNullable<SchoolResult["sop"]> {
  return {
    file,
    schooljaar: d.schooljaar,
    vastgesteld: d.vaststelling.datum,
    ...(d.vaststelling.mrAdvies ? { mrAdvies: d.vaststelling.mrAdvies.datum } : {}),
    ...(d.publicatie?.website ? { website: d.publicatie.website } : {}),
    aanbod: (d.aanbod ?? []).map((a) => ({
      behoefte: a.behoefte,
      niveau: a.niveau,
      ...(a.capaciteit !== undefined ? { capaciteit: a.capaciteit } : {}),
      onderwijstypen: a.onderwijstypen ?? [],
      ...(a.toelichting ? { toelichting: a.toelichting } : {}),
    })),
    grenzen: d.grenzen ?? [],
    ontwikkelpunten: (d.ontwikkelpunten ?? []).map((o) => ({ omschrijving: o.omschrijving, ...(o.standaard ? { standaard: o.standaard } : {}), ...(o.streefdatum ? { streefdatum: o.streefdatum } : {}) })),
  };
}

function scoreSummary(file: string, d: ZelfevaluatieDoc): SchoolResult["zelfevaluaties"][number] {
  const scores: Record<string, string> = {};
  for (const k of Object.keys(d.scores).sort()) {
    const v = d.scores[k]!;
    scores[k] = typeof v === "string" ? v : v.score;
  }
  return { schooljaar: d.schooljaar, datum: d.datum, file, scores };
}

function visitatieSummary(file: string, v: VisitatieDoc): SchoolResult["visitaties"][number] {
  return {
    schooljaar: v.schooljaar,
    datum: v.datum,
    file,
    commissie: v.commissie.map((p) => (p.rol ? `${p.naam} (${p.rol})` : p.naam)),
    ...(v.oordeel ? { oordeel: v.oordeel } : {}),
    bevindingen: v.bevindingen.map((b) => ({
      ...(b.standaard ? { standaard: b.standaard } : {}),
      ...(b.indicator ? { indicator: b.indicator } : {}),
      oordeel: b.oordeel,
      ...(b.toelichting ? { toelichting: b.toelichting } : {}),
      ...(b.aanbeveling ? { aanbeveling: b.aanbeveling } : {}),
    })),
    afspraken: (v.afspraken ?? []).map((a) => ({ omschrijving: a.omschrijving, ...(a.termijn ? { termijn: a.termijn } : {}) })),
  };
}
