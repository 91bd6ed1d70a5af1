// The hostile corpus (test/fixtures/hostile, written by its generate.ts): every file ends in a clear
// Vietnamese refusal, no stack trace, within bounded time (and, for the bombs, bounded memory), and
// is left exactly as it was. Time limits here are generous; the bench tracks real timings.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SMALL_SET_RAW } from './helpers/scoring';
import { CLIMBING_LINKS } from './fixtures/hostile/generate';
import { STACK_FRAME, cchc, cchcProcess, fingerprint } from './helpers/cli';
import { parseCriteriaSet } from '../src/core/model/criteria-parse';

const CORPUS = path.join(__dirname, 'fixtures', 'hostile');
const SECONDS = 1000;

/** Files given where a scoring workbook is expected, and what the refusal must say. */
const WORKBOOKS: Array<{ file: string; message: RegExp }> = [
  { file: 'truncated.xlsx', message: /bị hỏng/ },
  { file: 'random-bytes.xlsx', message: /không phải tệp Excel/ },
  { file: 'zip-without-workbook.xlsx', message: /tệp nén nhưng không phải sổ làm việc Excel/ },
  { file: 'empty.xlsx', message: /rỗng/ },
  { file: 'bad-checksum.xlsx', message: /bị hỏng/ },
  { file: 'bomb-declared.xlsx', message: /quá lớn để là một bảng chấm điểm/ },
  { file: 'bomb-lying-size.xlsx', message: /giải nén ra nhiều hơn kích thước nó khai báo/ },
  { file: 'bomb-overlapping.xlsx', message: /giải nén ra quá lớn/ },
  { file: 'entity-expansion.xlsx', message: /bị hỏng \(phần xl\/sharedStrings.xml chứa khai báo DTD\)/ },
  { file: 'huge-sheet.xlsx', message: /trải quá rộng/ },
  { file: 'whole-sheet-merge.xlsx', message: /phủ quá nhiều ô/ },
  { file: 'whole-sheet-validation.xlsx', message: /phủ quá nhiều ô/ },
  { file: 'huge-defined-name.xlsx', message: /phủ quá nhiều ô/ },
  { file: 'too-many-merges.xlsx', message: /hơn 10000 vùng ô gộp/ },
  { file: 'columns-past-xfd.xlsx', message: /định nghĩa cột thứ 300000000, quá cột cuối cùng XFD/ },
  { file: 'legacy.xls', message: /định dạng Excel cũ \(\.xls\)/ },
  { file: 'legacy-renamed.xlsx', message: /định dạng Excel cũ \(\.xls\)/ },
  { file: 'spreadsheet.ods', message: /OpenDocument \(\.ods\)/ },
  { file: 'password.xlsx', message: /được đặt mật khẩu/ },
  { file: 'table.csv', message: /tệp văn bản \(CSV\)/ },
  { file: 'csv-renamed.xlsx', message: /tệp văn bản \(CSV\)/ },
  { file: 'criteria-renamed.xlsx', message: /là tệp JSON, không phải tệp Excel/ },
];

/** Files whose refusal must also hold within a small heap: each would otherwise inflate or expand. */
const BOUNDED_MEMORY = ['bomb-declared.xlsx', 'bomb-lying-size.xlsx', 'bomb-overlapping.xlsx', 'entity-expansion.xlsx', 'huge-sheet.xlsx',
  'whole-sheet-merge.xlsx', 'whole-sheet-validation.xlsx', 'huge-defined-name.xlsx', 'too-many-merges.xlsx', 'columns-past-xfd.xlsx'];

/** Criteria sets no build may use: inconsistent or not JSON at all, each is refused with exit 2. */
const CRITERIA: Array<{ file: string; code: number; message: RegExp }> = [
  { file: 'criteria-duplicate-codes.json', code: 2, message: /Mã 1\.1 bị trùng/ },
  { file: 'criteria-negative-max.json', code: 2, message: /điểm tối đa phải là số không âm/ },
  { file: 'criteria-text-max.json', code: 2, message: /điểm tối đa phải là số không âm.*"mười"/ },
  { file: 'criteria-cycle.json', code: 2, message: /Mã 1 bị trùng/ },
  { file: 'criteria-deep.json', code: 2, message: /sâu quá 8 cấp/ },
  { file: 'criteria-too-many.json', code: 2, message: /hơn 20000 mục: quá lớn/ },
  { file: 'criteria-broken.json', code: 2, message: /không phải JSON hợp lệ/ },
];

/** A readable workbook whose evidence links climb out of the evidence folder. */
const EVIDENCE_WORKBOOK = 'evidence-climbing.xlsx';

let dir: string;
let good: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-hostile-'));
  fs.writeFileSync(path.join(dir, 'small.json'), JSON.stringify(SMALL_SET_RAW));
  const built = await cchc(dir, 'build', '--unit', 'Xã Đồng Thịnh', '--year', '2024', '--criteria', 'small.json', '--out', 'good.xlsx');
  expect(built.code).toBe(0);
  good = path.join(dir, 'good.xlsx');
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function corpus(file: string): string {
  return path.join(CORPUS, file);
}

test('the corpus is complete and small', () => {
  const files = fs.readdirSync(CORPUS).filter((f) => f !== 'generate.ts');
  expect(files.sort()).toEqual(WORKBOOKS.map((w) => w.file).concat(CRITERIA.map((c) => c.file), EVIDENCE_WORKBOOK).sort());
  const bytes = files.reduce((n, f) => n + fs.statSync(corpus(f)).size, 0);
  expect(bytes).toBeLessThan(2 * 1024 * 1024);
});

