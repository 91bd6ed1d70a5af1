// What rebuilds the open workbook (a corrected criteria set, the appraisal columns): fetched on first
// use through parts.ts, as the pane opens without it.

export { planUpgrade, valuesCopySheet } from '../core/features/upgrade';
export { planWithAppraisal } from '../core/features/appraisal';
