// What a person fills in before the report is printed: number and symbol, place and date, who signs
// (TM. or KT.) and their name, and the Nơi nhận lines. They stand in a panel of yellow unlocked cells
// to the right of the printed page (outside the print area); the document's lines are formulas over
// them, so a number typed as 5 prints "05" and a date's day and month get their leading zero. The
// panel is read back by its labels, so a rebuild or a refresh of Tổng hợp keeps what was typed.

import { CellValue, SheetGrid, cellAt, cellText, columnLetter, foldText } from '../model/grid';
import { CellPlan, ValidationPlan } from '../model/plan';
import { formulaText } from '../model/formula';
import { ownEntry } from '../model/own';

export type InputField =
  | 'number' | 'symbol' | 'place' | 'day' | 'month' | 'year' | 'authority' | 'signer'
  | 'recipient1' | 'recipient2' | 'recipient3' | 'recipient4' | 'district';

/** The fields of every document, in panel order; the appraisal document adds its issuer last. */
export const INPUT_FIELDS: InputField[] = ['number', 'symbol', 'place', 'day', 'month', 'year', 'authority', 'signer', 'recipient1', 'recipient2', 'recipient3', 'recipient4'];

export function panelFields(appraisal: boolean): InputField[] {
  return appraisal ? INPUT_FIELDS.concat(['district']) : INPUT_FIELDS;
}

const LABELS: Record<InputField, string> = {
  number: 'Số văn bản',
  symbol: 'Ký hiệu',
  place: 'Địa danh (dòng ngày tháng)',
  day: 'Ngày ký',
  month: 'Tháng',
  year: 'Năm',
  authority: 'Ký TM. hay KT.',
  signer: 'Họ và tên người ký',
  recipient1: 'Nơi nhận 1',
  recipient2: 'Nơi nhận 2',
  recipient3: 'Nơi nhận 3',
  recipient4: 'Nơi nhận 4',
  district: 'Cơ quan thẩm định (UBND huyện … hoặc Phòng Nội vụ huyện …)',
};

export type ReportInputs = Partial<Record<InputField, CellValue>>;

/** Where the panel stands: its label column (the value column is the next one) and first field row. */
export interface InputPanel {
  labelCol: number;
  firstRow: number;
}

export const PANEL_TITLE = 'THÔNG TIN ĐIỀN TRƯỚC KHI IN';

/** The cell (0-based) of a field's value. */
export function inputCell(panel: InputPanel, field: InputField): { row: number; col: number } {
  const at = INPUT_FIELDS.indexOf(field);
  return { row: panel.firstRow + (at < 0 ? INPUT_FIELDS.length : at), col: panel.labelCol + 1 };
}

function ref(panel: InputPanel, field: InputField): string {
  const { row, col } = inputCell(panel, field);
  return `$${columnLetter(col)}$${row + 1}`;
}

/** The panel's cells and the rules on its entries; `values` are what is typed (or the defaults). */
export function panelPlan(panel: InputPanel, values: ReportInputs, fields: InputField[] = INPUT_FIELDS): { cells: CellPlan[]; merges: string[]; validations: ValidationPlan[] } {
  const cells: CellPlan[] = [
    { row: panel.firstRow - 2, col: panel.labelCol, value: PANEL_TITLE, style: 'panelTitle' },
    { row: panel.firstRow - 1, col: panel.labelCol, value: 'Điền vào các ô nền vàng; trang văn bản bên trái tự cập nhật. Phần này không in.', style: 'panelHint' },
  ];
  const merges = [panel.firstRow - 2, panel.firstRow - 1].map((r) => `${columnLetter(panel.labelCol)}${r + 1}:${columnLetter(panel.labelCol + 1)}${r + 1}`);
  for (const field of fields) {
    const at = inputCell(panel, field);
    cells.push({ row: at.row, col: panel.labelCol, value: LABELS[field], style: 'panelLabel' });
    const v = values[field];
    cells.push({ row: at.row, col: at.col, value: v === undefined || v === null || typeof v === 'boolean' ? null : v, style: 'panelEntry' });
  }
  const whole = (field: InputField, min: number, max: number, title: string): ValidationPlan => {
    const cell = ref(panel, field).replace(/\$/g, '');
    return {
      range: cell, type: 'custom', allowBlank: true,
      formula: `AND(ISNUMBER(${cell}),${cell}=INT(${cell}),${cell}>=${min},${cell}<=${max})`,
      error: { title, text: `Nhập một số nguyên từ ${min} đến ${max}.` },
    };
  };
  const validations: ValidationPlan[] = [
    whole('day', 1, 31, 'Ngày ký'),
    whole('month', 1, 12, 'Tháng'),
    whole('year', 2000, 2100, 'Năm'),
    {
      range: ref(panel, 'authority').replace(/\$/g, ''), type: 'list', items: ['TM.', 'KT.'], allowBlank: true,
      prompt: { title: 'Thẩm quyền ký', text: 'TM.: người đứng đầu ký thay mặt tập thể. KT.: cấp phó ký thay người đứng đầu.' },
      error: { title: 'Thẩm quyền ký', text: 'Chọn TM. hoặc KT.' },
    },
  ];
  return { cells, merges, validations };
}

