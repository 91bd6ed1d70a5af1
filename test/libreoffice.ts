// LibreOffice as a stand-in spreadsheet for tests: it recalculates every formula of a workbook the
// way a user's spreadsheet would (exceljs never calculates), and prints workbooks to PNG for docs.
// Calls are serialised: one soffice at a time per test process, each process with its own profile.

import { execFile, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { enginePath } from './engines';
import { columnSpec } from '../src/core/model/layout';

const SOFFICE_TIMEOUT_MS = 120000;

/**
 * With default settings LibreOffice 7.4 shows the cached results of an .xlsx, even one that asks for
 * fullCalcOnLoad. The profile's "Recalculation on file load: always" (0) makes it recompute all.
 */
const RECALC_ALWAYS_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

const PROFILE_PREFIX = 'cchc-lo-profile-';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let profileDir: string | null = null;

/**
 * A private LibreOffice profile for this process (two soffice sharing one profile hand work to each
 * other), set to recalculate on load. Test processes cannot clean up when they end, so each new one
 * removes the profiles of processes that are gone.
 */
function profile(): string {
  if (profileDir) return profileDir;
  for (const name of fs.readdirSync(os.tmpdir())) {
    const pid = Number(name.slice(PROFILE_PREFIX.length));
    if (name.startsWith(PROFILE_PREFIX) && pid > 0 && pid !== process.pid && !alive(pid)) {
      fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    }
  }
  const dir = path.join(os.tmpdir(), PROFILE_PREFIX + process.pid);
  fs.mkdirSync(path.join(dir, 'user'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS_XCU);
  profileDir = dir;
  return dir;
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs jobs one after another, whatever the outcome of the previous one: every LibreOffice job of
 * this process (conversions here, UNO edits in helpers/uno.ts) goes through this one queue.
 */
export function serialised<T>(job: () => Promise<T>): Promise<T> {
  const next = queue.then(job, job);
  queue = next.catch(() => undefined);
  return next;
}

/** Runs a command in its own process group, so a timeout kills soffice.bin as well as its launcher. */
function runCommand(command: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
      reject(new Error(`${path.basename(command)} did not finish within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

function soffice(): string {
  const found = enginePath('soffice');
  if (!found) throw new Error('LibreOffice (soffice) is not installed; guard the test with requireEngine("soffice").');
  return found;
}

/** Converts the files with one LibreOffice start into `outDir`; returns the new files, in order. */
function convertAll(files: string[], target: string, ext: string, outDir: string): Promise<string[]> {
  return serialised(async () => {
    await runCommand(soffice(), [
      '--headless', '--norestore', '--nolockcheck', '--nodefault', '--nofirststartwizard',
      `-env:UserInstallation=file://${profile()}`,
      '--convert-to', target, '--outdir', outDir, ...files.map((f) => path.resolve(f)),
    ], SOFFICE_TIMEOUT_MS);
    return files.map((file) => {
      const out = path.join(outDir, path.basename(file, path.extname(file)) + '.' + ext);
      if (!fs.existsSync(out)) throw new Error(`LibreOffice wrote no ${ext} for ${file}.`);
      return out;
    });
  });
}

/** Converts `file` with LibreOffice into `outDir`; returns the new file. */
async function convert(file: string, target: string, ext: string, outDir: string): Promise<string> {
  return (await convertAll([file], target, ext, outDir))[0];
}

/**
 * Opens the workbook in LibreOffice, recalculates every formula and saves a copy as .xlsx in a new
 * folder beside it (so it goes wherever the caller's files go); returns the copy.
 */
export function recalculate(xlsxPath: string): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(path.dirname(path.resolve(xlsxPath)), 'recalculated-'));
  return convert(xlsxPath, 'xlsx:Calc MS Excel 2007 XML', 'xlsx', outDir);
}

/**
 * recalculate() for many workbooks with one LibreOffice start (starting takes seconds, each file
 * little): the copies go to one new folder beside the first file, so their names must differ.
 */
export function recalculateAll(xlsxPaths: string[]): Promise<string[]> {
  const outDir = fs.mkdtempSync(path.join(path.dirname(path.resolve(xlsxPaths[0])), 'recalculated-'));
  return convertAll(xlsxPaths, 'xlsx:Calc MS Excel 2007 XML', 'xlsx', outDir);
}

