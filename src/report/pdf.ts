/**
 * HTML report → PDF with the Chromium installed on the machine (never a
 * download). Page numbers come from the report's own `@page` margin boxes
 * (`@bottom-center`), which Chromium supports since version 131; Chromium's
 * built-in header and footer (date, file URL) are switched off. Given a
 * creation date, the times and ids Chromium stamps into the file are
 * rewritten from it, so the same report gives the same bytes.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { UsageError } from "../core/errors.js";

export const CHROMIUM_CANDIDATES: readonly string[] = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];

/** No usable Chromium: a usage problem the user fixes by installing one (exit 2). */
export class ChromiumNotFoundError extends UsageError {}

/** A Chromium that ran but made no PDF. */
export class PdfError extends UsageError {}

function isExecutableFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** `SOP_AUDIT_CHROMIUM`, `CHROME_PATH`, then the usual Debian/Ubuntu/Chrome paths. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, candidates: readonly string[] = CHROMIUM_CANDIDATES): string | undefined {
  for (const name of ["SOP_AUDIT_CHROMIUM", "CHROME_PATH"] as const) {
    const v = env[name];
    if (v !== undefined && v !== "" && isExecutableFile(v)) return v;
  }
  return candidates.find(isExecutableFile);
}

function missingChromium(env: NodeJS.ProcessEnv): ChromiumNotFoundError {
  const set = (["SOP_AUDIT_CHROMIUM", "CHROME_PATH"] as const).filter((n) => env[n] !== undefined && env[n] !== "");
  return new ChromiumNotFoundError("geen Chromium gevonden om een PDF te maken", [
    ...set.map((n) => `${n}=${env[n]} bestaat niet of is geen bestand.`),
    "Installeer Chromium (Debian/Ubuntu: sudo apt-get install chromium), of wijs een Chromium of Chrome aan met SOP_AUDIT_CHROMIUM=/pad/naar/chromium.",
    "Zonder --pdf maakt sop-audit het rapport als HTML; dat kunt u ook in een browser openen en als PDF afdrukken.",
  ]);
}

export interface PdfOptions {
  /** The browser to use; default `findChromium()`. */
  chromium?: string;
  /** Give up after this long; default 60 s. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Where to look after the environment variables; default `CHROMIUM_CANDIDATES`. */
  candidates?: readonly string[];
  /** `JJJJ-MM-DD`: the PDF's creation and modification date (the peildatum), instead of the time of printing. */
  creationDate?: string;
}

/** The command line for one PDF: headless, no network, no profile, no header/footer of Chromium's own. */
export function chromiumArgs(htmlFile: string, pdfFile: string, userDataDir: string): string[] {
  return [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--no-first-run",
    "--no-default-browser-check",
    "--mute-audio",
    `--user-data-dir=${userDataDir}`,
    "--no-pdf-header-footer",
    "--print-to-pdf-no-header",
    `--print-to-pdf=${pdfFile}`,
    pathToFileURL(resolve(htmlFile)).href,
  ];
}

/** Prints `htmlFile` to `pdfFile` (written atomically). */
export async function htmlToPdf(htmlFile: string, pdfFile: string, opts: PdfOptions = {}): Promise<void> {
  const env = opts.env ?? process.env;
  const chromium = opts.chromium ?? findChromium(env, opts.candidates);
  if (chromium === undefined) throw missingChromium(env);
  if (!existsSync(htmlFile)) throw new UsageError(`HTML-bestand ${htmlFile} bestaat niet`);
  const target = resolve(pdfFile);
  mkdirSync(dirname(target), { recursive: true });
  const tmpPdf = `${target}.${process.pid}.tmp.pdf`;
  const userDataDir = mkdtempSync(join(tmpdir(), "sop-audit-chromium-"));
  try {
    const { code, stderr, timedOut } = await run(chromium, chromiumArgs(htmlFile, tmpPdf, userDataDir), opts.timeoutMs ?? 60_000);
    const ok = existsSync(tmpPdf) && readFileSync(tmpPdf).subarray(0, 5).toString("latin1") === "%PDF-";
    if (!ok) {
      const last = stderr
        .split("\n")
        .filter((l) => l.trim() !== "" && !/dbus|Fontconfig/i.test(l))
        .slice(-5);
      throw new PdfError(
        timedOut ? `Chromium maakte binnen de tijd geen PDF van ${htmlFile}` : `Chromium maakte geen PDF van ${htmlFile} (exitcode ${code})`,
        [`Gebruikte browser: ${chromium}`, ...last],
      );
    }
    if (opts.creationDate !== undefined) writeFileSync(tmpPdf, fixPdfDates(readFileSync(tmpPdf), opts.creationDate));
    renameSync(tmpPdf, target);
  } finally {
    rmSync(tmpPdf, { force: true });
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/**
 * The PDF with its creation and modification dates set to `date` (midnight,
 * UTC) and its document ids derived from the content: in the Info dictionary
 * (`/CreationDate`, `/ModDate`), the trailer's `/ID`, and uncompressed XMP
 * metadata (`xmp:CreateDate` and the like, `uuid:` ids). Every value keeps
 * its length, so the cross-reference offsets stay valid.
 */
export function fixPdfDates(pdf: Buffer, date: string): Buffer {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`ongeldige datum voor de PDF: ${date}`);
  const ymd = date.replace(/-/g, "");
  // latin1 maps every byte to one character and back: offsets and binary streams survive.
  let text = pdf.toString("latin1");
  text = text.replace(/(\/(?:CreationDate|ModDate)\s*\(D:)(\d{4,14})([^)]*)\)/g, (_, head: string, digits: string, zone: string) =>
    `${head}${(ymd + "000000").slice(0, digits.length).padEnd(digits.length, "0")}${zone.replace(/\d/g, "0").replace(/-/g, "+")})`,
  );
  text = text.replace(
    /(<(xmp:CreateDate|xmp:ModifyDate|xmp:MetadataDate)>)(\d{4}-\d{2}-\d{2})(T[^<]*)?(<\/\2>)/g,
    (_, open: string, _tag: string, _day: string, rest: string | undefined, close: string) => `${open}${date}${(rest ?? "").replace(/\d/g, "0").replace(/-/g, "+")}${close}`,
  );
  // The ids come from the content itself, once the dates no longer carry the time of printing.
  const blanked = text.replace(/(\/ID\s*\[\s*)<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>/g, "$1").replace(/uuid:[0-9a-fA-F-]{36}/g, "uuid:");
  const hash = createHash("sha256").update(blanked, "latin1").digest("hex");
  const hex = (n: number) => hash.repeat(Math.ceil(n / hash.length)).slice(0, n);
  text = text.replace(/(\/ID\s*\[\s*)<([0-9A-Fa-f]*)>(\s*)<([0-9A-Fa-f]*)>/g, (_, head: string, a: string, gap: string, b: string) => `${head}<${hex(a.length).toUpperCase()}>${gap}<${hex(b.length).toUpperCase()}>`);
  text = text.replace(/uuid:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g, () => {
    const h = hex(32);
    return `uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  });
  const out = Buffer.from(text, "latin1");
  // A rewrite that changed a length would leave the cross-reference table pointing at the wrong bytes.
  if (out.length !== pdf.length) throw new PdfError("de datums in de PDF konden niet op dezelfde lengte worden herschreven");
  return out;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string; timedOut: boolean }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let timedOut = false;
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (d: string) => {
      if (stderr.length < 64_000) stderr += d;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(new PdfError(`Chromium kon niet gestart worden: ${e.message}`, [`Gebruikte browser: ${cmd}`]));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stderr, timedOut });
    });
  });
}
