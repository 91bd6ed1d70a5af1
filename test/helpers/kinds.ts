// A criteria set with every way of scoring a leaf (docs/criteria-sets.md): fixed levels, proportional
// (with and without a rate), counted, deduction, "không phát sinh → full marks", KAD for some unit
// types only, an item scored at appraisal; and bands.

import { CriteriaSet } from '../../src/core/model/criteria';
import { parseCriteriaSet } from '../../src/core/model/criteria-parse';

export const KINDS_SET_RAW = {
  id: 'kinds-set',
  title: 'Bộ tiêu chí thử các cách chấm',
  status: 'reference',
  bands: [{ min: 90, label: 'Tốt' }, { min: 70, label: 'Khá' }, { min: 0, label: 'Chưa đạt' }],
  nodes: [
    {
      code: '1', stt: 'I', name: 'Cải cách thủ tục hành chính', max: 7,
      children: [
        { code: '1.1', stt: '1', name: 'Ban hành kế hoạch', max: 1, method: 'Đúng hạn: 1 điểm; chậm: 0,5 điểm', levels: [0, 0.5, 1] },
        { code: '1.2', stt: '2', name: 'Tỷ lệ hồ sơ giải quyết đúng hạn', max: 2,
          method: 'Điểm = tỷ lệ % hồ sơ đúng hạn × 2 điểm', scoring: { kind: 'proportional', figure: true } },
        { code: '1.3', stt: '3', name: 'Tỷ lệ hồ sơ trực tuyến', max: 1, method: 'Tỷ lệ % × 1 điểm', scoring: { kind: 'proportional' } },
        { code: '1.4', stt: '4', name: 'Văn bản hướng dẫn ban hành', max: 1,
          method: 'Mỗi văn bản được 0,25 điểm, tối đa 1 điểm', scoring: { kind: 'count', step: 0.25, figure: true } },
        { code: '1.5', stt: '5', name: 'Hồ sơ quá hạn', max: 2,
          method: 'Mỗi hồ sơ quá hạn trừ 0,5 điểm', scoring: { kind: 'deduction', step: 0.5 } },
      ],
    },
    {
      code: '2', stt: 'II', name: 'Chính quyền cơ sở', max: 5,
      children: [
        { code: '2.1', stt: '1', name: 'Giải quyết khiếu nại', max: 1,
          method: 'Đạt 100% (hoặc không phát sinh): 1 điểm; dưới 100%: 0 điểm', levels: [0, 1], notArising: 'max' },
        { code: '2.2', stt: '2', name: 'Quản lý chợ', max: 1, method: 'Có: 1 điểm; không: 0 điểm', levels: [0, 1],
          notApplicable: ['phuong', 'thi-tran'] },
        { code: '2.3', stt: '3', name: 'Sự hài lòng của người dân', max: 2,
          method: 'Theo kết quả khảo sát', scoredBy: 'Khảo sát sự hài lòng của người dân' },
        { code: '2.4', stt: '4', name: 'Nông thôn mới', max: 1, method: 'Đạt: 1 điểm', levels: [0, 1], notApplicable: true },
      ],
    },
  ],
};

export function kindsSet(): CriteriaSet {
  const { set, problems } = parseCriteriaSet(JSON.parse(JSON.stringify(KINDS_SET_RAW)));
  if (!set) throw new Error(problems.map((p) => p.message.en).join('; '));
  return set;
}
