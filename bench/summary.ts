// Batches as a district or a ministry runs them, each in its own process (bench/child.ts):
//
// - `cchc check` of a province's workbooks against loading the same files with exceljs alone: the
//   check should cost little beyond reading the file (target: at most 1.3 times the bare load).
//   Rounds alternate which runs first, and each ratio is the median of the rounds' ratios, so the load
//   other people put on the machine weighs on both sides alike; the ratio of CPU times is the steadier.
// - `cchc summary … --out tong-hop.xlsx` of 172 and of 2,000 workbooks: time per workbook (should be
//   flat: linear time) and the peak memory (should not grow with the number of workbooks).

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ChildRun, Runner } from './child';
import { median } from './stats';

export interface CheckRatio {
  files: number;
  /** Medians over the rounds, wall-clock. */
  bareMs: number;
  checkMs: number;
  /** Median of each round's check / bare, wall-clock and CPU time. */
  ratio: number;
  cpuRatio: number;
  rounds: number;
  checkPeakMb: number;
  barePeakMb: number;
}

export async function benchCheckRatio(runner: Runner, dir: string, files: string[], rounds = 3): Promise<CheckRatio> {
  const bare: ChildRun[] = [];
  const check: ChildRun[] = [];
  const runCheck = async () => {
    const run = await runner.cchc(['check', ...files], dir);
    // 0 or 1: either is a finished check (the generated communes carry warnings, no errors).
    if (run.code > 1) throw new Error(`cchc check exited with ${run.code} on the generated workbooks`);
    check.push(run);
  };
  const runBare = async () => {
    bare.push(await runner.exceljsLoad(files, dir));
  };
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      await runBare();
      await runCheck();
    } else {
      await runCheck();
      await runBare();
    }
  }
  return {
    files: files.length,
    bareMs: median(bare.map((b) => b.ms)),
    checkMs: median(check.map((c) => c.ms)),
    ratio: median(check.map((c, i) => c.ms / bare[i].ms)),
    cpuRatio: median(check.map((c, i) => c.cpuMs / bare[i].cpuMs)),
    rounds,
    checkPeakMb: Math.max(...check.map((c) => c.peakMb)),
    barePeakMb: Math.max(...bare.map((b) => b.peakMb)),
  };
}

export interface SummaryRun {
  workbooks: number;
  ms: number;
  msPerWorkbook: number;
  cpuMsPerWorkbook: number;
  peakMb: number;
}

export async function benchSummary(runner: Runner, dir: string, files: string[]): Promise<SummaryRun> {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-summary-'));
  try {
    const run = await runner.cchc(['summary', ...files, '--out', path.join(out, 'tong-hop.xlsx')], dir);
    if (run.code !== 0) throw new Error(`cchc summary exited with ${run.code} on ${files.length} generated workbooks`);
    return { workbooks: files.length, ms: run.ms, msPerWorkbook: run.ms / files.length, cpuMsPerWorkbook: run.cpuMs / files.length, peakMb: run.peakMb };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
