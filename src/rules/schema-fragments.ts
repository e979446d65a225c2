/**
 * JSON Schema fragments in rule parameters (value-matches' `schema`), made
 * into validating functions by ajv.
 *
 * Compiling at run time means loading ajv's compiler (~250 KB of code that
 * every run and every worker thread would parse) and generating code for each
 * fragment. The fragments of the shipped standards are compiled at build
 * time instead: `npm run build` stores ajv's standalone code for each in the
 * standards snapshot (rules/snapshot.ts), and a run only instantiates that
 * code. ajv itself is loaded, from node_modules on first use, only for a
 * fragment the build did not see (one an SWV wrote itself) and to check a
 * fragment against the meta-schema.
 */
import { compareStrings } from "../core/similar.js";
import { createRequire } from "node:module";
import type { Ajv, Options, ValidateFunction } from "ajv";
import type { Ruleset } from "./ruleset-model.js";
import { rulesetSnapshot } from "./snapshot.js";

/** The bundler does not follow a require made with createRequire: ajv is loaded from node_modules, when asked. */
const loadModule = createRequire(import.meta.url);

/** The same options at build time and at run time, so that both give the same answers. */
const OPTIONS: Options = { allErrors: false, strict: false, validateSchema: false };

/** For checking fragments against the meta-schema only: compiling the meta-schema once is the library's own work, the same for every ruleset. */
let metaSchemaChecker: Ajv | undefined;
function ajv(): Ajv {
  if (!metaSchemaChecker) metaSchemaChecker = newAjv();
  return metaSchemaChecker;
}

function newAjv(): Ajv {
  const { Ajv: AjvClass } = loadModule("ajv") as typeof import("ajv");
  return new AjvClass(OPTIONS);
}

/** The text a fragment is known by, in the snapshot and in this process. */
export const fragmentKey = (schema: Record<string, unknown>): string => JSON.stringify(schema);

/**
 * The validating function of a fragment: the build's code when the snapshot
 * has it, else compiled by an ajv of its own (one ajv for every ruleset
 * would keep each fragment it compiled, and refuse a second one with the
 * same $id). The caller keeps it: the engine in its compiled ruleset.
 */
export function compileFragment(schema: Record<string, unknown>): ValidateFunction {
  const source = rulesetSnapshot()?.fragments?.[fragmentKey(schema)];
  return source !== undefined ? fromStandalone(source) : newAjv().compile(schema);
}

/**
 * ajv's standalone code is a CommonJS module whose export is the function;
 * it may require ajv's small runtime helpers (deep equality, string length).
 */
export function fromStandalone(source: string): ValidateFunction {
  const module = { exports: {} as unknown };
  new Function("require", "module", "exports", source)(loadModule, module, module.exports);
  return module.exports as ValidateFunction;
}

/** Is the fragment valid JSON Schema? (Compiling the meta-schema costs more than the rest of a small run's ruleset.) */
export function fragmentErrors(schema: Record<string, unknown>): string | undefined {
  const a = ajv();
  return a.validateSchema(schema) ? undefined : a.errorsText(a.errors, { dataVar: "schema" });
}

/** The fragments a loaded ruleset's rules carry. */
export function rulesetFragments(ruleset: Ruleset): Record<string, unknown>[] {
  return ruleset.rules.flatMap((rule) => {
    const schema = (rule.params as { schema?: unknown }).schema;
    return rule.kind === "value-matches" && schema !== null && typeof schema === "object" ? [schema as Record<string, unknown>] : [];
  });
}

/** Build time: ajv's standalone code for each fragment, keyed by fragmentKey, in key order. */
export function precompileFragments(schemas: readonly Record<string, unknown>[]): Record<string, string> {
  const { Ajv: AjvClass } = loadModule("ajv") as typeof import("ajv");
  const standaloneCode = (loadModule("ajv/dist/standalone/index.js") as { default: typeof import("ajv/dist/standalone/index.js").default }).default;
  const compiler = new AjvClass({ ...OPTIONS, code: { source: true } });
  const out = new Map<string, string>();
  for (const schema of schemas) {
    const key = fragmentKey(schema);
    if (!out.has(key)) out.set(key, standaloneCode(compiler, compiler.compile(schema)));
  }
  return Object.fromEntries([...out].sort(([a], [b]) => compareStrings(a, b)));
}
