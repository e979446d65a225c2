/**
 * `sop-audit schema --out <map>`: writes the JSON Schemas an editor uses,
 * with the lists of the effective ruleset (the repository's, or --profile's)
 * as choices, so an SWV's own terms are offered and not marked.
 */
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { t } from "../../i18n/messages.js";
import { langOption } from "../options.js";
import { rulesetOptions, type RulesetFlags } from "../ruleset-source.js";
import type { RegisterCommand } from "./index.js";

interface SchemaFlags extends RulesetFlags {
  out: string;
}

export const registerSchema: RegisterCommand = (program: Command, io, done, helpLang) => {
  program
    .command("schema")
    .description(t(helpLang, "cli.schema"))
    .requiredOption(`--out ${t(helpLang, "cli.arg.dir")}`, t(helpLang, "cli.schema.out"))
    .option(`-C, --repo ${t(helpLang, "cli.arg.dir")}`, t(helpLang, "cli.opt.repo.short"))
    .option("--profile <id>", t(helpLang, "cli.schema.profile"))
    .addOption(langOption(helpLang))
    .action(async (flags: SchemaFlags) => {
      const [{ loadRuleset }, { publishedSchemas, serialiseSchema }, { writeChunksAtomic }, { displayPath, repoPlace }, { refuseInput }] = await Promise.all([
        import("../../ruleset/load.js"),
        import("../published-schemas.js"),
        import("../../core/write.js"),
        import("./report-output.js"),
        import("../../repo/inputs.js"),
      ]);
      const options = await rulesetOptions(flags, io.cwd);
      const lang = options.lang ?? "nl";
      const dir = resolve(io.cwd, flags.out);
      // Schemas are an output: never into the schools' folder, over sop-audit.yaml or into the SWV's own rules.
      if (options.inRepo) {
        const place = repoPlace(flags, io.cwd);
        refuseInput(dir, place.inputs, t(lang, "input.outputFolder"), "schemas/", lang);
      }
      const ruleset = loadRuleset(options);
      const schemas = publishedSchemas(ruleset.lijsten, lang);
      for (const [file, schema] of Object.entries(schemas)) writeChunksAtomic(join(dir, file), [serialiseSchema(schema)], lang);
      io.err(`${t(lang, "cli.schema.written", { n: Object.keys(schemas).length, dir: displayPath(io.cwd, dir) })}\n`);
      done({ kind: "done" });
    });
};
