// Imports a criteria table as provinces issue it, once pasted from Word into Excel or saved as CSV:
// title rows, a header row (possibly two), a "(1) (2) (3)" row, domains, criteria and sub-criteria
// whose numbering restarts in each domain, merged cells, continuation rows, a TỔNG CỘNG row, notes
// below. Pure: a plain grid in, a validated criteria set (or the list of what is wrong) out.

import { CriteriaNode, CriteriaProblem, CriteriaSet, parseCriteriaSet } from '../../model/criteria';
import { Message, msg } from '../../model/errors';
import { CellValue, SheetGrid, cellText, foldText, parseA1 } from '../../model/grid';
import { formatPoints, parsePointsText, pointsEqual, sumPoints, toHundredths } from '../../model/points';

export interface ImportOptions {
  id?: string;
  title?: string;
  year?: number;
  status?: 'official' | 'reference';
}

export interface ImportResult {
  set: CriteriaSet | null;
  problems: CriteriaProblem[];
  warnings: Message[];
}

/** Where the table stands on the sheet: 0-based rows and columns. */
export interface TableLayout {
  headerRow: number;
  firstDataRow: number;
  stt: number;
  name: number;
  max: number;
  method: number | null;
}

export const DEFAULT_IMPORT_ID = 'imported';

/** The header is looked for in this many rows from the top (title blocks are rarely longer)… */
const HEADER_SCAN_ROWS = 60;
/** …and this many columns from the left, whatever a stray merge or format reaches. */
const HEADER_SCAN_COLUMNS = 100;

// ---------------------------------------------------------------------------------------------
// Header

type Role = 'stt' | 'name' | 'max' | 'method' | 'other';

/** Tested in order on folded text: columns the set does not keep come first, as they mention "điểm" too. */
const HEADER_PATTERNS: Array<[Role, RegExp]> = [
  ['other', /tu cham|tu danh gia|tham dinh|kiem chung|minh chung|ghi chu|diem dat|ket qua/],
  ['method', /cach cham|phuong phap|huong dan|cach tinh|cach danh gia|cach thuc/],
  ['max', /^diem$|toi da|diem chuan|thang diem|so diem/],
  ['stt', /^(stt|s tt|so tt|tt|so thu tu|thu tu)$/],
  ['name', /noi dung|tieu chi|linh vuc|^ten /],
];

function headerRole(text: string): Role | null {
  const t = foldText(text).replace(/[^a-z0-9 ]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!t) return null;
  for (const [role, pattern] of HEADER_PATTERNS) if (pattern.test(t)) return role;
  return null;
}

type Columns = Partial<Record<Role, number>>;

function columnRoles(texts: string[]): Columns {
  const columns: Columns = {};
  texts.forEach((text, col) => {
    const role = headerRole(text);
    if (role && columns[role] === undefined) columns[role] = col;
  });
  return columns;
}

function isCompleteHeader(c: Columns): boolean {
  return c.stt !== undefined && c.name !== undefined && c.max !== undefined;
}

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function parseMerges(merges: string[]): Area[] {
  const areas: Area[] = [];
  for (const range of merges) {
    const [from, to] = range.split(':');
    const a = parseA1(from || '');
    const b = parseA1(to || '');
    if (a && b) areas.push({ top: a.row, left: a.col, bottom: b.row, right: b.col });
  }
  return areas;
}

function rowValues(grid: SheetGrid, row: number): CellValue[] {
  return grid.values[row] || [];
}

/** Header cell texts of a row; a merged cell reads its master's text (a header spanning columns). */
function headerTexts(grid: SheetGrid, areas: Area[], row: number): string[] {
  const spanning = areas.filter((a) => a.top <= row && row <= a.bottom);
  const width = Math.min(HEADER_SCAN_COLUMNS, spanning.reduce((w, a) => Math.max(w, a.right + 1), rowValues(grid, row).length));
  const texts: string[] = [];
  for (let col = 0; col < width; col++) {
    const own = cellText(rowValues(grid, row)[col] ?? null);
    const area = own ? null : spanning.find((a) => a.left <= col && col <= a.right);
    texts.push(area ? cellText(rowValues(grid, area.top)[area.left] ?? null) : own);
  }
  return texts;
}

