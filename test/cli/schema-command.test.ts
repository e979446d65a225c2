/**
 * `sop-audit schema --out <map>` writes the editor's schemas from the
 * effective ruleset: an SWV that replaces a list gets its own terms as the
 * choices. It never writes into the repository's input.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runInProcess } from "./in-process.js";
import { ROOT } from "./run.js";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), "sop-audit-schema-"));
  made.push(dir);
  return dir;
}

function niveauEnum(dir: string): string[] {
  const sop = JSON.parse(readFileSync(join(dir, "sop.schema.json"), "utf8"));
  return sop.properties.aanbod.items.properties.niveau.enum;
}

describe("sop-audit schema", () => {
  it("writes the shipped schemas for a profile, as npm run schemas does", async () => {
    const out = temp();
    const run = await runInProcess(["schema", "--out", out, "--profile", "swv-vo-2203"]);
    expect(run.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(readdirSync(join(ROOT, "schemas")).filter((f) => f.endsWith(".json")).sort());
    for (const file of readdirSync(out)) expect(readFileSync(join(out, file), "utf8"), file).toBe(readFileSync(join(ROOT, "schemas", file), "utf8"));
    expect(run.stderr).toContain("8 schema's geschreven");
  });

  it("takes the lists of the repository's own rules", async () => {
    const repo = temp();
    cpSync(join(ROOT, "examples/swv-vo-2203"), repo, { recursive: true });
    // The SWV's own profile on top of the shipped one, with a level of its own between extra and arrangement.
    writeFileSync(
      join(repo, "regels.yaml"),
      [
        "apiVersion: sop-audit/v1",
        "kind: Profile",
        "id: eigen",
        "titel: Eigen niveaus",
        "bron: test",
        "extends: [swv-vo-2203]",
        "lijsten:",
        "  niveaus:",
        ...["geen", "basis", "extra"].map((id) => `    - { id: ${id} }`),
        "    - { id: middel, naam: Middelzware ondersteuning, synoniemen: [middenniveau] }",
        ...["bestuur", "arrangement", "specialistisch"].map((id) => `    - { id: ${id} }`),
        "",
      ].join("\n"),
    );
    const config = readFileSync(join(repo, "sop-audit.yaml"), "utf8");
    writeFileSync(join(repo, "sop-audit.yaml"), config.replace("  profile: swv-vo-2203\n", "  profile: eigen\n  paths: [regels.yaml]\n"));
    const out = join(repo, "schemas");
    const shipped = await runInProcess(["schema", "--out", "schemas", "--profile", "swv-vo-2203"], { cwd: repo });
    expect(shipped.code, shipped.stderr).toBe(0);
    expect(niveauEnum(out)).not.toContain("middel");
    const own = await runInProcess(["schema", "--out", "schemas"], { cwd: repo });
    expect(own.code, own.stderr).toBe(0);
    expect(niveauEnum(out)).toContain("middel");
    expect(niveauEnum(out)).toContain("middenniveau");
  });

  it("never writes into the schools' folder", async () => {
    const repo = temp();
    cpSync(join(ROOT, "examples/swv-meierij-po"), repo, { recursive: true });
    const run = await runInProcess(["schema", "--out", "scholen/schemas"], { cwd: repo });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain("nooit in zijn invoer");
    expect(existsSync(join(repo, "scholen/schemas"))).toBe(false);
  });
});
