// A commune's workbook as the district summary takes it: its check report and the criteria set it
// stores. The same whether the CLI read the file with exceljs or the pane with its small reader.

import { Lang } from '../model/errors';
import { WorkbookGrids } from '../model/grid';
import { checkWorkbook } from '../check/check';
import { isMetaGrid, readMeta } from '../sheets/meta';
import { SummaryInput } from './district-summary';

export function summaryInputOf(file: string, grids: WorkbookGrids, lang: Lang): SummaryInput {
  const report = checkWorkbook(grids, { lang });
  const metaGrid = grids.sheets.filter(isMetaGrid)[0];
  const meta = metaGrid ? readMeta(metaGrid) : null;
  return { file, report, set: meta && meta.ok ? meta.meta.set : null };
}

/** A workbook that could not be read at all, with the reason people should read. */
export function unreadableInput(file: string, reason: string): SummaryInput {
  return { file, report: { error: reason }, set: null };
}
