// The corpus of scoring texts as provinces write them, and what each says about how its leaf is
// scored. Add a phrasing here when a province writes one the importer misreads.

import { MethodReading, readMethod } from '../src/core/features/import/method-reading';

type Expected = Omit<MethodReading, 'warnings'> & { warnings?: RegExp[] };

const corpus: Array<{ title: string; method: string; max: number; expected: Expected }> = [
  // Fixed levels (as before).
  { title: 'levels with decimal commas', method: 'Đúng hạn: 1 điểm; chậm: 0,5 điểm; không ban hành: 0 điểm', max: 1,
    expected: { levels: [0, 0.5, 1] } },
  { title: 'thresholds on a rate are levels, not proportional', method: 'Tỷ lệ hồ sơ đúng hạn đạt 100%: 2 điểm; từ 90% đến dưới 100%: 1 điểm; dưới 90%: 0 điểm', max: 2,
    expected: { levels: [0, 1, 2] } },
  { title: 'a rate defined "× 100%" then thresholds', method: 'Tỷ lệ = (số hồ sơ đúng hạn / tổng số hồ sơ) × 100%. Đạt 100%: 2 điểm; dưới 100%: 1 điểm', max: 2,
    expected: { levels: [0, 1, 2] } },
  { title: '"tiếp nhận" is not a multiplication', method: 'Tiếp nhận 100% hồ sơ qua bộ phận một cửa: 1 điểm; dưới 100%: 0 điểm', max: 1,
    expected: { levels: [0, 1] } },

  // Proportional.
  { title: 'tỷ lệ % × 2 điểm', method: 'Điểm = tỷ lệ % × 2 điểm', max: 2, expected: { scoring: { kind: 'proportional', figure: true } } },
  { title: 'a letter x as the sign', method: 'Điểm đạt được = Tỷ lệ % hồ sơ giải quyết đúng hạn x 2', max: 2, expected: { scoring: { kind: 'proportional', figure: true } } },
  { title: 'an asterisk', method: 'Điểm = tỷ lệ*1,5 điểm', max: 1.5, expected: { scoring: { kind: 'proportional', figure: true } } },
  { title: 'nhân với điểm tối đa', method: 'Tỷ lệ văn bản được gửi, nhận trên môi trường mạng nhân với điểm tối đa của tiêu chí', max: 1,
    expected: { scoring: { kind: 'proportional', figure: true } } },
  { title: 'nhân với an amount', method: 'Điểm đánh giá bằng tỷ lệ phần trăm hồ sơ trực tuyến nhân với 1 điểm', max: 1,
    expected: { scoring: { kind: 'proportional', figure: true } } },
  { title: 'the amount first', method: 'Điểm = 2 điểm × tỷ lệ % số thôn, tổ dân phố đạt chuẩn', max: 2,
    expected: { scoring: { kind: 'proportional', figure: true } } },
  { title: 'a quotient in parentheses', method: 'Điểm = (Số hồ sơ đúng hạn / Tổng số hồ sơ tiếp nhận) × 2 điểm', max: 2,
    expected: { scoring: { kind: 'proportional', figure: true } } },
  { title: 'tính điểm theo tỷ lệ', method: 'Tính điểm theo tỷ lệ hoàn thành chỉ tiêu được giao', max: 1.5,
    expected: { scoring: { kind: 'proportional', figure: true } } },
  { title: 'a factor other than the maximum is a warning', method: 'Điểm = tỷ lệ % × 3 điểm', max: 2,
    expected: { scoring: { kind: 'proportional', figure: true }, warnings: [/nhân tỷ lệ với 3 điểm nhưng điểm tối đa là 2/] } },
  { title: 'decomposed (NFD) text', method: 'Điểm = tỷ lệ % × 2 điểm'.normalize('NFD'), max: 2, expected: { scoring: { kind: 'proportional', figure: true } } },

  // Counted.
  { title: 'mỗi … được 0,25 điểm, tối đa 1 điểm', method: 'Mỗi văn bản hướng dẫn được ban hành được 0,25 điểm, tối đa 1 điểm', max: 1,
    expected: { scoring: { kind: 'count', step: 0.25 } } },
  { title: 'cứ mỗi … cộng', method: 'Cứ mỗi sáng kiến được công nhận cộng 0,5 điểm (tối đa không quá 1,5 điểm)', max: 1.5,
    expected: { scoring: { kind: 'count', step: 0.5 } } },
  { title: 'points per item with a slash', method: '0,25 điểm/01 mô hình; tối đa 1 điểm', max: 1, expected: { scoring: { kind: 'count', step: 0.25 } } },
  { title: 'points for each', method: 'Tính 0,2 điểm cho mỗi lớp tập huấn được tổ chức', max: 1, expected: { scoring: { kind: 'count', step: 0.2 } } },
  { title: 'a cap other than the maximum is a warning', method: 'Mỗi tin bài được 0,1 điểm, tối đa 0,5 điểm', max: 1,
    expected: { scoring: { kind: 'count', step: 0.1 }, warnings: [/tối đa 0,5 điểm nhưng cột điểm tối đa ghi 1/] } },

  // Deductions.
  { title: 'mỗi … trừ 0,5 điểm', method: 'Mỗi hồ sơ giải quyết quá hạn trừ 0,5 điểm', max: 2, expected: { scoring: { kind: 'deduction', step: 0.5 } } },
  { title: 'bị trừ, after the full marks', method: 'Không có hồ sơ quá hạn: 2 điểm; mỗi hồ sơ quá hạn bị trừ 0,25 điểm (trừ đến hết số điểm)', max: 2,
    expected: { scoring: { kind: 'deduction', step: 0.25 } } },
  { title: 'cứ 01 … trừ', method: 'Cứ 01 trường hợp vi phạm kỷ luật hành chính trừ 0,5 điểm', max: 1, expected: { scoring: { kind: 'deduction', step: 0.5 } } },
  { title: 'trừ … điểm/trường hợp', method: 'Trừ 0,25 điểm/trường hợp chậm báo cáo', max: 1, expected: { scoring: { kind: 'deduction', step: 0.25 } } },
  { title: 'a single deduction is not per occurrence', method: 'Đủ: 2 điểm; chậm trừ 0,5 điểm', max: 2, expected: {} },
  { title: '"trừ trường hợp" is not a deduction', method: 'Đúng hạn: 1 điểm (trừ trường hợp bất khả kháng)', max: 1, expected: { levels: [0, 1] } },

  // Không phát sinh → full marks.
  { title: '(hoặc không phát sinh) on the maximum', method: 'Đạt 100% (hoặc không phát sinh): 2 điểm; từ 90% đến dưới 100%: 1 điểm; dưới 90%: 0 điểm', max: 2,
    expected: { levels: [0, 1, 2], notArising: 'max' } },
  { title: 'không phát sinh thì được điểm tối đa', method: 'Giải quyết 100% đúng hạn: 1 điểm; trường hợp không phát sinh thì được điểm tối đa', max: 1,
    expected: { levels: [0, 1], notArising: 'max' } },
  { title: 'hoặc không có … on the maximum', method: 'Xin lỗi 100% hồ sơ quá hạn (hoặc không có hồ sơ quá hạn): 1 điểm; có hồ sơ quá hạn không xin lỗi: 0 điểm', max: 1,
    expected: { levels: [0, 1], notArising: 'max' } },
  { title: '(hoặc kiểm tra không phát hiện …)', method: 'Xử lý, khắc phục 100% tồn tại (hoặc kiểm tra không phát hiện tồn tại): 0,5 điểm; từ 70% đến dưới 100%: 0,25 điểm; dưới 70%: 0 điểm', max: 0.5,
    expected: { levels: [0, 0.25, 0.5], notArising: 'max' } },
  { title: 'không phát sinh giving less than the maximum is not full marks', method: 'Đạt 100%: 2 điểm; không phát sinh: 1 điểm', max: 2,
    expected: { levels: [0, 1, 2] } },

  // Không áp dụng.
  { title: 'không áp dụng đối với phường, thị trấn', method: 'Có chợ được quản lý theo quy định: 1 điểm; không: 0 điểm. Không áp dụng đối với phường, thị trấn', max: 1,
    expected: { levels: [0, 1], notApplicable: ['phuong', 'thi-tran'] } },
  { title: 'chỉ áp dụng đối với các xã', method: 'Chỉ áp dụng đối với các xã. Đạt chuẩn nông thôn mới: 1 điểm', max: 1,
    expected: { levels: [0, 1], notApplicable: ['phuong', 'thi-tran'] } },
  { title: 'phường không chấm', method: 'Phường không chấm tiêu chí này. Đạt: 0,5 điểm', max: 0.5,
    expected: { levels: [0, 0.5], notApplicable: ['phuong'] } },
  { title: 'an item any unit may leave', method: 'Đơn vị không có hợp tác xã thì không áp dụng; có và hoạt động hiệu quả: 1 điểm', max: 1,
    expected: { levels: [0, 1], notApplicable: true } },
  { title: '"không áp dụng" in another sense is not KAD', method: 'Không áp dụng hình thức xử lý kỷ luật: 1 điểm; có áp dụng: 0 điểm', max: 1,
    expected: { levels: [0, 1] } },

  // Scored by others.
  { title: 'kết quả khảo sát', method: 'Căn cứ kết quả khảo sát sự hài lòng của người dân do Sở Nội vụ thực hiện', max: 2,
    expected: { scoredBy: 'Căn cứ kết quả khảo sát sự hài lòng của người dân do Sở Nội vụ thực hiện' } },
  { title: 'Hội đồng thẩm định chấm', method: 'Do Hội đồng thẩm định chấm khi thẩm định', max: 1,
    expected: { scoredBy: 'Do Hội đồng thẩm định chấm khi thẩm định' } },
  { title: 'the commune running a survey scores it itself', method: 'Tổ chức khảo sát ý kiến người dân: 1 điểm; không tổ chức: 0 điểm', max: 1,
    expected: { levels: [0, 1] } },
  { title: 'the survey clause only, with levels elsewhere', method: 'Theo kết quả điều tra xã hội học; từ 80% hài lòng trở lên: 1 điểm', max: 1,
    expected: { levels: [0, 1], scoredBy: 'Theo kết quả điều tra xã hội học' } },
];

describe('readMethod on the corpus of phrasings', () => {
  test.each(corpus)('$title', ({ method, max, expected }) => {
    const reading = readMethod(method, max);
    const { warnings, ...rest } = reading;
    const { warnings: expectedWarnings, ...expectedRest } = expected;
    expect(rest).toEqual(expectedRest);
    expect(warnings.length).toBe((expectedWarnings || []).length);
    (expectedWarnings || []).forEach((w, i) => {
      expect(warnings[i].vi).toMatch(w);
      expect(warnings[i].en).not.toBe('');
    });
  });
});
