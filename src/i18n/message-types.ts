/** The shape of a message in the catalogue: a function of plain values, one line of text. */

export type Vals = Record<string, string | number | undefined>;
export type Msg = (v: Vals) => string;

/** A value in double quotes, as messages show names and ids the user wrote. */
export const q = (s: string | number | undefined) => (s === undefined ? "" : JSON.stringify(String(s)));
