// The property test at scale: many generated sets of up to 256 leaves with random entries, built and
// recalculated by LibreOffice (25 workbooks a start); every cell must agree with the core. Prints the
// timing and every disagreement; never fails on timing.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LARGE, describeFailures, generateCases, runProperty } from '../test/helpers/property';

/** A different seed from CI's, so the bench explores new ground each time the seed is changed. */
const BENCH_SEED = 4203;

export interface PropertyBench {
  cases: number;
  failing: number;
  ms: number;
  report: string;
}

export async function benchProperty(runs: number, seed: number = BENCH_SEED): Promise<PropertyBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-property-'));
  const started = Date.now();
  try {
    const outcome = await runProperty(generateCases(runs, seed, LARGE), dir);
    return { cases: outcome.cases, failing: outcome.failures.length, ms: Date.now() - started, report: describeFailures(outcome, seed) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
