/**
 * The two checks on document values that JSON Schema cannot express. The
 * zod schemas refine with these functions; the fast validators (see
 * fast-schema.ts) call the same functions as formats of those names, so the
 * two validators cannot drift apart on them.
 */

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const SCHOOLJAAR_RE = /^(\d{4})-(\d{4})$/;

/** A calendar date written JJJJ-MM-DD that exists (no 31 februari). */
export function isRealDate(value: string): boolean {
  if (value.length !== 10 || !DATE_RE.test(value)) return false;
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}

/** Two consecutive years, JJJJ-JJJJ (2025-2026). */
export function isSchooljaar(value: string): boolean {
  const m = SCHOOLJAAR_RE.exec(value);
  return m !== null && Number(m[2]) === Number(m[1]) + 1;
}

/** Every refinement of the document schemas, by the format name the fast validators give it. */
export const REFINEMENTS = { date: isRealDate, schooljaar: isSchooljaar } as const;
