import { CriteriaNode, flattenSet } from '../src/core/model/criteria';
import { CellValue, SheetGrid } from '../src/core/model/grid';
import { importCriteriaTable } from '../src/core/features/import/import-table';
import bundledJson from '../src/criteria/thai-nguyen-xa-2024.json';
import { HEADER, MESSY_MERGES, messyRows } from './fixtures/import/messy-table';
import { findTableLayout } from '../src/core/features/import/table-header';
import { levelsFromMethod } from '../src/core/features/import/method-reading';
import { kindsAnnexRows } from './fixtures/import/kinds-annex';

function sheet(rows: CellValue[][], merges: string[] = [], name = 'Phụ lục'): SheetGrid {
  const empty = () => rows.map((r) => r.map((): string | null => null));
  return { name, visibility: 'visible', values: rows, formulas: empty(), hyperlinks: empty(), merges };
}

function withRows(changes: Record<number, CellValue[]>, rows = messyRows()): CellValue[][] {
  for (const excelRow of Object.keys(changes)) rows[Number(excelRow) - 1] = changes[Number(excelRow)];
  return rows;
}

/** The tree as short lines "code stt name max [levels]", easy to compare whole. */
function outline(nodes: CriteriaNode[]): string[] {
  return flattenSet({ id: 'x', title: 'x', status: 'reference', nodes }).map(({ node }) =>
    `${node.code} ${node.stt} ${node.name} ${node.max}${node.levels ? ' [' + node.levels.join(' ') + ']' : ''}`);
}

function messages(list: Array<{ vi: string } | { message: { vi: string } }>): string {
  return list.map((m) => ('message' in m ? m.message.vi : m.vi)).join('\n');
}

describe('importCriteriaTable on the messy table of the issue', () => {
  const result = importCriteriaTable(sheet(messyRows(), MESSY_MERGES), { id: 'thai-nguyen-xa-2025' });

  it('reads the tree with codes by position and the printed STT kept', () => {
    expect(result.problems).toEqual([]);
    expect(outline(result.set!.nodes)).toEqual([
      '1 I CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO 6',
      '1.1 1 Kế hoạch cải cách hành chính 3',
      '1.1.1 1.1 Ban hành kế hoạch CCHC năm 2.5 [0 1 2.5]',
      '1.1.2 1.2 Báo cáo CCHC định kỳ 0.5 [0 0.5]',
      '1.2 2 Kiểm tra cải cách hành chính 3',
      '1.2.1 a Ban hành kế hoạch kiểm tra 1 [0 1]',
      '1.2.2 b Thực hiện kiểm tra 2',
      '2 II CẢI CÁCH THỦ TỤC HÀNH CHÍNH 4',
      '2.1 1 Công khai thủ tục hành chính 2 [0 1 2]',
      '2.2 2 Tỷ lệ hồ sơ giải quyết đúng hạn 2 [0 1 2]',
    ]);
  });

  it('appends continuation rows to the scoring text, with the points of the row', () => {
    const flat = flattenSet(result.set!);
    const method = (code: string) => flat.filter((f) => f.code === code)[0].node.method;
    expect(method('1.1.1')).toBe('Ban hành trước ngày 31/12: 2,5 điểm;\nban hành chậm: 1 điểm; không ban hành: 0 điểm');
    expect(method('2.1')).toBe('Công khai đầy đủ: 2 điểm\nCông khai không đầy đủ: 1 điểm');
    expect(method('2.2')).toBe('Đạt 100%: 2 điểm\n- Từ 90% đến dưới 100%: 1 điểm\n- Dưới 90%: 0 điểm');
  });

  it('takes title, year and basis from the rows above the header, and the options given', () => {
    const set = result.set!;
    expect(set.id).toBe('thai-nguyen-xa-2025');
    expect(set.title).toBe('BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2025');
    expect(set.year).toBe(2025);
    expect(set.basis).toEqual(['Ban hành kèm theo Quyết định số 4203/QĐ-UBND ngày 30/12/2021 của UBND tỉnh']);
    expect(set.status).toBe('reference');
    const given = importCriteriaTable(sheet(messyRows(), MESSY_MERGES), { title: 'Bộ 2026', year: 2026, status: 'official' }).set!;
    expect([given.id, given.title, given.year, given.status]).toEqual(['imported', 'Bộ 2026', 2026, 'official']);
  });

  it('stops at TỔNG CỘNG and ignores the notes below, with no warning when the total matches', () => {
    expect(result.warnings).toEqual([]);
    expect(findTableLayout(sheet(messyRows(), MESSY_MERGES))).toEqual({ headerRow: 4, firstDataRow: 5, stt: 0, name: 1, max: 2, method: 3 });
  });
});

