/**
 * The names reports show for the terms of the lists a result carries. The
 * engine reads every need and level through the ruleset's vocabulary and
 * keeps the term's id; every report words an id through this one lookup, so
 * a term has the same name in the matrix, the visitatie report and a
 * minimum's text.
 */
import type { AuditResult, VocabTerm } from "../core/types.js";

export type ReportList = keyof AuditResult["vocab"];

export interface TermNames {
  /** The list's name for a term; a text the list does not know, as written. */
  naam(list: ReportList, id: string): string;
  /** The term's place in its list (the order rows and levels follow); undefined: not in the list. */
  rank(list: ReportList, id: string): number | undefined;
  /** Whether the list knows the id. */
  knows(list: ReportList, id: string): boolean;
}

/** Made per report: a result's lists are small, and a report reads them many times. */
export function termNames(vocab: AuditResult["vocab"]): TermNames {
  const index = (terms: readonly VocabTerm[]) => new Map(terms.map((term, rank) => [term.id, { naam: term.naam ?? term.id, rank }]));
  const lists: Record<ReportList, ReturnType<typeof index>> = {
    behoeften: index(vocab.behoeften),
    niveaus: index(vocab.niveaus),
    onderwijstypen: index(vocab.onderwijstypen),
  };
  return {
    naam: (list, id) => lists[list].get(id)?.naam ?? id,
    rank: (list, id) => lists[list].get(id)?.rank,
    knows: (list, id) => lists[list].has(id),
  };
}
