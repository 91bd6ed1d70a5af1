import { detectCsvSeparator, parseCsv, splitCsvRecords } from '../src/core/features/import/csv';
import { importCriteriaTable } from '../src/core/features/import/import-table';

interface Case {
  title: string;
  input: string;
  expected: Array<Array<string | null>>;
}

const cases: Case[] = [
  { title: 'commas, LF', input: 'a,b\nc,d\n', expected: [['a', 'b'], ['c', 'd']] },
  { title: 'semicolons with decimal commas inside fields', input: '1.1;Ban hành;2,5 điểm\r\n1.2;Báo cáo;0,5\r\n', expected: [['1.1', 'Ban hành', '2,5 điểm'], ['1.2', 'Báo cáo', '0,5']] },
  { title: 'tabs', input: 'STT\tNội dung\tĐiểm tối đa\nI\tLãnh đạo, chỉ đạo\t9', expected: [['STT', 'Nội dung', 'Điểm tối đa'], ['I', 'Lãnh đạo, chỉ đạo', '9']] },
  { title: 'UTF-8 BOM dropped', input: '\uFEFFSTT;Nội dung\n1;A\n', expected: [['STT', 'Nội dung'], ['1', 'A']] },
  { title: 'quoted fields: separator, doubled quotes, embedded CRLF', input: 'x,"a, ""b""\r\nc",y\r\n', expected: [['x', 'a, "b"\r\nc', 'y']] },
  { title: 'empty fields are null, blank lines keep their row', input: 'a;;b\n\n;c;\n', expected: [['a', null, 'b'], [null], [null, 'c', null]] },
  { title: 'lone CR line ends (old Mac)', input: 'a,b\rc,d', expected: [['a', 'b'], ['c', 'd']] },
  { title: '"sep=" hint honoured and dropped', input: 'sep=,\n1;2,3;4\n', expected: [['1;2', '3;4']] },
  { title: 'a quote inside an unquoted field stays', input: 'a 5" b,c\nd,e', expected: [['a 5" b', 'c'], ['d', 'e']] },
  { title: 'an unterminated quote runs to the end', input: 'a,"b\nc', expected: [['a', 'b\nc']] },
  { title: 'numbers stay text as written', input: '1.10;2,50;x\n', expected: [['1.10', '2,50', 'x']] },
];

describe('parseCsv', () => {
  it.each(cases.map((c) => [c.title, c] as [string, Case]))('%s', (_title, c) => {
    const grid = parseCsv(c.input, 'bang.csv');
    expect(grid.values).toEqual(c.expected);
    expect(grid.name).toBe('bang.csv');
    expect(grid.formulas.length).toBe(c.expected.length);
    expect(grid.merges).toEqual([]);
  });
});

describe('detectCsvSeparator', () => {
  const separatorCases: Array<{ title: string; input: string; expected: string }> = [
    { title: 'semicolon file whose text is full of commas', input: 'STT;Lĩnh vực, tiêu chí;Điểm;Cách chấm\nI;Lãnh đạo, chỉ đạo;9,5;\n1;Kế hoạch, báo cáo;2,5;Đúng hạn: 2,5 điểm, chậm: 1 điểm\n', expected: ';' },
    { title: 'comma file with semicolons in quoted text', input: 'STT,Nội dung,Điểm\n1,"Đúng hạn; chậm",2\n2,B,1\n', expected: ',' },
    { title: 'tab file (Excel "Unicode text")', input: 'STT\tNội dung, tiêu chí\tĐiểm\n1\tA, B\t2,5\n', expected: '\t' },
    { title: 'same consistency: more fields wins', input: '1;a,b;2\n2;c,d;3\n', expected: ';' },
    { title: 'one column only: comma by default', input: 'a\nb\n', expected: ',' },
  ];
  it.each(separatorCases.map((c) => [c.title, c] as [string, typeof c]))('%s', (_title, c) => {
    expect(detectCsvSeparator(c.input)).toBe(c.expected);
  });

  it('splitCsvRecords stops at the record limit', () => {
    expect(splitCsvRecords('a\nb\nc\n', ',', 2)).toEqual([['a'], ['b']]);
  });
});

describe('a criteria table saved by a Vietnamese Excel as CSV (";", BOM, CRLF)', () => {
  const text = '\uFEFF' + [
    'BỘ TIÊU CHÍ CHỈ SỐ CCHC CẤP XÃ;;;',
    'STT;Lĩnh vực, tiêu chí;Điểm tối đa;Cách chấm điểm',
    '(1);(2);(3);(4)',
    'I;Công tác lãnh đạo, chỉ đạo;3;',
    '1.;Kế hoạch CCHC;2,5 điểm;"Ban hành đúng hạn: 2,5 điểm;',
    'chậm: 1 điểm"',
    '2.;Báo cáo;0,5;Đủ: 0,5 điểm',
    'TỔNG CỘNG;;3;',
  ].join('\r\n') + '\r\n';

  it('imports, with the multi-line quoted method and row numbers counted as Excel would', () => {
    const result = importCriteriaTable(parseCsv(text, 'bang.csv'));
    expect(result.problems).toEqual([]);
    const set = result.set!;
    expect(set.title).toBe('BỘ TIÊU CHÍ CHỈ SỐ CCHC CẤP XÃ');
    expect(set.nodes[0].children!.map((n) => [n.code, n.stt, n.max, n.levels])).toEqual([
      ['1.1', '1', 2.5, [0, 1, 2.5]],
      ['1.2', '2', 0.5, [0, 0.5]],
    ]);
    expect(set.nodes[0].children![0].method).toBe('Ban hành đúng hạn: 2,5 điểm;\nchậm: 1 điểm');
    const broken = importCriteriaTable(parseCsv(text.replace('TỔNG CỘNG;;3;', 'TỔNG CỘNG;;4;'), 'bang.csv'));
    expect(broken.problems.map((p) => p.message.vi)).toEqual(['Dòng 7: dòng tổng cộng ghi 4 điểm nhưng các lĩnh vực cộng lại 3 điểm.']);
  });
});
