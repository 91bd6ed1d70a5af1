// `npm run bench -- officejs`: the Office.js adapter on Microsoft's Excel client library (Excel on the
// web's, in headless Chromium, test/helpers/real-office.ts): the requests a build and a rebuild with
// the appraisal columns send at 89 (the bundled set), 1,000 and 5,000 sub-criteria, each with its
// bytes and actions, and the evidence write. Excel on the web refuses a request over 5 MB.

import { enginePath } from '../test/engines';
import { OperationRecord, Scenario } from '../test/browser/real-office';
import { openRealOffice } from '../test/helpers/real-office';

const MB = 1024 * 1024;

function line(label: string, record: OperationRecord): string {
  const syncs = record.syncs.map((s) => `${(s.bytes / MB).toFixed(2)} MB/${s.actions}`).join(', ');
  const largest = Math.max(...record.syncs.map((s) => s.bytes));
  return `${label.padEnd(34)} ${String(record.syncs.length).padStart(2)} requests, largest ${(largest / MB).toFixed(2)} MB` +
    (record.error ? `  ERROR ${record.error.message}` : '') + `\n${''.padEnd(36)}[${syncs}]`;
}

export async function benchOfficeJs(): Promise<string[]> {
  if (!enginePath('chromium')) return ['Bỏ qua officejs: cần Chromium (apt-get install -y chromium)'];
  const real = await openRealOffice();
  const out: string[] = ['requests per operation (size/actions each), Excel on the web client:'];
  try {
    for (const [set, leaves] of [['default', 89], [1000, 1000], [5000, 5000]] as Array<[Scenario['set'], number]>) {
      for (const rebuild of [false, true]) {
        const scenario: Scenario = { set, appraisal: true, api: '1.13', rebuild };
        const [record] = await real.page.evaluate((s) => window.cchcReal.build(s), scenario);
        out.push(line(`${rebuild ? 'rebuild' : 'build'} ${leaves} sub-criteria + appraisal`, record));
      }
    }
    const operations = await real.page.evaluate(() => window.cchcReal.everyOperation('1.13'));
    for (const o of operations) out.push(line(o.operation + ' (89, 1.13)', o));
  } finally {
    await real.close();
  }
  return out;
}
