// Running `cchc` as a user would: in-process (fast, output captured) or as its own Node process with a
// memory ceiling (proves a refusal stays within bounded memory), plus a fingerprint of input files.

import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Io } from '../../src/cli/io';
import { run } from '../../src/cli/main';

export interface Ran {
  code: number;
  out: string;
  err: string;
  ms: number;
}

export async function cchc(cwd: string, ...argv: string[]): Promise<Ran> {
  let out = '';
  let err = '';
  const io: Io = { out: (s) => { out += s; }, err: (s) => { err += s; }, isTTY: false, cwd };
  const started = Date.now();
  const code = await run(argv, io);
  return { code, out, err, ms: Date.now() - started };
}

const BIN = path.join(__dirname, '..', '..', 'bin', 'cchc.js');

/** Runs bin/cchc.js in a Node limited to `heapMb` of heap; a crash or a timeout shows in the result. */
export function cchcProcess(cwd: string, heapMb: number, timeoutMs: number, ...argv: string[]): Ran & { signal: string | null } {
  const started = Date.now();
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, BIN, ...argv], { cwd, encoding: 'utf8', timeout: timeoutMs });
  return { code: r.status === null ? -1 : r.status, signal: r.signal, out: r.stdout || '', err: r.stderr || '', ms: Date.now() - started };
}

/** Content hash and modification time: an input that was read must show neither changed. */
export function fingerprint(file: string): string {
  const st = fs.statSync(file);
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') + '@' + st.mtimeMs;
}

/** A JavaScript stack frame ("    at fn (file.js:10:5)"): never shown to people. */
export const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
