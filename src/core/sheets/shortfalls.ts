// "Tồn tại, hạn chế": every sub-criterion that lost points (scored below its maximum, not marked
// không áp dụng), grouped by domain, largest loss first, with the giải trình; and each domain's points
// lost. Computed by the core from the entries when Tổng hợp is planned (a build, the pane's "Cập nhật
// Tổng hợp", `cchc refresh`), so it is a list of values; the check compares it with the scores of the
// day and warns when they have moved on (rule summary-stale).

import { CriteriaSet, indexSet } from '../model/criteria';
import { CellValue, SheetGrid, cellAt, cellText } from '../model/grid';
import { Entries } from '../model/entries';
import { formatPoints, parseScoreCell, subtractPoints, sumPoints, toHundredths } from '../model/points';
import type { Writer } from './document';

export type ScoreBasis = 'self' | 'appraisal';

export interface Shortfall {
  code: string;
  name: string;
  max: number;
  score: number;
  lost: number;
  note: string;
}

export interface DomainShortfalls {
  code: string;
  stt: string;
  name: string;
  lost: number;
  items: Shortfall[];
}

function text(v: CellValue | undefined): string {
  return v === undefined || v === null ? '' : cellText(v);
}

/** The leaves that lost points under `basis`, by domain in the set's order, each domain's largest loss first. */
export function shortfalls(set: CriteriaSet, entries: Entries | undefined, basis: ScoreBasis): DomainShortfalls[] {
  const index = indexSet(set);
  const out: DomainShortfalls[] = [];
  const byDomain: Record<string, Shortfall[]> = {};
  for (const leaf of index.leaves) {
    const entry = entries && entries[leaf.code];
    const parsed = parseScoreCell(entry ? entry.values[basis] : null);
    // Unscored leaves are the check's business (missing-score); a KAD leaf has lost nothing.
    if (parsed.kind !== 'number' || toHundredths(parsed.value) >= toHundredths(leaf.node.max)) continue;
    const note = basis === 'appraisal' ? text(entry!.values.appraisalNote) || text(entry!.values.note) : text(entry!.values.note);
    (byDomain[leaf.domainCode] = byDomain[leaf.domainCode] || []).push({ code: leaf.code, name: leaf.node.name, max: leaf.node.max, score: parsed.value, lost: subtractPoints(leaf.node.max, Math.max(0, parsed.value)), note });
  }
  for (const domain of index.domains) {
    const found = byDomain[domain.code];
    if (!found) continue;
    // Largest loss first; equal losses in the set's order (items were found in it; sort is not stable everywhere).
    const items = found.map((item, order) => ({ item, order }))
      .sort((a, b) => toHundredths(b.item.lost) - toHundredths(a.item.lost) || a.order - b.order)
      .map((x) => x.item);
    out.push({ code: domain.code, stt: domain.node.stt, name: domain.node.name, lost: sumPoints(items.map((i) => i.lost)), items });
  }
  return out;
}

/** The list as code → points lost, for comparing what a sheet shows with what the scores say now. */
export function shortfallKey(list: DomainShortfalls[]): string {
  const parts: string[] = [];
  for (const d of list) for (const i of d.items) parts.push(i.code + '=' + toHundredths(i.lost));
  return parts.sort().join(';');
}

/** The marker the list's heading row carries in a cell that is not printed, so the check finds the list. */
export const SHORTFALL_MARK = '#SHORTFALLS';

/** The header of the points-lost column: the reader finds the list's columns by it. */
export const LOST_HEADER = 'Điểm bị trừ';

/**
 * The list as a sheet shows it: the rows under the marker whose first cell is a leaf code of the set,
 * with the points lost in the column headed "Điểm bị trừ". Null when the sheet has no list (an older
 * workbook).
 */
export function readShortfallKey(grid: SheetGrid | undefined, set: CriteriaSet): string | null {
  if (!grid) return null;
  const index = indexSet(set);
  let start = -1;
  for (let r = 0; r < grid.values.length && start < 0; r++) {
    for (let c = 0; c < (grid.values[r] || []).length; c++) if (cellText(cellAt(grid, r, c)) === SHORTFALL_MARK) start = r;
  }
  if (start < 0) return null;
  let lostCol = -1;
  const parts: string[] = [];
  for (let r = start + 1; r < grid.values.length; r++) {
    const row = grid.values[r] || [];
    if (lostCol < 0) {
      for (let c = 0; c < row.length; c++) if (cellText(row[c]) === LOST_HEADER) lostCol = c;
      continue;
    }
    const code = cellText(cellAt(grid, r, 0));
    const node = index.node(code);
    if (!node || !node.leaf) continue;
    const lost = cellAt(grid, r, lostCol);
    parts.push(code + '=' + (typeof lost === 'number' ? toHundredths(lost) : String(lost)));
  }
  return parts.sort().join(';');
}

