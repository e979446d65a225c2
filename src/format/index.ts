/**
 * The output formats, by name. Each loads lazily, so a run only imports the
 * formatters it prints.
 */
import type { ChunkedFormatter, Formatter } from "./types.js";

export type { ChunkedFormatter, FormatContext, Formatter } from "./types.js";

export const FORMAT_NAMES = ["stylish", "json", "sarif", "junit", "github", "gitlab", "markdown"] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export const FORMATTERS: Record<FormatName, () => Promise<Formatter>> = {
  stylish: async () => (await import("./stylish.js")).format,
  json: async () => (await import("./json.js")).format,
  sarif: async () => (await import("./sarif.js")).format,
  junit: async () => (await import("./junit.js")).format,
  github: async () => (await import("./github.js")).format,
  gitlab: async () => (await import("./gitlab.js")).format,
  markdown: async () => (await import("./markdown.js")).format,
};

/** Formats whose output can be large enough to write in pieces. */
export const CHUNKED: Partial<Record<FormatName, () => Promise<ChunkedFormatter>>> = {
  json: async () => (await import("./json.js")).chunks,
};

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}
