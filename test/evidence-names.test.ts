import { dateCellText, findDate, findDocumentNumber, isDocumentNumber, parseCodes, tidyDate, tidyDocumentNumber } from '../src/core/model/evidence-format';
import { codeOfFolder, documentFromFileName, isIgnoredFile, leafFolderName } from '../src/core/features/evidence/folders';

describe('document numbers (số, ký hiệu)', () => {
  test.each([
    { input: '125/KH-UBND', ok: true },
    { input: '12/2023/QĐ-UBND', ok: true },
    { input: '01/CT-TTg', ok: true },
    { input: '190/HD-SNV', ok: true },
    { input: '125/UBND-VP', ok: true },
    { input: '15/NQ-HĐND', ok: true },
    { input: 'Số 125 / KH-UBND', ok: true },
    { input: '125/kh-ubnd', ok: false },
    { input: 'KH-UBND', ok: false },
    { input: '125', ok: false },
    { input: '125/KH-UBND ngày 20/12/2023', ok: false },
  ])('$input → $ok', ({ input, ok }) => {
    expect(isDocumentNumber(input)).toBe(ok);
  });

  test('tidying and finding numbers in text', () => {
    expect(tidyDocumentNumber(' Số: 125 / KH - UBND ')).toBe('125/KH-UBND');
    expect(findDocumentNumber('Kế hoạch số 125/KH-UBND ngày 20/12/2023 của UBND xã')).toBe('125/KH-UBND');
    expect(findDocumentNumber('Ảnh chụp niêm yết')).toBeNull();
  });
});

describe('dates', () => {
  test.each([
    { input: '20/12/2023', expected: '20/12/2023' },
    { input: '5/3/2024', expected: '05/03/2024' },
    { input: '05.03.2024', expected: '05/03/2024' },
    { input: '29/02/2024', expected: '29/02/2024' },
    { input: '29/02/2023', expected: null },
    { input: '31/04/2024', expected: null },
    { input: '2024-03-05', expected: null },
    { input: '12/2024', expected: null },
  ])('tidyDate($input)', ({ input, expected }) => {
    expect(tidyDate(input)).toBe(expected);
  });

  test('dates in text and date cells', () => {
    expect(findDate('125-KH-UBND ngay 20.12.2023 Ke hoach')).toBe('20/12/2023');
    expect(findDate('Bao cao 2024')).toBeNull();
    expect(dateCellText('2024-03-05T00:00:00.000Z')).toBe('05/03/2024');
    expect(dateCellText(45356)).toBe('05/03/2024'); // an Office.js date serial
    expect(dateCellText('20/12/2023')).toBe('20/12/2023');
  });
});

describe('criterion codes of a register cell', () => {
  test.each([
    { input: '1.1.1', expected: ['1.1.1'] },
    { input: '1.1.1; 2.3.1', expected: ['1.1.1', '2.3.1'] },
    { input: '1.1.1 , 1.2;;', expected: ['1.1.1', '1.2'] },
    { input: '1.1.1\n2.3.1', expected: ['1.1.1', '2.3.1'] },
    { input: '1.1.1;1.1.1', expected: ['1.1.1'] },
    { input: '', expected: [] },
  ])('"$input"', ({ input, expected }) => {
    expect(parseCodes(input)).toEqual(expected);
  });
});

describe('evidence folders', () => {
  test.each([
    { code: '1.1.1', name: 'Ban hành kế hoạch CCHC', expected: '1.1.1 Ban hanh ke hoach CCHC' },
    { code: '2.3', name: 'Đánh giá: "mức độ" hài lòng <của> người dân / tổ chức?', expected: '2.3 Danh gia muc do hai long cua nguoi dan' },
    { code: '7.1.2', name: 'Tỷ lệ hồ sơ TTHC được xử lý trực tuyến toàn trình (DVC mức 4) trên Cổng DVC quốc gia', expected: '7.1.2 Ty le ho so TTHC duoc xu ly truc tuyen' },
    { code: '3.1', name: 'Điều tra...', expected: '3.1 Dieu tra' },
    { code: '4.1', name: '***', expected: '4.1' },
  ])('$code $name', ({ code, name, expected }) => {
    const folder = leafFolderName(code, name);
    expect(folder).toBe(expected);
    expect(folder).not.toMatch(/[<>:"/\\|?*]|[ .]$/);
    expect(folder.length).toBeLessThanOrEqual(code.length + 41);
  });

  test('the code a folder name starts with', () => {
    expect(codeOfFolder('1.1.1 Ban hanh')).toBe('1.1.1');
    expect(codeOfFolder('1.1.10_Bao cao')).toBe('1.1.10');
    expect(codeOfFolder('1.2')).toBe('1.2');
    expect(codeOfFolder('Anh')).toBeNull();
    expect(codeOfFolder('2024 Bao cao')).toBe('2024');
  });

  test('files that are not evidence', () => {
    expect(['.DS_Store', '~$Ke hoach.docx', 'Thumbs.db', 'desktop.ini', '._a.pdf'].every(isIgnoredFile)).toBe(true);
    expect(isIgnoredFile('Ke hoach.pdf')).toBe(false);
  });

  test.each([
    { file: '125-KH-UBND ngay 20.12.2023 Ke hoach CCHC.pdf', number: '125/KH-UBND', date: '20/12/2023', summary: '125-KH-UBND ngay 20.12.2023 Ke hoach CCHC' },
    { file: '12_2023_QĐ-UBND quyết định.pdf', number: '12/2023/QĐ-UBND', date: '', summary: '12_2023_QĐ-UBND quyết định' },
    { file: '01-CT-TTg.pdf', number: '01/CT-TTg', date: '', summary: '01-CT-TTg' },
    { file: '2024-Bao-Cao tong ket.docx', number: '', date: '', summary: '2024-Bao-Cao tong ket' },
    { file: 'Ảnh niêm yết TTHC (1).jpg', number: '', date: '', summary: 'Ảnh niêm yết TTHC (1)' },
    // Written with diacritics, the number after "Số" or after the kind of document.
    { file: 'Số 45-BC-UBND ngày 12.3.2024 báo cáo CCHC quý I.pdf', number: '45/BC-UBND', date: '12/03/2024', summary: 'Số 45-BC-UBND ngày 12.3.2024 báo cáo CCHC quý I' },
    { file: 'Quyết định 1234-QĐ-UBND ngày 5 tháng 3 năm 2024.pdf', number: '1234/QĐ-UBND', date: '05/03/2024', summary: 'Quyết định 1234-QĐ-UBND ngày 5 tháng 3 năm 2024' },
    { file: 'Kế hoạch số 12_2024_KH-UBND.docx', number: '12/2024/KH-UBND', date: '', summary: 'Kế hoạch số 12_2024_KH-UBND' },
    { file: 'Nghị quyết 15-NQ-HĐND (bản ký).pdf', number: '15/NQ-HĐND', date: '', summary: 'Nghị quyết 15-NQ-HĐND (bản ký)' },
    { file: 'Biên bản họp 2 lần năm 2024.pdf', number: '', date: '', summary: 'Biên bản họp 2 lần năm 2024' },
  ])('what "$file" says', ({ file, number, date, summary }) => {
    expect(documentFromFileName(file.normalize('NFD'))).toEqual({ number, date, summary });
  });
});
