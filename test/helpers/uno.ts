// Editing a workbook in a real LibreOffice as a person would (typing, inserting and deleting rows,
// sorting part of a table, unprotecting a sheet), then saving it as LibreOffice saves an .xlsx, with
// every formula's cached value recalculated. The work is done by uno_edit.py, whose header documents
// every operation, what "typing" means there and what keeps headless LibreOffice 7.4 from aborting.
// Edits run through the LibreOffice queue of ../libreoffice.ts: one LibreOffice job at a time per
// jest process.
//
// One soffice is kept per test process for the edits in a locale (a different locale restarts it),
// because starting it is as dear as an edit. Measured on this 2-core machine: soffice start and
// connection 0.8-1.3 s (up to 3 s while other tests run), loading the 45 kB scoring workbook
// 0.25-0.55 s, operations 10 ms-3 s (a score typed on each of the 89 leaves takes the longest),
// recalculating and saving 0.22-0.3 s. Call closeEditorAfterAll() in every test file that edits, so
// the soffice goes with the file; one that dies is replaced at the next edit.

import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { enginePath } from '../engines';
import { serialised } from '../libreoffice';

interface OpBase {
  /** The operation must be refused by LibreOffice (a locked cell, a validity rule, a greyed-out command). */
  expectRefusal?: boolean;
  /** Either outcome is fine; the report's `refused` tells which. Without either flag a refusal fails the edit. */
  mayBeRefused?: boolean;
}

/** The operations of uno_edit.py; cells and ranges in A1 notation, rows 1-based. */
export type UnoOp = OpBase &
  (
    | { op: 'type'; sheet: string; cell: string; text: string }
    | { op: 'setValue'; sheet: string; cell: string; value: number }
    | { op: 'setFormula'; sheet: string; cell: string; formula: string }
    | { op: 'setString'; sheet: string; cell: string; text: string }
    | { op: 'insertRows'; sheet: string; before: number; count?: number }
    | { op: 'deleteRows'; sheet: string; from: number; count?: number }
    | { op: 'sort'; sheet: string; range: string; key: string; ascending?: boolean; header?: boolean }
    | { op: 'clear'; sheet: string; range: string }
    | { op: 'unprotect'; sheet: string }
    | { op: 'protect'; sheet: string }
  );

/** A cell as LibreOffice holds it after the operation. */
export interface CellReport {
  kind: 'empty' | 'value' | 'text' | 'formula';
  /** As displayed. */
  string: string;
  /** The number format code ("General", "MM/DD/YY", "@"). */
  format: string;
  value?: number;
  formula?: string;
}

export interface OpReport extends Partial<CellReport> {
  op: UnoOp['op'];
  sheet?: string;
  cell?: string;
  range?: string;
  /** LibreOffice refused what the person tried (only with expectRefusal/mayBeRefused; otherwise the edit fails). */
  refused?: { reason: 'protected' | 'validation' | 'password'; message: string };
  /** A Warning/Information validity rule asked, and the person confirmed: its message. */
  confirmed?: string;
  inserted?: [number, number];
  deleted?: [number, number];
  sorted?: string;
  /** The sort key column's cells after sorting, as displayed. */
  key?: string[];
  cleared?: string;
  protected?: boolean;
}

export interface EditResult {
  report: OpReport[];
  /** Milliseconds: soffice start (only when this edit started it), load, operations, recalculate + save. */
  ms: { start?: number; load: number; ops: number; save: number };
}

export interface EditOptions {
  /** LibreOffice's Locale setting for the session: en-US (default), vi-VN, … */
  locale?: string;
  /** For the whole edit, soffice start included. */
  timeoutMs?: number;
}

const SCRIPT = path.join(__dirname, 'uno_edit.py');
const DEFAULT_TIMEOUT_MS = 120000;
const START_TIMEOUT_S = 90;
const STOP_TIMEOUT_MS = 20000;
const PROFILE_PREFIX = 'cchc-uno-profile-';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

let sweptProfiles = false;

/**
 * This process's profile for a locale: never the one ../libreoffice.ts converts with (a second soffice
 * on a profile hands its work to the first). Profiles of test processes that are gone are removed.
 */
