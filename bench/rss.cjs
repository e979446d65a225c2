/**
 * Fallback peak-RSS probe for machines without GNU time (/usr/bin/time).
 * bench/run.js puts `--require bench/rss.cjs` in NODE_OPTIONS, so every Node
 * process of the measured command (and its Node children, which inherit
 * NODE_OPTIONS) writes its own peak RSS when it exits. Worker threads live in
 * the same process and are included in its maxRSS. The bench takes the
 * largest value. Non-Node children (a shell) are not seen; GNU time is
 * preferred (`apt-get install -y time`).
 */
"use strict";
const dir = process.env.SOP_BENCH_RSS_DIR;
if (dir) {
  const { writeFileSync } = require("node:fs");
  const { join } = require("node:path");
  process.on("exit", () => {
    try {
      writeFileSync(join(dir, `${process.pid}.json`), JSON.stringify(((u) => ({ pid: process.pid, maxRSSKiB: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }))(process.resourceUsage())));
    } catch {
      // the probe must never change the measured command's outcome
    }
  });
}
