/**
 * HTML report → PDF with the Chromium installed on the machine (never a
 * download). Page numbers come from the report's own `@page` margin boxes
 * (`@bottom-center`), which Chromium supports since version 131; Chromium's
 * built-in header and footer (date, file URL) are switched off.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
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
    renameSync(tmpPdf, target);
  } finally {
    rmSync(tmpPdf, { force: true });
    rmSync(userDataDir, { recursive: true, force: true });
  }
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
