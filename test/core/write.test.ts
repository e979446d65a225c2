/** Large outputs are written in blocks of about a megabyte, gathered from strings and bytes. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { WriteError } from "../../src/core/errors.js";
import { appendBytes, inBlocks, writeChunksAtomic } from "../../src/core/write.js";
import { NO_BLOCK_DEVICE, safeBlockDevice } from "../cli/block-device.js";

const MB = 1 << 20;
const tmp = mkdtempSync(join(tmpdir(), "sop-audit-write-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// Two- and three-byte characters, and pieces around and above the size of a block.
const pieces: (string | Uint8Array)[] = [
  "begin ",
  "é".repeat(300_000),
  Buffer.from("€".repeat(100_000)),
  "x".repeat(MB + 5),
  Buffer.alloc(MB + 1, 0x61),
  ...Array.from({ length: 2_000 }, (_, i) => (i % 2 ? Buffer.from(`bytes ${i} ø\n`) : `tekst ${i} ë\n`)),
  "",
  new Uint8Array(0),
  "einde\n",
];
const expected = Buffer.concat(pieces.map((p) => (typeof p === "string" ? Buffer.from(p) : p)));

describe("inBlocks", () => {
  it("gives the bytes of the pieces, in order, in blocks of at most a megabyte unless one piece is larger", () => {
    const blocks = [...inBlocks(pieces)];
    expect(Buffer.concat(blocks).equals(expected)).toBe(true);
    const oversized = blocks.filter((b) => b.length > MB);
    expect(oversized.map((b) => b.length)).toEqual([MB + 5, MB + 1]);
    // Gathered: far fewer blocks than pieces.
    expect(blocks.length).toBeLessThan(12);
  });

  it("gives a new buffer for every block, so a stream may still hold the previous one", () => {
    const blocks = [...inBlocks(Array.from({ length: 5 }, () => "y".repeat(400_000)))];
    expect(blocks.length).toBeGreaterThan(1);
    expect(new Set(blocks.map((b) => b.buffer)).size).toBe(blocks.length);
    expect(Buffer.concat(blocks).toString()).toBe("y".repeat(2_000_000));
  });

  it("gives nothing for no pieces", () => {
    expect([...inBlocks([])]).toEqual([]);
  });
});

describe("writeChunksAtomic", () => {
  it("writes the pieces to a new file in a new folder, and an empty output as an empty file", () => {
    const file = join(tmp, "sub", "out.json");
    writeChunksAtomic(file, pieces, "nl");
    expect(readFileSync(file).equals(expected)).toBe(true);
    writeChunksAtomic(file, [], "nl");
    expect(readFileSync(file).length).toBe(0);
  });
});

describe("a file that cannot be written", () => {
  const aFile = join(tmp, "een-bestand");
  writeFileSync(aFile, "x");

  it("is a WriteError that says why, in the run's language, with a hint", () => {
    const through = join(aFile, "uit.json");
    expect(() => writeChunksAtomic(through, ["{}"], "nl")).toThrow(`kan ${through} niet schrijven: een deel van het pad is een bestand, geen map`);
    try {
      writeChunksAtomic(through, ["{}"], "en");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WriteError);
      expect((error as WriteError).message).toBe(`cannot write ${through}: part of the path is a file, not a folder`);
      expect((error as WriteError).details).toEqual(["Choose a place you may write to (a folder, not a file), or free up space."]);
    }
    expect(() => appendBytes(join(aFile, "cache"), new Uint8Array(1), "nl")).toThrow(WriteError);
  });

  it("over a folder says so", () => {
    const dir = join(tmp, "een-map");
    mkdirSync(dir);
    expect(() => writeChunksAtomic(dir, ["{}"], "nl")).toThrow(`kan ${dir} niet schrijven: dat is een map`);
  });

  it("passes on an error that is not the file system's (a bug), and leaves no half-written file behind", () => {
    const broken = (function* () {
      yield "begin";
      throw new TypeError("kapot");
    })();
    expect(() => writeChunksAtomic(join(tmp, "half.json"), broken, "nl")).toThrow(TypeError);
    // Node's own error codes (ERR_…) name no system call: a bug too, not a place the user chose badly.
    const nodeError = (function* () {
      yield "begin";
      throw Object.assign(new TypeError("ongeldig argument"), { code: "ERR_INVALID_ARG_TYPE" });
    })();
    expect(() => writeChunksAtomic(join(tmp, "half.json"), nodeError, "nl")).toThrow(TypeError);
    // The temporary file of the failed write is gone too.
    expect(readdirSync(tmp).filter((f) => f.startsWith("half.json"))).toEqual([]);
  });
});

/** The message of the WriteError that writing `file` gives, in Dutch. */
function writeErrorOf(file: string): string {
  try {
    writeChunksAtomic(file, ["{}"], "nl");
  } catch (error) {
    expect(error).toBeInstanceOf(WriteError);
    return (error as WriteError).message;
  }
  throw new Error(`${file} was written`);
}