describe.each(WORKBOOKS)('$file', ({ file, message }) => {
  test('cchc check refuses it with exit 2 and a clear message', async () => {
    const before = fingerprint(corpus(file));
    const ran = await cchc(dir, 'check', corpus(file));
    expect(ran.code).toBe(2);
    expect(ran.out).toMatch(message);
    expect(ran.out + ran.err).not.toMatch(STACK_FRAME);
    expect(ran.ms).toBeLessThan(20 * SECONDS);
    expect(fingerprint(corpus(file))).toBe(before);
  });

  test('cchc check --json reports it as an error entry without nodes', async () => {
    const ran = await cchc(dir, 'check', '--json', corpus(file));
    const report = JSON.parse(ran.out);
    expect(ran.code).toBe(2);
    expect(report.files[0].error).toMatch(message);
    expect(report.files[0].nodes).toBeUndefined();
  });

  test('cchc build --from refuses it and writes nothing', async () => {
    const before = fingerprint(corpus(file));
    const ran = await cchc(dir, 'build', '--from', corpus(file), '--out', 'rebuilt.xlsx');
    expect(ran.code).toBe(2);
    expect(ran.err).toMatch(message);
    expect(ran.out + ran.err).not.toMatch(STACK_FRAME);
    expect(fs.existsSync(path.join(dir, 'rebuilt.xlsx'))).toBe(false);
    expect(fingerprint(corpus(file))).toBe(before);
  });
});

describe('refusals hold within a small heap', () => {
  test.each(BOUNDED_MEMORY)('%s: refused by a Node limited to 256 MB', (file) => {
    const ran = cchcProcess(dir, 256, 60 * SECONDS, 'check', corpus(file));
    expect(ran.signal).toBeNull();
    expect(ran.code).toBe(2);
    expect(ran.out).toMatch(WORKBOOKS.filter((w) => w.file === file)[0].message);
    expect(ran.err).toBe('');
  });
});

describe.each(CRITERIA)('$file', ({ file, code, message }) => {
  test('cchc build --criteria refuses it, lists the problem and writes nothing', async () => {
    const before = fingerprint(corpus(file));
    const ran = await cchc(dir, 'build', '--unit', 'Xã A', '--year', '2024', '--criteria', corpus(file), '--out', 'new.xlsx');
    expect(ran.code).toBe(code);
    expect(ran.err).toMatch(message);
    expect(ran.out + ran.err).not.toMatch(STACK_FRAME);
    expect(ran.ms).toBeLessThan(20 * SECONDS);
    expect(fs.existsSync(path.join(dir, 'new.xlsx'))).toBe(false);
    expect(fingerprint(corpus(file))).toBe(before);
  });

  test('cchc build --from with it as the new set refuses, leaving the old workbook as it was', async () => {
    const before = fingerprint(good);
    const ran = await cchc(dir, 'build', '--from', good, '--criteria', corpus(file), '--out', 'upgraded.xlsx');
    expect(ran.code).toBe(code);
    expect(ran.err).toMatch(message);
    expect(fs.existsSync(path.join(dir, 'upgraded.xlsx'))).toBe(false);
    expect(fingerprint(good)).toBe(before);
  });
});

test('a criteria set built in memory with a cycle is walked a bounded number of steps', () => {
  // JSON cannot hold a cycle, but the pane passes objects: the depth limit must stop the walk.
  const node: Record<string, unknown> = { code: '1', stt: 'I', name: 'Vòng', max: 1 };
  node.children = [node];
  const { set, problems } = parseCriteriaSet({ id: 'cycle', title: 'Vòng lặp', status: 'reference', nodes: [node] });
  expect(set).toBeNull();
  expect(problems.map((p) => p.message.vi).join('\n')).toMatch(/sâu quá 8 cấp/);
});

describe('evidence links that climb out of --evidence-root', () => {
  test('each is reported at its cell, none is probed or counted as found, the file is untouched', async () => {
    // bang.xlsx beside minh-chung/ (the root) and bi-mat.pdf, a file that exists but is outside it.
    const folder = path.join(dir, 'evidence');
    fs.mkdirSync(path.join(folder, 'minh-chung', '1.1.1'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'minh-chung', '1.1.1', 'ke-hoach.pdf'), 'pdf');
    fs.writeFileSync(path.join(folder, 'bi-mat.pdf'), 'bí mật');
    fs.copyFileSync(corpus(EVIDENCE_WORKBOOK), path.join(folder, 'bang.xlsx'));
    const before = fingerprint(path.join(folder, 'bang.xlsx'));
    const ran = await cchc(folder, 'check', 'bang.xlsx', '--evidence-root', 'minh-chung', '--json');
    expect(ran.code).toBe(1);
    const issues: Array<{ rule: string; sheet: string; message: string }> = JSON.parse(ran.out).files[0].issues;
    const about = (link: string) => issues.filter((i) => i.message.indexOf(`"${link}"`) >= 0).map((i) => i.rule);
    for (const link of CLIMBING_LINKS.slice(1, 7)) {
      expect({ link, rules: about(link) }).toEqual({ link, rules: ['evidence-not-found'] });
      expect(issues.filter((i) => i.message.indexOf(`"${link}"`) >= 0)[0].message).toMatch(/trỏ ra ngoài thư mục minh chứng/);
    }
    expect(about('javascript:alert(1)')).toEqual(['bad-link']);
    expect(about(CLIMBING_LINKS[0])).toEqual([]);
    expect(fingerprint(path.join(folder, 'bang.xlsx'))).toBe(before);
  });
});
