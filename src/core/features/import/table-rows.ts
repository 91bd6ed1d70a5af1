// The rows of an official criteria table: numbering (Roman, Arabic, restarting per domain), points
// written as people write them, continuation rows and notes, turned into the criteria tree.

import { CriteriaNode, CriteriaProblem } from '../../model/criteria';
import { Message } from '../../model/errors';
import { CellValue, SheetGrid, cellText, foldText } from '../../model/grid';
import { formatPoints, parsePointsText, pointsEqual, sumPoints } from '../../model/points';
import { applyReading, readMethod } from './method-reading';
import { TableLayout, headerRole, columnRoles, isCompleteHeader, parseMerges, rowValues } from './table-header';
import { message, points as pointsParam, shorten } from '../../text/catalogue';

// ---------------------------------------------------------------------------------------------
// Header
// ---------------------------------------------------------------------------------------------
// Rows
export const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X',
  'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

export const BULLET = /^[-+•–·]$/;

export const BULLET_START = /^[-+•–·]\s/;

/**
 * What a printed STT says about a row's level: rows sharing a key are siblings, a new key nests
 * below the open rows. `ordinal` is the row's place among its siblings, for spotting gaps.
 */
export interface SttPattern {
  text: string;
  /** 'roman', 'upper', 'lower', 'bullet', or 'number' + the count of its parts ("1.2" → 'number2'). */
  key: string;
  ordinal: number | null;
}

