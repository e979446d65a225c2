/**
 * At national scale the results repeat themselves: 10,000 schools carry the
 * same item ids, status words, rule lists and hints. Results from a worker
 * thread arrive as fresh copies; interning makes every school share one copy
 * of each, which keeps memory near the size of what is actually different.
 * Interned arrays and statuses are shared: nobody may change them afterwards.
 */
import type { Finding, ItemStatus, SchoolResult } from "../core/types.js";

/**
 * Enough for the visitatie dates of a national run (at 10,000 schools, 512
 * left 73,339 status objects for 18,762 distinct statuses); a bound for free
 * text, whose objects each school would hold anyway.
 */
const VARIANTS_PER_STATUS = 4096;

export class Interner {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, string[]>();
  /** item → status → (reason, rules) → the shared object. */
  private readonly statuses = new Map<string, Map<string, Map<string, ItemStatus>>>();
  /** item → the status returned last: the next school mostly gets the same one. */
  private readonly lastStatus = new Map<string, ItemStatus>();

  string<T extends string | undefined>(value: T): T {
    if (value === undefined) return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known as T;
    // Kept for the whole run: it must not keep the file it was cut from.
    const own = ownString(value);
    this.strings.set(own, own);
    return own as T;
  }

  list(values: string[]): string[] {
    const key = values.join("\u0000");
    let known = this.lists.get(key);
    if (!known) {
      known = stringList();
      for (const v of values) known.push(this.string(v));
      this.lists.set(key, known);
    }
    return known;
  }

  finding(f: Finding): Finding {
    f.ruleId = this.string(f.ruleId);
    f.severity = this.string(f.severity);
    if (f.hint !== undefined) f.hint = this.string(f.hint);
    if (f.school !== undefined) f.school = this.string(f.school);
    if (f.standard !== undefined) f.standard = this.string(f.standard);
    if (f.indicator !== undefined) f.indicator = this.string(f.indicator);
    if (f.source !== undefined) f.source = this.string(f.source);
    if (f.expected !== undefined) f.expected = this.string(f.expected);
    return f;
  }

  /**
   * Most schools give most items the same status for the same rules: one
   * object for all of them. A reason may name a school's own dates ("de
   * visitatie van 2024-11-28 …"), so an item has many variants; free text
   * could make them endless, so past VARIANTS_PER_STATUS a school keeps its
   * own object.
   */
  status(item: string, status: ItemStatus["status"], rules: string[], reason?: string): ItemStatus {
    // Comparing with the last one is cheaper than building the key below.
    const last = this.lastStatus.get(item);
    if (last !== undefined && last.status === status && last.reason === reason && sameList(last.rules, rules)) return last;
    const found = this.lookUpStatus(item, status, rules, reason);
    this.lastStatus.set(item, found);
    return found;
  }

  private lookUpStatus(item: string, status: ItemStatus["status"], rules: string[], reason: string | undefined): ItemStatus {
    let byStatus = this.statuses.get(item);
    if (!byStatus) this.statuses.set(item, (byStatus = new Map()));
    let variants = byStatus.get(status);
    if (!variants) byStatus.set(status, (variants = new Map()));
    // No reason and an empty reason stay apart; the separator appears in neither.
    const key = `${reason === undefined ? "\u0001" : reason}\u0000${rules.join("\u0000")}`;
    const known = variants.get(key);
    if (known) return known;
    const shared: ItemStatus = { item: this.string(item), status: this.string(status), rules: this.list(rules) };
    if (reason !== undefined) shared.reason = this.string(reason);
    if (variants.size < VARIANTS_PER_STATUS) variants.set(key, shared);
    return shared;
  }

  /** A result copied from a worker; its statuses are this thread's already (transfer.ts). */
  school(result: SchoolResult): SchoolResult {
    for (const f of result.findings) this.finding(f);
    for (const f of result.waivedFindings) this.finding(f);
    for (const d of result.documents) {
      d.kind = this.string(d.kind);
      if (d.schooljaar !== undefined) d.schooljaar = this.string(d.schooljaar);
    }
    result.onderwijstypen = this.list(result.onderwijstypen);
    return this.details(result);
  }

  /**
   * What reports keep of a school's documents, as far as it repeats: the
   * scores of a zelfevaluatie (some 150 per document, from a short list of
   * words), the needs and levels of the aanbod and the oordelen of a
   * visitatie. At 10,000 schools the scores alone were some 3 million
   * strings of their own.
   */
  details(result: SchoolResult): SchoolResult {
    for (const z of result.zelfevaluaties) {
      const { scores } = z;
      for (const item of Object.keys(scores)) scores[item] = this.string(scores[item]!);
    }
    for (const e of result.sop?.aanbod ?? []) {
      e.behoefte = this.string(e.behoefte);
      e.niveau = this.string(e.niveau);
      e.onderwijstypen = this.list(e.onderwijstypen);
    }
    for (const v of result.visitaties) {
      if (v.oordeel !== undefined) v.oordeel = this.string(v.oordeel);
      for (const b of v.bevindingen) {
        b.oordeel = this.string(b.oordeel);
        if (b.standaard !== undefined) b.standaard = this.string(b.standaard);
        if (b.indicator !== undefined) b.indicator = this.string(b.indicator);
      }
    }
    return result;
  }
}

/**
 * An empty list made for strings from the start. In V8 an empty literal
 * starts as a list of small numbers and changes its layout at its first
 * string, and `map` makes a list with holes: made this way, every list of
 * rule ids has one layout, for the code that reads them.
 */
export function stringList(): string[] {
  const list = [""];
  list.length = 0;
  return list;
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * One per thread: the statuses the rules make, the copies that come back
 * from worker threads and the statuses read from the cache all become the
 * same objects, so that the output, the cache and memory hold each once.
 * It lives as long as the process, which for the CLI is one run.
 */
export const SHARED = new Interner();

/**
 * A string cut from a parsed file is, in V8, a slice that keeps the whole
 * text of the file alive (from 13 characters on; shorter ones are copied).
 * Results outlive their files: a name kept per school kept its SOP, and a
 * coverage or report run, which keeps texts of every document, kept every
 * file of every school its thread checked. Concatenating makes a new string
 * and slicing that copies only what it needs.
 */
export function ownString(value: string): string {
  return value.length < 13 ? value : ` ${value}`.slice(1);
}

/**
 * Gives every string in a result checked on this thread its own storage
 * (see ownString). Shared parts are skipped: statuses and interned lists are
 * made of interned strings already. Results from a worker arrive as copies
 * and need none of this.
 */
export function ownStrings(result: SchoolResult): SchoolResult {
  for (const key of Object.keys(result) as (keyof SchoolResult)[]) {
    if (key === "statuses" || key === "onderwijstypen") continue;
    (result as unknown as Record<string, unknown>)[key] = owned(result[key]);
  }
  return result;
}

function owned(value: unknown): unknown {
  if (typeof value === "string") return ownString(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = owned(value[i]);
    return value;
  }
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = owned(record[key]);
  }
  return value;
}
