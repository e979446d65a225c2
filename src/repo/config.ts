/** Finds the SWV repository (like git does) and reads its sop-audit.yaml. */
import { existsSync, statSync } from "node:fs";
import { readInputFile } from "../core/read-input.js";
import { join, resolve } from "node:path";
import { ConfigError } from "../core/errors.js";
import type { Finding, Lang } from "../core/types.js";
import { parseSource } from "../documents/parse.js";
import type { SwvConfigDoc } from "../documents/schemas.js";
import type { SourceFile } from "../documents/source.js";
import { validateDocument } from "../documents/validate.js";
import { inputFailure, t } from "../i18n/messages.js";
import { canonicalSwvCode } from "./swv-code.js";
import { CONFIG_FILE, locateRepoRoot } from "./root.js";

export function findRepoRoot(start: string, explicit: boolean, lang: Lang): string {
  const dir = resolve(start);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ConfigError(t(lang, "repo.notDir", { dir: start }));
  }
  const root = locateRepoRoot(dir, explicit);
  if (root !== undefined) return root;
  throw new ConfigError(t(lang, "repo.noConfig", { dir: start }), [t(lang, "repo.noConfig.hint")]);
}

export interface LoadedConfig {
  config: SwvConfigDoc;
  source: SourceFile;
  /** Non-fatal findings about the config (e.g. an SWV code in an unknown form). */
  findings: Finding[];
}

export function loadConfig(root: string, lang: Lang): LoadedConfig {
  const read = readInputFile(join(root, CONFIG_FILE));
  if (read.failure) throw new ConfigError(t(lang, "repo.configUnreadable", { file: CONFIG_FILE, reason: inputFailure(lang, read.failure) }));
  const source = parseSource(CONFIG_FILE, read.bytes);
  const validated = validateDocument(source, { lang }, ["SwvConfig"]);
  if (!validated.doc) {
    const lines = validated.findings.map((f) => `${f.file}:${f.range.line}:${f.range.column}  ${f.message}${f.hint ? ` — ${f.hint}` : ""}`);
    throw new ConfigError(t(lang, "repo.badConfig", { file: CONFIG_FILE }), lines);
  }
  const config = validated.doc as SwvConfigDoc;
  const findings = [...validated.findings];
  // Without a code the SWV is still audited: outputs and reports name it by its name alone.
  if (config.swv.code === undefined) {
    findings.push({
      ruleId: "config/swv-code-missing",
      severity: "warning",
      file: CONFIG_FILE,
      range: source.locate(["swv"], { key: true }),
      path: "swv.code",
      message: t(lang, "identity.swvCodeMissing"),
      hint: t(lang, "identity.swvCodeMissing.hint"),
    });
    return { config, source, findings };
  }
  const code = canonicalSwvCode(config.swv.code);
  if (code) config.swv.code = code;
  else
    findings.push({
      ruleId: "config/swv-code",
      severity: "warning",
      file: CONFIG_FILE,
      range: source.locate(["swv", "code"]),
      path: "swv.code",
      message: t(lang, "repo.swvCode", { code: config.swv.code }),
      hint: t(lang, "repo.swvCode.hint"),
      found: config.swv.code,
    });
  return { config, source, findings };
}