function toLayout(headerRow: number, firstDataRow: number, c: Columns): TableLayout {
  return { headerRow, firstDataRow, stt: c.stt!, name: c.name!, max: c.max!, method: c.method ?? null };
}

/**
 * Finds the header row by its words (STT; Nội dung / Tiêu chí; Điểm tối đa; Cách chấm). A two-row
 * header ("Điểm" above "Tối đa | Tự chấm") is read as one when the row below holds header words only.
 */
export function findTableLayout(grid: SheetGrid): TableLayout | null {
  const areas = parseMerges(grid.merges);
  const last = Math.min(grid.values.length, HEADER_SCAN_ROWS);
  for (let row = 0; row < last; row++) {
    const texts = headerTexts(grid, areas, row);
    const single = columnRoles(texts);
    if (Object.keys(single).length === 0) continue;
    const below = headerTexts(grid, areas, row + 1);
    const belowIsHeader = below.some((t, col) => t !== '' && t !== texts[col])
      && below.every((t, col) => t === '' || t === texts[col] || headerRole(t) !== null);
    if (belowIsHeader) {
      const joined = columnRoles(texts.map((t, col) => (below[col] && below[col] !== t ? t + ' ' + below[col] : t)));
      if (isCompleteHeader(joined)) return toLayout(row, row + 2, joined);
    }
    if (isCompleteHeader(single)) return toLayout(row, row + 1, single);
  }
  return null;
}

const ROLE_NAMES: Record<'stt' | 'name' | 'max', Message> = {
  stt: msg('STT', 'STT (number)'),
  name: msg('Nội dung / Tiêu chí', 'Nội dung / Tiêu chí (name)'),
  max: msg('Điểm tối đa', 'Điểm tối đa (maximum points)'),
};

/** Why no table was found on a sheet, naming the closest row when one came near. */
export function missingHeaderMessage(grid: SheetGrid): Message {
  const areas = parseMerges(grid.merges);
  let bestRow = -1;
  let bestFound: Array<'stt' | 'name' | 'max'> = [];
  const last = Math.min(grid.values.length, HEADER_SCAN_ROWS);
  for (let row = 0; row < last; row++) {
    const roles = columnRoles(headerTexts(grid, areas, row));
    const found = (['stt', 'name', 'max'] as const).filter((r) => roles[r] !== undefined);
    if (found.length > bestFound.length) {
      bestRow = row;
      bestFound = found;
    }
  }
  const base = msg(
    `Không tìm thấy dòng tiêu đề của bảng tiêu chí trên trang "${grid.name}": cần các cột STT, Nội dung (hoặc Tiêu chí) và Điểm tối đa trong ${HEADER_SCAN_ROWS} dòng đầu.`,
    `No criteria table header found on sheet "${grid.name}": the first ${HEADER_SCAN_ROWS} rows need columns STT, Nội dung (or Tiêu chí) and Điểm tối đa.`);
  if (bestFound.length < 2) return base;
  const missing = (['stt', 'name', 'max'] as const).filter((r) => bestFound.indexOf(r) < 0);
  return msg(
    `${base.vi} Dòng ${bestRow + 1} gần giống nhưng thiếu cột ${missing.map((r) => ROLE_NAMES[r].vi).join(', ')}.`,
    `${base.en} Row ${bestRow + 1} comes close but lacks the column ${missing.map((r) => ROLE_NAMES[r].en).join(', ')}.`);
}

// ---------------------------------------------------------------------------------------------
// Rows

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X',
  'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

const BULLET = /^[-+•–·]$/;
const BULLET_START = /^[-+•–·]\s/;

/**
 * What a printed STT says about a row's level: rows sharing a key are siblings, a new key nests
 * below the open rows. `ordinal` is the row's place among its siblings, for spotting gaps.
 */
interface SttPattern {
  text: string;
  /** 'roman', 'upper', 'lower', 'bullet', or 'number' + the count of its parts ("1.2" → 'number2'). */
  key: string;
  ordinal: number | null;
}

