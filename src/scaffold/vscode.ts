/**
 * VS Code settings for a new repository: which JSON Schema checks which
 * file while it is typed, and tasks that run `check` and put its findings
 * in the Problems view.
 *
 * VS Code's own `$eslint-stylish` matcher cannot read our stylish output:
 * its severities are English words (ours are Dutch by default: "fout" would
 * count as an error, "waarschuwing" too), and the `→` hint under a finding
 * ends its loop, so only the first finding per file would show. So each
 * severity gets a matcher of its own: after a file line, every indented line
 * is matched; a line of another severity, a hint or a rule's judgement under
 * a grouped value (which has no line:col) matches without a position and
 * gives no problem but keeps the loop going, up to the blank line after the
 * file.
 */
import { SCHOOL_DOCUMENT_KINDS, SCHEMA_FILES } from "../documents/schemas.js";
import { installedSchema } from "../documents/modeline.js";
import { CONFIG_FILE, DEFAULT_SCHOOLS_DIR } from "../repo/root.js";
import type { Lang, Severity } from "../core/types.js";
import { severityLabel } from "../i18n/messages.js";

/** A school document's schema checks the files named after it: `sop.schema.json` → `scholen/**\/sop*.yaml`. */
export function vscodeSettings(): object {
  const schemas: Record<string, string[]> = { [`./${installedSchema("SwvConfig")}`]: [CONFIG_FILE] };
  for (const kind of SCHOOL_DOCUMENT_KINDS) {
    const base = SCHEMA_FILES[kind].replace(/\.schema\.json$/, "");
    schemas[`./${installedSchema(kind)}`] = [`${DEFAULT_SCHOOLS_DIR}/**/${base}*.yaml`, `${DEFAULT_SCHOOLS_DIR}/**/${base}*.yml`];
  }
  return { "yaml.schemas": schemas };
}

const LANGS: readonly Lang[] = ["nl", "en"];

/** A file line of stylish output: a document path, not indented. */
export const FILE_LINE = "^(\\S.*\\.(?:ya?ml|md))$";

/** A finding line of `severity` (in either language), or any other indented line, which gives no problem. */
export function findingLine(severity: Severity): string {
  const words = LANGS.map((lang) => severityLabel(lang, severity)).filter((w, i, all) => all.indexOf(w) === i);
  return `^\\s+(?:(\\d+):(\\d+)\\s+(?:${words.join("|")})\\s+(.+?)(?:\\s{2,}(\\S.*))?|.*)$`;
}

/** `check --watch`: a run ends with the summary line (✖/✔); the line --watch writes after it starts waiting for the next. */
export const WATCH_BEGINS = "^sop-audit --watch: ";
export const WATCH_ENDS = "^[✖✔] ";

function matchers(watch: boolean): object[] {
  // VS Code names its severities as we do.
  const severities: Severity[] = ["error", "warning", "info"];
  return severities.map((severity) => ({
    owner: "sop-audit",
    source: "sop-audit",
    severity,
    fileLocation: ["relative", "${workspaceFolder}"],
    pattern: [
      { regexp: FILE_LINE, file: 1 },
      { regexp: findingLine(severity), line: 1, column: 2, message: 3, code: 4, loop: true },
    ],
    ...(watch ? { background: { activeBegins: true, beginsPattern: WATCH_BEGINS, endsPattern: WATCH_ENDS } } : {}),
  }));
}

export function vscodeTasks(): object {
  return {
    version: "2.0.0",
    tasks: [
      {
        label: "sop-audit: check",
        type: "shell",
        command: "npx",
        args: ["sop-audit", "check", "--no-color"],
        group: { kind: "build", isDefault: true },
        problemMatcher: matchers(false),
      },
      {
        label: "sop-audit: check --watch",
        type: "shell",
        command: "npx",
        args: ["sop-audit", "check", "--watch", "--no-color"],
        isBackground: true,
        problemMatcher: matchers(true),
      },
    ],
  };
}
