// What the pane does with workbooks a person picks from disk: each is read with the small .xlsx reader
// (never exceljs) and checked as `cchc check` does, then either ranked with the others exactly as
// `cchc summary` ranks them, or taken as last year's result for Tổng hợp's comparison. A chunk of its
// own (parts.ts fetches it on first use): the pane opens without the reader and the ranking.

import { Lang, UserError, say } from '../core/model/errors';
import { CriteriaSet } from '../core/model/criteria';
import { PreviousYear } from '../core/model/build-options';
import { WorkbookPlan } from '../core/model/plan';
import { readXlsxGrids } from '../adapters/ooxml/read';
import { summaryInputOf, unreadableInput } from '../core/features/district-inputs';
import { DistrictSummary, SummaryBasis, SummaryInput, summaryAccumulator } from '../core/features/district-summary';
import { SUMMARY_SHEETS, summaryWorkbookPlan } from '../core/features/district-workbook';
import { previousFromGrids } from '../core/features/previous';

/**
 * One picked file as the summary takes it; a file that cannot be read is set apart with the reason.
 * `modified` (ISO) is when the file was last saved: of two workbooks of one commune the later one is
 * used, as cchc summary does with the files' times.
 */
export function inputOfFile(name: string, bytes: Uint8Array, lang: Lang, modified?: string): SummaryInput {
  try {
    const input = summaryInputOf(name, readXlsxGrids(bytes, name), lang);
    if (modified) input.modified = modified;
    return input;
  } catch (e) {
    if (e instanceof UserError) return unreadableInput(name, say(e.userMessage, lang));
    throw e;
  }
}

/** The sheet the ranking is written to, selected once written. */
export const RANKING_SHEET = SUMMARY_SHEETS.ranking;

/** A file a person picked: its name, when it was saved (ISO, when known) and a way to read it. */
export interface PickedWorkbook {
  name: string;
  modified?: string;
  bytes(): Promise<Uint8Array>;
}

/**
 * The communes' workbooks ranked as `cchc summary` ranks them, one workbook at a time (only each
 * one's small result is kept), and the ranking's sheets for the open workbook when any unit ranks.
 */
export async function districtSummaryOf(files: PickedWorkbook[], basis: SummaryBasis, lang: Lang, district: string | undefined,
  reading: (done: number, total: number, name: string) => void): Promise<{ summary: DistrictSummary; plan: WorkbookPlan | null }> {
  const accumulator = summaryAccumulator(basis, lang);
  for (let i = 0; i < files.length; i++) {
    reading(i + 1, files.length, files[i].name);
    accumulator.add(inputOfFile(files[i].name, await files[i].bytes(), lang, files[i].modified));
  }
  const { summary, set } = accumulator.result();
  return { summary, plan: summary.units.length ? summaryWorkbookPlan(summary, set, { district }).plan : null };
}

/** Last year's result from its workbook, read in the pane; `current` is this year's set. */
export function previousOfFile(name: string, bytes: Uint8Array, current: CriteriaSet, lang: Lang): PreviousYear {
  return previousFromGrids(readXlsxGrids(bytes, name), current, name, lang);
}