function classifyStt(raw: string, lettersAreDomains: boolean): SttPattern | 'unknown' {
  const text = raw.replace(/^\((.*)\)$/, '$1').replace(/[.)]$/, '').trim();
  if (BULLET.test(text)) return { text, key: 'bullet', ordinal: null };
  if (/^\d{1,3}(\.\d{1,3}){0,5}$/.test(text)) {
    const parts = text.split('.');
    return { text, key: 'number' + parts.length, ordinal: Number(parts[parts.length - 1]) };
  }
  const roman = ROMAN.indexOf(text);
  // "I", "V", "X" are letters too: they follow the scheme of the domains already seen.
  if (roman >= 0 && !(text.length === 1 && lettersAreDomains)) return { text, key: 'roman', ordinal: roman + 1 };
  if (/^[A-Z]$/.test(text)) return { text, key: 'upper', ordinal: text.charCodeAt(0) - 64 };
  if (/^[a-zđ]$/.test(text)) return { text, key: 'lower', ordinal: text === 'đ' ? null : text.charCodeAt(0) - 96 };
  return 'unknown';
}

/** What a row's first label says when it is not a criterion; `folded` is foldText of that label. */
function rowLabelKind(folded: string): 'total' | 'subtotal' | 'notes' | null {
  if (/^\*?\s*(ghi chu|luu y|chu thich|chu y|noi nhan)/.test(folded)) return 'notes';
  const t = folded.replace(/\(.*\)/g, '').replace(/[:.]/g, '').trim();
  if (/^(tong cong|tong so diem|tong diem|tong)( toi da| chuan)?$/.test(t)) return 'total';
  // Per-domain subtotal rows ("Cộng", "Cộng lĩnh vực I"): the domain row already carries that sum.
  if (/^cong( linh vuc.*)?$/.test(t)) return 'subtotal';
  return null;
}

/** The "(1) (2) (3)" row under the header, or a plain "1 2 3 4" / "A B C" one. */
function isColumnNumberRow(values: CellValue[]): boolean {
  const tokens = values.map(cellText).filter((t) => t !== '');
  if (tokens.length < 2) return false;
  if (tokens.every((t) => /^\(\s*(\d{1,2}|[A-Za-z])\s*\)$/.test(t))) return true;
  // Plain tokens only when they count up one by one: "1 | B | 1" is a data row.
  const codes = tokens.map((t) => (/^\d{1,2}$/.test(t) ? Number(t) : /^[A-Z]$/.test(t) ? t.charCodeAt(0) : NaN));
  return tokens.length >= 3 && codes.every((c, i) => c === codes[0] + i);
}

/** "2,5", "2,5 điểm", "2.5", 3, "Tối đa 2 điểm"; null for an empty cell, NaN when unreadable. */
function readPoints(value: CellValue): number | null {
  const text = cellText(value);
  if (text === '') return null;
  const points = typeof value === 'number' ? value : parsePointsText(text.toLowerCase().replace(/^tối đa\s*:?\s*/, ''));
  return points === null || points < 0 ? NaN : points;
}

/** "…(12 điểm)" at the end of a name: domain rows merged across the points column carry it there. */
const POINTS_IN_NAME = /\s*\(\s*(?:tối đa\s*:?\s*)?(\d+(?:[.,]\d+)?)\s*điểm\s*\)\s*$/i;

/** True when text states an amount of points ("1 điểm", "0,5đ"). */
function mentionsPoints(text: string): boolean {
  return /\d\s*diem(?![a-z])|\dd(?![a-z])/.test(foldText(text));
}

