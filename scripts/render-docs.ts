// `npm run docs`: builds the workbooks a commune and a district would print, renders every page with
// LibreOffice (PDF, then PNG with pdftoppm) and puts the pictures in docs/pages/. Never run by `npm test`.
// Usage: npm run docs [-- --out DIR]   (DIR instead of docs/pages, e.g. to look without touching docs/)

import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { defaultSet } from '../src/core/model/bundled';
import { writePlanToFile } from '../src/adapters/exceljs/write';
import { BuildOptions } from '../src/core/model/build-options';
import { entriesOf, plausibleScores } from '../test/helpers/communes';

const ROOT = path.join(__dirname, '..');

function soffice(args: string[], profile: string): void {
  execFileSync('soffice', ['--headless', '--norestore', '--nolockcheck', `-env:UserInstallation=file://${profile}`, ...args], { stdio: 'ignore', timeout: 180000 });
}

/** A commune's filled workbook: plausible scores, a giải trình on every item that lost points. */
export function filledOptions(appraisal: boolean): BuildOptions {
  const set = defaultSet();
  const self = plausibleScores(set, 7, 0.8);
  const entries = entriesOf(self, appraisal ? plausibleScores(set, 11, 0.75) : undefined);
  let n = 0;
  for (const code of Object.keys(entries)) {
    const v = entries[code].values.self;
    if (typeof v === 'number' && n++ % 2 === 0) entries[code].values.note = 'Chưa ban hành đủ văn bản theo kế hoạch; sẽ bổ sung trong quý I năm sau.';
  }
  return {
    set, unit: 'UBND xã Đồng Thịnh', year: 2024, entries, appraisal,
    district: appraisal ? 'UBND huyện Phú Lương' : undefined,
    report: { number: 5, day: 5, month: 1, year: 2025, signer: 'Nguyễn Văn An', authority: appraisal ? 'KT.' : 'TM.' },
  };
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--out');
  const out = path.resolve(at > 0 ? process.argv[at + 1] : path.join(ROOT, 'docs', 'pages'));
  fs.mkdirSync(out, { recursive: true });
  const work = fs.mkdtempSync(path.join(require('os').tmpdir(), 'cchc-docs-'));
  const profile = path.join(work, 'profile');
  const books: Array<[string, BuildOptions]> = [['commune-report', filledOptions(false)], ['appraisal-report', filledOptions(true)]];
  for (const [name, opts] of books) {
    const file = path.join(work, name + '.xlsx');
    await writePlanToFile(buildWorkbookPlan(opts), file);
    soffice(['--convert-to', 'pdf', '--outdir', work, file], profile);
    for (const old of fs.readdirSync(out).filter((f) => f.startsWith(name + '-'))) fs.unlinkSync(path.join(out, old));
    execFileSync('pdftoppm', ['-png', '-r', '60', path.join(work, name + '.pdf'), path.join(out, name)]);
    process.stdout.write(`${name}: ${fs.readdirSync(out).filter((f) => f.startsWith(name + '-')).length} pages in ${path.relative(ROOT, out)}\n`);
  }
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exitCode = 1;
});