interface Case {
  title: string;
  rows: CellValue[][];
  merges?: string[];
  /** Expected outline lines, when the table imports. */
  tree?: string[];
  /** Fragments each expected in some problem (Vietnamese text). */
  problems?: string[];
  warnings?: string[];
}

const cases: Case[] = [
  {
    title: 'a TỔNG CỘNG that differs from the domains is a problem naming its row',
    rows: withRows({ 21: ['TỔNG CỘNG', null, '12 điểm'] }),
    merges: MESSY_MERGES,
    problems: ['Dòng 21: dòng tổng cộng ghi 12 điểm nhưng các lĩnh vực cộng lại 10 điểm.'],
  },
  {
    title: 'a parent whose points differ from its children is a problem naming its row',
    rows: withRows({ 8: ['1.', 'Kế hoạch cải cách hành chính', 4, null] }),
    merges: MESSY_MERGES,
    problems: ['Dòng 8 (1 Kế hoạch cải cách hành chính): điểm tối đa 4 nhưng các mục con cộng lại 3.'],
  },
  {
    title: 'a leaf without points is a problem',
    rows: withRows({ 11: ['1.2', 'Báo cáo CCHC định kỳ', null, 'Đủ, đúng hạn'] }),
    merges: MESSY_MERGES,
    problems: ['Dòng 11 (1.2 Báo cáo CCHC định kỳ): không có điểm tối đa.'],
  },
  {
    title: 'unreadable points are a problem, reported once',
    rows: withRows({ 11: ['1.2', 'Báo cáo CCHC định kỳ', 'nửa điểm', null] }),
    merges: MESSY_MERGES,
    problems: ['Dòng 11: không đọc được điểm "nửa điểm".'],
  },
  {
    title: 'an STT that Excel turned into a date gets a hint',
    rows: withRows({ 11: ['2024-01-02T00:00:00.000Z', 'Báo cáo CCHC định kỳ', 0.5, null] }),
    merges: MESSY_MERGES,
    problems: ['Dòng 11: không hiểu số thứ tự "2024-01-02T00:00:00.000Z". Excel đã đổi số thứ tự thành ngày tháng'],
  },
  {
    title: 'a row with STT and no name is a problem',
    rows: withRows({ 13: ['a)', null, 1, 'Có kế hoạch: 1 điểm'] }),
    merges: MESSY_MERGES,
    problems: ['Dòng 13: mục a không có tên'],
  },
  {
    title: 'no TỔNG CỘNG row: a warning, and a note after a blank row is not taken for a criterion',
    rows: [HEADER, ['I', 'Lãnh đạo', null], ['1', 'Kế hoạch', 1, 'Có: 1 điểm'], [], ['Điểm làm tròn đến 0,25.']],
    tree: ['1 I Lãnh đạo 1', '1.1 1 Kế hoạch 1 [0 1]'],
    warnings: ['Không thấy dòng TỔNG CỘNG'],
  },
  {
    title: 'domains numbered 1, 2 with criteria 1.1 and sub-criteria 1.1.1',
    rows: [
      ['Số TT', 'Nội dung', 'Thang điểm', 'Phương pháp chấm'],
      ['1', 'Công tác chỉ đạo', 3],
      ['1.1', 'Kế hoạch', 3],
      ['1.1.1', 'Ban hành', 2, 'Đúng hạn: 2 điểm; chậm: 1 điểm'],
      ['1.1.2', 'Triển khai', 1],
      ['2', 'Thủ tục hành chính', 2],
      ['2.1', 'Công khai', 2, 'Đủ: 2đ; thiếu: 0,5đ'],
      ['Tổng điểm', null, 5],
    ],
    tree: [
      '1 1 Công tác chỉ đạo 3', '1.1 1.1 Kế hoạch 3', '1.1.1 1.1.1 Ban hành 2 [0 1 2]', '1.1.2 1.1.2 Triển khai 1',
      '2 2 Thủ tục hành chính 2', '2.1 2.1 Công khai 2 [0 0.5 2]',
    ],
  },
  {
    title: 'domains lettered A., B. (and "I" then stays a letter), criteria restarting at 1',
    rows: [
      ['TT', 'Tiêu chí', 'Điểm chuẩn'],
      ['A.', 'Phần A', null], ['1', 'Một', 1], ['2', 'Hai', 1],
      ['B.', 'Phần B', null], ['1', 'Một', 2],
      ['I.', 'Phần I', null], ['1', 'Một', 1],
      ['Tổng cộng:', null, 5],
    ],
    tree: ['1 A Phần A 2', '1.1 1 Một 1', '1.2 2 Hai 1', '2 B Phần B 2', '2.1 1 Một 2', '3 I Phần I 1', '3.1 1 Một 1'],
    warnings: ['Dòng 7: số thứ tự I đứng sau B'],
  },
  {
    title: 'a two-row header ("Điểm" over "Tối đa | Tự chấm") and points in a merged domain cell "I. … (3 điểm)"',
    rows: [
      ['STT', 'Nội dung', 'Điểm', null, 'Hướng dẫn chấm điểm'],
      [null, null, 'Tự chấm', 'Tối đa', null],
      ['I. CÔNG TÁC CHỈ ĐẠO (3 điểm)', null, null, null, null],
      ['1', 'Kế hoạch', null, 3, 'Có: 3 điểm'],
      ['TỔNG CỘNG (I)', null, null, 3],
    ],
    merges: ['A1:A2', 'B1:B2', 'C1:D1', 'E1:E2', 'A3:E3'],
    tree: ['1 I CÔNG TÁC CHỈ ĐẠO 3', '1.1 1 Kế hoạch 3 [0 3]'],
  },
  {
    title: 'a Word cell split into paragraphs: name rows extend the name, a blank paragraph does not end the table',
    rows: [
      HEADER,
      ['I', 'Lãnh đạo', 2],
      ['1', 'Ban hành kế hoạch', 2, 'Đúng hạn: 2 điểm'],
      [null, '(kế hoạch riêng hoặc lồng ghép)', null, null],
      [null, null, null, null],
      [null, null, null, 'Chậm: 1 điểm'],
      ['TỔNG CỘNG', null, 2],
    ],
    merges: ['A3:A6', 'C3:C6'],
    tree: ['1 I Lãnh đạo 2', '1.1 1 Ban hành kế hoạch (kế hoạch riêng hoặc lồng ghép) 2 [0 1 2]'],
  },
  {
    title: 'a "Lưu ý" in the name column inside the table joins the scoring text and does not end the table',
    rows: [
      HEADER,
      ['I', 'Lãnh đạo', 3],
      ['1', 'Kế hoạch', 1, 'Có: 1 điểm'],
      [null, 'Lưu ý: kế hoạch phải có danh mục nhiệm vụ', null, null],
      ['2', 'Báo cáo', 2],
      ['TỔNG CỘNG', null, 3],
    ],
    tree: ['1 I Lãnh đạo 3', '1.1 1 Kế hoạch 1 [0 1]', '1.2 2 Báo cáo 2'],
  },
  {
    title: '"-" rows with points that add up to the criterion are its sub-criteria',
    rows: [
      HEADER,
      ['I', 'Lãnh đạo', 3],
      ['1', 'Kế hoạch', 3],
      ['-', 'Ban hành', 2, 'Có: 2 điểm'],
      ['-', 'Triển khai', 1],
      ['TỔNG CỘNG', null, 3],
    ],
    tree: ['1 I Lãnh đạo 3', '1.1 1 Kế hoạch 3', '1.1.1 - Ban hành 2 [0 2]', '1.1.2 - Triển khai 1'],
  },
  {
    title: '"-" rows with points that do not add up are scoring options of the criterion',
    rows: [
      HEADER,
      ['I', 'Lãnh đạo', 2],
      ['1', 'Kế hoạch', 2],
      ['-', 'Đúng hạn', 2],
      ['-', 'Chậm', 1],
      ['-', 'Không ban hành', 0],
      ['TỔNG CỘNG', null, 2],
    ],
    tree: ['1 I Lãnh đạo 2', '1.1 1 Kế hoạch 2 [0 1 2]'],
  },
  {
    title: 'a repeated header row and column-number row (a page break in Word) are skipped',
    rows: [HEADER, ['1', '2', '3', '4'], ['I', 'A', 1], ['1', 'B', 1], HEADER, ['(1)', '(2)', '(3)', '(4)'], ['II', 'C', 1], ['1', 'D', 1]],
    tree: ['1 I A 1', '1.1 1 B 1', '2 II C 1', '2.1 1 D 1'],
    warnings: ['Không thấy dòng TỔNG CỘNG'],
  },
  {
    title: 'a jump in the numbering and a sub-number under the wrong parent are warned about',
    rows: [HEADER, ['I', 'A', 3], ['1', 'B', 1], ['3', 'C', 2], ['2.1', 'D', 2], ['Tổng', null, 3]],
    tree: ['1 I A 3', '1.1 1 B 1', '1.2 3 C 2', '1.2.1 2.1 D 2'],
    warnings: ['Dòng 4: số thứ tự 3 đứng sau 1', 'Dòng 5: số thứ tự 2.1 nằm dưới mục 3'],
  },
  {
    title: 'a sheet with no recognisable header: a clear message',
    rows: [['Danh sách cán bộ'], ['Họ tên', 'Chức vụ'], ['Nguyễn Văn A', 'Chủ tịch']],
    problems: ['Không tìm thấy dòng tiêu đề của bảng tiêu chí trên trang "Phụ lục": cần các cột STT, Nội dung (hoặc Tiêu chí) và Điểm tối đa'],
  },
  {
    title: 'a header that lacks only the points column says so',
    rows: [['STT', 'Nội dung', 'Ghi chú'], ['1', 'A', null]],
    problems: ['Dòng 1 gần giống nhưng thiếu cột Điểm tối đa.'],
  },
  {
    title: 'a header and nothing below it',
    rows: [HEADER, ['(1)', '(2)', '(3)', '(4)', '(5)'], ['TỔNG CỘNG', null, 0]],
    problems: ['Không có tiêu chí nào dưới dòng tiêu đề (dòng 1)'],
  },
  {
    title: 'problems of the final validation name the source row (levels outside 0..max cannot arise; a max with 3 decimals can)',
    rows: [HEADER, ['I', 'A', null], ['1', 'B', 0.125], ['TỔNG CỘNG', null, 0.13]],
    problems: ['(dòng 3)'],
  },
];