function withPoints(text: string, points: number | null): string {
  return points === null || mentionsPoints(text) ? text : `${text}: ${formatPoints(points)} điểm`;
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function shorten(text: string, length: number = 60): string {
  return text.length <= length ? text : text.slice(0, length - 1).replace(/\s+$/, '') + '…';
}

interface Draft {
  row: number; // 1-based, as Excel shows it
  stt: SttPattern;
  nameParts: string[];
  max: number | null;
  /** The points cell could not be read (already reported): no second "no maximum" problem. */
  unreadableMax: boolean;
  method: string[];
  children: Draft[];
}

function draftLabel(d: Draft): string {
  return `${d.stt.text} ${shorten(squash(d.nameParts.join(' ')), 50)}`;
}

interface TableRows {
  roots: Draft[];
  total: { row: number; value: number | null } | null;
  problems: CriteriaProblem[];
  warnings: Message[];
}

function rowProblem(row: number, vi: string, en: string): CriteriaProblem {
  return { code: null, message: msg(`Dòng ${row}: ${vi}`, `Row ${row}: ${en}`) };
}

function rowWarning(row: number, vi: string, en: string): Message {
  return msg(`Dòng ${row}: ${vi}`, `Row ${row}: ${en}`);
}

/**
 * Reads the rows below the header into a tree of drafts. Levels come from the STT pattern relative
 * to the rows still open (numbering restarts per domain, so the number alone cannot tell); rows
 * without STT continue the row above.
 */
function readTableRows(grid: SheetGrid, layout: TableLayout): TableRows {
  // Rows inside a merged block (below its first row): an empty one there is a blank paragraph of a
  // Word cell, not the end of the table.
  const insideMerge: boolean[] = [];
  for (const a of parseMerges(grid.merges)) {
    for (let r = a.top + 1; r <= Math.min(a.bottom, grid.values.length - 1); r++) insideMerge[r] = true;
  }
  const result: TableRows = { roots: [], total: null, problems: [], warnings: [] };
  let open: Draft[] = [];
  let last: Draft | null = null;
  let afterBlank = false;

  const place = (draft: Draft) => {
    // Bullet rows never hold numbered rows below them.
    if (draft.stt.key !== 'bullet') while (open.length && open[open.length - 1].stt.key === 'bullet') open.pop();
    const same = open.map((d) => d.stt.key).lastIndexOf(draft.stt.key);
    if (same >= 0) open = open.slice(0, same);
    const parent = open.length ? open[open.length - 1] : null;
    const siblings = parent ? parent.children : result.roots;
    const previous = siblings.length ? siblings[siblings.length - 1] : null;
    if (previous && previous.stt.key === draft.stt.key && previous.stt.ordinal !== null && draft.stt.ordinal !== null
      && draft.stt.ordinal !== previous.stt.ordinal + 1) {
      result.warnings.push(rowWarning(draft.row,
        `số thứ tự ${draft.stt.text} đứng sau ${previous.stt.text}: kiểm tra xem bảng có thiếu hoặc thừa dòng không.`,
        `number ${draft.stt.text} follows ${previous.stt.text}: check whether a row is missing or extra.`));
    }
    const parentNumber = parent ? parent.stt.text.split('.') : [];
    const ownNumber = draft.stt.text.split('.');
    if (parent && /^number/.test(parent.stt.key) && /^number/.test(draft.stt.key) && ownNumber.length === parentNumber.length + 1
      && ownNumber.slice(0, -1).join('.') !== parent.stt.text) {
      result.warnings.push(rowWarning(draft.row,
        `số thứ tự ${draft.stt.text} nằm dưới mục ${parent.stt.text}: kiểm tra số thứ tự.`,
        `number ${draft.stt.text} sits under item ${parent.stt.text}: check the numbering.`));
    }
    siblings.push(draft);
    open.push(draft);
    last = draft;
  };

  const continueRow = (row: number, nameText: string, methodText: string, points: number | null) => {
    if (!last) {
      result.warnings.push(rowWarning(row, 'nội dung trước tiêu chí đầu tiên, bỏ qua.', 'text before the first criterion, ignored.'));
      return;
    }
    // Text about points is scoring text; other text in the name column continues a name that Word
    // split over several rows (one row per paragraph).
    const scoring = points !== null || mentionsPoints(nameText) || BULLET_START.test(nameText)
      || rowLabelKind(foldText(nameText)) === 'notes';
    if (nameText && !scoring) last.nameParts.push(nameText);
    const line = [scoring ? nameText : '', methodText].filter((t) => t !== '').join(': ');
    if (line) last.method.push(withPoints(line, points));
    else if (points !== null) {
      result.warnings.push(rowWarning(row, `điểm ${formatPoints(points)} không kèm nội dung, bỏ qua.`,
        `points ${formatPoints(points, 'en')} without any text, ignored.`));
    }
  };

  for (let r = layout.firstDataRow; r < grid.values.length; r++) {
    const row = r + 1;
    const values = rowValues(grid, r);
    const at = (col: number | null) => (col === null ? '' : cellText(values[col] ?? null));
    if (values.every((v) => cellText(v) === '')) {
      if (!insideMerge[r]) afterBlank = true;
      continue;
    }
    let sttText = at(layout.stt);
    let nameText = at(layout.name);
    const methodText = at(layout.method);
    const label = sttText || nameText;
    // Word repeats the header and the "(1) (2) (3)" row where the table crosses a page.
    const repeatedHeader = headerRole(sttText) === 'stt' && isCompleteHeader(columnRoles(values.map(cellText)));
    if (repeatedHeader || isColumnNumberRow(values)) continue;
    const labelKind = rowLabelKind(foldText(label));
    if (labelKind === 'total') {
      const value = readPoints(values[layout.max] ?? null);
      result.total = { row, value: value === null || isNaN(value) ? null : value };
      break;
    }
    // Notes under the table stand in its first column or below a blank row; a "Lưu ý" in the name
    // column belongs to the criterion above.
    if (labelKind === 'notes' && (sttText || afterBlank)) break;
    if (labelKind === 'subtotal') {
      result.warnings.push(rowWarning(row, `dòng "${label}" (cộng theo lĩnh vực) bỏ qua.`, `subtotal row "${label}" ignored.`));
      continue;
    }
    // Word merges STT and name of a domain row into one cell: "I. CÔNG TÁC LÃNH ĐẠO".
    if (!nameText) {
      const split = /^(\S+)\s+([\s\S]+)$/.exec(sttText);
      if (split && classifyStt(split[1], false) !== 'unknown' && !BULLET.test(split[1])) {
        sttText = split[1];
        nameText = split[2].trim();
      }
    }
    let points = readPoints(values[layout.max] ?? null);
    const unreadableMax = points !== null && isNaN(points);
    if (unreadableMax) {
      result.problems.push(rowProblem(row, `không đọc được điểm "${at(layout.max)}".`, `cannot read the points "${at(layout.max)}".`));
      points = null;
    }

    if (!sttText) {
      // Below a blank row, text without STT is the notes under the table.
      if (afterBlank) break;
      continueRow(row, nameText, methodText, points);
      continue;
    }
    const lettersAreDomains = result.roots.length > 0 && result.roots[0].stt.key === 'upper';
    const stt = classifyStt(sttText, lettersAreDomains);
    if (stt === 'unknown') {
      if (afterBlank) break;
      const hint = /^\d{4}-\d{2}-\d{2}T/.test(sttText)
        ? msg(' Excel đã đổi số thứ tự thành ngày tháng: hãy định dạng cột STT là Văn bản (Text) rồi dán lại.',
          ' Excel turned the number into a date: format the STT column as Text and paste again.')
        : msg('', '');
      result.problems.push(rowProblem(row, `không hiểu số thứ tự "${sttText}".${hint.vi}`, `cannot understand the number "${sttText}".${hint.en}`));
      continue;
    }
    afterBlank = false;
    if (stt.key === 'bullet' && points === null) {
      continueRow(row, nameText ? `${stt.text} ${nameText}` : '', methodText, null);
      continue;
    }
    let max = points;
    const inName = max === null ? POINTS_IN_NAME.exec(nameText) : null;
    if (inName) {
      max = Number(inName[1].replace(',', '.'));
      nameText = nameText.slice(0, inName.index);
    }
    if (!nameText) {
      result.problems.push(rowProblem(row, `mục ${stt.text} không có tên (cột Nội dung trống).`, `item ${stt.text} has no name (the name column is empty).`));
    }
    place({ row, stt, nameParts: nameText ? [nameText] : [], max, unreadableMax, method: methodText ? [methodText] : [], children: [] });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Tree

/**
 * Bullet rows with points are sub-criteria only when there are several and they add up to the
 * criterion's maximum; otherwise they list its scoring options and join its scoring text.
 */
function foldScoringBullets(draft: Draft): void {
  const bullets = draft.children.filter((c) => c.stt.key === 'bullet');
  if (bullets.length === 0) return;
  const allBullets = bullets.length === draft.children.length;
  const points = bullets.map((b) => b.max);
  const addUp = points.every((p) => p !== null) && (draft.max === null || pointsEqual(sumPoints(points), draft.max));
  if (allBullets && bullets.length >= 2 && addUp) return;
  for (const b of bullets) {
    draft.method.push(withPoints(`${b.stt.text} ${squash(b.nameParts.join(' '))}`, b.max), ...b.method);
  }
  draft.children = draft.children.filter((c) => c.stt.key !== 'bullet');
}

/**
 * The scores a leaf allows, from explicit amounts in its scoring text ("đúng hạn: 1 điểm; chậm:
 * 0,5 điểm"), always with 0 and the maximum. None when the text gives no amounts, or scores per
 * item or by deduction ("mỗi…", "trừ 0,5 điểm"), whose results it does not list.
 */
export function levelsFromMethod(method: string, max: number): number[] | undefined {
  const lower = method.normalize('NFC').toLowerCase();
  if (/mỗi|trừ\s*(đi\s*)?\d/.test(lower)) return undefined;
  const text = foldText(method).replace(/toi da( la)?\s*:?\s*\d+(?:[.,]\d+)?\s*(diem|d)(?![a-z])/g, '');
  const amounts: number[] = [];
  const pattern = /(\d+(?:[.,]\d+)?)(?:\s*diem|d)(?![a-z])/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const value = Number(m[1].replace(',', '.'));
    if (toHundredths(value) <= toHundredths(max)) amounts.push(value);
  }
  if (amounts.length === 0) return undefined;
  const levels: number[] = [];
  for (const v of [0, max, ...amounts]) if (!levels.some((l) => pointsEqual(l, v))) levels.push(v);
  return levels.sort((a, b) => a - b);
}

interface Built {
  node: CriteriaNode;
  max: number | null; // null when a maximum is missing below: sums cannot be checked
}

function buildNodes(drafts: Draft[], parentCode: string | null, problems: CriteriaProblem[], rows: Record<string, number>): Built[] {
  return drafts.map((draft, index) => {
    const code = parentCode === null ? String(index + 1) : `${parentCode}.${index + 1}`;
    rows[code] = draft.row;
    foldScoringBullets(draft);
    const node: CriteriaNode = { code, stt: draft.stt.text, name: squash(draft.nameParts.join(' ')), max: 0 };
    const method = draft.method.join('\n').split(/\r\n?|\n/).map((l) => l.trim()).filter((l) => l !== '').join('\n');
    if (method) node.method = method;
    let max = draft.max;
    if (draft.children.length) {
      const children = buildNodes(draft.children, code, problems, rows);
      node.children = children.map((c) => c.node);
      const sum = children.some((c) => c.max === null) ? null : sumPoints(children.map((c) => c.max));
      if (sum !== null && max !== null && !pointsEqual(sum, max)) {
        problems.push({ code, message: msg(
          `Dòng ${draft.row} (${draftLabel(draft)}): điểm tối đa ${formatPoints(max)} nhưng các mục con cộng lại ${formatPoints(sum)}.`,
          `Row ${draft.row} (${draftLabel(draft)}): maximum ${formatPoints(max, 'en')} but its items add up to ${formatPoints(sum, 'en')}.`) });
      }
      if (max === null) max = sum;
    } else if (max === null) {
      if (!draft.unreadableMax) problems.push({ code, message: msg(
        `Dòng ${draft.row} (${draftLabel(draft)}): không có điểm tối đa.`,
        `Row ${draft.row} (${draftLabel(draft)}): no maximum points.`) });
    } else if (method) {
      const levels = levelsFromMethod(method, max);
      if (levels) node.levels = levels;
    }
    node.max = max === null ? 0 : max;
    return { node, max };
  });
}

// ---------------------------------------------------------------------------------------------
// Title block

interface TitleInfo {
  title: string | null;
  year: number | null;
  basis: string[];
}

/** The title, year and legal basis printed above the table ("Ban hành kèm theo Quyết định số …"). */
function readTitleBlock(grid: SheetGrid, headerRow: number): TitleInfo {
  const lines: string[] = [];
  for (let r = 0; r < headerRow; r++) {
    const line = squash(rowValues(grid, r).map(cellText).filter((t) => t !== '').join(' '));
    if (line) lines.push(line);
  }
  const title = lines.find((l) => /tieu chi|chi so/.test(foldText(l))) || null;
  const yearMatch = lines.map((l) => /\bnam (20\d\d)\b/.exec(foldText(l))).find((m) => m !== null);
  const basis = lines
    .filter((l) => l !== title && /quyet dinh|huong dan|ke hoach/.test(foldText(l)) && /\d+\/\S/.test(l))
    .map((l) => l.replace(/^\((.*)\)$/, '$1').trim());
  return { title, year: yearMatch ? Number(yearMatch[1]) : null, basis };
}

// ---------------------------------------------------------------------------------------------

/**
 * Imports the criteria table on a sheet. Codes are generated by position ("1", "1.2", "1.2.3"); the
 * printed STT is kept. A parent without points gets its children's sum; one whose points differ is
 * a problem. The result then goes through parseCriteriaSet, so it meets the same checks as any set.
 */
export function importCriteriaTable(grid: SheetGrid, options: ImportOptions = {}): ImportResult {
  const layout = findTableLayout(grid);
  if (!layout) return { set: null, problems: [{ code: null, message: missingHeaderMessage(grid) }], warnings: [] };
  const table = readTableRows(grid, layout);
  const problems = table.problems.slice();
  const warnings = table.warnings.slice();
  if (table.roots.length === 0) {
    problems.push({ code: null, message: msg(
      `Không có tiêu chí nào dưới dòng tiêu đề (dòng ${layout.headerRow + 1}) của trang "${grid.name}".`,
      `No criteria below the header (row ${layout.headerRow + 1}) of sheet "${grid.name}".`) });
    return { set: null, problems, warnings };
  }
  const rows: Record<string, number> = {};
  const built = buildNodes(table.roots, null, problems, rows);
  const total = sumPoints(built.map((b) => b.max));
  if (!table.total) {
    warnings.push(msg('Không thấy dòng TỔNG CỘNG: không đối chiếu được tổng điểm.', 'No TỔNG CỘNG row found: the total could not be cross-checked.'));
  } else if (table.total.value === null) {
    warnings.push(rowWarning(table.total.row, 'dòng tổng cộng không ghi điểm.', 'the total row shows no points.'));
  } else if (built.every((b) => b.max !== null) && !pointsEqual(table.total.value, total)) {
    problems.push(rowProblem(table.total.row,
      `dòng tổng cộng ghi ${formatPoints(table.total.value)} điểm nhưng các lĩnh vực cộng lại ${formatPoints(total)} điểm.`,
      `the total row says ${formatPoints(table.total.value, 'en')} points but the domains add up to ${formatPoints(total, 'en')}.`));
  }
  if (problems.length) return { set: null, problems, warnings };

  const info = readTitleBlock(grid, layout.headerRow);
  const raw: Record<string, unknown> = {
    id: options.id || DEFAULT_IMPORT_ID,
    title: options.title || info.title || `Bộ tiêu chí nhập từ trang ${grid.name}`,
    status: options.status || 'reference',
    nodes: built.map((b) => b.node),
  };
  const year = options.year || info.year;
  if (year) raw.year = year;
  if (info.basis.length) raw.basis = info.basis;
  const parsed = parseCriteriaSet(raw);
  const located = parsed.problems.map((p): CriteriaProblem => {
    const row = p.code !== null ? rows[p.code] : undefined;
    return row === undefined ? p : { code: p.code, message: msg(`${p.message.vi} (dòng ${row})`, `${p.message.en} (row ${row})`) };
  });
  return { set: parsed.set, problems: located, warnings };
}