/** The document's formulas over the panel. */
export interface PanelFormulas {
  numberLine: string;
  dateLine: string;
  /** The two authority lines; `signTitles` gives their text for TM. and KT. */
  authority: [string, string];
  signer: string;
  recipient: (i: 1 | 2 | 3 | 4) => string;
}

export interface SignTitles {
  tm: [string, string];
  kt: [string, string];
}

/** TM. / KT. lines of a People's Committee; a Phòng's head signs in their own name. */
export const COMMITTEE_SIGN: SignTitles = { tm: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], kt: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] };
export const OFFICE_SIGN: SignTitles = { tm: ['TRƯỞNG PHÒNG', ''], kt: ['KT. TRƯỞNG PHÒNG', 'PHÓ TRƯỞNG PHÒNG'] };

export function panelFormulas(panel: InputPanel, sign: SignTitles): PanelFormulas {
  const r = (f: InputField) => ref(panel, f);
  const blank = (f: InputField) => `TRIM(${r(f)}&"")=""`;
  const twoDigits = (f: InputField, dots: string) => `IF(ISNUMBER(${r(f)}),TEXT(${r(f)},"00"),IF(${blank(f)},"${dots}",TRIM(${r(f)}&"")))`;
  const kt = `UPPER(TRIM(${r('authority')}&""))="KT."`;
  return {
    numberLine: `"Số: "&${twoDigits('number', '      ')}&"/"&TRIM(${r('symbol')}&"")`,
    dateLine: `TRIM(${r('place')}&"")&", ngày "&${twoDigits('day', '.....')}&" tháng "&${twoDigits('month', '.....')}&" năm "&IF(${blank('year')},"........",TRIM(${r('year')}&""))`,
    authority: [
      `IF(${kt},${formulaText(sign.kt[0])},${formulaText(sign.tm[0])})`,
      `IF(${kt},${formulaText(sign.kt[1])},${formulaText(sign.tm[1])})`,
    ],
    signer: `TRIM(${r('signer')}&"")`,
    recipient: (i) => {
      const f = ('recipient' + i) as InputField;
      return `IF(${blank(f)},"","- "&TRIM(${r(f)}&""))`;
    },
  };
}

/** What the document's lines show for these inputs (cached until the spreadsheet recalculates). */
export function panelResults(inputs: ReportInputs, sign: SignTitles): { numberLine: string; dateLine: string; authority: [string, string]; signer: string; recipients: string[] } {
  const text = (f: InputField) => (inputs[f] === undefined || inputs[f] === null ? '' : cellText(inputs[f]!));
  const two = (f: InputField, dots: string) => {
    const v = inputs[f];
    if (typeof v === 'number') return (v < 10 && v >= 0 ? '0' : '') + String(v);
    return text(f) === '' ? dots : text(f);
  };
  const kt = text('authority').toUpperCase() === 'KT.';
  return {
    numberLine: `Số: ${two('number', '      ')}/${text('symbol')}`,
    dateLine: `${text('place')}, ngày ${two('day', '.....')} tháng ${two('month', '.....')} năm ${text('year') || '........'}`,
    authority: kt ? sign.kt : sign.tm,
    signer: text('signer'),
    recipients: [1, 2, 3, 4].map((i) => text(('recipient' + i) as InputField)).map((t) => (t ? '- ' + t : '')),
  };
}

/**
 * The panel's values as a person left them, found by its labels anywhere on the sheet (people move
 * things); null when the sheet has no panel (an older workbook). `fields`: those the panel holds (a
 * commune's has no Cơ quan thẩm định), when the caller knows.
 */
export function readReportInputs(grid: SheetGrid | undefined, fields: InputField[] = panelFields(true)): ReportInputs | null {
  if (!grid) return null;
  const exact: Record<string, InputField> = {};
  const folded: Record<string, InputField> = {};
  let longest = 0;
  for (const f of fields) {
    exact[LABELS[f]] = f;
    folded[foldText(LABELS[f])] = f;
    longest = Math.max(longest, LABELS[f].length);
  }
  const out: ReportInputs = {};
  let found = 0;
  // The check reads the panel after every edit: labels as written are found by a lookup, and only when
  // some label was retyped otherwise (case, spaces, diacritics) is every text folded to find it.
  const scan = (fieldOf: (text: string) => InputField | undefined) => {
    for (let r = 0; r < grid.values.length && found < fields.length; r++) {
      const row = grid.values[r];
      for (let c = 0; c < row.length - 1; c++) {
        const v = row[c];
        // Labels are text, and short: numbers, blanks and a criterion's name in the list are not.
        if (typeof v !== 'string' || !v || v.length > 3 * longest) continue;
        const field = fieldOf(v);
        if (!field || out[field] !== undefined) continue;
        found++;
        out[field] = cellAt(grid, r, c + 1);
      }
    }
  };
  scan((v) => ownEntry(exact, v));
  if (found < fields.length) scan((v) => ownEntry(folded, foldText(cellText(v))));
  return found ? out : null;
}
