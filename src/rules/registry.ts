/** Every rule kind, registered in one list. */
import type { RuleKind } from "./kind.js";
import consistency from "./kinds/consistency.js";
import countAtLeast from "./kinds/count-at-least.js";
import dateMaxAge from "./kinds/date-max-age.js";
import dateOrder from "./kinds/date-order.js";
import documentExists from "./kinds/document-exists.js";
import fieldPresent from "./kinds/field-present.js";
import listIncludes from "./kinds/list-includes.js";
import persoonsgegevens from "./kinds/persoonsgegevens.js";
import sectionPresent from "./kinds/section-present.js";
import valueMatches from "./kinds/value-matches.js";
import visitatieOordeel from "./kinds/visitatie-oordeel.js";
import zelfevaluatieScore from "./kinds/zelfevaluatie-score.js";

export const RULE_KINDS: readonly RuleKind<any>[] = [
  documentExists,
  fieldPresent,
  valueMatches,
  listIncludes,
  countAtLeast,
  dateMaxAge,
  dateOrder,
  zelfevaluatieScore,
  sectionPresent,
  consistency,
  visitatieOordeel,
  persoonsgegevens,
];

export const KIND_BY_NAME: ReadonlyMap<string, RuleKind<any>> = new Map(RULE_KINDS.map((k) => [k.name, k]));
