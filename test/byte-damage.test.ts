// Random byte damage to a real workbook (test/helpers/damage.ts), with fixed seeds: each damaged copy
// ends in a clean refusal or in exactly the undamaged reading, never an exception or a hang.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { STACK_FRAME } from './helpers/cli';
import { DamageOutcome, damageBase, readDamaged } from './helpers/damage';

const SEEDS = Array.from({ length: 50 }, (_, i) => i + 1);

let dir: string;
let outcomes: DamageOutcome[];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-damage-'));
  outcomes = await readDamaged(await damageBase(), SEEDS, dir);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test('no damaged copy crashes or reads differently from the original', () => {
  const bad = outcomes.filter((o) => o.result === 'crashed' || o.result === 'different');
  expect(bad.map((o) => `seed ${o.seed} (${o.kind} at ${o.at}): ${o.result} ${o.detail}`)).toEqual([]);
});

test('refusals are messages for people, in bounded time', () => {
  for (const o of outcomes.filter((x) => x.result === 'refused')) {
    expect(o.detail).not.toMatch(STACK_FRAME);
    expect(o.detail).toMatch(/^Tệp damaged-\d+\.xlsx |^Trang |^Sổ làm việc này |^Trang _cchc |^Không tìm thấy trang/);
  }
  expect(Math.max(...outcomes.map((o) => o.ms))).toBeLessThan(20000);
});

test('the damage reaches the parsers: most copies are refused, some read unchanged', () => {
  const refused = outcomes.filter((o) => o.result === 'refused').length;
  expect(refused).toBeGreaterThan(outcomes.length / 2);
});
