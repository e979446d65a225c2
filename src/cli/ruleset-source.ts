/**
 * Which ruleset a ruleset command shows: the repository's (profile, own paths
 * and overrides from sop-audit.yaml), or a profile named with --profile.
 */
import { resolve } from "node:path";
import { ConfigError, UsageError } from "../core/errors.js";
import type { Lang } from "../core/types.js";
import { t } from "../i18n/messages.js";
import type { LoadRulesetOptions } from "../ruleset/load.js";

export interface RulesetFlags {
  repo?: string;
  profile?: string;
  lang?: Lang;
}

/**
 * `anyProfile`: outside a repository and without --profile, the caller
 * layers every profile it finds itself (`ruleset check`), so no profile is
 * needed; `profile` is then empty.
 */
export async function rulesetOptions(flags: RulesetFlags, cwd: string, extraPaths: string[] = [], anyProfile = false): Promise<LoadRulesetOptions & { inRepo: boolean }> {
  const { findRepoRoot, loadConfig } = await import("../repo/config.js");
  const lang = flags.lang ?? "nl";
  let root: string | undefined;
  try {
    root = findRepoRoot(flags.repo ? resolve(cwd, flags.repo) : cwd, flags.repo !== undefined, lang);
  } catch (error) {
    // Outside a repository the shipped standards still work with --profile.
    if (flags.repo !== undefined || !(error instanceof ConfigError)) throw error;
  }
  const extra = extraPaths.map((p) => resolve(cwd, p));
  if (!root) {
    if (!flags.profile && anyProfile) return { profile: "", paths: extra, root: cwd, lang, inRepo: false };
    if (!flags.profile) {
      throw new UsageError(t(lang, "cli.noConfigNeedsProfile"));
    }
    return { profile: flags.profile, paths: extra, root: cwd, lang, inRepo: false };
  }
  const config = loadConfig(root, lang);
  return {
    profile: flags.profile ?? config.config.ruleset.profile,
    paths: [...(config.config.ruleset.paths ?? []).map((p) => resolve(root!, p)), ...extra],
    root,
    config: { file: config.source, rules: config.config.ruleset.rules ?? {} },
    lang: flags.lang ?? config.config.taal ?? "nl",
    inRepo: true,
  };
}
