// The named styles of every sheet the core plans. Writers turn each into their library's format.

import { StyleSpec } from '../model/plan';
export const EVIDENCE_STYLES: Record<string, StyleSpec> = {
  evidenceCell: { font: { color: '0563C1', underline: true }, vertical: 'top', wrap: true, border: true },
  registerText: { vertical: 'top', wrap: true, border: true, numFmt: '@' },
  registerCenter: { horizontal: 'center', vertical: 'top', border: true, numFmt: '@' },
  registerLink: { font: { color: '0563C1', underline: true }, vertical: 'top', wrap: true, border: true, numFmt: '@' },
  registerNumber: { horizontal: 'center', vertical: 'top', border: true },
};

/** Dates of the assignment: dd/mm/yyyy whatever the machine's regional format. */
const DATE = 'dd/mm/yyyy';
export const ASSIGNMENT_STYLES: Record<string, StyleSpec> = {
  entryDate: { fill: 'FFF2CC', horizontal: 'center', vertical: 'top', border: true, locked: false, numFmt: DATE },
  labelRight: { font: { bold: true }, horizontal: 'right', vertical: 'middle' },
  // The Phân công sheet prints as an annex of the plan (Nghị định 30/2020, Phụ lục I).
  assignAnnex: { font: { bold: true, size: 13 }, horizontal: 'center', vertical: 'middle' },
  attachedLine: { font: { italic: true, size: 12 }, horizontal: 'center', vertical: 'middle', wrap: true },
  domainDate: { font: { bold: true }, fill: 'BDD7EE', horizontal: 'center', vertical: 'top', border: true, numFmt: DATE },
  criterionDate: { font: { bold: true }, fill: 'EDEDED', horizontal: 'center', vertical: 'top', border: true, numFmt: DATE },
  leafDate: { horizontal: 'center', vertical: 'top', border: true, numFmt: DATE },
};

