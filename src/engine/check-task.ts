/**
 * One school as a unit of work, wherever it runs: its files read, parsed
 * and checked, and (when a cache keeps the result) the key of the very bytes
 * that were checked.
 */
import { join } from "node:path";
import type { SchoolResult } from "../core/types.js";
import { readSchoolFiles, schoolKey, type Pending } from "./cache.js";
import type { CheckEnv } from "./check-env.js";
import { checkSchool } from "./check-school.js";
import type { CompiledRuleset } from "./compiled-ruleset.js";
import { listSchoolFiles, loadSchool } from "./school.js";

export interface SchoolRef {
  id: string;
  dir: string;
}

export interface CheckedSchool {
  result: SchoolResult;
  files: number;
}

const FAULT = process.env.SOP_AUDIT_FAULT;

export function checkOne(root: string, ref: SchoolRef, compiled: CompiledRuleset, env: CheckEnv, files?: Map<string, Buffer>): CheckedSchool {
  // Fault injection for the exit-code tests: a bug in whichever thread checks this school.
  if (FAULT !== undefined && (FAULT === "*" || FAULT === ref.id)) throw new Error(`injected fault (${ref.id})`);
  const docs = loadSchool(root, ref.dir, ref.id, env.lang, files);
  return { result: checkSchool(docs, compiled, env), files: docs.files.length };
}

/**
 * Checks a school the cache had nothing for, and gives the key to store its
 * result under: hashed from the very bytes that were checked, read once.
 * No key when its folder or a file could not be read (that result is not stored).
 */
export function checkAndKey(root: string, ref: SchoolRef, compiled: CompiledRuleset, env: CheckEnv, envKey: string): { checked: CheckedSchool; key?: string } {
  let files: Map<string, Buffer> | undefined;
  try {
    files = readSchoolFiles(root, ref.dir, listSchoolFiles(join(root, ref.dir)));
  } catch {
    files = undefined;
  }
  const checked = checkOne(root, ref, compiled, env, files);
  return files ? { checked, key: schoolKey(envKey, files) } : { checked };
}

/** A school to check, with what its cache lookup knew (nothing, without a cache). */
export interface SchoolTask {
  ref: SchoolRef;
  pending: Pending;
}

/** A school checked on this thread, with the key to keep its result under when the lookup could not make it. */
export function checkTask(root: string, task: SchoolTask, compiled: CompiledRuleset, env: CheckEnv): { checked: CheckedSchool; key?: string } {
  const { ref, pending } = task;
  if (pending.keyWhenChecked && pending.envKey !== undefined) return checkAndKey(root, ref, compiled, env, pending.envKey);
  return { checked: checkOne(root, ref, compiled, env, pending.files) };
}