describe('importCriteriaTable cases', () => {
  it.each(cases.map((c) => [c.title, c] as [string, Case]))('%s', (_title, c) => {
    const result = importCriteriaTable(sheet(c.rows, c.merges || []));
    if (c.tree) {
      expect(messages(result.problems)).toBe('');
      expect(outline(result.set!.nodes)).toEqual(c.tree);
    } else {
      expect(result.set).toBeNull();
    }
    for (const fragment of c.problems || []) expect(messages(result.problems)).toContain(fragment);
    for (const fragment of c.warnings || []) expect(messages(result.warnings)).toContain(fragment);
    if (!c.warnings) expect(messages(result.warnings)).toBe('');
    for (const p of result.problems) expect(p.message.en).not.toBe('');
  });
});

describe('levelsFromMethod', () => {
  const levelCases: Array<{ title: string; method: string; max: number; expected: number[] | undefined }> = [
    { title: 'amounts with decimal commas', method: 'đúng hạn: 1 điểm; chậm: 0,5 điểm; không: 0 điểm', max: 1, expected: [0, 0.5, 1] },
    { title: '0 and max always included', method: 'Có kế hoạch: 0,75 điểm', max: 1, expected: [0, 0.75, 1] },
    { title: 'amounts above max dropped', method: 'Đạt: 3 điểm; một phần: 1 điểm', max: 2, expected: [0, 1, 2] },
    { title: 'no amounts: no levels', method: 'Căn cứ kết quả kiểm tra', max: 2, expected: undefined },
    { title: '"Tối đa X điểm" only restates the max', method: 'Tối đa 2 điểm, tùy mức độ', max: 2, expected: undefined },
    { title: 'per-item scoring lists no levels', method: 'Mỗi văn bản đúng hạn được 0,25 điểm', max: 1, expected: undefined },
    { title: 'deductions list no levels', method: 'Đủ: 2 điểm; chậm trừ 0,5 điểm', max: 2, expected: undefined },
    { title: '"trừ trường hợp" is not a deduction', method: 'Đúng hạn: 1 điểm (trừ trường hợp bất khả kháng)', max: 1, expected: [0, 1] },
    { title: 'abbreviation "đ" and decimals with a point', method: 'Tốt: 1.5đ; Khá: 1đ', max: 1.5, expected: [0, 1, 1.5] },
    { title: 'percentages and dates are not points', method: 'Đạt 100% trước ngày 15/12/2024: 2 điểm', max: 2, expected: [0, 2] },
    { title: 'decomposed (NFD) text', method: 'Đúng hạn: 1 điểm'.normalize('NFD'), max: 1, expected: [0, 1] },
  ];
  it.each(levelCases.map((c) => [c.title, c] as [string, typeof c]))('%s', (_title, c) => {
    expect(levelsFromMethod(c.method, c.max)).toEqual(c.expected);
  });
});

