/** `npm run build`, last step: reads the shipped standards ahead into dist/standards.snapshot.json (see rules/snapshot.ts). */
import { writeFileSync } from "node:fs";
import { loadRuleset, rulesetFiles } from "../ruleset/load.js";
import type { Ruleset } from "../rules/ruleset-model.js";
import { buildSnapshot, SNAPSHOT_FILE } from "../rules/snapshot.js";
import { precompileFragments, rulesetFragments } from "../rules/schema-fragments.js";

const files = rulesetFiles({});
const rulesets: Ruleset[] = [];
const snapshot = buildSnapshot(files, (profile, s) => void rulesets.push(loadRuleset({ profile, snapshot: s })));
snapshot.fragments = precompileFragments(rulesets.flatMap(rulesetFragments));
writeFileSync(SNAPSHOT_FILE, JSON.stringify(snapshot));
const ranges = Object.values(snapshot.files).reduce((n, f) => n + Object.keys(f.ranges).length, 0);
process.stdout.write(
  `${SNAPSHOT_FILE.pathname.replace(/.*\/dist\//, "dist/")}: ${Object.keys(snapshot.files).length} of ${files.length} files, ${ranges} positions, ${Object.keys(snapshot.fragments).length} schema fragments\n`,
);
