/**
 * The cache file as the tests read and plant it: a first line naming format
 * and version, then per record its length (4 bytes, little-endian), its
 * SHA-256 digest and its bytes. The digest goes over the first line, the
 * real path of the repository, the previous record's digest and the bytes.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, realpathSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { expect } from "vitest";
import { TOOL_VERSION } from "../../src/core/version.js";

export const HEAD = `sop-audit cache 6 ${TOOL_VERSION}\n`;

export interface StoredRecord {
  statuses: unknown[];
  entries: Record<string, { key: string; checked: { result: { id: string; statuses: unknown; findings: unknown[] } } }>;
  removed?: string[];
  ruleset?: unknown;
}

export interface RawRecord {
  digest: Buffer;
  body: Buffer;
}

/** The records as they are in the file, unchecked. */
export function rawRecords(file: string): RawRecord[] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, HEAD.length).toString()).toBe(HEAD);
  const out: RawRecord[] = [];
  for (let at = HEAD.length; at < bytes.length; ) {
    const end = at + 36 + bytes.readUInt32LE(at);
    out.push({ digest: bytes.subarray(at + 4, at + 36), body: bytes.subarray(at + 36, end) });
    at = end;
  }
  return out;
}

export function records(file: string): StoredRecord[] {
  return rawRecords(file).map((r) => deserialize(r.body) as StoredRecord);
}

/** The digests sop-audit would give these records in this repository. */
export function digests(root: string, bodies: Uint8Array[]): Buffer[] {
  let previous = Buffer.alloc(0);
  return bodies.map((body) => (previous = createHash("sha256").update(`${HEAD}${realpathSync(root)}\0`).update(previous).update(body).digest()));
}

/** Is the file a cache every record of which sop-audit accepts for this repository? */
export function isValidCache(file: string, root: string): boolean {
  const raw = rawRecords(file);
  return raw.length > 0 && digests(root, raw.map((r) => r.body)).every((d, i) => d.equals(raw[i]!.digest));
}

/** Writes records with the given digests (by default those sop-audit would give them in `root`). */
export function writeRecords(file: string, list: StoredRecord[], root: string, digestsOf: (bodies: Buffer[]) => Buffer[] = (b) => digests(root, b)): void {
  const bodies = list.map((r) => serialize(r));
  const sums = digestsOf(bodies);
  const parts = bodies.map((body, i) => {
    const length = Buffer.alloc(4);
    length.writeUInt32LE(body.length);
    return Buffer.concat([length, sums[i]!, body]);
  });
  writeFileSync(file, Buffer.concat([Buffer.from(HEAD), ...parts]));
}

/** Every file and folder an hour old: stamps taken now can be trusted. */
export function ageAll(dir: string, seconds = 3600): void {
  const when = new Date(Date.now() - seconds * 1000);
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) utimesSync(join(e.parentPath, e.name), when, when);
  utimesSync(dir, when, when);
}
