/** Finding the repository and guessing its size before sop-audit.yaml is read. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expectedSchools, locateRepoRoot } from "../../src/repo/root.js";

const VO = "examples/swv-vo-2203";
const scratch = mkdtempSync(join(tmpdir(), "sop-audit-root-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("locateRepoRoot", () => {
  it("finds sop-audit.yaml in the folder or above it, like git", () => {
    expect(locateRepoRoot(join(VO, "scholen", "02KP00"), false)).toBe(join(process.cwd(), VO));
    expect(locateRepoRoot(VO, false)).toBe(join(process.cwd(), VO));
  });

  it("looks only in a folder given with -C", () => {
    expect(locateRepoRoot(VO, true)).toBe(join(process.cwd(), VO));
    expect(locateRepoRoot(join(VO, "scholen"), true)).toBeUndefined();
  });

  it("finds none where there is none", () => {
    expect(locateRepoRoot(scratch, false)).toBeUndefined();
  });
});

describe("expectedSchools", () => {
  it("counts the entries of the schools folder", () => {
    expect(expectedSchools(VO, true)).toBe(8);
    expect(expectedSchools(join(VO, "scholen"), false)).toBe(8);
  });

  it("is 0 without a repository or without a folder by the default name", () => {
    expect(expectedSchools(scratch, false)).toBe(0);
    const elsewhere = join(scratch, "elders");
    mkdirSync(join(elsewhere, "locaties", "a"), { recursive: true });
    writeFileSync(join(elsewhere, "sop-audit.yaml"), "scholenMap: locaties\n");
    expect(expectedSchools(elsewhere, true)).toBe(0);
  });
});
