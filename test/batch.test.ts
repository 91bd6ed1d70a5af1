// Batches of workbooks keep one workbook at a time: `cchc check` prints each file's report as soon as
// it is checked (the JSON document item by item), and the district summary keeps of each workbook only
// its row of the ranking or its reason to be set apart. What they print must not change for it: the
// JSON is byte for byte what one JSON.stringify of every report gives, a batch says what each file
// checked alone says, and the summary is the same whether its inputs live on or are gone.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { jsonArrayWriter } from '../src/cli/io';
import { checkWorkbook } from '../src/core/check/check';
import { SummaryInput, summarize, summaryAccumulator } from '../src/core/features/district-summary';
import { planToGrids } from '../src/core/model/plan';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { cchc } from './helpers/cli';
import { Scores, entriesOf, extrasSet, writeCommune } from './helpers/communes';
import { smallSet } from './helpers/scoring';

describe('the JSON document printed item by item', () => {
  const cases: Array<{ title: string; items: unknown[] }> = [
    { title: 'no item', items: [] },
    { title: 'one item', items: [{ file: 'a.xlsx', error: null, nodes: [{ code: '1', self: 0.5 }] }] },
    {
      title: 'several items, nested lists, texts with line breaks and quotes',
      items: [
        { file: 'a.xlsx', issues: [{ message: 'Dòng 1\nDòng 2 "trích"' }], total: { cells: {} } },
        { file: 'b.xlsx', error: 'Tệp b.xlsx bị hỏng.' },
        { file: 'c.xlsx', nodes: [], extras: [[1, [2, []]]] },
      ],
    },
  ];
  test.each(cases)('$title: exactly JSON.stringify of the whole document', ({ items }) => {
    let out = '';
    const writer = jsonArrayWriter({ out: (s) => (out += s) }, 'files');
    for (const item of items) writer.add(item);
    writer.end();
    expect(out).toBe(JSON.stringify({ files: items }, null, 2) + '\n');
  });
});

describe('cchc check of several files', () => {
  let dir: string;
  const FULL: Scores = { '1.1.1': 1, '1.1.2': 1, '1.2': 1, '2.1.1': 0.5, '2.1.2': 1.5 };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-batch-'));
    const set = smallSet();
    await writeCommune(dir, { file: 'du.xlsx', unit: 'Xã An Khánh', set, self: FULL });
    await writeCommune(dir, { file: 'thieu.xlsx', unit: 'Xã Bình Sơn', set, self: { '1.1.1': 1 } });
    await writeCommune(dir, { file: 'loi.xlsx', unit: 'Xã Cù Vân', set, self: { ...FULL, '1.1.1': 1.5 } });
    fs.writeFileSync(path.join(dir, 'hong.xlsx'), 'không phải tệp Excel');
  });

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const cases: Array<{ title: string; files: string[]; code: number }> = [
    { title: 'all clean', files: ['du.xlsx', 'du.xlsx'], code: 0 },
    { title: 'warnings only', files: ['du.xlsx', 'thieu.xlsx'], code: 0 },
    { title: 'an error after clean files', files: ['du.xlsx', 'thieu.xlsx', 'loi.xlsx'], code: 1 },
    { title: 'an unreadable file before an error', files: ['hong.xlsx', 'loi.xlsx', 'du.xlsx'], code: 2 },
    { title: 'an error before an unreadable file', files: ['loi.xlsx', 'hong.xlsx'], code: 2 },
  ];

  test.each(cases)('$title: each file reported as alone, exit $code', async ({ files, code }) => {
    const alone = await Promise.all(files.map((f) => cchc(dir, 'check', f, '--json')));
    const batch = await cchc(dir, 'check', ...files, '--json');
    expect(batch.code).toBe(code);
    expect(JSON.parse(batch.out)).toEqual({ files: alone.map((a) => JSON.parse(a.out).files[0]) });
    const text = await cchc(dir, 'check', ...files);
    const textAlone = await Promise.all(files.map((f) => cchc(dir, 'check', f)));
    expect(text.code).toBe(code);
    expect(text.out).toBe(textAlone.map((a) => a.out).join('\n'));
  });
});

describe('the district summary one workbook at a time', () => {
  const FULL: Scores = { '1.1.1': 1, '1.1.2': 1, '1.2': 1, '2.1.1': 0.5, '2.1.2': 1.5 };
  function inputs(): SummaryInput[] {
    const commune = (file: string, unit: string, self: Scores, options: { year?: number; extras?: boolean } = {}): SummaryInput => {
      const set = options.extras ? extrasSet() : smallSet();
      const grids = planToGrids(buildWorkbookPlan({ set, unit, year: options.year || 2024, entries: entriesOf(self) }));
      return { file, report: { file, ...checkWorkbook(grids) }, set };
    };
    return [
      commune('a.xlsx', 'Xã An Khánh', FULL),
      commune('b.xlsx', 'Xã Bình Sơn', { ...FULL, '1.1.2': 0.5 }),
      commune('c.xlsx', 'Xã Cù Vân', { ...FULL, '1.1.1': 1.5 }),
      commune('d.xlsx', 'Xã Dân Tiến', FULL, { year: 2023 }),
      commune('e.xlsx', 'Xã Hà Thượng', FULL, { extras: true }),
      commune('f.xlsx', 'Xã An Khánh', { ...FULL, '1.2': 0 }),
      { file: 'hong.xlsx', report: { file: 'hong.xlsx', error: 'Tệp hong.xlsx bị hỏng.' }, set: null },
    ];
  }

  test('keeps nothing of a workbook once added: wiping the inputs afterwards changes nothing', () => {
    const expected = summarize(inputs(), 'self');
    const accumulator = summaryAccumulator('self');
    for (const input of inputs()) {
      accumulator.add(input);
      // What a summary must not hold on to: the nodes, the issues, the totals.
      input.report.nodes = [];
      input.report.issues = [];
      input.report.total = undefined;
      input.report.unit = 'đã xóa';
    }
    const { summary, set } = accumulator.result();
    expect(summary).toEqual(expected);
    expect(summary.units.map((u) => u.unit)).toEqual(['Xã An Khánh', 'Xã Bình Sơn']);
    expect(set).toEqual(smallSet());
  });
});
