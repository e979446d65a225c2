/**
 * SWV codes are written `VO 22.03`, `VO-22-03`, `VO 22-03` or `PO0001`; we
 * store one canonical form: `VO 22.03` (and `PO 00.01` for the national one).
 */
export function canonicalSwvCode(input: string): string | undefined {
  const m = /^\s*(PO|VO)[\s\-_.]*(\d{2})[\s\-_.]*(\d{2})\s*$/i.exec(input);
  if (!m) return undefined;
  return `${m[1]!.toUpperCase()} ${m[2]}.${m[3]}`;
}
