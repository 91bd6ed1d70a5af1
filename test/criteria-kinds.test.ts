// Scoring kinds, KAD rules, appraisal-only items and bands in a criteria set: what the JSON may say,
// what each rule allows, and that the workbook's very hidden _cchc sheet carries them (and older
// workbooks without them still read).

import { parseCriteriaSet } from '../src/core/model/criteria-parse';
import { CriteriaNode, UnitType } from '../src/core/model/criteria';
import {
  allowedScores, isAllowedHundredths, mayBeNotApplicable, pointsFromFigure, stepScores, figureFormula,
} from '../src/core/model/criteria-kinds';
import { toHundredths } from '../src/core/model/points';
import { buildWorkbookPlan } from '../src/core/sheets/workbook';
import { planToGrids } from '../src/core/model/plan';
import { readMeta } from '../src/core/sheets/meta';
import { SHEETS } from '../src/core/model/layout';
import { KINDS_SET_RAW, kindsSet } from './helpers/kinds';
import { SMALL_SET_RAW } from './helpers/scoring';

type Leaf = Record<string, unknown>;

/** A one-domain set around one leaf (max 2 unless the leaf says otherwise). */
function withLeaf(leaf: Leaf): unknown {
  const max = typeof leaf.max === 'number' ? leaf.max : 2;
  return {
    id: 't', title: 'T', status: 'reference',
    nodes: [{ code: '1', stt: 'I', name: 'Lĩnh vực', max, children: [{ code: '1.1', stt: '1', name: 'Mục', max, ...leaf }] }],
  };
}

describe('what a leaf may say about how it is scored', () => {
  const cases: Array<{ title: string; leaf: Leaf; expected: Partial<CriteriaNode> | RegExp }> = [
    { title: 'proportional', leaf: { scoring: { kind: 'proportional' } }, expected: { scoring: { kind: 'proportional' } } },
    { title: 'proportional with a rate', leaf: { scoring: { kind: 'proportional', figure: true } }, expected: { scoring: { kind: 'proportional', figure: true } } },
    { title: 'counted', leaf: { scoring: { kind: 'count', step: 0.25 } }, expected: { scoring: { kind: 'count', step: 0.25 } } },
    { title: 'deduction with a count of occurrences', leaf: { scoring: { kind: 'deduction', step: 0.5, figure: true } }, expected: { scoring: { kind: 'deduction', step: 0.5, figure: true } } },
    { title: 'figure: false is dropped', leaf: { scoring: { kind: 'count', step: 0.5, figure: false } }, expected: { scoring: { kind: 'count', step: 0.5 } } },
    { title: 'unknown kind', leaf: { scoring: { kind: 'percent' } }, expected: /"scoring" phải là/ },
    { title: 'scoring not an object', leaf: { scoring: 'proportional' }, expected: /"scoring" phải là/ },
    { title: 'count without a step', leaf: { scoring: { kind: 'count' } }, expected: /cần "step"/ },
    { title: 'a step finer than hundredths', leaf: { scoring: { kind: 'deduction', step: 0.125 } }, expected: /cần "step"/ },
    { title: 'a step above the maximum', leaf: { scoring: { kind: 'count', step: 3 } }, expected: /cần "step".*điểm tối đa 2/ },
    { title: 'a zero step', leaf: { scoring: { kind: 'count', step: 0 } }, expected: /cần "step"/ },
    { title: 'a proportional step', leaf: { scoring: { kind: 'proportional', step: 0.5 } }, expected: /không có "step"/ },
    { title: 'levels beside a kind', leaf: { levels: [0, 2], scoring: { kind: 'proportional' } }, expected: /không ghi thêm "levels"/ },
    { title: 'figure not a boolean', leaf: { scoring: { kind: 'proportional', figure: 'yes' } }, expected: /"figure" phải là true hoặc false/ },
    { title: 'KAD for every unit', leaf: { notApplicable: true }, expected: { notApplicable: true } },
    { title: 'KAD never', leaf: { notApplicable: false }, expected: { notApplicable: false } },
    { title: 'KAD for some unit types, in a fixed order', leaf: { notApplicable: ['thi-tran', 'phuong'] }, expected: { notApplicable: ['phuong', 'thi-tran'] } },
    { title: 'an unknown unit type', leaf: { notApplicable: ['huyen'] }, expected: /"notApplicable" phải là true, false hoặc danh sách/ },
    { title: 'an empty list of unit types', leaf: { notApplicable: [] }, expected: /"notApplicable" phải là/ },
    { title: 'full marks when nothing arose', leaf: { levels: [0, 2], notArising: 'max' }, expected: { notArising: 'max', levels: [0, 2] } },
    { title: 'notArising other than max', leaf: { notArising: 0 }, expected: /"notArising" chỉ nhận "max"/ },
    { title: 'scored at appraisal', leaf: { scoredBy: '  Khảo sát   sự hài lòng ' }, expected: { scoredBy: 'Khảo sát sự hài lòng' } },
    { title: 'scoredBy empty', leaf: { scoredBy: ' ' }, expected: /"scoredBy" phải là tên nơi chấm/ },
  ];
  test.each(cases)('$title', ({ leaf, expected }) => {
    const { set, problems } = parseCriteriaSet(withLeaf(leaf));
    if (expected instanceof RegExp) {
      expect(set).toBeNull();
      expect(problems.map((p) => p.message.vi).join('\n')).toMatch(expected);
      expect(problems.every((p) => p.message.en.length > 0)).toBe(true);
    } else {
      expect(problems).toEqual([]);
      expect(set!.nodes[0].children![0]).toMatchObject(expected);
      for (const key of Object.keys(leaf)) if (!(key in expected) && key !== 'max') expect(set!.nodes[0].children![0]).not.toHaveProperty(key);
    }
  });

  test('a parent may not carry a leaf rule', () => {
    const raw = withLeaf({}) as { nodes: Array<Record<string, unknown>> };
    raw.nodes[0].scoring = { kind: 'proportional' };
    raw.nodes[0].scoredBy = 'Khảo sát';
    const { problems } = parseCriteriaSet(raw);
    expect(problems.map((p) => p.message.vi)).toEqual([
      'Mục 1: chỉ tiêu chí lá (không có mục con) mới có "scoring".',
      'Mục 1: chỉ tiêu chí lá (không có mục con) mới có "scoredBy".',
    ]);
  });

  test('sets written before the new fields parse exactly as before', () => {
    const { set, problems } = parseCriteriaSet(JSON.parse(JSON.stringify(SMALL_SET_RAW)));
    expect(problems).toEqual([]);
    expect(JSON.stringify(set)).not.toMatch(/scoring|notApplicable|notArising|scoredBy/);
  });
});

