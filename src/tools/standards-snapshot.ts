/** `npm run build`, last step: reads the shipped standards ahead into dist/standards.snapshot.json (see ruleset/snapshot.ts). */
import { writeFileSync } from "node:fs";
import { rulesetFiles } from "../ruleset/load.js";
import { buildSnapshot, SNAPSHOT_FILE } from "../ruleset/snapshot.js";

const files = rulesetFiles({});
const snapshot = buildSnapshot(files);
writeFileSync(SNAPSHOT_FILE, JSON.stringify(snapshot));
process.stdout.write(`${SNAPSHOT_FILE.pathname.replace(/.*\/dist\//, "dist/")}: ${Object.keys(snapshot.files).length} of ${files.length} files\n`);
