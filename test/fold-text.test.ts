// foldText matches the headers and names people typed; its folded forms are kept between checks in a
// plain object (the pane runs in Internet Explorer 11), so texts that are also property names of
// objects must fold like any other, and the kept forms must stay right once the memo is emptied.
import { foldText } from '../src/core/model/grid';

describe('foldText', () => {
  test.each([
    ['Mã tiêu chí', 'ma tieu chi'],
    ['  ĐIỂM   TỰ  CHẤM ', 'diem tu cham'],
    ['Điểm\tthẩm\nđịnh', 'diem tham dinh'],
    ['Ứng dụng CNTT', 'ung dung cntt'],
    ['', ''],
    ['constructor', 'constructor'],
    ['__proto__', '__proto__'],
    ['hasOwnProperty', 'hasownproperty'],
    ['toString', 'tostring'],
    ['12', '12'],
  ])('%j → %j, the first time and when kept', (text, folded) => {
    expect(foldText(text)).toBe(folded);
    expect(foldText(text)).toBe(folded);
  });

  test('texts longer than those kept fold the same way', () => {
    const long = 'Tổng điểm ' + 'Đánh giá '.repeat(40);
    expect(long.length).toBeGreaterThan(160);
    expect(foldText(long)).toBe('tong diem ' + 'danh gia '.repeat(40).trim());
  });

  test('after more distinct texts than are kept, every text still folds right', () => {
    for (let i = 0; i < 10000; i++) expect(foldText(`Xã Số ${i}`)).toBe(`xa so ${i}`);
    expect(foldText('Xã Số 3')).toBe('xa so 3');
    expect(foldText('Điểm tự chấm')).toBe('diem tu cham');
  });
});