describe('which scores each kind allows', () => {
  const node = (n: Partial<CriteriaNode>): CriteriaNode => ({ code: '1', stt: '1', name: 'x', max: 2, ...n });
  const cases: Array<{ title: string; node: CriteriaNode; allowed: number[]; refused: number[]; listed: number[] | null }> = [
    { title: 'levels', node: node({ levels: [0, 1, 2] }), allowed: [0, 1, 2], refused: [0.5, 1.99], listed: [0, 1, 2] },
    { title: 'no levels: any hundredth', node: node({}), allowed: [0, 0.01, 1.86, 2], refused: [], listed: null },
    { title: 'proportional', node: node({ scoring: { kind: 'proportional' } }), allowed: [0, 1.86, 2], refused: [], listed: null },
    { title: 'count 0,25 up to 1', node: node({ max: 1, scoring: { kind: 'count', step: 0.25 } }), allowed: [0, 0.25, 0.5, 0.75, 1], refused: [0.1, 0.3, 0.8], listed: [0, 0.25, 0.5, 0.75, 1] },
    { title: 'count 0,3 up to 1: the cap itself', node: node({ max: 1, scoring: { kind: 'count', step: 0.3 } }), allowed: [0, 0.3, 0.6, 0.9, 1], refused: [0.5, 0.95], listed: [0, 0.3, 0.6, 0.9, 1] },
    { title: 'deduction 0,5 from 2', node: node({ scoring: { kind: 'deduction', step: 0.5 } }), allowed: [2, 1.5, 1, 0.5, 0], refused: [1.75, 0.25], listed: [0, 0.5, 1, 1.5, 2] },
    { title: 'deduction 0,75 from 2: down to 0', node: node({ scoring: { kind: 'deduction', step: 0.75 } }), allowed: [2, 1.25, 0.5, 0], refused: [1.5, 1, 0.75], listed: [0, 0.5, 1.25, 2] },
  ];
  test.each(cases)('$title', ({ node: n, allowed, refused, listed }) => {
    const rule = allowedScores(n);
    for (const v of allowed) expect([v, isAllowedHundredths(rule, toHundredths(v))]).toEqual([v, true]);
    for (const v of refused) expect([v, isAllowedHundredths(rule, toHundredths(v))]).toEqual([v, false]);
    expect(stepScores(rule)).toEqual(listed);
  });

  test('a long run of steps is not listed', () => {
    expect(stepScores(allowedScores(node({ max: 10, scoring: { kind: 'count', step: 0.25 } })))).toBeNull();
  });
});

