/**
 * `sop-audit init`: the files of a new SWV repository, or of a copy of a
 * shipped example. Plans them only; write-new.ts writes them, all or none.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { UsageError } from "../core/errors.js";
import { closest, compareStrings } from "../core/similar.js";
import type { Lang } from "../core/types.js";
import { parse } from "yaml";
import { schemaModeline } from "../documents/modeline.js";
import type { SwvConfigDoc } from "../documents/schemas.js";
import { t } from "../i18n/messages.js";
import { canonicalSwvCode } from "../repo/swv-code.js";
import { CONFIG_FILE, DEFAULT_SCHOOLS_DIR } from "../repo/root.js";
import { Problems, readRulesetFiles, rulesetFiles } from "../ruleset/load.js";
import { renderTemplate, yamlScalar } from "./templates.js";
import { vscodeSettings, vscodeTasks } from "./vscode.js";
import type { NewFile } from "./write-new.js";

export const SHIPPED_EXAMPLES = fileURLToPath(new URL("../../examples/", import.meta.url));

export interface ShippedProfile {
  id: string;
  titel: string;
  sectoren: readonly string[];
}

/** The profiles in standards/, by id. */
export function shippedProfiles(lang: Lang): ShippedProfile[] {
  return readRulesetFiles(rulesetFiles({}), undefined, lang, new Problems(lang))
    .flatMap((f) => (f.doc.kind === "Profile" ? [{ id: f.doc.id, titel: f.doc.titel, sectoren: f.doc.sectoren ?? [] }] : []))
    .sort((a, b) => compareStrings(a.id, b.id));
}

/** The example repositories in examples/: every folder with a sop-audit.yaml. */
export function shippedExamples(): string[] {
  return readdirSync(SHIPPED_EXAMPLES, { withFileTypes: true })
    .filter((e) => e.isDirectory() && readdirSync(join(SHIPPED_EXAMPLES, e.name)).includes(CONFIG_FILE))
    .map((e) => e.name)
    .sort(compareStrings);
}

export interface InitOptions {
  profiel?: string;
  swv?: string;
  naam?: string;
  lang: Lang;
}

/** The files of a new repository. */
export function initFiles(options: InitOptions): NewFile[] {
  const { lang } = options;
  const profiles = shippedProfiles(lang);
  const profile = chooseProfile(options.profiel, profiles, lang);
  let code: string | undefined;
  if (options.swv !== undefined) {
    code = canonicalSwvCode(options.swv);
    if (code === undefined) throw new UsageError(t(lang, "init.badSwvCode", { found: options.swv }), [t(lang, "init.badSwvCode.hint")]);
  }
  // The SWV's sector: from its code, else from the sectors its profile is for.
  const sector = code?.slice(0, 2) ?? (profile.sectoren.some((s) => s === "VO" || s === "VSO" || s === "PrO") ? "VO" : "PO");
  const naam = options.naam ?? (code !== undefined ? `Samenwerkingsverband ${code}` : "Samenwerkingsverband");
  const config = renderTemplate("init/sop-audit.yaml.hbs", {
    modeline: schemaModeline("SwvConfig", CONFIG_FILE),
    code,
    naam: yamlScalar(naam),
    sector,
    profiel: profile.id,
    profielTitel: profile.titel,
  });
  return [
    { path: CONFIG_FILE, content: config },
    // Git keeps no empty folder: without this the schools folder is gone in a fresh clone.
    { path: `${DEFAULT_SCHOOLS_DIR}/.gitkeep`, content: "" },
    ...supportFiles(naam, profile.id),
  ];
}

/** What every new repository gets besides its config and schools: Git, CI, the editor and a README. */
function supportFiles(naam: string, profiel: string): NewFile[] {
  return [
    { path: ".gitignore", content: renderTemplate("init/gitignore", {}) },
    { path: ".github/workflows/sop-audit.yml", content: renderTemplate("init/github-workflow.yml", {}) },
    { path: ".gitlab-ci.yml", content: renderTemplate("init/gitlab-ci.yml", {}) },
    { path: ".vscode/settings.json", content: `${JSON.stringify(vscodeSettings(), null, 2)}\n` },
    { path: ".vscode/tasks.json", content: `${JSON.stringify(vscodeTasks(), null, 2)}\n` },
    { path: "README.md", content: renderTemplate("init/README.md.hbs", { naam, profiel }) },
  ];
}

function chooseProfile(id: string | undefined, profiles: ShippedProfile[], lang: Lang): ShippedProfile {
  const list = profiles.map((p) => `${p.id} (${p.titel})`).join("; ");
  if (id === undefined) throw new UsageError(t(lang, "init.noProfile"), [t(lang, "init.profiles", { list })]);
  const found = profiles.find((p) => p.id === id);
  if (found) return found;
  const suggestion = closest(id, profiles.map((p) => p.id));
  throw new UsageError(t(lang, "init.unknownProfile", { profile: id, suggestion }), [t(lang, "init.profiles", { list })]);
}

/** The files of a shipped example, with the support files of a new repository. */
export function exampleFiles(name: string, lang: Lang): NewFile[] {
  const examples = shippedExamples();
  if (!examples.includes(name)) {
    const suggestion = closest(name, examples);
    throw new UsageError(t(lang, "init.unknownExample", { name, suggestion }), [t(lang, "init.examples", { list: examples.join(", ") })]);
  }
  const dir = join(SHIPPED_EXAMPLES, name);
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort(compareStrings)
    .map((path) => ({ path, content: readFileSync(join(dir, path), "utf8") }));
  const config = parse(files.find((f) => f.path === CONFIG_FILE)!.content) as SwvConfigDoc;
  const naam = config.swv.naam;
  const profiel = config.ruleset.profile;
  return [...files, ...supportFiles(naam, profiel)];
}