describe('importCriteriaTable at full size', () => {
  const bundled = bundledJson as unknown as { nodes: CriteriaNode[] };

  /** The bundled set printed as a province prints it: Roman domains, numbering restarting per domain. */
  function tableOf(nodes: CriteriaNode[]): CellValue[][] {
    const rows: CellValue[][] = [['BỘ TIÊU CHÍ'], [], HEADER, ['(1)', '(2)', '(3)', '(4)', '(5)']];
    const walk = (list: CriteriaNode[]) => list.forEach((n) => {
      rows.push([n.stt, n.name, String(n.max).replace('.', ','), n.method || null]);
      if (n.children) walk(n.children);
    });
    walk(nodes);
    rows.push(['TỔNG CỘNG', null, 100]);
    return rows;
  }

  it('reads back the bundled Thái Nguyên commune set: same codes, STT, names, maxima, levels and "không phát sinh" items', () => {
    const result = importCriteriaTable(sheet(tableOf(bundled.nodes)));
    expect(messages(result.problems)).toBe('');
    const shape = (nodes: CriteriaNode[]) => flattenSet({ id: 'x', title: 'x', status: 'reference', nodes })
      .map(({ node }) => [node.code, node.stt, node.name, node.max, node.levels || null, node.notArising || null]);
    expect(shape(result.set!.nodes)).toEqual(shape(bundled.nodes));
  });

  it('stays quick on 20 040 rows under a merge that covers a whole column', () => {
    const rows: CellValue[][] = [HEADER];
    for (let d = 1; d <= 40; d++) {
      rows.push([String(d), `Lĩnh vực ${d}`, null]);
      for (let c = 1; c <= 500; c++) rows.push([`${d}.${c}`, `Tiêu chí ${d}.${c}`, '0,25 điểm', 'Đạt: 0,25 điểm']);
    }
    const started = Date.now();
    const result = importCriteriaTable(sheet(rows, ['F1:F1048576']));
    expect(Date.now() - started).toBeLessThan(10000);
    expect(messages(result.problems)).toContain('hơn 20000 mục');
  });
});