export interface RenderedPage {
  png: string;
  /** The page's text, to tell which sheet it shows. */
  text: string;
}

/**
 * Prints the workbook's visible sheets (its print setup applies) to PNG pages at 60 dpi, in order.
 * Rows print at the heights stored in the file: LibreOffice does not fit the rows of an .xlsx to
 * wrapped text when it opens one.
 */
export async function renderToPng(xlsxPath: string, outDir: string): Promise<RenderedPage[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const prefix = path.join(outDir, path.basename(xlsxPath, path.extname(xlsxPath)));
  const stem = path.basename(prefix);
  const pages = () => fs.readdirSync(outDir).filter((f) => f.startsWith(stem + '-') && /-\d+\.png$/.test(f));
  // Pages of an earlier, longer rendering must not pass for this one's.
  for (const old of pages()) fs.unlinkSync(path.join(outDir, old));
  const pdfDir = fs.mkdtempSync(path.join(outDir, 'pdf-'));
  let texts: string[];
  try {
    const pdf = await convert(xlsxPath, 'pdf:calc_pdf_Export', 'pdf', pdfDir);
    await runTool('pdftoppm', ['-png', '-r', '100', pdf, prefix]);
    // pdftotext ends every page with a form feed.
    texts = (await runTool('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'])).split('\f');
  } finally {
    fs.rmSync(pdfDir, { recursive: true, force: true });
  }
  return pages()
    .sort((a, b) => pageNumber(a) - pageNumber(b))
    .map((f, i) => ({ png: path.join(outDir, f), text: texts[i] || '' }));
}

function runTool(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: SOFFICE_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 }, (e, stdout) => (e ? reject(e) : resolve(stdout)));
  });
}

function pageNumber(png: string): number {
  const m = /-(\d+)\.png$/.exec(png);
  return m ? Number(m[1]) : 0;
}

export type ScoreEntry = number | string | null;

/**
 * Types scores into a built workbook as a user would, in place: each leaf's row is found by the
 * hidden code column and the column by its header text. Cached formula results are left stale;
 * recalculate() brings them up to date.
 */
export async function fillScores(file: string, scores: Record<string, ScoreEntry>, column: 'self' | 'appraisal' = 'self'): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const codeHeader = columnSpec('code').header.vi;
  const scoreHeader = columnSpec(column).header.vi;
  const found = wb.worksheets.map((ws) => ({ ws, header: findHeader(ws, [codeHeader, scoreHeader]) })).filter((f) => f.header)[0];
  if (!found) throw new Error(`${file}: no sheet with the headers "${codeHeader}" and "${scoreHeader}".`);
  const { ws } = found;
  const [codeCol, scoreCol] = found.header!.cols;
  const rowOf: Record<string, number> = {};
  for (let r = found.header!.row + 1; r <= ws.rowCount; r++) {
    const code = ws.getCell(r, codeCol).value;
    if (typeof code === 'string' && code) rowOf[code] = r;
  }
  for (const code of Object.keys(scores)) {
    if (!rowOf[code]) throw new Error(`${file}: no row for code ${code}.`);
    ws.getCell(rowOf[code], scoreCol).value = scores[code];
  }
  // exceljs does not calculate: the file asks for a full calculation on load, as cchc's own files do,
  // so the check knows its cached results are stale.
  wb.calcProperties.fullCalcOnLoad = true;
  await wb.xlsx.writeFile(file);
}

/** The first row holding every one of the header texts, with their columns (1-based). */
function findHeader(ws: ExcelJS.Worksheet, texts: string[]): { row: number; cols: number[] } | null {
  for (let r = 1; r <= Math.min(ws.rowCount, 60); r++) {
    const cols = texts.map(() => 0);
    ws.getRow(r).eachCell((cell, c) => {
      const i = texts.indexOf(String(cell.value));
      if (i >= 0 && !cols[i]) cols[i] = c;
    });
    if (cols.every((c) => c > 0)) return { row: r, cols };
  }
  return null;
}
