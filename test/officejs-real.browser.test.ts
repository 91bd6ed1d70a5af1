// The Office.js adapter on Microsoft's own Excel client library (@microsoft/office-js, Excel on the
// web's, in OfficeExtension's test mock mode), in headless Chromium: every request the adapter makes
// is built by the real library and measured, and every call goes through the library's own argument
// handling and requirement-set checks, which the recording fake only imitates.
//
// Held: no client-side error for any operation on ExcelApi 1.7, 1.9 and 1.13; each request of a
// build or rebuild with the appraisal columns at 89, 1,000 and 5,000 sub-criteria at most 4 MB
// (Excel on the web refuses more than 5 MB), in a bounded number of requests; and the way back after
// a refused request runs on the real library too. `npm run bench -- officejs` prints the figures.

import { REQUEST_BUDGET } from '../src/adapters/officejs/write-plan';
import { describeIfEngine } from './engines';
import { OperationRecord, Scenario } from './browser/real-office';
import { RealOffice, openRealOffice } from './helpers/real-office';

const MB = 1024 * 1024;
const LIMIT = 4 * MB;

describeIfEngine('chromium', 'the Office.js adapter on the real office.js client library', () => {
  let real: RealOffice;

  beforeAll(async () => {
    real = await openRealOffice();
  }, 180000);

  afterAll(async () => {
    if (real) await real.close();
  });

  const build = (scenario: Scenario): Promise<OperationRecord[]> => real.page.evaluate((s) => window.cchcReal.build(s), scenario);

  test.each(['1.7', '1.9', '1.13'] as const)('ExcelApi %s: every operation of the port, with no error from the library', async (api) => {
    const operations = await real.page.evaluate((a) => window.cchcReal.everyOperation(a), api);
    expect(operations.map((o) => [o.operation, o.error])).toEqual(operations.map((o) => [o.operation, null]));
    expect(operations.every((o) => o.syncs.length >= 1)).toBe(true);
    for (const rebuild of [false, true]) {
      const [written] = await build({ set: 'default', appraisal: true, api, rebuild });
      expect([rebuild, written.error]).toEqual([rebuild, null]);
    }
  }, 60000);

  // 89 is the bundled set; 1,000 and 5,000 are generated (a national provincial set has 88).
  test.each([['default', 89], [1000, 1000], [5000, 5000]] as const)('%s sub-criteria with the appraisal columns: every request under 4 MB, a bounded number of them', async (set, leaves) => {
    for (const rebuild of [false, true]) {
      const [written] = await build({ set, appraisal: true, api: '1.13', rebuild });
      expect(written.error).toBeNull();
      const sizes = written.syncs.map((s) => s.bytes);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(LIMIT);
      // Look, write, present, commit; the write in as many requests as its bytes need at the budget, and
      // one more: a step is never split, and the evidence formulas make some steps large (measured 33 of
      // 32 at 5,000 sub-criteria).
      const total = sizes.reduce((a, b) => a + b, 0);
      expect(written.syncs.length).toBeLessThanOrEqual(5 + Math.ceil(total / REQUEST_BUDGET));
      if (leaves === 89) expect(written.syncs.length).toBe(4);
      console.log(`${leaves} sub-criteria, ${rebuild ? 'rebuild' : 'build'}: ${written.syncs.length} requests, ` +
        written.syncs.map((s) => `${(s.bytes / MB).toFixed(2)} MB/${s.actions}`).join(', '));
    }
  }, 240000);

  test.each(['applyPlan', 'writeCells'] as const)('%s: a request Excel refuses is undone, and the way back makes only calls the library takes', async (operation) => {
    const clean = await real.page.evaluate((op) => window.cchcReal.failing('1.13', op, 0), operation);
    expect(clean.error).toBeNull();
    const outcomes: string[] = [];
    for (let at = 2; at <= clean.syncs.length; at++) {
      const failed = await real.page.evaluate((args) => window.cchcReal.failing('1.13', args.op, args.at), { op: operation, at });
      expect(failed.syncs.length).toBeGreaterThan(at);
      if (!failed.error) {
        // Refused while presenting (left out, or tried again kind by kind) or after commit began
        // deleting the old sheets (finished): the write went through.
        outcomes.push('through');
        continue;
      }
      // The injected refusal, reported as undone: nothing else went wrong on the way back.
      expect([at, failed.error.reason]).toEqual([at, 'excel-error']);
      expect(failed.error.message).toContain('The workbook was left as it was before.');
      outcomes.push('undone');
    }
    // A refused write request is undone.
    expect(outcomes[0]).toBe('undone');
  }, 120000);

  test('a read Excel on the web finds too large goes again in bands, on calls the library takes', async () => {
    const read = await real.page.evaluate(() => window.cchcReal.failing('1.13', 'readGrids', 1, 'ResponsePayloadSizeLimitExceeded'));
    expect(read.error).toBeNull();
    expect(read.syncs.length).toBeGreaterThan(2);
  });
});
