/** `npm run build`, last step: reads the shipped standards ahead into dist/standards.snapshot.json (see rules/snapshot.ts). */
import { writeFileSync } from "node:fs";
import type { PositionNode } from "../documents/position-map.js";
import { loadRuleset, rulesetFiles } from "../ruleset/load.js";
import type { Ruleset } from "../rules/ruleset-model.js";
import { buildSnapshot, SNAPSHOT_FILE } from "../rules/snapshot.js";
import { precompileFragments, rulesetFragments } from "../rules/schema-fragments.js";

const files = rulesetFiles({});
const snapshot = buildSnapshot(files);
const profiles = Object.values(snapshot.files).flatMap((f) => (f.doc.kind === "Profile" ? [f.doc.id] : []));
const rulesets: Ruleset[] = profiles.sort().map((profile) => loadRuleset({ profile, snapshot }));
snapshot.fragments = precompileFragments(rulesets.flatMap(rulesetFragments));
writeFileSync(SNAPSHOT_FILE, JSON.stringify(snapshot));
const nodes = (n: PositionNode | undefined): number =>
  n === undefined ? 0 : 1 + (n.items ?? []).reduce((sum, i) => sum + nodes(i), 0) + (n.entries ?? []).reduce((sum, e) => sum + 1 + nodes(e[2]), 0);
const ranges = Object.values(snapshot.files).reduce((n, f) => n + nodes(f.positions.root), 0);
process.stdout.write(
  `${SNAPSHOT_FILE.pathname.replace(/.*\/dist\//, "dist/")}: ${Object.keys(snapshot.files).length} of ${files.length} files, ${ranges} positions, ${Object.keys(snapshot.fragments).length} schema fragments\n`,
);
