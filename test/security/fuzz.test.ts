/**
 * Mutates the example documents (seeded, reproducible) and audits each
 * mutated school: never an exception, every item one status, every file
 * that is not a valid document at least one finding with a position inside
 * the file. A second part runs whole audits from disk: the other schools
 * are audited and the inputs stay as they were.
 *
 * Reproduce a failure with SOP_AUDIT_FUZZ_SEED=<seed> (the message names it).
 */
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prepareAudit } from "../../src/audit/audit.js";
import { checkSchool } from "../../src/engine/check-school.js";
import { compileRuleset } from "../../src/engine/compiled-ruleset.js";
import { loadSchool } from "../../src/engine/school.js";
import { auditRepo, EXAMPLES } from "../engine/helpers.js";

const SEED = Number(process.env.SOP_AUDIT_FUZZ_SEED ?? 20_261_207);
const MUTATIONS = 10_000;
const DISK_RUNS = 40;

/** mulberry32: small, fast and the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What an editor, a merge or an attacker does to a file. */
const PIECES = [":", "- ", "[", "]", "{", "}", '"', "'", "#", "&a ", "*a", "*b ", "!!js/function ", "!eigen ", "\t", "\r", "\n", "---", "---js\n", "...", "__proto__: 1\n", "\u202e", "\u0000", "\ufeff", "é", "  ", "?", "|", ">", "%YAML 1.1\n", "<<: *a\n", "99999999999999999999", "1e400", "2025-02-31", "0x1F", "~", "null"];

function mutate(text: string, rnd: () => number): string {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const at = Math.floor(rnd() * (text.length + 1));
  const lines = text.split("\n");
  const line = Math.floor(rnd() * lines.length);
  switch (Math.floor(rnd() * 9)) {
    case 0:
      return text.slice(0, at) + pick(PIECES) + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 20));
    case 2:
      lines.splice(line, 1);
      return lines.join("\n");
    case 3:
      lines.splice(line, 0, lines[line] ?? "");
      return lines.join("\n");
    case 4:
      lines[line] = ` ${lines[line] ?? ""}`;
      return lines.join("\n");
    case 5:
      lines[line] = (lines[line] ?? "").replace(/^ {1,2}/, "");
      return lines.join("\n");
    case 6:
      return text.slice(0, at);
    case 7: {
      const other = Math.floor(rnd() * lines.length);
      [lines[line], lines[other]] = [lines[other] ?? "", lines[line] ?? ""];
      return lines.join("\n");
    }
    default:
      return text.slice(0, at) + String.fromCharCode(Math.floor(rnd() * 0x3000)) + text.slice(at + 1);
  }
}

interface ExampleSchool {
  repo: string;
  dir: string;
  id: string;
  files: Map<string, Buffer>;
}

function exampleSchools(): ExampleSchool[] {
  const out: ExampleSchool[] = [];
  for (const swv of ["swv-vo-2203", "swv-meierij-po"]) {
    const repo = join(EXAMPLES, swv);
    for (const id of readdirSync(join(repo, "scholen")).sort()) {
      const files = new Map<string, Buffer>();
      for (const name of readdirSync(join(repo, "scholen", id)).sort()) files.set(name, readFileSync(join(repo, "scholen", id, name)));
      out.push({ repo, dir: `scholen/${id}`, id, files });
    }
  }
  return out;
}

describe("fuzzing the example documents", () => {
  it(`${MUTATIONS} mutations: no exception, one status per item, a finding with a position for every bad file (seed ${SEED})`, { timeout: 600_000 }, () => {
    const schools = exampleSchools();
    const prepared = new Map(["swv-vo-2203", "swv-meierij-po"].map((swv) => [join(EXAMPLES, swv), prepareAudit({ cwd: join(EXAMPLES, swv), repo: "." })]));
    const compiled = new Map([...prepared].map(([repo, { ruleset }]) => [repo, compileRuleset(ruleset)]));
    const rnd = random(SEED);
    for (let n = 0; n < MUTATIONS; n++) {
      const school = schools[Math.floor(rnd() * schools.length)]!;
      const names = [...school.files.keys()];
      const name = names[Math.floor(rnd() * names.length)]!;
      let text = school.files.get(name)!.toString("utf8");
      const rounds = 1 + Math.floor(rnd() * 3);
      for (let r = 0; r < rounds; r++) text = mutate(text, rnd);
      // The mutated file alone: the rules still all run, and each mutation costs a few milliseconds.
      const files = new Map([[name, Buffer.from(text)]]);
      const where = `mutation ${n} of ${school.dir}/${name} (SOP_AUDIT_FUZZ_SEED=${SEED})`;
      const { env } = prepared.get(school.repo)!;
      let result;
      try {
        result = checkSchool(loadSchool(school.repo, school.dir, school.id, env.lang, files), compiled.get(school.repo)!, env);
      } catch (error) {
        throw new Error(`${where}: ${(error as Error).stack}\n--- text ---\n${text}`);
      }
      const items = result.statuses.map((s) => s.item);
      expect(new Set(items).size, where).toBe(items.length);
      const file = `${school.dir}/${name}`;
      const mine = result.findings.filter((f) => f.file === file);
      if (!result.documents.some((d) => d.file === file && d.valid)) {
        expect(mine.length, `${where}: a bad file without a finding\n--- text ---\n${text}`).toBeGreaterThan(0);
      }
      const lineCount = text.split(/\r\n|\r|\n/).length + 1;
      for (const f of mine) {
        expect(f.range.line >= 1 && f.range.line <= lineCount && f.range.column >= 1, `${where}: ${f.ruleId} at ${f.range.line}:${f.range.column}`).toBe(true);
      }
    }
  });
});

describe("whole audits of mutated repositories", () => {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  it(`${DISK_RUNS} runs: the other schools are audited as before and no input changes (seed ${SEED})`, async () => {
    const tmp = mkdtempSync(join(tmpdir(), "sop-audit-fuzz-"));
    made.push(tmp);
    const repo = join(tmp, "repo");
    cpSync(join(EXAMPLES, "swv-meierij-po"), repo, { recursive: true });
    const clean = await auditRepo(repo, { jobs: 1 });
    const schools = readdirSync(join(repo, "scholen")).sort();
    const rnd = random(SEED + 1);
    for (let n = 0; n < DISK_RUNS; n++) {
      const id = schools[Math.floor(rnd() * schools.length)]!;
      const names = readdirSync(join(repo, "scholen", id)).sort();
      const name = names[Math.floor(rnd() * names.length)]!;
      const path = join(repo, "scholen", id, name);
      const original = readFileSync(path);
      writeFileSync(path, mutate(original.toString("utf8"), rnd));
      const before = digest(repo);
      const result = await auditRepo(repo, { jobs: 1 });
      expect(digest(repo), `run ${n}: inputs changed`).toBe(before);
      expect(result.schools.map((s) => s.id)).toEqual(schools);
      for (const other of result.schools.filter((s) => s.id !== id)) {
        expect(other, `run ${n}: ${other.id} changed because of ${id}/${name}`).toEqual(clean.schools.find((s) => s.id === other.id));
      }
      writeFileSync(path, original);
    }
  });
});

function digest(dir: string): string {
  const h = createHash("sha256");
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }).sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    if (!e.isFile()) continue;
    h.update(join(e.parentPath, e.name));
    h.update(readFileSync(join(e.parentPath, e.name)));
  }
  return h.digest("hex");
}
