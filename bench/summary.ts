// The district summary at the scale of a province: 172 commune workbooks (Thái Nguyên's communes,
// wards and towns) on the bundled set, summarized as `cchc summary *.xlsx --out tong-hop.xlsx` does,
// chart included. Generating the workbooks is not timed.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultSet } from '../src/core/model/bundled';
import { Io } from '../src/cli/io';
import { run } from '../src/cli/main';
import { plausibleScores, writeCommune } from '../test/helpers/communes';

export const PROVINCE_COMMUNES = 172;

export interface SummaryBench {
  workbooks: number;
  ms: number;
  /** Highest resident set size of this process while the summary ran, sampled every 20 ms. */
  peakRssMb: number;
}

export async function benchSummary(workbooks: number = PROVINCE_COMMUNES): Promise<SummaryBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-summary-'));
  try {
    const set = defaultSet();
    const files: string[] = [];
    for (let i = 0; i < workbooks; i++) {
      // Every tenth commune has its appraisal too, as a district mid-way through appraising.
      const self = plausibleScores(set, i + 1, 0.55 + (i % 9) * 0.05);
      const appraisal = i % 10 === 0 ? plausibleScores(set, 1000 + i, 0.6) : undefined;
      files.push(path.basename(await writeCommune(dir, { file: `xa-${String(i + 1).padStart(3, '0')}.xlsx`, unit: `Xã Số ${i + 1}`, set, self, appraisal })));
    }
    const io: Io = { out: () => undefined, err: () => undefined, isTTY: false, cwd: dir };
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const started = process.hrtime.bigint();
    let code: number;
    try {
      code = await run(['summary', ...files, '--out', 'tong-hop.xlsx'], io);
    } finally {
      clearInterval(sampler);
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    peak = Math.max(peak, process.memoryUsage().rss);
    if (code !== 0) throw new Error(`cchc summary exited with ${code} on the generated workbooks`);
    return { workbooks, ms, peakRssMb: Math.round(peak / (1024 * 1024)) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
