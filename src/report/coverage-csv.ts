/**
 * The coverage matrix as data: a tidy long-format CSV (RFC 4180, comma,
 * CRLF) and JSON.
 *
 * CSV columns, one observation per line:
 *
 * | column | `aanbod` line | `oordeel` line | `niet-ingedeeld` line |
 * |---|---|---|---|
 * | type | `aanbod` | `oordeel` | `niet-ingedeeld` |
 * | behoefte, behoefte_naam | the need | the need | the need (as written when no list knows it: no name) |
 * | indeling | the column grouping (onderwijstype/kring/gemeente) | the scope of the verdict (… or swv) | empty |
 * | groep | the group the school is shown in | the group judged (empty for swv) | empty |
 * | school, school_naam | the school | empty | the school |
 * | niveau, niveau_naam | highest level offered | level the minimum asks | the level no list knows, as written (no name) |
 * | capaciteit | places at that level, when stated | places at ≥ niveau the offering schools state, summed | empty |
 * | oordeel | empty | gedekt / hoogst-haalbaar / kwetsbaar / niet-gedekt | empty |
 * | aantal | empty | schools offering at ≥ niveau | empty |
 * | minimum | empty | schools the minimum asks | empty |
 * | totaal | empty | schools in the group | empty |
 * | scholen | empty | ids of the offering schools, `;`-separated | empty |
 * | bedoeld | empty | empty | id of the known term nearest to what is written, if any |
 * | kandidaten | empty | schools of the group that could offer the level (coverage-verdicts.ts) | empty |
 * | capaciteit_bekend | empty | bekend / deels / onbekend: whether all, some or none of the offering schools state places | empty |
 *
 * A cell that starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so a
 * spreadsheet never runs it as a formula.
 */
import type { CoverageMatrix } from "./coverage.js";
import { listElementText, listPieces, type Piece } from "../core/json-pieces.js";

const HEADER = [
  "type",
  "behoefte",
  "behoefte_naam",
  "indeling",
  "groep",
  "school",
  "school_naam",
  "niveau",
  "niveau_naam",
  "capaciteit",
  "oordeel",
  "aantal",
  "minimum",
  "totaal",
  "scholen",
  "bedoeld",
  "kandidaten",
  "capaciteit_bekend",
] as const;

type Row = Partial<Record<(typeof HEADER)[number], string | number>>;

export function csvField(value: string | number | undefined): string {
  if (value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCoverageCsv(matrix: CoverageMatrix): string {
  return [...coverageCsvPieces(matrix)].join("");
}

/** The CSV a behoefte at a time: a line for every school and need is more text than a string may hold at national scale. */
export function* coverageCsvPieces(matrix: CoverageMatrix): Generator<string> {
  yield HEADER.join(",") + "\r\n";
  const naam = new Map(matrix.schools.map((s) => [s.id, s.naam]));
  for (const row of matrix.rows) {
    const lines: string[] = [];
    const push = (r: Row) => lines.push(HEADER.map((h) => csvField(r[h])).join(",") + "\r\n");
    for (const cell of row.cells) {
      push({
        type: "aanbod",
        behoefte: row.behoefte,
        behoefte_naam: row.naam,
        indeling: matrix.groupBy,
        groep: cell.group,
        school: cell.school,
        school_naam: naam.get(cell.school) ?? cell.school,
        niveau: cell.niveau,
        niveau_naam: cell.niveauNaam,
        capaciteit: cell.capaciteit,
      });
    }
    for (const v of row.verdicts) {
      push({
        type: "oordeel",
        behoefte: row.behoefte,
        behoefte_naam: row.naam,
        indeling: v.scope,
        groep: v.group,
        niveau: v.niveau,
        niveau_naam: v.niveauNaam,
        oordeel: v.verdict,
        aantal: v.count,
        minimum: v.minimum,
        totaal: v.total,
        scholen: v.schools.join(";"),
        capaciteit: v.capaciteit,
        kandidaten: v.kandidaten,
        capaciteit_bekend: v.capaciteitBekend,
      });
    }
    yield lines.join("");
  }
  // Aanbod the matrix cannot place is listed, never left out.
  for (const u of matrix.nietIngedeeld) {
    const row: Row = {
      type: "niet-ingedeeld",
      behoefte: u.behoefte,
      behoefte_naam: u.behoefteNaam,
      school: u.school,
      school_naam: u.schoolNaam,
      ...(u.veld === "niveau" ? { niveau: u.geschreven } : {}),
      bedoeld: u.bedoeld,
    };
    yield HEADER.map((h) => csvField(row[h])).join(",") + "\r\n";
  }
}

/**
 * The matrix as JSON (`JSON.stringify(matrix, null, 2)` and a newline), in
 * pieces, a behoefte at a time: at 10,000 schools the document is ~250 MB,
 * almost all of it in the rows' cells, and as one string it alone took more
 * memory than the rest of the run.
 */
export function coverageJsonPieces(matrix: CoverageMatrix): Generator<Piece> {
  return listPieces({ ...matrix, rows: [] }, "rows", matrix.rows, (row, before) => [before + listElementText("rows", row)]);
}