export function classifyStt(raw: string, lettersAreDomains: boolean): SttPattern | 'unknown' {
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
export function rowLabelKind(folded: string): 'total' | 'subtotal' | 'notes' | null {
  if (/^\*?\s*(ghi chu|luu y|chu thich|chu y|noi nhan)/.test(folded)) return 'notes';
  const t = folded.replace(/\(.*\)/g, '').replace(/[:.]/g, '').trim();
  if (/^(tong cong|tong so diem|tong diem|tong)( toi da| chuan)?$/.test(t)) return 'total';
  // Per-domain subtotal rows ("Cộng", "Cộng lĩnh vực I"): the domain row already carries that sum.
  if (/^cong( linh vuc.*)?$/.test(t)) return 'subtotal';
  return null;
}

/** The "(1) (2) (3)" row under the header, or a plain "1 2 3 4" / "A B C" one. */
export function isColumnNumberRow(values: CellValue[]): boolean {
  const tokens = values.map(cellText).filter((t) => t !== '');
  if (tokens.length < 2) return false;
  if (tokens.every((t) => /^\(\s*(\d{1,2}|[A-Za-z])\s*\)$/.test(t))) return true;
  // Plain tokens only when they count up one by one: "1 | B | 1" is a data row.
  const codes = tokens.map((t) => (/^\d{1,2}$/.test(t) ? Number(t) : /^[A-Z]$/.test(t) ? t.charCodeAt(0) : NaN));
  return tokens.length >= 3 && codes.every((c, i) => c === codes[0] + i);
}

/** "2,5", "2,5 điểm", "2.5", 3, "Tối đa 2 điểm"; null for an empty cell, NaN when unreadable. */
export function readPoints(value: CellValue): number | null {
  const text = cellText(value);
  if (text === '') return null;
  const points = typeof value === 'number' ? value : parsePointsText(text.toLowerCase().replace(/^tối đa\s*:?\s*/, ''));
  return points === null || points < 0 ? NaN : points;
}

/** "…(12 điểm)" at the end of a name: domain rows merged across the points column carry it there. */
export const POINTS_IN_NAME = /\s*\(\s*(?:tối đa\s*:?\s*)?(\d+(?:[.,]\d+)?)\s*điểm\s*\)\s*$/i;

/** True when text states an amount of points ("1 điểm", "0,5đ"). */
export function mentionsPoints(text: string): boolean {
  return /\d\s*diem(?![a-z])|\dd(?![a-z])/.test(foldText(text));
}

export function withPoints(text: string, points: number | null): string {
  return points === null || mentionsPoints(text) ? text : `${text}: ${formatPoints(points)} điểm`;
}

export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface Draft {
  row: number; // 1-based, as Excel shows it
  stt: SttPattern;
  nameParts: string[];
  max: number | null;
  /** The points cell could not be read (already reported): no second "no maximum" problem. */
  unreadableMax: boolean;
  method: string[];
  children: Draft[];
}

export function draftLabel(d: Draft): string {
  return `${d.stt.text} ${shorten(squash(d.nameParts.join(' ')), 50)}`;
}

export interface TableRows {
  roots: Draft[];
  total: { row: number; value: number | null } | null;
  problems: CriteriaProblem[];
  warnings: Message[];
}

export function rowProblem(row: number, problem: Message): CriteriaProblem {
  return { code: null, message: rowWarning(row, problem) };
}

export function rowWarning(row: number, problem: Message): Message {
  return message('inputs.tableRows.atRow', { row, problem });
}

/**
 * Reads the rows below the header into a tree of drafts. Levels come from the STT pattern relative
 * to the rows still open (numbering restarts per domain, so the number alone cannot tell); rows
 * without STT continue the row above.
 */
export function readTableRows(grid: SheetGrid, layout: TableLayout): TableRows {
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
      result.warnings.push(rowWarning(draft.row, message('inputs.tableRows.numberFollowsCheckWhether', { number: draft.stt.text, previous: previous.stt.text })));
    }
    const parentNumber = parent ? parent.stt.text.split('.') : [];
    const ownNumber = draft.stt.text.split('.');
    if (parent && /^number/.test(parent.stt.key) && /^number/.test(draft.stt.key) && ownNumber.length === parentNumber.length + 1
      && ownNumber.slice(0, -1).join('.') !== parent.stt.text) {
      result.warnings.push(rowWarning(draft.row, message('inputs.tableRows.numberSitsUnderItem', { number: draft.stt.text, parent: parent.stt.text })));
    }
    siblings.push(draft);
    open.push(draft);
    last = draft;
  };

  const continueRow = (row: number, nameText: string, methodText: string, points: number | null) => {
    if (!last) {
      result.warnings.push(rowWarning(row, message('inputs.tableRows.textBeforeFirstCriterion')));
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
      result.warnings.push(rowWarning(row, message('inputs.tableRows.pointsWithoutAnyText', { points: pointsParam(points) })));
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
      result.warnings.push(rowWarning(row, message('inputs.tableRows.subtotalRowIgnored', { label })));
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
      result.problems.push(rowProblem(row, message('inputs.tableRows.readPoints', { max: at(layout.max) })));
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
        ? message('inputs.tableRows.excelTurnedNumberInto')
        : { vi: '', en: '' };
      result.problems.push(rowProblem(row, message('inputs.tableRows.understandNumber', { sttText, hint })));
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
      result.problems.push(rowProblem(row, message('inputs.tableRows.itemNameNameColumn', { text: stt.text })));
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
export function foldScoringBullets(draft: Draft): void {
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

export interface Built {
  node: CriteriaNode;
  max: number | null; // null when a maximum is missing below: sums cannot be checked
}

/**
 * The criteria tree of the drafts, codes by position. A leaf's scoring text says how it is scored
 * (method-reading.ts); what looks doubtful there goes to `warnings`, with the row.
 */
export function buildNodes(drafts: Draft[], parentCode: string | null, problems: CriteriaProblem[], rows: Record<string, number>, warnings: Message[] = []): Built[] {
  return drafts.map((draft, index) => {
    const code = parentCode === null ? String(index + 1) : `${parentCode}.${index + 1}`;
    rows[code] = draft.row;
    foldScoringBullets(draft);
    const node: CriteriaNode = { code, stt: draft.stt.text, name: squash(draft.nameParts.join(' ')), max: 0 };
    const method = draft.method.join('\n').split(/\r\n?|\n/).map((l) => l.trim()).filter((l) => l !== '').join('\n');
    if (method) node.method = method;
    let max = draft.max;
    if (draft.children.length) {
      const children = buildNodes(draft.children, code, problems, rows, warnings);
      node.children = children.map((c) => c.node);
      const sum = children.some((c) => c.max === null) ? null : sumPoints(children.map((c) => c.max));
      if (sum !== null && max !== null && !pointsEqual(sum, max)) {
        problems.push({ code, message: message('inputs.tableRows.rowMaximumButItems', { row: draft.row, draft: draftLabel(draft), max: pointsParam(max), sum: pointsParam(sum) }) });
      }
      if (max === null) max = sum;
    } else if (max === null) {
      if (!draft.unreadableMax) problems.push({ code, message: message('inputs.tableRows.rowMaximumPoints', { row: draft.row, draft: draftLabel(draft) }) });
    } else if (method) {
      const reading = readMethod(method, max);
      applyReading(node, reading);
      for (const w of reading.warnings) warnings.push(rowWarning(draft.row, message('inputs.tableRows.ofItem', { draft: draftLabel(draft), problem: w })));
    }
    node.max = max === null ? 0 : max;
    return { node, max };
  });
}