describe.runIf(process.platform === "linux")("a place that is no place for files", () => {
  // Never made, should the refusal fail: removed again all the same.
  const inDev = join("/dev", `sop-audit-test-${process.pid}.json`);
  afterAll(() => rmSync(inDev, { force: true }));

  it("under /proc is refused before any folder is made (a recursive mkdir there spins)", () => {
    expect(writeErrorOf("/proc/1/geen-map/uit.json")).toBe(
      "kan /proc/1/geen-map/uit.json niet schrijven: /proc/1 ligt op een bestandssysteem van het systeem zelf (zoals /proc of /sys), niet een voor bestanden",
    );
    expect(writeErrorOf("/proc/self/uit.json")).toContain("ligt op een bestandssysteem van het systeem zelf");
  });

  it("under /sys, in English too", () => {
    expect(writeErrorOf("/sys/uit.json")).toBe("kan /sys/uit.json niet schrijven: /sys ligt op een bestandssysteem van het systeem zelf (zoals /proc of /sys), niet een voor bestanden");
    expect(() => writeChunksAtomic("/sys/kernel/geen-map/uit.json", ["{}"], "en")).toThrow(
      "cannot write /sys/kernel/geen-map/uit.json: /sys/kernel is on a file system of the system itself (like /proc or /sys), not one for files",
    );
  });

  it("a new file in /dev, or anything inside a device, is refused", () => {
    expect(writeErrorOf(inDev)).toBe(`kan ${inDev} niet schrijven: in /dev staan apparaten: sop-audit schrijft daar alleen naar een bestaand apparaat, zoals /dev/null of /dev/stdout`);
    expect(existsSync(inDev)).toBe(false);
    expect(writeErrorOf("/dev/null/uit.json")).toBe("kan /dev/null/uit.json niet schrijven: /dev/null is een apparaat, geen map of bestand");
  });

  it("an existing character device the user names is still written to directly", () => {
    writeChunksAtomic("/dev/null", pieces, "nl");
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
    expect(readdirSync("/dev").filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  const block = safeBlockDevice(tmp);
  it.skipIf(block === undefined)(`a block device is refused${block === undefined ? NO_BLOCK_DEVICE : ""}`, () => {
    expect(writeErrorOf(block!)).toBe(`kan ${block} niet schrijven: ${block} is een apparaat, geen map of bestand`);
  });
});

describe("temporary files of a run that was killed half-way", () => {
  /** A process id that no process has any more: a child's that has ended. */
  const deadPid = spawnSync(process.execPath, ["-e", "0"]).pid!;

  it("are removed by the next write into their folder; a live run's and other files stay", () => {
    const dir = join(tmp, "opgeruimd");
    mkdirSync(dir);
    const stale = [`uit.json.${deadPid}.tmp`, `overzicht.html.${deadPid}.tmp`, `visitatie.pdf.${deadPid}.tmp.pdf`];
    const kept = [`andere.json.${process.pid}.tmp`, `uit.json.${process.ppid}.tmp`, "notities.tmp", `uit.json.${deadPid}.tmp.bak`, `.${deadPid}.tmp`, `uit.json.0${deadPid}.tmp`];
    for (const name of [...stale, ...kept]) writeFileSync(join(dir, name), "half");
    writeChunksAtomic(join(dir, "uit.json"), ["{}"], "nl");
    expect(readdirSync(dir).sort()).toEqual([...kept, "uit.json"].sort());
    expect(readFileSync(join(dir, "uit.json"), "utf8")).toBe("{}");
  });

  it("are looked for once per folder in a run, however many files are written there", () => {
    const dir = join(tmp, "een-keer");
    mkdirSync(dir);
    writeChunksAtomic(join(dir, "a.md"), ["a"], "nl");
    // Left after the folder was cleaned: the next run removes it, this one does not list the folder again.
    writeFileSync(join(dir, `b.md.${deadPid}.tmp`), "half");
    writeChunksAtomic(join(dir, "b.md"), ["b"], "nl");
    expect(readdirSync(dir).sort()).toEqual(["a.md", "b.md", `b.md.${deadPid}.tmp`]);
  });
});
