/**
 * A school's text on one short line, for a message in a terminal. Reports
 * for people recognise the cut form (same function) and show the text whole.
 */
export function shortLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}
