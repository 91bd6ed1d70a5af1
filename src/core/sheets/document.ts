// The parts of an administrative document under Nghị định 30/2020/NĐ-CP, as sheet rows: the heading
// (issuing body and national motto), the number and place-date lines, the type and subject, and the
// signature block with Nơi nhận. Used by Tổng hợp (the commune's report, or the district's appraisal
// result) and by the district summary. Lines a person fills come from the input panel (report-inputs.ts).

import { CellPlan } from '../model/plan';
import { COMMITTEE_SIGN, InputPanel, OFFICE_SIGN, PanelFormulas, ReportInputs, SignTitles, panelFormulas, panelResults } from './report-inputs';
import { DistrictName, UnitName } from '../model/unit-name';

/** Who issues the document. */
export interface Issuer {
  /** The line above the body's own name: "ỦY BAN NHÂN DÂN" (part of the name, bold) or the superior body (not bold). */
  parentLine: string;
  parentBold: boolean;
  bodyLine: string;
  /** The body in a sentence: "Ủy ban nhân dân xã Đồng Thịnh". */
  body: string;
  place: string;
  symbol: string;
  sign: SignTitles;
  recipients: string[];
}

/** A commune's People's Committee. */
export function communeIssuer(unit: UnitName): Issuer {
  return {
    parentLine: 'ỦY BAN NHÂN DÂN', parentBold: true, bodyLine: unit.upper, body: unit.body, place: unit.place,
    symbol: 'BC-UBND', sign: COMMITTEE_SIGN, recipients: ['UBND huyện;', 'Phòng Nội vụ huyện;', '', 'Lưu: VT.'],
  };
}

/** The district's People's Committee, or its Phòng Nội vụ. */
export function districtIssuer(district: DistrictName, recipients: string[]): Issuer {
  const office = district.signTitle.length === 1;
  return {
    parentLine: district.parentLine, parentBold: !office, bodyLine: district.bodyLine, body: district.body, place: district.place,
    symbol: district.symbol, sign: office ? OFFICE_SIGN : COMMITTEE_SIGN, recipients,
  };
}

/** The panel's defaults for an issuer: its symbol, its place, TM., the usual recipients. */
export function defaultInputs(issuer: Issuer): ReportInputs {
  const out: ReportInputs = { symbol: issuer.symbol, place: issuer.place, authority: 'TM.' };
  issuer.recipients.forEach((r, i) => {
    if (r) out[('recipient' + (i + 1)) as 'recipient1'] = r;
  });
  return out;
}

export interface DocumentGrid {
  /** The columns of the left block (issuing body, Số, Nơi nhận) and of the right one (motto, date, signature). */
  left: [number, number];
  right: [number, number];
  panel: InputPanel;
}

export interface Writer {
  put(cell: CellPlan): void;
  span(row: number, from: number, to: number): void;
  height(row: number, points: number): void;
  keep(row: number): void;
}

/** A short solid line under a heading, as a row of its own (box-drawing characters, centred). */
export const SHORT_RULE = '\u2500\u2500\u2500\u2500\u2500\u2500\u2500';

function block(w: Writer, row: number, cols: [number, number], cell: Omit<CellPlan, 'row' | 'col'>): void {
  w.put({ row, col: cols[0], ...cell });
  for (let c = cols[0] + 1; c <= cols[1]; c++) w.put({ row, col: c, value: null, style: cell.style });
  if (cols[1] > cols[0]) w.span(row, cols[0], cols[1]);
}

/** A line from the panel: its formula, or with `fixed` (a sheet without a panel, typed on directly) its text. */
function line(fixed: boolean, formula: string, result: string): Omit<CellPlan, 'row' | 'col' | 'style'> {
  return fixed ? { value: result } : { formula, result };
}

/**
 * Rows 0–3: issuing body and motto, their rules, then Số and the place-date line. Returns the next row.
 * `fixed`: the lines are text to type over (the district summary has no panel).
 */
export function headingRows(w: Writer, grid: DocumentGrid, issuer: Issuer, inputs: ReportInputs, fixed = false): number {
  const f = panelFormulas(grid.panel, issuer.sign);
  const shown = panelResults(inputs, issuer.sign);
  block(w, 0, grid.left, { value: issuer.parentLine, style: issuer.parentBold ? 'docOrg' : 'docOrgParent' });
  block(w, 0, grid.right, { value: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', style: 'docNation' });
  block(w, 1, grid.left, { value: issuer.bodyLine, style: 'docOrg' });
  block(w, 1, grid.right, { value: 'Độc lập - Tự do - Hạnh phúc', style: 'docMotto' });
  block(w, 2, grid.left, { value: SHORT_RULE, style: 'docRule' });
  w.height(2, 12);
  block(w, 3, grid.left, { ...line(fixed, f.numberLine, shown.numberLine), style: 'docNumber' });
  block(w, 3, grid.right, { ...line(fixed, f.dateLine, shown.dateLine), style: 'docDate' });
  for (let r = 0; r <= 3; r++) w.keep(r);
  return 4;
}

/** The type ("BÁO CÁO") and subject lines with the short rule under them, across the page. Returns the next row. */
export function titleRows(w: Writer, row: number, cols: [number, number], type: string, subject: string): number {
  block(w, row, cols, { value: type, style: 'docType' });
  block(w, row + 1, cols, { value: subject, style: 'docSubject' });
  block(w, row + 2, cols, { value: SHORT_RULE, style: 'docRule' });
  w.height(row + 2, 12);
  for (let r = row; r <= row + 2; r++) w.keep(r);
  return row + 3;
}

/** Lines of the signature block: authority, title, space to sign and stamp, name; Nơi nhận at the left. Returns the next row. */
export function signatureRows(w: Writer, row: number, grid: DocumentGrid, issuer: Issuer, inputs: ReportInputs, fixed = false): number {
  const f: PanelFormulas = panelFormulas(grid.panel, issuer.sign);
  const shown = panelResults(inputs, issuer.sign);
  block(w, row, grid.left, { value: 'Nơi nhận:', style: 'docRecipients' });
  block(w, row, grid.right, { ...line(fixed, f.authority[0], shown.authority[0]), style: 'docSign' });
  block(w, row + 1, grid.right, { ...line(fixed, f.authority[1], shown.authority[1]), style: 'docSign' });
  ([1, 2, 3, 4] as const).forEach((i) => {
    block(w, row + i, grid.left, { ...line(fixed, f.recipient(i), shown.recipients[i - 1]), style: 'docRecipientLine' });
  });
  // Space to sign and stamp: about three centimetres.
  for (let r = row + 2; r <= row + 5; r++) w.height(r, 22);
  block(w, row + 6, grid.right, { ...line(fixed, f.signer, shown.signer || (fixed ? '(Họ và tên)' : '')), style: 'docSigner' });
  for (let r = row; r < row + 6; r++) w.keep(r);
  return row + 7;
}
