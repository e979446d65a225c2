/**
 * A worker's results reach the main thread as copies (structured clone), and
 * the main thread interns each copy again. Most of a result is its ~150 item
 * statuses, and on the worker's side those are a few shared objects school
 * after school (the interner makes them so): they travel as numbers, each
 * status object once per worker, the first time a school has it. At 1,000
 * schools that is ~150 numbers per school instead of ~150 objects to copy,
 * read back and look up again on the main thread.
 */
import type { ItemStatus } from "../core/types.js";
import { SHARED } from "./intern.js";

export interface PackedStatuses {
  /** Per status of the school, in order: its number in the worker's table. */
  numbers: Uint32Array;
  /** The statuses named for the first time, numbered on from the last one sent. */
  added: ItemStatus[];
}

/** In a worker: numbers each status object the first time it is sent. */
export class StatusPacker {
  private readonly numbers = new Map<ItemStatus, number>();

  pack(statuses: readonly ItemStatus[]): PackedStatuses {
    const numbers = new Uint32Array(statuses.length);
    const added: ItemStatus[] = [];
    for (let i = 0; i < statuses.length; i++) {
      const st = statuses[i]!;
      let n = this.numbers.get(st);
      if (n === undefined) {
        n = this.numbers.size;
        this.numbers.set(st, n);
        added.push(st);
      }
      numbers[i] = n;
    }
    return { numbers, added };
  }
}

/**
 * On the main thread, one per worker (whose messages arrive in the order
 * they were sent): the worker's table, as this thread's shared statuses.
 */
export class StatusUnpacker {
  private readonly table: ItemStatus[] = [];

  unpack({ numbers, added }: PackedStatuses): ItemStatus[] {
    for (const st of added) this.table.push(SHARED.status(st.item, st.status, st.rules, st.reason));
    const statuses = new Array<ItemStatus>(numbers.length);
    for (let i = 0; i < numbers.length; i++) statuses[i] = this.table[numbers[i]!]!;
    return statuses;
  }
}