function profileFor(locale: string): string {
  if (!sweptProfiles) {
    sweptProfiles = true;
    for (const name of fs.readdirSync(os.tmpdir())) {
      const pid = Number((/^cchc-uno-profile-(\d+)-/.exec(name) || [])[1]);
      if (pid > 0 && pid !== process.pid && !alive(pid)) fs.rmSync(path.join(os.tmpdir(), name), { recursive: true, force: true });
    }
  }
  const dir = path.join(os.tmpdir(), `${PROFILE_PREFIX}${process.pid}-${locale}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function tail(text: string, limit = 4000): string {
  const t = text.trim();
  return t.length > limit ? '…' + t.slice(-limit) : t;
}

interface Reply {
  ok?: boolean;
  ready?: boolean;
  error?: string;
  startMs?: number;
  report?: OpReport[];
  ms?: EditResult['ms'];
  officeDied?: boolean;
}

/** uno_edit.py in serve mode and the soffice it started, in a process group of their own. */
class UnoServer {
  private stdoutBuffer = '';
  private stderrText = '';
  private lines: string[] = [];
  private waiter: ((line: string | null) => void) | null = null;
  private exited = false;
  private killed = false;
  private nextId = 1;
  startMs = 0;

  private constructor(private child: ChildProcess, readonly locale: string) {
    child.stdout!.setEncoding('utf8');
    child.stderr!.setEncoding('utf8');
    child.stdout!.on('data', (d: string) => {
      this.stdoutBuffer += d;
      let i: number;
      while ((i = this.stdoutBuffer.indexOf('\n')) >= 0) {
        this.deliver(this.stdoutBuffer.slice(0, i));
        this.stdoutBuffer = this.stdoutBuffer.slice(i + 1);
      }
    });
    child.stderr!.on('data', (d: string) => (this.stderrText += d));
    child.on('exit', () => {
      this.exited = true;
      this.deliver(null);
    });
    child.on('error', (e) => {
      this.stderrText += `\n${e.message}`;
      this.exited = true;
      this.deliver(null);
    });
    // Neither the process nor its pipes keep jest waiting; the exit hook below still ends them.
    child.unref();
    for (const stream of [child.stdin, child.stdout, child.stderr] as unknown as Array<{ unref?: () => void }>) {
      if (stream && stream.unref) stream.unref();
    }
  }

  get alive(): boolean {
    return !this.exited && !this.killed;
  }

  private deliver(line: string | null): void {
    if (line !== null && !line.trim()) return;
    if (this.waiter) {
      const w = this.waiter;
      this.waiter = null;
      w(line);
    } else if (line !== null) {
      this.lines.push(line);
    }
  }

  private stderrNote(): string {
    return this.stderrText.trim() ? `\n--- uno_edit.py stderr ---\n${tail(this.stderrText)}` : '';
  }

  /** The next reply line; on timeout the whole group is killed. */
  private readReply(timeoutMs: number, what: string): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        this.kill();
        reject(new Error(`LibreOffice (UNO) did not ${what} within ${timeoutMs / 1000} s; its process group was killed.${this.stderrNote()}`));
      }, timeoutMs);
      const take = (line: string | null) => {
        clearTimeout(timer);
        if (line === null) {
          reject(new Error(`uno_edit.py exited while it was to ${what}.${this.stderrNote()}`));
          return;
        }
        try {
          resolve(JSON.parse(line) as Reply);
        } catch {
          reject(new Error(`uno_edit.py wrote something that is not a JSON reply: ${line}${this.stderrNote()}`));
        }
      };
      if (this.lines.length) take(this.lines.shift()!);
      else if (this.exited) take(null);
      else this.waiter = take;
    });
  }

  static async start(locale: string, timeoutMs: number): Promise<UnoServer> {
    const python = enginePath('uno');
    const soffice = enginePath('soffice');
    if (!python) throw new Error('No Python with the UNO bridge (apt-get install -y python3-uno, or set UNO_PYTHON); guard the test with describeIfEngine(["soffice", "uno"], …).');
    if (!soffice) throw new Error('LibreOffice (soffice) is not installed; guard the test with describeIfEngine(["soffice", "uno"], …).');
    // Its own process group: a timeout kills soffice.bin as well as the script and the launcher.
    const child = spawn(python, [SCRIPT, 'serve', '--profile', profileFor(locale), '--locale', locale, '--soffice', soffice, '--start-timeout', String(START_TIMEOUT_S)], {
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const server = new UnoServer(child, locale);
    live.add(server);
    const ready = await server.readReply(timeoutMs, 'start');
    if (!ready.ready) {
      server.kill();
      throw new Error(`LibreOffice (UNO) could not start: ${ready.error || JSON.stringify(ready)}${server.stderrNote()}`);
    }
    server.startMs = ready.startMs || 0;
    return server;
  }

  async edit(input: string, output: string, ops: UnoOp[], timeoutMs: number): Promise<EditResult> {
    const id = this.nextId++;
    this.child.stdin!.write(JSON.stringify({ id, input, output, ops }) + '\n');
    const reply = await this.readReply(timeoutMs, `edit ${path.basename(input)}`);
    if (!reply.ok) {
      // soffice died (uno_edit.py exits then too): the next edit starts a new one.
      if (reply.officeDied) this.kill();
      throw new Error(`LibreOffice edit of ${input} failed: ${reply.error || JSON.stringify(reply)}${this.stderrNote()}`);
    }
    return { report: reply.report || [], ms: reply.ms! };
  }

  /** Asks uno_edit.py to quit soffice and exit; kills the group if that takes too long. */
  stop(): Promise<void> {
    if (!this.alive) {
      this.kill();
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.kill();
        resolve();
      }, STOP_TIMEOUT_MS);
      this.child.once('exit', () => {
        clearTimeout(timer);
        live.delete(this);
        resolve();
      });
      this.child.stdin!.end(JSON.stringify({ shutdown: true }) + '\n');
    });
  }

  /** SIGKILL to the whole group: uno_edit.py, the soffice launcher and soffice.bin. */
  kill(): void {
    this.killed = true;
    live.delete(this);
    try {
      process.kill(-this.child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

const live = new Set<UnoServer>();
// A test process that ends without closeLibreOfficeEditor() (a crash, a forgotten afterAll) must not
// leave a soffice behind.
process.on('exit', () => live.forEach((s) => s.kill()));

let server: UnoServer | null = null;

function checkLocale(locale: string): string {
  if (!/^[a-z]{2,3}(-[A-Z]{2})?$/.test(locale)) throw new Error(`Not a locale LibreOffice knows by this spelling: "${locale}" (e.g. en-US, vi-VN).`);
  return locale;
}

/**
 * Opens `inputXlsx` in LibreOffice, applies the operations in order as a person would, recalculates
 * everything and saves the result to `outputXlsx` with LibreOffice's Excel 2007-365 filter; the input
 * is not changed. Resolves when the file is saved, with what each operation did. Rejects with
 * uno_edit.py's explanation (and its stderr) when an operation cannot be done as asked, including a
 * refusal by LibreOffice that the operation did not expect.
 */
export function editInLibreOffice(inputXlsx: string, outputXlsx: string, ops: UnoOp[], options: EditOptions = {}): Promise<EditResult> {
  const locale = checkLocale(options.locale || 'en-US');
  const timeoutMs = options.timeoutMs || DEFAULT_TIMEOUT_MS;
  const input = path.resolve(inputXlsx);
  const output = path.resolve(outputXlsx);
  return serialised(async () => {
    const started = Date.now();
    let startMs: number | undefined;
    if (server && (!server.alive || server.locale !== locale)) {
      await server.stop();
      server = null;
    }
    if (!server) {
      server = await UnoServer.start(locale, timeoutMs);
      startMs = server.startMs;
    }
    const current = server;
    try {
      const result = await current.edit(input, output, ops, Math.max(1000, timeoutMs - (Date.now() - started)));
      if (startMs !== undefined) result.ms.start = startMs;
      return result;
    } finally {
      // One that died or was killed on a timeout is not reused.
      if (!current.alive && server === current) server = null;
    }
  });
}

/** Quits the soffice kept for edits, after any edit still queued. */
export function closeLibreOfficeEditor(): Promise<void> {
  return serialised(async () => {
    const s = server;
    server = null;
    if (s) await s.stop();
  });
}

/** For a test file that edits: the kept soffice quits after the file's tests. */
export function closeEditorAfterAll(): void {
  afterAll(() => closeLibreOfficeEditor(), STOP_TIMEOUT_MS + 5000);
}