describe('importCriteriaTable on an annex that scores otherwise than by levels', () => {
  const result = importCriteriaTable(sheet(kindsAnnexRows()), { id: 'kinds-annex' });

  it('reads each leaf into its kind', () => {
    expect(result.problems).toEqual([]);
    const leaves = flattenSet(result.set!).filter((f) => f.leaf).map(({ node }) => {
      const { code, max, levels, scoring, notApplicable, notArising, scoredBy } = node;
      return JSON.parse(JSON.stringify({ code, max, levels, scoring, notApplicable, notArising, scoredBy }));
    });
    expect(leaves).toEqual([
      { code: '1.1', max: 1, levels: [0, 0.5, 1] },
      { code: '1.2', max: 2, scoring: { kind: 'proportional', figure: true } },
      { code: '1.3', max: 1, scoring: { kind: 'count', step: 0.25 } },
      { code: '1.4', max: 2, scoring: { kind: 'deduction', step: 0.5 } },
      { code: '1.5', max: 1, levels: [0, 1], notArising: 'max' },
      { code: '2.1', max: 1, levels: [0, 1], notApplicable: ['phuong', 'thi-tran'] },
      { code: '2.2', max: 2, scoredBy: 'Căn cứ kết quả khảo sát sự hài lòng của người dân do Sở Nội vụ thực hiện' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('names the row of a doubtful reading', () => {
    const rows = kindsAnnexRows();
    rows[8] = ['2', 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn', 2, 'Điểm = tỷ lệ % × 2,5 điểm'];
    const doubtful = importCriteriaTable(sheet(rows));
    expect(messages(doubtful.warnings)).toBe('Dòng 9: 2 Tỷ lệ hồ sơ TTHC giải quyết đúng hạn: cách chấm nhân tỷ lệ với 2,5 điểm nhưng điểm tối đa là 2: đã đọc là điểm = tỷ lệ × 2, hãy đối chiếu văn bản.');
  });
});
