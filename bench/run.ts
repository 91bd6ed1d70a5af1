// `npm run bench`: how long `build` and `check` take on the default set and on a generated set of
// 1,000 leaves, the district summary of 172 communes, how long refusals of hostile and damaged files
// take, the property test at scale, the requests the Office.js adapter sends (measured on the real
// office.js client library), and the peak memory. `npm run bench -- build summary` picks sections
// (build, summary, hostile, property, officejs). A benchmark, not a test: these machines are noisy,
// so it prints numbers and never fails on them.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkWorkbook } from '../src/core/check/check';
import { defaultSet } from '../src/core/model/bundled';
import { CriteriaSet, describeSet } from '../src/core/model/criteria';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { readWorkbookGrids } from '../src/adapters/exceljs/read-grid';
import { writePlanToFile } from '../src/adapters/exceljs/write';
import { generateSet } from '../test/helpers/generate';
import { enginePath } from '../test/engines';
import { benchDamage, benchHostile } from './hostile';
import { benchOfficeJs } from './officejs';
import { benchProperty } from './property';
import { benchSummary } from './summary';

interface Timing {
  label: string;
  ms: number;
}

async function time<T>(label: string, fn: () => Promise<T>, runs = 3): Promise<{ timing: Timing; value: T }> {
  let best = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    value = await fn();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (ms < best) best = ms;
  }
  return { timing: { label, ms: best }, value };
}

function peakRssMb(): number {
  // maxRSS is in kilobytes on Linux.
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

async function buildAndCheck(name: string, set: CriteriaSet, dir: string): Promise<Timing[]> {
  const file = path.join(dir, name + '.xlsx');
  const build = await time(`build  ${name} (${describeSet(set).leaves} leaves)`, () =>
    writePlanToFile(buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2024 }), file));
  const check = await time(`check  ${name} (${describeSet(set).leaves} leaves)`, async () => checkWorkbook(await readWorkbookGrids(file)));
  if (check.value.error) throw new Error(check.value.error);
  return [build.timing, check.timing];
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-'));
  const only = process.argv.slice(2);
  const want = (name: string) => only.length === 0 || only.indexOf(name) >= 0;
  const timings: Timing[] = [];
  try {
    if (want('build')) {
      timings.push(...(await buildAndCheck('default', defaultSet(), dir)));
      timings.push(...(await buildAndCheck('generated-1000', generateSet(1000, 42), dir)));
    }
    if (want('hostile')) {
      const hostile = await benchHostile();
      timings.push({ label: `refuse ${hostile.files} hostile files (slowest ${hostile.slowest.file} ${hostile.slowest.ms} ms)`, ms: hostile.totalMs });
      if (hostile.accepted.length) console.log('NOT REFUSED: ' + hostile.accepted.join(', '));
      const damaged = await benchDamage(1000);
      timings.push({ label: `read ${damaged.variants} damaged copies (${damaged.refused} refused, ${damaged.same} same, slowest ${damaged.slowestMs} ms)`, ms: damaged.totalMs });
      for (const wrong of damaged.wrong) console.log('DAMAGE NOT HANDLED: ' + wrong);
    }
    if (want('summary')) {
      const summary = await benchSummary();
      timings.push({ label: `summary of ${summary.workbooks} communes (peak ${summary.peakRssMb} MB)`, ms: summary.ms });
    }
    if (want('property')) {
      if (!enginePath('soffice')) console.log('Bỏ qua property: cần LibreOffice (soffice)');
      else {
        const property = await benchProperty(100);
        timings.push({ label: `property ${property.cases} generated workbooks, ${property.failing} failing`, ms: property.ms });
        if (property.failing) console.log(property.report);
      }
    }
    if (want('officejs')) {
      const start = process.hrtime.bigint();
      for (const l of await benchOfficeJs()) console.log(l);
      timings.push({ label: 'officejs requests measured', ms: Number(process.hrtime.bigint() - start) / 1e6 });
    }
    for (const t of timings) console.log(`${t.label.padEnd(40)} ${t.ms.toFixed(0).padStart(7)} ms`);
    console.log(`${'peak memory (RSS)'.padEnd(40)} ${String(peakRssMb()).padStart(7)} MB`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