describe('points from the figure the unit enters', () => {
  const node = (scoring: CriteriaNode['scoring'], max = 2): CriteriaNode => ({ code: '1', stt: '1', name: 'x', max, scoring });
  const cases: Array<{ title: string; node: CriteriaNode; figure: number; expected: number | null }> = [
    { title: '93% of 2', node: node({ kind: 'proportional', figure: true }), figure: 0.93, expected: 1.86 },
    { title: '100% of 2', node: node({ kind: 'proportional', figure: true }), figure: 1, expected: 2 },
    { title: 'a half rounds up: 92,5% of 1,5', node: node({ kind: 'proportional', figure: true }, 1.5), figure: 0.925, expected: 1.39 },
    { title: 'a rate from a division, to 4 decimals first', node: node({ kind: 'proportional', figure: true }), figure: 45 / 47, expected: 1.91 },
    { title: 'over 100%', node: node({ kind: 'proportional', figure: true }), figure: 1.01, expected: null },
    { title: 'negative', node: node({ kind: 'proportional', figure: true }), figure: -0.1, expected: null },
    { title: '3 items of 0,25', node: node({ kind: 'count', step: 0.25, figure: true }, 1), figure: 3, expected: 0.75 },
    { title: '6 items of 0,25: the cap', node: node({ kind: 'count', step: 0.25, figure: true }, 1), figure: 6, expected: 1 },
    { title: '2 occurrences at 0,5 off 2', node: node({ kind: 'deduction', step: 0.5, figure: true }), figure: 2, expected: 1 },
    { title: '9 occurrences: down to 0', node: node({ kind: 'deduction', step: 0.5, figure: true }), figure: 9, expected: 0 },
    { title: 'no figure asked for', node: node({ kind: 'proportional' }), figure: 0.5, expected: null },
  ];
  test.each(cases)('$title', ({ node: n, figure, expected }) => {
    expect(pointsFromFigure(n, figure)).toBe(expected);
  });

  test('the sheet computes the same points (formula text)', () => {
    expect(figureFormula(node({ kind: 'proportional', figure: true }), 'E9')).toBe('ROUND(ROUND(E9,4)*2,2)');
    expect(figureFormula(node({ kind: 'count', step: 0.25, figure: true }, 1), 'E9')).toBe('MIN(1,INT(E9)*0.25)');
    expect(figureFormula(node({ kind: 'deduction', step: 0.5, figure: true }), 'E9')).toBe('MAX(0,2-INT(E9)*0.5)');
    expect(figureFormula(node({ kind: 'deduction', step: 0.5 }), 'E9')).toBeNull();
  });
});

describe('where KAD may be written', () => {
  const set = kindsSet();
  const leaf = (code: string) => set.nodes.flatMap((d) => d.children!).filter((n) => n.code === code)[0];
  const cases: Array<{ code: string; type: UnitType; expected: boolean }> = [
    { code: '2.2', type: 'xa', expected: false },
    { code: '2.2', type: 'phuong', expected: true },
    { code: '2.2', type: 'thi-tran', expected: true },
    { code: '2.4', type: 'xa', expected: true },
    // The set lists KAD items: one that says nothing may not be KAD.
    { code: '1.1', type: 'xa', expected: false },
    { code: '2.1', type: 'phuong', expected: false },
  ];
  test.each(cases)('$code for $type: $expected', ({ code, type, expected }) => {
    expect(mayBeNotApplicable(set, leaf(code), type)).toBe(expected);
  });

  test('a set that lists no KAD item lets every item be KAD, as before', () => {
    const { set: plain } = parseCriteriaSet(JSON.parse(JSON.stringify(SMALL_SET_RAW)));
    const first = plain!.nodes[0].children![0].children![0];
    expect(UNIT_TYPES_ALL.map((t) => mayBeNotApplicable(plain!, first, t))).toEqual([true, true, true]);
  });

  test('notApplicable: false alone forbids that item only', () => {
    const raw = JSON.parse(JSON.stringify(SMALL_SET_RAW));
    raw.nodes[0].children[1].notApplicable = false;
    const { set: s } = parseCriteriaSet(raw);
    expect(mayBeNotApplicable(s!, s!.nodes[0].children![1], 'xa')).toBe(false);
    expect(mayBeNotApplicable(s!, s!.nodes[0].children![0].children![0], 'xa')).toBe(true);
  });
});

const UNIT_TYPES_ALL: UnitType[] = ['xa', 'phuong', 'thi-tran'];

describe('the _cchc sheet carries the new fields', () => {
  const metaGrid = (set = kindsSet()) => planToGrids(buildWorkbookPlan({ set, unit: 'Xã Đồng Thịnh', year: 2024 })).sheets.filter((s) => s.name === SHEETS.meta)[0];

  test('a set with every kind reads back equal', () => {
    const result = readMeta(metaGrid());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.meta.set).toEqual(kindsSet());
  });

  test('a workbook written before the rules column reads as before', () => {
    const grid = metaGrid(parseCriteriaSet(JSON.parse(JSON.stringify(SMALL_SET_RAW))).set!);
    // As an older version wrote it: six node columns, no 'rules'.
    for (const row of grid.values) if (row.length > 6) row.length = 6;
    const header = grid.values.findIndex((r) => r[0] === 'code');
    expect(grid.values[header]).toEqual(['code', 'stt', 'name', 'max', 'levels', 'method']);
    const result = readMeta(grid);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.meta.set).toEqual(parseCriteriaSet(JSON.parse(JSON.stringify(SMALL_SET_RAW))).set);
  });

  test('an edited rules cell makes the sheet damaged, with the reason', () => {
    const grid = metaGrid();
    const row = grid.values.findIndex((r) => r[0] === '1.4');
    grid.values[row][6] = '{"scoring":{"kind":"count","step":5}}';
    const result = readMeta(grid);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message.vi).join(' ')).toMatch(/Mục 1.4: cách chấm "count" cần "step"/);
  });

  test('the bundled-style fixture is what the tests think it is', () => {
    expect(kindsSet().nodes.length).toBe(KINDS_SET_RAW.nodes.length);
  });
});
