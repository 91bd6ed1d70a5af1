// Last year's workbook as Tổng hợp compares it: each domain's points (the appraisal where the
// district entered it, else the self score), the total and the index, read by the core's own check
// from whatever reader opened the file (exceljs in the CLI, the small reader in the pane).

import { CriteriaSet } from '../model/criteria';
import { Lang, UserError } from '../model/errors';
import { message } from '../text/catalogue';
import { useReadingTexts } from '../text/reading-texts';
import { WorkbookGrids } from '../model/grid';
import { PreviousYear } from '../model/build-options';
import { checkWorkbook } from '../check/check';
import { isMetaGrid, readMeta } from '../sheets/meta';
import { scoringFingerprint } from './district-summary';

useReadingTexts();

/** Last year's result from its workbook; `current` is this year's set, to say whether they differ. */
export function previousFromGrids(grids: WorkbookGrids, current: CriteriaSet, file: string, lang: Lang = 'vi'): PreviousYear {
  const report = checkWorkbook(grids, { lang });
  const metaGrid = grids.sheets.filter(isMetaGrid)[0];
  const meta = metaGrid ? readMeta(metaGrid) : null;
  if (report.error || !report.total || !meta || !meta.ok) {
    throw new UserError('not-scoring', message('reading.previousNotScoring', { file, detail: report.error ? ' (' + report.error + ')' : '' }));
  }
  const appraised = report.total.appraisal !== null && report.total.appraisal !== undefined && (report.nodes || []).some((n) => n.leaf && n.appraisal !== null);
  const basis = appraised ? 'appraisal' : 'self';
  const domains: PreviousYear['domains'] = {};
  for (const n of report.nodes || []) {
    if (n.code.indexOf('.') >= 0) continue;
    const points = basis === 'appraisal' ? n.appraisal : n.self;
    domains[n.code] = { name: n.name, max: n.max, points: points === undefined ? null : points };
  }
  const total = basis === 'appraisal' ? report.total.appraisal : report.total.self;
  const index = basis === 'appraisal' ? report.total.appraisalIndex : report.total.index;
  return {
    year: report.year!, unit: report.unit || '', setId: meta.meta.set.id,
    sameSet: scoringFingerprint(meta.meta.set) === scoringFingerprint(current),
    domains, total: total === undefined ? null : total, index: index === undefined ? null : index, basis,
  };
}
