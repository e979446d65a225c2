/**
 * At national scale the results repeat themselves: 10,000 schools carry the
 * same item ids, status words, rule lists and hints. Results from a worker
 * thread arrive as fresh copies; interning makes every school share one copy
 * of each, which keeps memory near the size of what is actually different.
 * Interned arrays and statuses are shared: nobody may change them afterwards.
 */
import type { Finding, ItemStatus, SchoolResult } from "../core/types.js";

export class Interner {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, string[]>();
  private readonly statuses = new Map<string, Map<string, ItemStatus[]>>();

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

  /** Most schools give most items the same status for the same rules: one object for all of them. */
  status(item: string, status: ItemStatus["status"], rules: string[], reason?: string): ItemStatus {
    let byStatus = this.statuses.get(item);
    if (!byStatus) this.statuses.set(item, (byStatus = new Map()));
    let known = byStatus.get(status);
    if (!known) byStatus.set(status, (known = []));
    for (const k of known) if (k.reason === reason && sameList(k.rules, rules)) return k;
    const shared: ItemStatus = { item: this.string(item), status: this.string(status), rules: this.list(rules) };
    if (reason !== undefined) shared.reason = this.string(reason);
    // Free-text reasons would make the list long: then the school keeps its own object.
    if (known.length < 16) known.push(shared);
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