// Points use the General format: it shows 9, 2.5 and 0.25 as written, where "0.##" leaves Excel
// showing "9." on whole numbers.
export const STYLES: Record<string, StyleSpec> = {
  title: { font: { bold: true, size: 14 }, horizontal: 'center', vertical: 'middle', wrap: true },
  info: { font: { size: 11 }, horizontal: 'left', vertical: 'middle' },
  infoBold: { font: { bold: true, size: 11 }, horizontal: 'left', vertical: 'middle' },
  statusReference: { font: { bold: true, color: 'C00000' }, horizontal: 'left', vertical: 'middle', wrap: true, fill: 'FCE4D6' },
  statusOfficial: { font: { bold: true, color: '375623' }, horizontal: 'left', vertical: 'middle', wrap: true },
  hint: { font: { italic: true, size: 10, color: '595959' }, horizontal: 'left', vertical: 'middle', wrap: true },
  header: { font: { bold: true }, fill: 'D9D9D9', horizontal: 'center', vertical: 'middle', wrap: true, border: true },
  domain: { font: { bold: true }, fill: 'BDD7EE', vertical: 'top', wrap: true, border: true },
  domainCenter: { font: { bold: true }, fill: 'BDD7EE', horizontal: 'center', vertical: 'top', border: true },
  domainPoints: { font: { bold: true }, fill: 'BDD7EE', horizontal: 'center', vertical: 'top', border: true, numFmt: 'General' },
  criterion: { font: { bold: true }, fill: 'EDEDED', vertical: 'top', wrap: true, border: true, indent: 1 },
  criterionCenter: { font: { bold: true }, fill: 'EDEDED', horizontal: 'center', vertical: 'top', border: true },
  criterionPoints: { font: { bold: true }, fill: 'EDEDED', horizontal: 'center', vertical: 'top', border: true, numFmt: 'General' },
  leaf: { vertical: 'top', wrap: true, border: true, indent: 2 },
  leafCenter: { horizontal: 'center', vertical: 'top', border: true },
  leafPoints: { horizontal: 'center', vertical: 'top', border: true, numFmt: 'General' },
  method: { font: { size: 10 }, vertical: 'top', wrap: true, border: true },
  entryScore: { fill: 'FFF2CC', horizontal: 'center', vertical: 'top', border: true, locked: false, numFmt: 'General' },
  entryText: { fill: 'FFF2CC', vertical: 'top', wrap: true, border: true, locked: false },
  // The Tỷ lệ / số lượng column: a rate (93%) or a count.
  // The self cell of an item scored at appraisal: nothing to type.
  appraisalOnly: { font: { italic: true, size: 9, color: '595959' }, fill: 'EDEDED', horizontal: 'center', vertical: 'top', wrap: true, border: true, numFmt: 'General' },
  entryRate: { fill: 'FFF2CC', horizontal: 'center', vertical: 'top', border: true, locked: false, numFmt: '0.00%' },
  entryCount: { fill: 'FFF2CC', horizontal: 'center', vertical: 'top', border: true, locked: false, numFmt: '0' },
  plain: { vertical: 'top', border: true },
  check: { font: { size: 10 }, vertical: 'top', wrap: true, border: true },
  code: { font: { size: 9, color: '595959' }, horizontal: 'center', vertical: 'top', border: true },
  // The markers of the total rows are for the reader, not for people: the format ;;; shows nothing.
  codeMarker: { font: { size: 9 }, vertical: 'top', numFmt: ';;;' },
  totalLabel: { font: { bold: true }, fill: 'F8CBAD', vertical: 'middle', border: true, horizontal: 'right' },
  totalPoints: { font: { bold: true }, fill: 'F8CBAD', horizontal: 'center', vertical: 'middle', border: true, numFmt: 'General' },
  totalPercent: { font: { bold: true }, fill: 'F8CBAD', horizontal: 'center', vertical: 'middle', border: true, numFmt: '0.00' },
  // Xếp loại: "Chưa thẩm định xong", "Khá (tạm tính)" take two lines in a score column's width.
  totalBand: { font: { bold: true }, fill: 'F8CBAD', horizontal: 'center', vertical: 'middle', wrap: true, border: true, numFmt: 'General' },
  totalBlank: { fill: 'F8CBAD', border: true },
  totalNote: { font: { italic: true, size: 10, color: '9C0006' }, fill: 'F8CBAD', vertical: 'middle', wrap: true, border: true },
  // Tổng hợp
  orgLeft: { font: { bold: false, size: 12 }, horizontal: 'center', vertical: 'middle' },
  orgLeftBold: { font: { bold: true, size: 12 }, horizontal: 'center', vertical: 'middle' },
  nationBold: { font: { bold: true, size: 12 }, horizontal: 'center', vertical: 'middle' },
  motto: { font: { bold: true, size: 12, underline: true }, horizontal: 'center', vertical: 'middle' },
  placeDate: { font: { italic: true, size: 12 }, horizontal: 'center', vertical: 'middle' },
  sumHeader: { font: { bold: true }, fill: 'D9D9D9', horizontal: 'center', vertical: 'middle', wrap: true, border: true },
  sumCell: { vertical: 'middle', wrap: true, border: true },
  sumCenter: { horizontal: 'center', vertical: 'middle', border: true },
  sumPoints: { horizontal: 'center', vertical: 'middle', border: true, numFmt: 'General' },
  sumPercent: { horizontal: 'center', vertical: 'middle', border: true, numFmt: '0.00' },
  signTitle: { font: { bold: true, size: 12 }, horizontal: 'center', vertical: 'middle' },
  signHint: { font: { italic: true, size: 11 }, horizontal: 'center', vertical: 'middle' },
  recipients: { font: { bold: true, italic: true, size: 11 }, horizontal: 'left', vertical: 'top' },
  recipientLine: { font: { size: 10 }, horizontal: 'left', vertical: 'top' },
  ...EVIDENCE_STYLES,
  ...ASSIGNMENT_STYLES,
};
