// Không áp dụng per domain: a leaf marked KAD leaves its domain's maximum as it leaves the total's, so a
// domain's "Tỷ lệ đạt" on Tổng hợp is points / the domain's applicable maximum, like the index.

import { FlatNode } from '../../model/criteria';
import { a1 } from '../../model/grid';
import { NOT_APPLICABLE_MARK } from '../../model/points';
import { text } from '../../text/catalogue';

export interface DomainBlock {
  code: string;
  /** The domain's own row and the last row of its descendants (tree order keeps them together). */
  first: number;
  last: number;
}

/** Row blocks of the domains on Chấm điểm, in tree order. */
export function domainBlocks(nodeRows: Array<{ flat: FlatNode; row: number }>): DomainBlock[] {
  const blocks: DomainBlock[] = [];
  for (const { flat, row } of nodeRows) {
    if (flat.depth === 0) blocks.push({ code: flat.code, first: row, last: row });
    else if (blocks.length) blocks[blocks.length - 1].last = row;
  }
  return blocks;
}

/**
 * A domain's applicable maximum as a formula on another sheet: its Điểm tối đa cell less the maxima of
 * its rows marked KAD in the score column.
 */
export function domainApplicableFormula(sheetRef: string, block: DomainBlock, maxCol: number, scoreCol: number, pending = false): string {
  const range = (c: number) => `${sheetRef}!${a1(block.first, c)}:${a1(block.last, c)}`;
  return `${sheetRef}!${a1(block.first, maxCol)}-${notApplicableMaxFormula(range(scoreCol), range(maxCol), pending)}`;
}

/**
 * The maxima of the rows marked KAD in a score range. SUMIF would match "KAD" exactly; the sheet's
 * Kiểm tra and the checks also take " kad " (trimmed, any case), so the sum must too. With `pending`
 * (the self column of a set with items scored at appraisal) the rows still showing the note that the
 * appraisal scores them leave too: the self index is then "tạm tính" (totals.ts).
 */
export function notApplicableMaxFormula(scoreRange: string, maxRange: string, pending = false): string {
  const kad = `(UPPER(TRIM(${scoreRange}&""))="${NOT_APPLICABLE_MARK}")`;
  if (!pending) return `SUMPRODUCT(--${kad},${maxRange})`;
  return `SUMPRODUCT(${kad}+(TRIM(${scoreRange}&"")="${text('vi', 'kinds.cell.appraisalOnly')}"),${maxRange})`;
}