// ---------------------------------------------------------------------------------------------
// The section as rows of a document (Tổng hợp).

export interface ShortfallSection {
  /** The section's number in the report ("II", or "III" after a comparison with last year). */
  numeral: string;
  lastCol: number;
  /** A column outside the print area: the marker goes there. */
  markCol: number;
  list: DomainShortfalls[];
  basis: ScoreBasis;
  /** Whether any score of the basis is entered at all. */
  scored: boolean;
}

/**
 * "II. TỒN TẠI, HẠN CHẾ": a heading, then per domain its line (points lost in all) and one line per
 * sub-criterion (code · name · maximum · points achieved · points lost), the giải trình under it.
 * Returns the next row.
 */
export function shortfallRows(w: Writer, start: number, section: ShortfallSection): number {
  const { lastCol } = section;
  const nameTo = lastCol - 2;
  const [cScore, cLost] = [lastCol - 1, lastCol];
  const spanned = (row: number, from: number, to: number, value: string | number | null, style: string) => {
    w.put({ row, col: from, value, style });
    for (let c = from + 1; c <= to; c++) w.put({ row, col: c, value: null, style });
    if (to > from) w.span(row, from, to);
  };
  let row = start;
  spanned(row, 0, lastCol, `${section.numeral}. TỒN TẠI, HẠN CHẾ`, 'docHeading');
  w.put({ row, col: section.markCol, value: SHORTFALL_MARK, style: 'docMark' });
  w.keep(row);
  row++;
  if (!section.list.length) {
    spanned(row, 0, lastCol, section.scored
      ? 'Không có tiêu chí thành phần nào bị trừ điểm.'
      : `Chưa có điểm ${section.basis === 'self' ? 'tự chấm' : 'thẩm định'}: danh sách được lập khi cập nhật Tổng hợp sau khi chấm điểm.`, 'docBody');
    return row + 1;
  }
  spanned(row, 0, lastCol, `Các tiêu chí thành phần bị trừ điểm (${section.basis === 'self' ? 'theo điểm tự chấm' : 'theo điểm thẩm định'}), theo từng lĩnh vực, mục bị trừ nhiều điểm nhất trước:`, 'docBody');
  w.keep(row);
  row++;
  w.put({ row, col: 0, value: 'Mã', style: 'docTh' });
  spanned(row, 1, nameTo, 'Tiêu chí thành phần / Giải trình', 'docTh');
  w.put({ row, col: cScore, value: 'Điểm đạt / tối đa', style: 'docTh' });
  w.put({ row, col: cLost, value: LOST_HEADER, style: 'docTh' });
  w.keep(row);
  row++;
  for (const d of section.list) {
    w.put({ row, col: 0, value: d.stt || d.code, style: 'docListDomain' });
    spanned(row, 1, cScore, d.name, 'docListDomain');
    w.put({ row, col: cLost, value: d.lost, style: 'docListDomainPoints' });
    w.keep(row);
    row++;
    for (const item of d.items) {
      w.put({ row, col: 0, value: item.code, style: 'docCenter' });
      spanned(row, 1, nameTo, item.name, 'docCell');
      w.put({ row, col: cScore, value: `${formatPoints(item.score)} / ${formatPoints(item.max)}`, style: 'docCenter' });
      w.put({ row, col: cLost, value: item.lost, style: 'docPoints' });
      if (item.note) {
        // The giải trình belongs with its item: the two lines are kept on one page.
        w.keep(row);
        row++;
        w.put({ row, col: 0, value: null, style: 'docCell' });
        spanned(row, 1, lastCol, 'Giải trình: ' + item.note, 'docNote');
      }
      row++;
    }
  }
  w.put({ row, col: 0, value: null, style: 'docTotalBlank' });
  spanned(row, 1, cScore, 'Tổng số điểm bị trừ', 'docTotalLabel');
  w.put({ row, col: cLost, value: sumPoints(section.list.map((d) => d.lost)), style: 'docTotalPoints' });
  return row + 1;
}
