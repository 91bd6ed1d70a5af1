// "So sánh với năm trước" on Tổng hợp: each domain's points last year (a value taken from last year's
// workbook) beside this year's (a formula over the table above) and the change; the index likewise.
// Domains are matched by code; when last year's set differs, the section says so.

import { a1 } from '../model/grid';
import { CriteriaSet } from '../model/criteria';
import { PreviousYear } from '../model/build-options';
import { indexSet } from '../model/criteria';
import { subtractPoints } from '../model/points';
import type { Writer } from './document';

export interface ComparisonInput {
  numeral: string;
  lastCol: number;
  year: number;
  set: CriteriaSet;
  previous: PreviousYear;
  /** Where this year's numbers stand in the table above: each domain's row, the basis column, the index cell. */
  domainRow: Record<string, number>;
  basisCol: number;
  indexCell: { row: number; col: number };
  /** This year's points and index as the core computed them (cached results). */
  now: { domains: Record<string, number | null>; index: number | null };
  basisName: string;
}

/** The section's rows; returns the next row. */
export function comparisonRows(w: Writer, start: number, c: ComparisonInput): number {
  const { lastCol, previous } = c;
  const nameTo = lastCol - 3;
  const [cPrev, cNow, cChange] = [lastCol - 2, lastCol - 1, lastCol];
  const spanned = (row: number, from: number, to: number, value: string | number | null, style: string) => {
    w.put({ row, col: from, value, style });
    for (let col = from + 1; col <= to; col++) w.put({ row, col, value: null, style });
    if (to > from) w.span(row, from, to);
  };
  let row = start;
  spanned(row, 0, lastCol, `${c.numeral}. SO SÁNH VỚI NĂM ${previous.year}`, 'docHeading');
  w.keep(row++);
  const notes: string[] = [];
  if (!previous.sameSet) notes.push(`Bộ tiêu chí năm ${previous.year} (mã ${previous.setId}) khác bộ năm ${c.year}: các lĩnh vực được so theo mã; lĩnh vực năm trước không có để trống.`);
  notes.push(`Năm ${previous.year}: ${previous.basis === 'appraisal' ? 'điểm thẩm định' : 'điểm tự chấm'}; năm ${c.year}: ${c.basisName}.`);
  spanned(row, 0, lastCol, notes.join(' '), 'docBody');
  w.keep(row++);
  w.put({ row, col: 0, value: 'STT', style: 'docTh' });
  spanned(row, 1, nameTo, 'Lĩnh vực', 'docTh');
  w.put({ row, col: cPrev, value: `Năm ${previous.year}`, style: 'docTh' });
  w.put({ row, col: cNow, value: `Năm ${c.year}`, style: 'docTh' });
  w.put({ row, col: cChange, value: 'Thay đổi', style: 'docTh' });
  w.keep(row++);
  const change = (r: number) => `IF(AND(ISNUMBER(${a1(r, cPrev)}),ISNUMBER(${a1(r, cNow)})),${a1(r, cNow)}-${a1(r, cPrev)},"")`;
  const diff = (now: number | null, before: number | null) => (now === null || before === null ? '' : subtractPoints(now, before));
  for (const d of indexSet(c.set).domains) {
    const before = previous.domains[d.code];
    const prevPoints = before ? before.points : null;
    w.put({ row, col: 0, value: d.node.stt || d.code, style: 'docCenter' });
    spanned(row, 1, nameTo, d.node.name, 'docCell');
    w.put({ row, col: cPrev, value: prevPoints, style: 'docPoints' });
    w.put({ row, col: cNow, formula: a1(c.domainRow[d.code], c.basisCol), result: c.now.domains[d.code] === null ? '' : c.now.domains[d.code]!, style: 'docPoints' });
    w.put({ row, col: cChange, formula: change(row), result: diff(c.now.domains[d.code], prevPoints), style: 'docPoints' });
    row++;
  }
  w.put({ row, col: 0, value: null, style: 'docTotalBlank' });
  spanned(row, 1, nameTo, 'Chỉ số cải cách hành chính (%)', 'docTotalLabel');
  w.put({ row, col: cPrev, value: previous.index, style: 'docTotalPercent' });
  w.put({ row, col: cNow, formula: a1(c.indexCell.row, c.indexCell.col), result: c.now.index === null ? '' : c.now.index, style: 'docTotalPercent' });
  w.put({ row, col: cChange, formula: change(row), result: diff(c.now.index, previous.index), style: 'docTotalPercent' });
  return row + 1;
}
