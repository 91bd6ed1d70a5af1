// The communes the batch sections read: filled scoring workbooks on the bundled set, as a district
// receives them (scores, an evidence register, every tenth with its appraisal). Generating 2,000 takes
// minutes, so they are written once into a folder under the system's temporary directory and reused
// by later runs; the folder's name carries a hash of the generator's code and of the workbook the
// product builds today (an empty commune's plan), so a change to either starts a new folder: the bench
// measures workbooks as this version writes them (a check of an earlier version's Tổng hợp reports
// its formulas as changed, which would set every commune apart). Delete the folders
// `cchc-bench-communes-*` there to free the disk (about 50 KB a workbook).

import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultSet } from '../src/core/model/bundled';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { plausibleEvidence, plausibleScores, writeCommune } from '../test/helpers/communes';

/** Thái Nguyên's communes, wards and towns: a province. */
export const PROVINCE_COMMUNES = 172;
/** A national or multi-year run. */
export const COUNTRY_COMMUNES = 2000;

const ROOT = path.join(__dirname, '..');
const GENERATOR_SOURCES = ['bench/communes.ts', 'test/helpers/communes.ts'];

export function communeFileName(i: number): string {
  return `xa-${String(i + 1).padStart(4, '0')}.xlsx`;
}

function corpusFolder(): string {
  const hash = crypto.createHash('sha256');
  for (const source of GENERATOR_SOURCES) hash.update(fs.readFileSync(path.join(ROOT, source)));
  hash.update(JSON.stringify(buildWorkbookPlan({ set: defaultSet(), unit: 'Xã Mẫu', year: 2024, entries: {} })));
  return path.join(os.tmpdir(), 'cchc-bench-communes-' + hash.digest('hex').slice(0, 12));
}

/**
 * The folder holding at least `count` commune workbooks (the first `count` are returned, by name),
 * writing those still missing. Each is written under a temporary name and renamed, so an interrupted
 * run leaves no half-written workbook behind.
 */
export async function communes(count: number, progress: (done: number, total: number) => void = () => undefined): Promise<{ dir: string; files: string[] }> {
  const dir = corpusFolder();
  fs.mkdirSync(dir, { recursive: true });
  const set = defaultSet();
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = communeFileName(i);
    files.push(file);
    if (fs.existsSync(path.join(dir, file))) continue;
    const self = plausibleScores(set, i + 1, 0.55 + (i % 9) * 0.05);
    const appraisal = i % 10 === 0 ? plausibleScores(set, 100000 + i, 0.6) : undefined;
    const partial = `.partial-${process.pid}-${file}`;
    await writeCommune(dir, { file: partial, unit: `Xã Số ${i + 1}`, set, self, appraisal, evidence: plausibleEvidence(set, self, 200000 + i) });
    fs.renameSync(path.join(dir, partial), path.join(dir, file));
    if (i % 50 === 0) progress(i, count);
  }
  return { dir, files };
}
