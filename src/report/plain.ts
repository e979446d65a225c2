/**
 * Findings in plain language, for reports people read (the school page, and
 * any report that shows findings to someone who never saw the YAML): the
 * field in words, the indicator's text, what the rule asks, the school's own
 * explanation whole, each hint once; the rule code and `file:line:col` are
 * kept as small references beside the words.
 *
 * Use {@link plainContext} once per school and {@link plainGroup} per value
 * (a finding group), or {@link plainBlocks} for a whole list with each hint
 * shown once.
 */
import { groupFindings, ruleLabels, type FindingGroup } from "../core/finding-groups.js";
import { shortLine } from "../core/short-line.js";
import { SEVERITY_ORDER, type AuditResult, type Finding, type Lang, type SchoolResult, type Severity } from "../core/types.js";
import { fieldLabel } from "../i18n/field-labels.js";
import { builtinCheckText, t } from "../i18n/messages.js";
import { SEVERITY_SYMBOL } from "./common.js";

/** What a report needs to word the findings of one school. */
export interface PlainContext {
  lang: Lang;
  /** Document kind per file of the school (`Schoolondersteuningsprofiel`, …). */
  kindOf: ReadonlyMap<string, string>;
  itemText: ReadonlyMap<string, string>;
  ruleTitle: ReadonlyMap<string, string>;
  /** The school's explanation per zelfevaluatie file and item. */
  toelichting: (file: string, item: string) => string | undefined;
}

export function plainContext(lang: Lang, result: Pick<AuditResult, "items" | "rules">, school?: Pick<SchoolResult, "documents" | "zelfevaluaties">): PlainContext {
  const toelichtingen = new Map((school?.zelfevaluaties ?? []).map((z) => [z.file, z.toelichtingen ?? {}]));
  return {
    lang,
    kindOf: new Map((school?.documents ?? []).map((d) => [d.file, d.kind])),
    itemText: new Map(result.items.map((i) => [i.id, i.text])),
    ruleTitle: new Map(result.rules.map((r) => [r.id, r.titel])),
    toelichting: (file, item) => toelichtingen.get(file)?.[item],
  };
}

/** A rule in words: its title in the ruleset, or what a built-in check (`schema/type`, `waiver/expired`) ensures. */
export function ruleInWords(ctx: PlainContext, ruleId: string): string | undefined {
  const title = ctx.ruleTitle.get(ruleId);
  if (title !== undefined) return title;
  const slash = ruleId.indexOf("/");
  return slash > 0 ? builtinCheckText(ctx.lang, ruleId.slice(0, slash)) : undefined;
}

/** A finding's field in words; the path as written when the schema has no such field. */
export function fieldInWords(ctx: PlainContext, f: Pick<Finding, "file" | "path">): string | undefined {
  if (f.path === undefined || f.path === "") return undefined;
  return fieldLabel(ctx.lang, ctx.kindOf.get(f.file), f.path) ?? f.path;
}

/** A dotted path as messages and hints write one: `middelen.verantwoord`, `aanbod[].behoefte`, `scores.BO-01.26.score`. */
const WRITTEN_PATH = /(?<![\w.\/-])[a-z][A-Za-z]*(?:\[\d*\])?(?:\.[\w-]+(?:\[\d*\])?)+/g;

/**
 * A message or hint with the fields it names in words, quoted, so a reader
 * who never saw the file reads "“Middelen basisondersteuning: verantwoording
 * ingediend” ontbreekt"; a path the schema does not know stays as written.
 */
export function textInWords(ctx: PlainContext, kind: string | undefined, text: string): string {
  return text.replace(WRITTEN_PATH, (path) => {
    const label = fieldLabel(ctx.lang, kind, path);
    return label === undefined ? path : t(ctx.lang, "plain.quoted", { text: label });
  });
}

/** The item a zelfevaluatie score finding is about, from its path (`scores.BO-01.26.score`). */
function scoredItem(path: string | undefined): string | undefined {
  const m = path === undefined ? null : /^scores\.(.+?)(\.score|\.toelichting)?$/.exec(path);
  return m?.[1];
}

export interface PlainProblem {
  severity: Severity;
  severityLabel: string;
  symbol: string;
  message: string;
  /** Less severe than the entry itself: shown with its own severity. */
  weaker?: true;
}

