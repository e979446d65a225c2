/**
 * A profile that makes a legal minimum stricter adds its own rule beside the
 * legal one (the legal rule keeps the law's terms): `WET-01+swv-vo-2203`, the
 * legal rule's id, `+`, and the layer that made the agreement. Ids written in
 * ruleset files never hold a `+`, so such an id is always one of these.
 */
export function agreementRuleId(legalId: string, layer: string): string {
  return `${legalId}+${layer.replace(/\.ya?ml$/i, "")}`;
}

export function isAgreementRuleId(id: string): boolean {
  return id.includes("+");
}
