// What builds and rebuilds the open workbook (a new scoring workbook, a corrected criteria set, the
// appraisal columns): fetched on first use through parts.ts, as the pane opens without it.

export { buildWorkbookPlan } from '../core/sheets/workbook';
export { planUpgrade, valuesCopySheet } from '../core/features/upgrade';
export { planWithAppraisal } from '../core/features/appraisal';
