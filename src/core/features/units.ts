// A district's (or a province's) list of communes, for a blank workbook each: one unit a line, with its
// type, as people keep such lists: "Xã Đồng Thịnh", or "Đồng Thịnh, xã" / "xã; Đồng Thịnh" as CSV with
// any of , ; or tab, a header row and a numbering column allowed. Pure: text in, units and problems out;
// the CLI and the pane both use it.

import { cellText, foldText } from '../model/grid';
import { Message } from '../model/errors';
import { parseUnitName } from '../model/unit-name';
import { message } from '../text/catalogue';
import { parseCsv } from './import/csv';
import { plainLetters } from './evidence/folders';

export type UnitKind = 'xã' | 'phường' | 'thị trấn';

export interface ListedUnit {
  /** "Xã Đồng Thịnh" */
  unit: string;
  kind: UnitKind;
  /** 1-based line of the list. */
  line: number;
  /** "xa-dong-thinh-2024.xlsx": plain letters, safe in e-mail and on every disk. */
  file: string;
}

export interface UnitListProblem {
  line: number;
  message: Message;
}

/** Units a list may hold: far more than a province has communes. */
export const MAX_UNITS = 2000;

const KINDS: Record<string, UnitKind> = { xa: 'xã', phuong: 'phường', 'thi tran': 'thị trấn', tt: 'thị trấn' };

/** Words of a header row, not of a unit. */
const HEADER_WORDS = ['ten', 'ten don vi', 'don vi', 'loai', 'loai don vi', 'stt', 'tt', 'name', 'unit', 'type', 'xa, phuong, thi tran'];

function kindOf(text: string): UnitKind | null {
  return KINDS[foldText(text).replace(/\.$/, '')] || null;
}

/** "Xã Đồng Thịnh" → its kind and name, when the text starts with a type. */
function prefixed(text: string): { kind: UnitKind; name: string } | null {
  const m = /^(xã|xa|phường|phuong|thị trấn|thi tran|tt\.?)\s+(.+)$/i.exec(text.normalize('NFC'));
  if (!m) return null;
  const kind = kindOf(m[1]);
  return kind ? { kind, name: m[2].trim() } : null;
}

/** "xa-dong-thinh-2024.xlsx" */
export function unitFileName(unit: string, year: number): string {
  const slug = plainLetters(unit).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${slug || 'don-vi'}-${year}.xlsx`;
}

export function parseUnitList(text: string, year: number): { units: ListedUnit[]; problems: UnitListProblem[] } {
  const grid = parseCsv(text, 'units');
  const units: ListedUnit[] = [];
  const problems: UnitListProblem[] = [];
  const seen: Record<string, { line: number; unit: string }> = {};
  const files: Record<string, number> = {};
  grid.values.forEach((row, i) => {
    const line = i + 1;
    // A numbering column ("1", "2.") and empty fields say nothing about the unit.
    const fields = row.map((v) => cellText(v)).filter((f) => f && !/^\d+\.?$/.test(f));
    if (!fields.length || fields[0].charAt(0) === '#') return;
    if (fields.every((f) => HEADER_WORDS.indexOf(foldText(f)) >= 0)) return;
    let found: { kind: UnitKind; name: string } | null = null;
    if (fields.length === 1) found = prefixed(fields[0]);
    else {
      const kinds = fields.map(kindOf);
      let typeAt = -1;
      for (let k = kinds.length - 1; k >= 0; k--) if (kinds[k] !== null) typeAt = k;
      const others = fields.filter((_, j) => j !== typeAt);
      if (typeAt >= 0 && others.length) found = { kind: kindOf(fields[typeAt])!, name: prefixed(others[0]) ? prefixed(others[0])!.name : others[0] };
      else if (typeAt < 0) found = prefixed(fields[0]);
    }
    if (!found || !found.name) {
      problems.push({ line, message: message('units.noKind', { line, text: fields.join(', ') }) });
      return;
    }
    const name = found.name.replace(/\s+/g, ' ');
    const unit = parseUnitName(`${found.kind} ${name}`).full;
    // Case and spacing aside; the marks tell communes apart ("Đồng Thịnh", "Động Thịnh").
    const key = unit.toLowerCase();
    if (seen[key]) {
      problems.push({ line, message: message('units.duplicate', { line, unit: seen[key].unit, first: seen[key].line }) });
      return;
    }
    seen[key] = { line, unit };
    let file = unitFileName(unit, year);
    // Two names that differ only by their marks ("Đồng Thịnh", "Động Thịnh") would share a file name.
    if (files[file]) file = file.replace(/\.xlsx$/, `-${line}.xlsx`);
    files[file] = line;
    units.push({ unit, kind: found.kind, line, file });
  });
  if (!units.length && !problems.length) problems.push({ line: 0, message: message('units.empty') });
  if (units.length > MAX_UNITS) problems.push({ line: 0, message: message('units.tooMany', { max: MAX_UNITS }) });
  return { units, problems };
}
