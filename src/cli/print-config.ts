/**
 * `check --print-config`: the configuration a check would run with, and
 * where each part comes from: sop-audit.yaml and the command line, then the
 * layers of the ruleset (profile, what it extends, own rule files) and the
 * rule changes made by profiles and by sop-audit.yaml. Nothing is checked.
 */
import { prepareAudit, type AuditOptions } from "../audit/audit.js";
import type { Lang } from "../core/types.js";
import { visibleText } from "../core/visible-text.js";
import { t } from "../i18n/messages.js";
import type { Io } from "./io.js";

/** Where a setting's value comes from. */
type Origin = "option" | "config" | "default";

export interface PrintedConfig {
  config: string;
  swv: { code?: string; naam: string; sector: string };
  taal: { value: Lang; from: Origin };
  peildatum: { value: string; from: Origin };
  schooljaar: { value: string; from: Origin };
  scholenMap: string;
  ruleset: {
    profile: string;
    /** Own catalogs and profiles named in sop-audit.yaml, as written there. */
    paths: string[];
    /** Every layer, each after the layers it builds on; the SWV's own changes last. */
    layers: { id: string; kind: string; titel: string; file: string; extends?: string[] }[];
    /** Rule changes of profiles and sop-audit.yaml, in layer order. */
    overrides: { rule: string; layer: string; file: string; line: number; change: string }[];
    items: number;
    rules: number;
  };
}

export function effectiveConfig(options: AuditOptions): PrintedConfig {
  const { config, env, ruleset } = prepareAudit(options);
  const doc = config.config;
  const origin = (option: unknown, inConfig: unknown): Origin => (option !== undefined ? "option" : inConfig !== undefined ? "config" : "default");
  const layerOrder = new Map(ruleset.layers.map((l, i) => [l.id, i]));
  const overrides = ruleset.rules
    .flatMap((r) => r.provenance.filter((p) => p.action === "override").map((p) => ({ rule: r.id, layer: p.layer, file: p.file, line: p.range.line, change: p.detail ?? "" })))
    .sort((a, b) => (layerOrder.get(a.layer) ?? 0) - (layerOrder.get(b.layer) ?? 0) || a.line - b.line);
  return {
    config: config.source.file,
    swv: { ...(doc.swv.code !== undefined ? { code: doc.swv.code } : {}), naam: doc.swv.naam, sector: doc.swv.sector },
    taal: { value: env.lang, from: origin(options.lang, doc.taal) },
    peildatum: { value: env.peildatum, from: origin(options.peildatum, doc.peildatum) },
    schooljaar: { value: env.schooljaar, from: origin(options.schooljaar, doc.schooljaar) },
    scholenMap: doc.scholenMap ?? "scholen",
    ruleset: {
      profile: ruleset.profile,
      paths: doc.ruleset.paths ?? [],
      layers: ruleset.layers.map((l) => ({ id: l.id, kind: l.kind, titel: l.titel, file: l.file, ...(l.extends ? { extends: l.extends } : {}) })),
      overrides,
      items: ruleset.items.length,
      rules: ruleset.rules.length,
    },
  };
}

export function printConfig(options: AuditOptions, json: boolean, io: Io): void {
  const printed = effectiveConfig(options);
  io.out(json ? `${JSON.stringify(printed, null, 2)}\n` : configText(printed, printed.taal.value, io));
}

function configText(p: PrintedConfig, lang: Lang, io: Io): string {
  const c = io.color;
  // Texts from sop-audit.yaml and rule files, shown in a terminal: nothing in them may act on it.
  const v = (text: string) => visibleText(text, true);
  const from = (o: Origin, setting: "taal" | "peildatum" | "schooljaar") => c.dim(`(${t(lang, `printConfig.from.${o}`, { option: `--${setting}`, file: p.config, setting })})`);
  const none = c.dim(t(lang, "printConfig.none"));
  const row = (label: string, value: string) => `  ${label.padEnd(12)} ${value}`;
  const idWidth = Math.max(0, ...p.ruleset.layers.map((l) => v(l.id).length));
  const ruleWidth = Math.max(0, ...p.ruleset.overrides.map((o) => v(o.rule).length));
  const out = [
    c.bold(t(lang, "printConfig.heading", { file: p.config })),
    row("swv", `${p.swv.code !== undefined ? `${v(p.swv.code)} · ` : ""}${v(p.swv.naam)} (${v(p.swv.sector)})`),
    row("taal", `${p.taal.value} ${from(p.taal.from, "taal")}`),
    row("peildatum", `${p.peildatum.value} ${from(p.peildatum.from, "peildatum")}`),
    row("schooljaar", `${p.schooljaar.value} ${from(p.schooljaar.from, "schooljaar")}`),
    row("scholenMap", v(p.scholenMap)),
    "",
    c.bold(t(lang, "printConfig.ruleset", { profile: v(p.ruleset.profile), items: p.ruleset.items, rules: p.ruleset.rules })),
    ...p.ruleset.layers.map((l, i) => `  ${String(i + 1).padStart(2)}. ${l.kind.padEnd(7)} ${v(l.id).padEnd(idWidth)} ${c.dim(v(l.file))}${l.extends ? `  ${t(lang, "printConfig.extends", { ids: l.extends.map(v).join(", ") })}` : ""}`),
    "",
    c.bold(t(lang, "printConfig.paths")),
    ...(p.ruleset.paths.length > 0 ? p.ruleset.paths.map((path) => `  ${v(path)}`) : [`  ${none}`]),
    "",
    c.bold(t(lang, "printConfig.overrides")),
    ...(p.ruleset.overrides.length > 0 ? p.ruleset.overrides.map((o) => `  ${v(o.rule).padEnd(ruleWidth)} ${v(o.change)}  ${c.dim(`${v(o.file)}:${o.line}`)}`) : [`  ${none}`]),
  ];
  return `${out.join("\n")}\n`;
}
