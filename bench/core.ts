// The live check's own cost: what the pane runs after every edit once it has the grids (checkWorkbook
// on an already-read workbook), apart from reading. Filled workbooks of 89 (the bundled set), 1,000 and
// 5,000 sub-criteria, with scores, explanations and an evidence register; the median of repeated runs.
// Targets: at most 2 ms at 89 and 20 ms at 1,000.

import { checkWorkbook } from '../src/core/check/check';
import { defaultSet } from '../src/core/model/bundled';
import { CriteriaSet, describeSet } from '../src/core/model/criteria';
import { WorkbookGrids } from '../src/core/model/grid';
import { planToGrids } from '../src/core/model/plan';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { entriesOf, plausibleEvidence, plausibleScores } from '../test/helpers/communes';
import { generateSet } from '../test/helpers/generate';
import { median, nowMs } from './stats';

export interface CoreCheckTiming {
  leaves: number;
  /** Medians of the timed runs: wall-clock, and CPU time (what others' load on the machine disturbs least). */
  ms: number;
  cpuMs: number;
  runs: number;
  issues: number;
}

/** A commune's workbook filled as in bench/communes.ts, with a note on some leaves, as grids. */
export function filledGrids(set: CriteriaSet, seed: number): WorkbookGrids {
  const self = plausibleScores(set, seed, 0.8);
  const entries = entriesOf(self);
  let n = 0;
  for (const code of Object.keys(entries)) if (n++ % 7 === 0) entries[code].values.note = 'Đã thực hiện, hồ sơ lưu tại bộ phận một cửa';
  return planToGrids(buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2024, entries, evidence: plausibleEvidence(set, self, seed + 1) }));
}

/** Runs until both `minRuns` and `minMs` are reached (at most `maxMs` once `minRuns` are in). */
function timeRepeated(fn: () => unknown, minRuns: number, minMs: number, maxMs: number): { wall: number[]; cpu: number[] } {
  for (let i = 0; i < 3; i++) fn(); // warm up
  const wall: number[] = [];
  const cpu: number[] = [];
  const started = nowMs();
  for (;;) {
    const elapsed = nowMs() - started;
    if (wall.length >= minRuns && (elapsed >= minMs || elapsed >= maxMs)) break;
    const t = nowMs();
    const c = process.cpuUsage();
    fn();
    const used = process.cpuUsage(c);
    wall.push(nowMs() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

export function benchCoreCheck(): CoreCheckTiming[] {
  const sets = [defaultSet(), generateSet(1000, 42), generateSet(5000, 42)];
  return sets.map((set, i) => {
    const grids = filledGrids(set, 7 + i);
    const report = checkWorkbook(grids, { lang: 'vi' });
    if (report.error) throw new Error(report.error);
    const times = timeRepeated(() => checkWorkbook(grids, { lang: 'vi' }), 7, 1500, 20000);
    return { leaves: describeSet(set).leaves, ms: median(times.wall), cpuMs: median(times.cpu), runs: times.wall.length, issues: (report.issues || []).length };
  });
}
