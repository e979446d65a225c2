/**
 * Which schools a list of sectors (of an item, a rule or a list term)
 * reaches. The one place the sectors' relations are decided.
 */

/** The sectors a school may give as `school.sector`. */
export const SECTORS = ["PO", "SBO", "SO", "VSO", "VO", "PrO"] as const;

/**
 * Praktijkonderwijs is a school type of VO (domain.md §2), so a list naming
 * VO reaches PrO schools too; one naming PrO does not reach other VO schools.
 */
const PART_OF: Readonly<Record<string, string>> = { PrO: "VO" };

/** Whether `sectors` reaches a school of `sector`. */
export function coversSector(sectors: readonly string[], sector: string): boolean {
  if (sectors.includes(sector)) return true;
  const whole = PART_OF[sector];
  return whole !== undefined && sectors.includes(whole);
}

/** The sectors whose schools a list naming `sector` reaches besides its own: VO → PrO. */
export function partsOfSector(sector: string): string[] {
  return Object.keys(PART_OF).filter((part) => PART_OF[part] === sector);
}
