// Timings of refusals: each file of the hostile corpus through `cchc check` (the worst is what a clerk
// waits for), and many byte-damaged workbooks. Every refusal must stay a refusal; the numbers are for
// reading, not for failing.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkFile } from '../src/cli/cmd-check';
import { damageBase, readDamaged } from '../test/helpers/damage';

const CORPUS = path.join(__dirname, '..', 'test', 'fixtures', 'hostile');
/** Readable on purpose: its evidence links are what is wrong (test/hostile.test.ts checks them). */
const READABLE = ['evidence-climbing.xlsx'];

export interface HostileBench {
  files: number;
  /** Files that were not refused (there should be none). */
  accepted: string[];
  slowest: { file: string; ms: number };
  totalMs: number;
}

export async function benchHostile(): Promise<HostileBench> {
  const files = fs.readdirSync(CORPUS).filter((f) => /\.(xlsx|xls|ods|csv)$/.test(f) && READABLE.indexOf(f) < 0);
  const accepted: string[] = [];
  let slowest = { file: '', ms: 0 };
  const started = Date.now();
  for (const file of files) {
    const t = Date.now();
    const { report } = await checkFile(path.join(CORPUS, file), {});
    const ms = Date.now() - t;
    if (!report.error) accepted.push(file);
    if (ms > slowest.ms) slowest = { file, ms };
  }
  return { files: files.length, accepted, slowest, totalMs: Date.now() - started };
}

export interface DamageBench {
  variants: number;
  refused: number;
  same: number;
  /** Seeds that crashed or read differently (there should be none). */
  wrong: string[];
  slowestMs: number;
  totalMs: number;
}

export async function benchDamage(variants: number): Promise<DamageBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-damage-'));
  const started = Date.now();
  try {
    // Seeds past CI's 1–50, so the bench looks where the test does not.
    const seeds = Array.from({ length: variants }, (_, i) => 1000 + i);
    const outcomes = await readDamaged(await damageBase(), seeds, dir);
    return {
      variants,
      refused: outcomes.filter((o) => o.result === 'refused').length,
      same: outcomes.filter((o) => o.result === 'same').length,
      wrong: outcomes.filter((o) => o.result === 'crashed' || o.result === 'different').map((o) => `seed ${o.seed} ${o.kind}: ${o.result} ${o.detail.slice(0, 200)}`),
      slowestMs: Math.max(...outcomes.map((o) => o.ms)),
      totalMs: Date.now() - started,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
