// The named styles of every sheet the core plans. Writers turn each into their library's format.

import { StyleSpec } from '../model/plan';
import { DOCUMENT_FONT } from '../model/print';

const T = DOCUMENT_FONT;

/** The styles of the documents (Tổng hợp, the district summary): Times New Roman, black, no fills but the panel's. */
export const DOCUMENT_STYLES: Record<string, StyleSpec> = {
  docOrg: { font: { name: T, bold: true, size: 12 }, horizontal: 'center', vertical: 'middle', wrap: true },
  docOrgParent: { font: { name: T, size: 12 }, horizontal: 'center', vertical: 'middle', wrap: true },
  docNation: { font: { name: T, bold: true, size: 12 }, horizontal: 'center', vertical: 'middle' },
  docMotto: { font: { name: T, bold: true, size: 13, underline: true }, horizontal: 'center', vertical: 'middle' },
  docRule: { font: { name: T, size: 11 }, horizontal: 'center', vertical: 'top' },
  docNumber: { font: { name: T, size: 13 }, horizontal: 'center', vertical: 'middle' },
  docDate: { font: { name: T, italic: true, size: 13 }, horizontal: 'center', vertical: 'middle' },
  docType: { font: { name: T, bold: true, size: 14 }, horizontal: 'center', vertical: 'middle' },
  docSubject: { font: { name: T, bold: true, size: 14 }, horizontal: 'center', vertical: 'middle', wrap: true },
  docBody: { font: { name: T, size: 13 }, horizontal: 'left', vertical: 'top', wrap: true },
  docHeading: { font: { name: T, bold: true, size: 13 }, horizontal: 'left', vertical: 'middle', wrap: true },
  docTh: { font: { name: T, bold: true, size: 12 }, horizontal: 'center', vertical: 'middle', wrap: true, border: true },
  docCell: { font: { name: T, size: 12 }, vertical: 'middle', wrap: true, border: true },
  docCenter: { font: { name: T, size: 12 }, horizontal: 'center', vertical: 'middle', border: true },
  docPoints: { font: { name: T, size: 12 }, horizontal: 'center', vertical: 'middle', border: true, numFmt: 'General' },
  docPercent: { font: { name: T, size: 12 }, horizontal: 'center', vertical: 'middle', border: true, numFmt: '0.00' },
  docNote: { font: { name: T, italic: true, size: 12 }, vertical: 'top', wrap: true, border: true },
  docListDomain: { font: { name: T, bold: true, size: 12 }, vertical: 'middle', wrap: true, border: true },
  docListDomainPoints: { font: { name: T, bold: true, size: 12 }, horizontal: 'center', vertical: 'middle', border: true, numFmt: 'General' },
  docTotalLabel: { font: { name: T, bold: true, size: 12 }, horizontal: 'right', vertical: 'middle', wrap: true, border: true },
  docTotalPoints: { font: { name: T, bold: true, size: 12 }, horizontal: 'center', vertical: 'middle', border: true, numFmt: 'General' },
  docTotalBand: { font: { name: T, bold: true, size: 12 }, horizontal: 'center', vertical: 'middle', wrap: true, border: true, numFmt: 'General' },
  docTotalPercent: { font: { name: T, bold: true, size: 12 }, horizontal: 'center', vertical: 'middle', border: true, numFmt: '0.00' },
  docTotalBlank: { font: { name: T, size: 12 }, border: true },
  docTotalNote: { font: { name: T, italic: true, size: 11 }, vertical: 'middle', wrap: true, border: true },
  docRecipients: { font: { name: T, bold: true, italic: true, size: 12 }, horizontal: 'left', vertical: 'top' },
  docRecipientLine: { font: { name: T, size: 11 }, horizontal: 'left', vertical: 'top' },
  docSign: { font: { name: T, bold: true, size: 13 }, horizontal: 'center', vertical: 'middle' },
  docSigner: { font: { name: T, bold: true, size: 13 }, horizontal: 'center', vertical: 'middle' },
  // Not printed: the list's marker (;;; shows nothing) and the panel of what to fill in.
  docMark: { font: { size: 9 }, numFmt: ';;;' },
  panelTitle: { font: { bold: true, size: 11, color: '375623' }, vertical: 'middle' },
  panelHint: { font: { italic: true, size: 10, color: '595959' }, vertical: 'top', wrap: true },
  panelLabel: { font: { size: 11 }, vertical: 'middle', wrap: true, border: true },
  panelEntry: { fill: 'FFF2CC', vertical: 'middle', wrap: true, border: true, locked: false },
};
export const EVIDENCE_STYLES: Record<string, StyleSpec> = {
  evidenceCell: { font: { color: '0563C1', underline: true }, vertical: 'top', wrap: true, border: true },
  // The register's instructions print under its title: at least 10 pt on paper.
  registerHint: { font: { italic: true, size: 11, color: '595959' }, horizontal: 'left', vertical: 'middle', wrap: true },
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

// Chấm điểm prints as an annex: no fills but the yellow of the entry cells, which print white in
// Excel's black-and-white mode the sheet's print setup asks for. Domains and criteria are told apart
// by weight and indentation. Points use the General format: it shows 9, 2.5 and 0.25 as written, where "0.##" leaves Excel
// showing "9." on whole numbers.
export const STYLES: Record<string, StyleSpec> = {
  title: { font: { bold: true, size: 14 }, horizontal: 'center', vertical: 'middle', wrap: true },
  info: { font: { size: 11 }, horizontal: 'left', vertical: 'middle' },
  infoBold: { font: { bold: true, size: 11 }, horizontal: 'left', vertical: 'middle' },
  statusReference: { font: { name: T, bold: true, size: 11, color: 'C00000' }, horizontal: 'left', vertical: 'middle', wrap: true },
  statusOfficial: { font: { name: T, bold: true, size: 11, color: '375623' }, horizontal: 'left', vertical: 'middle', wrap: true },
  annexLabel: { font: { name: T, bold: true, size: 13 }, horizontal: 'center', vertical: 'middle' },
  annexTitle: { font: { name: T, bold: true, size: 14 }, horizontal: 'center', vertical: 'middle', wrap: true },
  annexNote: { font: { name: T, italic: true, size: 13 }, horizontal: 'center', vertical: 'middle', wrap: true },
  annexInfo: { font: { name: T, size: 11 }, horizontal: 'left', vertical: 'middle', wrap: true },
  hint: { font: { italic: true, size: 10, color: '595959' }, horizontal: 'left', vertical: 'middle', wrap: true },
  header: { font: { bold: true }, horizontal: 'center', vertical: 'middle', wrap: true, border: true },
  domain: { font: { bold: true }, vertical: 'top', wrap: true, border: true },
  domainCenter: { font: { bold: true }, horizontal: 'center', vertical: 'top', border: true },
  domainPoints: { font: { bold: true }, horizontal: 'center', vertical: 'top', border: true, numFmt: 'General' },
  criterion: { font: { bold: true }, vertical: 'top', wrap: true, border: true, indent: 1 },
  criterionCenter: { font: { bold: true }, horizontal: 'center', vertical: 'top', border: true },
  criterionPoints: { font: { bold: true }, horizontal: 'center', vertical: 'top', border: true, numFmt: 'General' },
  leaf: { vertical: 'top', wrap: true, border: true, indent: 2 },
  leafCenter: { horizontal: 'center', vertical: 'top', border: true },
  leafPoints: { horizontal: 'center', vertical: 'top', border: true, numFmt: 'General' },
  method: { font: { size: 11 }, vertical: 'top', wrap: true, border: true },
  entryScore: { fill: 'FFF2CC', horizontal: 'center', vertical: 'top', border: true, locked: false, numFmt: 'General' },
  entryText: { fill: 'FFF2CC', vertical: 'top', wrap: true, border: true, locked: false },
  // The Tỷ lệ / số lượng column: a rate (93%) or a count.
  // The self cell of an item scored at appraisal: nothing to type.
  // Printed in the annex: at least 10 pt on paper, and no grey block (grey italics say it is not typed in).
  appraisalOnly: { font: { italic: true, size: 11, color: '595959' }, horizontal: 'center', vertical: 'top', wrap: true, border: true, numFmt: 'General' },
  entryRate: { fill: 'FFF2CC', horizontal: 'center', vertical: 'top', border: true, locked: false, numFmt: '0.00%' },
  entryCount: { fill: 'FFF2CC', horizontal: 'center', vertical: 'top', border: true, locked: false, numFmt: '0' },
  plain: { vertical: 'top', border: true },
  check: { font: { size: 10 }, vertical: 'top', wrap: true, border: true },
  code: { font: { size: 9, color: '595959' }, horizontal: 'center', vertical: 'top', border: true },
  // The markers of the total rows are for the reader, not for people: the format ;;; shows nothing.
  codeMarker: { font: { size: 9 }, vertical: 'top', numFmt: ';;;' },
  totalLabel: { font: { bold: true }, vertical: 'middle', border: true, horizontal: 'right', wrap: true },
  totalPoints: { font: { bold: true }, horizontal: 'center', vertical: 'middle', border: true, numFmt: 'General' },
  totalPercent: { font: { bold: true }, horizontal: 'center', vertical: 'middle', border: true, numFmt: '0.00' },
  // Xếp loại: "Chưa thẩm định xong", "Khá (tạm tính)" take two lines in a score column's width.
  totalBand: { font: { bold: true }, horizontal: 'center', vertical: 'middle', wrap: true, border: true, numFmt: 'General' },
  totalBlank: { border: true },
  totalNote: { font: { italic: true, size: 11, color: '9C0006' }, vertical: 'middle', wrap: true, border: true },
  // Tổng hợp
  orgLeft: { font: { bold: false, size: 12 }, horizontal: 'center', vertical: 'middle' },
  orgLeftBold: { font: { bold: true, size: 12 }, horizontal: 'center', vertical: 'middle' },
  nationBold: { font: { bold: true, size: 12 }, horizontal: 'center', vertical: 'middle' },
  motto: { font: { bold: true, size: 12, underline: true }, horizontal: 'center', vertical: 'middle' },
  placeDate: { font: { italic: true, size: 12 }, horizontal: 'center', vertical: 'middle' },
  sumHeader: { font: { bold: true }, horizontal: 'center', vertical: 'middle', wrap: true, border: true },
  sumCell: { vertical: 'middle', wrap: true, border: true },
  sumCenter: { horizontal: 'center', vertical: 'middle', border: true },
  sumPoints: { horizontal: 'center', vertical: 'middle', border: true, numFmt: 'General' },
  sumPercent: { horizontal: 'center', vertical: 'middle', border: true, numFmt: '0.00' },
  signTitle: { font: { bold: true, size: 12 }, horizontal: 'center', vertical: 'middle' },
  signHint: { font: { italic: true, size: 11 }, horizontal: 'center', vertical: 'middle' },
  recipients: { font: { bold: true, italic: true, size: 11 }, horizontal: 'left', vertical: 'top' },
  recipientLine: { font: { size: 10 }, horizontal: 'left', vertical: 'top' },
  ...EVIDENCE_STYLES,
  ...DOCUMENT_STYLES,
  ...ASSIGNMENT_STYLES,
};

// Every sheet of the workbook is written in the documents' face.
for (const name of Object.keys(STYLES)) {
  const style = STYLES[name];
  if (!style.font || style.font.name === undefined) style.font = { ...(style.font || {}), name: T };
}