export interface PlainFinding {
  group: string;
  severity: Severity;
  severityLabel: string;
  symbol: string;
  /** The entry's title in words: the one indicator's text, else what the rule asks, else the message. */
  headline: string;
  /** What the rules ask, in words (their titles), each once. */
  asks: string[];
  /** The same, without the one the headline already says. */
  asked: string[];
  /** What is wrong: each distinct message, strongest first. */
  problems: PlainProblem[];
  /** The field in words ("Vaststelling: datum van vaststelling"), or the path as written. */
  field?: string;
  /** The field's path as the file writes it (`vaststelling.datum`), where `field` puts it in words. */
  key?: string;
  /** The indicators the value is evidence for, with their text. */
  items: { id: string; text: string }[];
  /** What to do: the hints, each once (empty where a block above already shows them). */
  hints: string[];
  /** The school's own explanation, whole. */
  toelichting?: string;
  /** Rule codes as a small reference: `BO-ZE (BO-01.26), VO2203-01`. */
  codes: string;
  ruleIds: string[];
  /** `file:line:col`, for whoever edits the files. */
  location: string;
  file: string;
  line: number;
}

export function plainGroup(ctx: PlainContext, g: FindingGroup): PlainFinding {
  const { lang } = ctx;
  const item = ctx.kindOf.get(g.file) === "Zelfevaluatie" ? scoredItem(g.path) : undefined;
  const toelichting = item === undefined ? undefined : ctx.toelichting(g.file, item);
  // The message carries the toelichting cut for a terminal; here it is shown whole beside it.
  const cut = toelichting === undefined ? undefined : ` — ${shortLine(toelichting, 80)}`;
  const kind = ctx.kindOf.get(g.file);
  const problems: PlainProblem[] = [];
  for (const j of g.judgements) {
    const message = textInWords(ctx, kind, cut !== undefined && j.message.endsWith(cut) ? j.message.slice(0, -cut.length) : j.message);
    // The same words from a weaker rule add nothing: the strongest (first) stays.
    if (!problems.some((p) => p.message === message)) {
      problems.push({
        severity: j.severity,
        severityLabel: t(lang, `sev.${j.severity}`),
        symbol: SEVERITY_SYMBOL[j.severity],
        message,
        ...(j.severity !== g.severity ? { weaker: true as const } : {}),
      });
    }
  }
  const itemIds = [...new Set(g.findings.flatMap((f) => (f.indicator !== undefined ? [f.indicator] : [])))];
  const asks = [...new Set(g.rules.map((r) => ruleInWords(ctx, r)).filter((x): x is string => x !== undefined))];
  const field = fieldInWords(ctx, g);
  const items = itemIds.map((id) => ({ id, text: ctx.itemText.get(id) ?? id }));
  const headline = (items.length === 1 && items[0]!.text !== items[0]!.id ? items[0]!.text : undefined) ?? asks[0] ?? problems[0]!.message;
  return {
    group: g.id,
    severity: g.severity,
    severityLabel: t(lang, `sev.${g.severity}`),
    symbol: SEVERITY_SYMBOL[g.severity],
    headline,
    asks,
    asked: asks.filter((a) => a !== headline),
    problems,
    ...(field !== undefined ? { field } : {}),
    // The key as the file writes it, for whoever edits the file.
    ...(field !== undefined && g.path !== undefined && field !== g.path ? { key: g.path } : {}),
    items,
    hints: [...new Set(g.judgements.flatMap((j) => j.hints.map((h) => textInWords(ctx, kind, h))))],
    ...(toelichting !== undefined ? { toelichting } : {}),
    codes: ruleLabels(g.findings).join(", "),
    ruleIds: [...g.rules],
    location: `${g.file}:${g.range.line}:${g.range.column}`,
    file: g.file,
    line: g.range.line,
  };
}

/** Findings that share what to do: the hints once, then each value. */
export interface PlainBlock {
  hints: string[];
  findings: PlainFinding[];
}

/**
 * One block per distinct set of hints, in the order of the first value that
 * has it; so a generic hint that fits 37 values is read once, above them.
 */
export function plainBlocks(ctx: PlainContext, findings: readonly Finding[] | readonly FindingGroup[]): PlainBlock[] {
  const groups = isGroups(findings) ? findings : groupFindings(findings);
  const blocks = new Map<string, PlainBlock>();
  for (const g of groups) {
    const view = plainGroup(ctx, g);
    const key = view.hints.join("\n");
    const block = blocks.get(key) ?? { hints: view.hints, findings: [] };
    blocks.set(key, block);
    block.findings.push({ ...view, hints: [] });
  }
  return [...blocks.values()];
}

function isGroups(list: readonly Finding[] | readonly FindingGroup[]): list is readonly FindingGroup[] {
  return list.length > 0 && "judgements" in list[0]!;
}

/** Strongest first, for sorting by severity. */
export function severityRank(s: Severity): number {
  return -SEVERITY_ORDER[s];
}
