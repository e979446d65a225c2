/**
 * The one count of item statuses, for a school or a whole run: the result's
 * summary, every output format and every report count through here, so they
 * cannot disagree about how many items are niet aangetoond.
 */
import { STATUSES, type ItemStatus, type Status } from "./types.js";

export type StatusCounts = Record<Status, number>;

export function emptyStatusCounts(): StatusCounts {
  return { voldoet: 0, "voldoet-niet": 0, "niet-aangetoond": 0, uitgezonderd: 0, nvt: 0 };
}

/**
 * How many item statuses of each kind, in the order of STATUSES. A run holds
 * up to millions of statuses: a switch on the (interned) strings is cheaper
 * than incrementing a property named by the status.
 */
export function countStatuses(lists: Iterable<readonly Pick<ItemStatus, "status">[]>): StatusCounts {
  let voldoet = 0;
  let voldoetNiet = 0;
  let nietAangetoond = 0;
  let uitgezonderd = 0;
  let nvt = 0;
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const status = list[i]!.status;
      switch (status) {
        case "voldoet":
          voldoet++;
          break;
        case "voldoet-niet":
          voldoetNiet++;
          break;
        case "niet-aangetoond":
          nietAangetoond++;
          break;
        case "uitgezonderd":
          uitgezonderd++;
          break;
        case "nvt":
          nvt++;
          break;
        default:
          throw new Error(`unknown status ${status satisfies never}`);
      }
    }
  }
  const counts = { voldoet, "voldoet-niet": voldoetNiet, "niet-aangetoond": nietAangetoond, uitgezonderd, nvt };
  return Object.fromEntries(STATUSES.map((s) => [s, counts[s]])) as StatusCounts;
}

/** The statuses of one school (or anything with a list of them). */
export function schoolStatusCounts(school: { statuses: readonly Pick<ItemStatus, "status">[] }): StatusCounts {
  return countStatuses([school.statuses]);
}

/**
 * Niet aangetoond out of the items that apply (n.v.t. items do not count):
 * what summaries say and what a profile's `maxNietAangetoond` is measured against.
 */
export function nietAangetoondOf(counts: StatusCounts): { count: number; total: number; share: number } {
  const total = counts.voldoet + counts["voldoet-niet"] + counts["niet-aangetoond"] + counts.uitgezonderd;
  const count = counts["niet-aangetoond"];
  return { count, total, share: total === 0 ? 0 : count / total };
}
