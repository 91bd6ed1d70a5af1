// `npm run bench`: the numbers of issue #15 in one run, then the older sections.
//
//   check    `cchc check` of a province's 172 workbooks against exceljs alone loading them (ratio)
//   summary  `cchc summary --out` of 172 and of 2,000 workbooks: time and peak memory, each run in
//            its own process
//   core     the live check of an already-read workbook at 89, 1,000 and 5,000 sub-criteria
//   bundle   the task pane's weight, gzipped, office.js excluded
//   build    build and check of one workbook on the default set and on 1,000 sub-criteria
//   hostile  refusals of the hostile corpus and of byte-damaged copies
//   officejs the requests the Office.js adapter sends, measured on the real office.js client library
//   property the LibreOffice property test at scale (minutes; only when named)
//
// `npm run bench -- core bundle` picks sections. The commune workbooks are generated once into the
// system's temporary folder and reused (bench/communes.ts). A benchmark, not a test: these machines
// are shared and noisy, so it prints medians of repeated runs and ratios measured side by side, and
// never fails on a number.

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
import { PANE_BUDGET_BYTES, buildPages, paneOwnFiles, paneParts, weigh } from '../test/helpers/bundle';
import { benchDamage, benchHostile } from './hostile';
import { benchProperty } from './property';
import { benchOfficeJs } from './officejs';
import { benchCheckRatio, benchSummary } from './summary';
import { benchCoreCheck } from './core';
import { COUNTRY_COMMUNES, PROVINCE_COMMUNES, communes } from './communes';
import { compileCli } from './child';
import { fmt, median, nowMs } from './stats';

const SECTIONS = ['check', 'summary', 'core', 'bundle', 'build', 'hostile', 'officejs', 'property'];
const DEFAULT_SECTIONS = SECTIONS.filter((s) => s !== 'property');

/** Lines printed as each measure ends, and again together at the end. */
const results: string[] = [];
function report(line: string): void {
  results.push(line);
  console.log(line);
}

function progress(text: string): void {
  if (process.stderr.isTTY) process.stderr.write('\r' + text + '\x1b[K');
}

async function time<T>(fn: () => Promise<T>, runs = 3): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const start = nowMs();
    value = await fn();
    times.push(nowMs() - start);
  }
  return { ms: median(times), value };
}

async function buildAndCheck(name: string, set: CriteriaSet, dir: string): Promise<void> {
  const file = path.join(dir, name + '.xlsx');
  const leaves = describeSet(set).leaves;
  const build = await time(() => writePlanToFile(buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2024 }), file));
  report(`build ${name} (${leaves} sub-criteria): ${fmt(build.ms, 0)} ms`);
  const check = await time(async () => checkWorkbook(await readWorkbookGrids(file)));
  if (check.value.error) throw new Error(check.value.error);
  report(`read and check ${name} (${leaves} sub-criteria): ${fmt(check.ms, 0)} ms`);
}

async function batches(want: (s: string) => boolean): Promise<void> {
  const count = want('summary') ? COUNTRY_COMMUNES : PROVINCE_COMMUNES;
  const started = nowMs();
  const corpus = await communes(count, (done, total) => progress(`generating commune workbooks ${done}/${total}`));
  progress('');
  if (nowMs() - started > 5000) console.log(`(generated the commune workbooks in ${(corpus.dir)} in ${fmt((nowMs() - started) / 1000, 0)} s; later runs reuse them)`);
  const runner = compileCli();
  try {
    const province = corpus.files.slice(0, PROVINCE_COMMUNES);
    if (want('check')) {
      const r = await benchCheckRatio(runner, corpus.dir, province);
      report(`check of ${r.files} workbooks: cchc ${fmt(r.checkMs / 1000)} s, exceljs load alone ${fmt(r.bareMs / 1000)} s: `
        + `ratio ${r.ratio.toFixed(2)}, CPU-time ratio ${r.cpuRatio.toFixed(2)} (target ≤ 1.3; medians of ${r.rounds} rounds); `
        + `peak ${r.checkPeakMb} MB (exceljs alone ${r.barePeakMb} MB)`);
    }
    if (want('summary')) {
      const small = await benchSummary(runner, corpus.dir, province);
      report(`summary of ${small.workbooks} workbooks: ${fmt(small.ms / 1000)} s (${fmt(small.msPerWorkbook)} ms, CPU ${fmt(small.cpuMsPerWorkbook)} ms a workbook), `
        + `peak ${small.peakMb} MB`);
      const large = await benchSummary(runner, corpus.dir, corpus.files.slice(0, COUNTRY_COMMUNES));
      report(`summary of ${large.workbooks} workbooks: ${fmt(large.ms / 1000)} s (${fmt(large.msPerWorkbook)} ms, CPU ${fmt(large.cpuMsPerWorkbook)} ms a workbook: `
        + `${(large.cpuMsPerWorkbook / small.cpuMsPerWorkbook).toFixed(2)}× the CPU time a workbook at ${small.workbooks}), peak ${large.peakMb} MB: `
        + `${(large.peakMb / small.peakMb).toFixed(2)}× the peak at ${small.workbooks} (target ≤ 1.2× and < 200 MB)`);
    }
  } finally {
    runner.dispose();
  }
}

