// `cchc build --from OLD.xlsx [--criteria NEW.json] --out NEW.xlsx`: the earlier workbook rebuilt,
// under a corrected criteria set when one is given, every entry carried by criterion code and
// whatever has no place kept on the leftovers sheet (core/upgrade.ts). OLD.xlsx is only read; the
// writer refuses to put NEW.xlsx in its place.

import { CriteriaSet } from '../core/model/criteria';
import { Lang } from '../core/model/errors';
import { WorkbookGrids } from '../core/model/grid';
import { formatPoints } from '../core/model/points';
import { WorkbookMeta } from '../core/sheets/meta';
import { readScoring } from '../core/sheets/scoring/read';
import { planUpgrade, valuesCopySheet } from '../core/features/upgrade';
import { ENTRY_ROLE_NAMES } from '../core/model/entries';
import { readWorkbookGrids } from '../adapters/exceljs/read-grid';
import { writePlanToFile } from '../adapters/exceljs/write';
import { Io, shownPath } from './io';
import { parseUnitName } from '../core/model/unit-name';
import { PreviousYear } from '../core/model/build-options';
import { LEFTOVERS_SHEET } from '../core/sheets/leftovers';

/** Leftovers listed on the terminal; the sheet has them all. */
const LISTED_LEFTOVERS = 10;

const T = {
  vi: {
    written: (file: string, from: string) => `Đã dựng lại bảng chấm điểm: ${file} (từ ${from})`,
    unit: (unit: string, year: number) => `Đơn vị: ${unit} — năm ${year}`,
    set: (from: string, to: string) => (from === to ? `Bộ tiêu chí: ${to} (giữ nguyên)` : `Bộ tiêu chí: ${from} → ${to}`),
    carried: (n: number, docs: number) => `Đã chuyển ${n} nội dung theo mã tiêu chí${docs ? ` và ${docs} tài liệu của danh mục minh chứng` : ''}.`,
    appraisal: 'Giữ cột Điểm thẩm định của bảng cũ.',
    leftovers: (n: number) => `${n} nội dung không đặt được vào bảng mới, được giữ ở trang "${LEFTOVERS_SHEET}" kèm lý do:`,
    more: (n: number) => `… và ${n} nội dung khác (xem trang "${LEFTOVERS_SHEET}").`,
    renamed: 'Các tiêu chí cùng mã nhưng đổi tên — kiểm tra lại nội dung đã chuyển:',
    copied: (names: string) => `Các trang tự thêm được chép sang dạng giá trị (không giữ công thức, định dạng): ${names}.`,
    untouched: (file: string) => `Tệp cũ ${file} không bị thay đổi.`,
  },
  en: {
    written: (file: string, from: string) => `Scoring workbook rebuilt: ${file} (from ${from})`,
    unit: (unit: string, year: number) => `Unit: ${unit} — year ${year}`,
    set: (from: string, to: string) => (from === to ? `Criteria set: ${to} (unchanged)` : `Criteria set: ${from} → ${to}`),
    carried: (n: number, docs: number) => `${n} entries carried by criterion code${docs ? `, and ${docs} documents of the evidence register` : ''}.`,
    appraisal: 'The appraisal columns of the earlier workbook are kept.',
    leftovers: (n: number) => `${n} entries have no place in the new workbook and are kept on the "${LEFTOVERS_SHEET}" sheet with the reason:`,
    more: (n: number) => `… and ${n} more (see the "${LEFTOVERS_SHEET}" sheet).`,
    renamed: 'Criteria with the same code but a new name — check what was carried onto them:',
    copied: (names: string) => `Sheets people added are copied as values (no formulas, no formatting): ${names}.`,
    untouched: (file: string) => `The earlier file ${file} is unchanged.`,
  },
};

export interface EarlierWorkbook {
  file: string;
  grids: WorkbookGrids;
  meta: WorkbookMeta;
}

/** Reads the earlier workbook; a file that is not a readable scoring workbook throws UserError. */
export async function readEarlierWorkbook(file: string): Promise<EarlierWorkbook> {
  const grids = await readWorkbookGrids(file);
  return { file, grids, meta: readScoring(grids).meta };
}

export interface RebuildRequest {
  set: CriteriaSet;
  unit: string;
  year: number;
  appraisal: boolean;
  out: string;
  /** Other files read to make the workbook (the criteria set): never replaced either. */
  inputs: string[];
  /** Last year's result for Tổng hợp's comparison. */
  previous?: PreviousYear;
}


/** Writes the rebuilt workbook; returns the report for the terminal. */
export async function writeRebuilt(earlier: EarlierWorkbook, request: RebuildRequest, io: Io, lang: Lang): Promise<string> {
  const t = T[lang];
  const upgrade = planUpgrade({ grids: earlier.grids, set: request.set, unit: request.unit, year: request.year, appraisal: request.appraisal, previous: request.previous });
  const { plan } = upgrade;
  // A person's own sheets go along as values: the rebuilt layout cannot honour their formulas.
  plan.sheets.push(...upgrade.otherSheets.map((s) => valuesCopySheet(s, s.name)));
  await writePlanToFile(plan, request.out, { inputs: request.inputs.concat(earlier.file) });

  const lines = [
    t.written(shownPath(request.out, io), shownPath(earlier.file, io)),
    '  ' + t.unit(parseUnitName(upgrade.build.unit).full, upgrade.build.year),
    '  ' + t.set(upgrade.previous.set.id, request.set.id),
    '  ' + t.carried(upgrade.carried, upgrade.evidenceDocs),
  ];
  if (upgrade.build.appraisal && !request.appraisal) lines.push('  ' + t.appraisal);
  if (upgrade.leftovers.length) {
    lines.push('  ! ' + t.leftovers(upgrade.leftovers.length));
    for (const l of upgrade.leftovers.slice(0, LISTED_LEFTOVERS)) {
      const value = typeof l.value === 'number' ? formatPoints(l.value, lang) : String(l.value === null ? '' : l.value).slice(0, 40);
      lines.push(`      ${l.code || '—'} · ${ENTRY_ROLE_NAMES[l.role][lang]} · "${value}": ${l.reason[lang]}`);
    }
    if (upgrade.leftovers.length > LISTED_LEFTOVERS) lines.push('      ' + t.more(upgrade.leftovers.length - LISTED_LEFTOVERS));
  }
  if (upgrade.renamed.length) {
    lines.push('  ! ' + t.renamed);
    for (const r of upgrade.renamed) lines.push(`      ${r.code}: "${r.before}" → "${r.after}"`);
  }
  if (upgrade.otherSheets.length) lines.push('  ' + t.copied(upgrade.otherSheets.map((s) => s.name).join(', ')));
  lines.push(t.untouched(shownPath(earlier.file, io)));
  return lines.join('\n') + '\n';
}
