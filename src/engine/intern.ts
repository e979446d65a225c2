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
    this.strings.set(value, value);
    return value;
  }

  list(values: string[]): string[] {
    const key = values.join("\u0000");
    let known = this.lists.get(key);
    if (!known) this.lists.set(key, (known = values.map((v) => this.string(v))));
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

  school(result: SchoolResult): SchoolResult {
    result.statuses = result.statuses.map((st) => this.status(st.item, st.status, st.rules, st.reason));
    for (const f of result.findings) this.finding(f);
    for (const f of result.waivedFindings) this.finding(f);
    for (const d of result.documents) {
      d.kind = this.string(d.kind);
      if (d.schooljaar !== undefined) d.schooljaar = this.string(d.schooljaar);
    }
    result.onderwijstypen = this.list(result.onderwijstypen);
    return result;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
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