function core(): void {
  const targets: Record<number, number> = { 89: 2, 1000: 20 };
  for (const t of benchCoreCheck()) {
    const target = targets[t.leaves] ? ` (target ≤ ${targets[t.leaves]} ms)` : '';
    report(`core check of a read workbook, ${t.leaves} sub-criteria: ${fmt(t.ms)} ms, CPU ${fmt(t.cpuMs)} ms${target}; `
      + `medians of ${t.runs} runs, ${t.issues} issues`);
  }
}

function bundle(): void {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-web-'));
  try {
    buildPages(out, 'https://cchc.example.gov.vn/addin/');
    const own = paneOwnFiles(out);
    const scripts = own.scripts.map((f) => weigh(out, f));
    const others = own.others.map((f) => weigh(out, f));
    const kb = (n: number) => (n / 1024).toFixed(1) + ' KB';
    const scriptsGz = scripts.reduce((s, w) => s + w.gzipped, 0);
    report(`task pane scripts: ${kb(scriptsGz)} gzipped (budget ${kb(PANE_BUDGET_BYTES)}, office.js excluded); `
      + `with ${others.map((w) => `${w.file} ${kb(w.gzipped)}`).join(', ')}: ${kb(scriptsGz + others.reduce((s, w) => s + w.gzipped, 0))}`);
    const parts = paneParts(out).map((f) => weigh(out, f));
    report(`task pane parts fetched on first use: ${parts.map((w) => `${w.file.replace(/\.[0-9a-f]{8}\.js$/, '')} ${kb(w.gzipped)}`).join(', ')}`);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const unknown = only.filter((s) => SECTIONS.indexOf(s) < 0);
  if (unknown.length) throw new Error(`Unknown section ${unknown.join(', ')}: choose among ${SECTIONS.join(', ')}`);
  const want = (name: string) => (only.length ? only.indexOf(name) >= 0 : DEFAULT_SECTIONS.indexOf(name) >= 0);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-'));
  const started = nowMs();
  try {
    if (want('check') || want('summary')) await batches(want);
    if (want('core')) core();
    if (want('bundle')) bundle();
    if (want('build')) {
      await buildAndCheck('default', defaultSet(), dir);
      await buildAndCheck('generated-1000', generateSet(1000, 42), dir);
    }
    if (want('hostile')) {
      const hostile = await benchHostile();
      report(`refuse ${hostile.files} hostile files: ${fmt(hostile.totalMs, 0)} ms (slowest ${hostile.slowest.file} ${hostile.slowest.ms} ms)`);
      if (hostile.accepted.length) report('NOT REFUSED: ' + hostile.accepted.join(', '));
      const damaged = await benchDamage(1000);
      report(`read ${damaged.variants} damaged copies: ${fmt(damaged.totalMs, 0)} ms (${damaged.refused} refused, ${damaged.same} same, slowest ${damaged.slowestMs} ms)`);
      for (const wrong of damaged.wrong) report('DAMAGE NOT HANDLED: ' + wrong);
    }
    if (want('officejs')) {
      const start = nowMs();
      const lines = await benchOfficeJs();
      for (const l of lines) console.log(l);
      report(`officejs: requests measured in ${fmt(nowMs() - start, 0)} ms (printed above)`);
    }
    if (want('property')) {
      if (!enginePath('soffice')) report('Bỏ qua property: cần LibreOffice (soffice)');
      else {
        const property = await benchProperty(100);
        report(`property: ${property.cases} generated workbooks, ${property.failing} failing: ${fmt(property.ms, 0)} ms`);
        if (property.failing) console.log(property.report);
      }
    }
    console.log(`\n— ${os.cpus().length} cores, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, `
      + `${fmt((nowMs() - started) / 1000, 0)} s in all —`);
    for (const line of results) console.log(line);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
