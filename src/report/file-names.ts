/**
 * File names made from a school's id. The id is its code (`12AB00`), or, for
 * a folder not named after one, the folder's name (`De Sleutelbloem`): that
 * is kept readable but made safe for any file system and URL.
 */
import { createHash } from "node:crypto";

/** The id itself when it has only letters, digits, `.`, `_` and `-`; otherwise those kept and a short hash added, so two ids never share a file. */
export function schoolFileStem(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+|-+$/g, "").slice(0, 60);
  if (safe === id) return id;
  const hash = createHash("sha1").update(id).digest("hex").slice(0, 8);
  return safe === "" ? hash : `${safe}-${hash}`;
}

/** A school's report page, without extension: `school-12AB00`. */
export function schoolPageName(id: string): string {
  return `school-${schoolFileStem(id)}`;
}
