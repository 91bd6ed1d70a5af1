// Items scored at appraisal (a survey, a provincial index): until the appraisal scores them, the self
// total cannot include them, so they leave the self column's applicable maximum and the self index is
// "tạm tính" — the sheet says so beside the index, naming the items still waiting.

import { CriteriaSet, leavesOf } from '../../model/criteria';
import { isAppraisalOnly } from '../../model/criteria-kinds';
import { a1 } from '../../model/grid';
import { ColumnRole } from '../../model/layout';
import { text } from '../../text/catalogue';
import { ScoringGeometry } from './geometry';

/** How many leaves may be scored (or left blank) in a column: in the self column not those scored at appraisal. */
export function scorableLeaves(set: CriteriaSet, column: 'self' | 'appraisal'): number {
  return leavesOf(set).filter((f) => column === 'appraisal' || !isAppraisalOnly(f.node)).length;
}

/** "Tạm tính, chưa gồm 2.3, 8.6" while some items wait for the appraisal; '' when none does. */
export function provisionalText(pending: string[]): string {
  return pending.length ? text('vi', 'kinds.provisional', { codes: pending.join(', ') }) : '';
}

/**
 * The formula of that note beside the self index: each item scored at appraisal whose self cell still
 * shows the note is named; null when the set has no such item.
 */
export function provisionalNote(g: ScoringGeometry, set: CriteriaSet): string | null {
  const col = g.layout.col as Record<ColumnRole, number>;
  const waiting = text('vi', 'kinds.cell.appraisalOnly');
  const parts = leavesOf(set).filter((f) => isAppraisalOnly(f.node))
    .map((f) => `IF(TRIM(${a1(g.rowOf[f.code], col.self)}&"")="${waiting}",", ${f.code}","")`);
  if (!parts.length) return null;
  const list = parts.join('&');
  const [before, after] = text('vi', 'kinds.provisional').split('{codes}');
  return `IF(${list}="","","${before}"&MID(${list},3,500)&"${after}")`;
}
