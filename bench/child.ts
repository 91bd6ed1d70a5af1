// Runs `cchc` as people run it, in its own Node process, so its time and its peak memory are its own:
// the CLI is compiled once (as `npm run build:cli` does, into a temporary folder, leaving dist/ alone)
// and a small wrapper reports, when the run ends, how long it took and the process's highest resident
// set size. The same wrapper can load files with exceljs alone, the baseline a check is compared with.

import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');

export interface ChildRun {
  code: number;
  /** From the first file to the end, module loading excluded. */
  ms: number;
  /** CPU time (user and system, all threads) over the same span: what others' load disturbs least. */
  cpuMs: number;
  /** The process's highest resident set size. */
  peakMb: number;
}

export interface Runner {
  /** `cchc ARGS` in its own process, in `cwd`; its output is discarded. */
  cchc(args: string[], cwd: string): Promise<ChildRun>;
  /** Loads each file with exceljs alone (`new Workbook().xlsx.load(bytes)`), nothing else. */
  exceljsLoad(files: string[], cwd: string): Promise<ChildRun>;
  dispose(): void;
}

const WRAPPER = `'use strict';
const fs = require('fs');
const path = require('path');
const [resultFile, mode, ...args] = process.argv.slice(2);
const cli = mode === 'cchc' ? require(process.env.CCHC_BENCH_MAIN) : null;
const ExcelJS = mode === 'exceljs' ? require(process.env.CCHC_BENCH_EXCELJS) : null;
const started = process.hrtime.bigint();
const cpu = process.cpuUsage();
const io = { out() {}, err() {}, isTTY: false, cwd: process.cwd() };
const work = cli ? cli.run(args, io) : (async () => {
  for (const file of args) await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(path.resolve(file)));
  return 0;
})();
work.then((code) => {
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  fs.writeFileSync(resultFile, JSON.stringify({ code, ms, cpuMs: (used.user + used.system) / 1000, maxRssKb: process.resourceUsage().maxRSS }));
}, (e) => {
  process.stderr.write(String(e && e.stack || e));
  process.exitCode = 3;
});
`;

export function compileCli(): Runner {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-cli-'));
  const tsc = require.resolve('typescript/bin/tsc');
  const built = spawnSyncChecked(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.cli.json'), '--outDir', path.join(dir, 'dist')]);
  if (built) throw new Error('Compiling the CLI failed:\n' + built);
  const wrapper = path.join(dir, 'wrapper.js');
  fs.writeFileSync(wrapper, WRAPPER);
  const env = {
    ...process.env,
    CCHC_BENCH_MAIN: path.join(dir, 'dist', 'cli', 'main.js'),
    CCHC_BENCH_EXCELJS: require.resolve('exceljs'),
    // dist/ resolves exceljs and commander from the project's node_modules.
    NODE_PATH: path.join(ROOT, 'node_modules'),
  };
  let n = 0;
  const runChild = (mode: string, args: string[], cwd: string) => new Promise<ChildRun>((resolve, reject) => {
    const result = path.join(dir, `result-${n++}.json`);
    const child = spawn(process.execPath, [wrapper, result, mode, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (status) => {
      if (!fs.existsSync(result)) return reject(new Error(`The ${mode} child ended with ${status} and no result:\n${err.slice(0, 2000)}`));
      const r = JSON.parse(fs.readFileSync(result, 'utf8'));
      resolve({ code: r.code, ms: r.ms, cpuMs: r.cpuMs, peakMb: Math.round(r.maxRssKb / 1024) });
    });
  });
  return {
    cchc: (args, cwd) => runChild('cchc', args, cwd),
    exceljsLoad: (files, cwd) => runChild('exceljs', files, cwd),
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs a command to its end; returns its output when it failed, '' when it succeeded. */
function spawnSyncChecked(command: string, args: string[]): string {
  const r = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8' });
  return r.status === 0 ? '' : (r.stdout || '') + (r.stderr || '') || `exit ${r.status}`;
}
