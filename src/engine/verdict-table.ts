/**
 * What the rules said of each item on one school, by the item's place in
 * ruleset.items: counts in typed arrays and a list of rule ids per item,
 * made once per compiled ruleset and cleared for each school (a school made
 * ~150 objects and lists here before, most of them for the collector).
 */
import { stringList } from "./intern.js";

export class VerdictTable {
  readonly fail: Int32Array;
  /** Findings of failing outcomes, and how many of those a waiver covers. */
  readonly failFindings: Int32Array;
  readonly failWaived: Int32Array;
  readonly unknown: Int32Array;
  /** Findings of outcomes that could not be shown (niet aangetoond), and how many of those a waiver covers. */
  readonly unknownFindings: Int32Array;
  readonly unknownWaived: Int32Array;
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
    this.unknownFindings = new Int32Array(size);
    this.unknownWaived = new Int32Array(size);
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
      this.fail[i] = this.failFindings[i] = this.failWaived[i] = this.unknown[i] = this.unknownFindings[i] = this.unknownWaived[i] = this.pass[i] = this.nvt[i] = 0;
      this.rules[i]!.length = 0;
      this.reasons[i] = undefined;
    }
    this.judged.length = 0;
  }
}
