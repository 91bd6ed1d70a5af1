// What a section's copy says about each item, next to the main workbook's: the item's entries (score,
// appraisal, typed evidence, notes) and the Minh chứng documents that back it, compared as people read
// them, so a copy saved by another spreadsheet (LibreOffice, an older Excel) is not "changed" by its
// file format alone. And whose copy it is: by its file name, else by the items it changed.

import { CellValue, cellText, foldText } from '../../model/grid';
import { EntryRole, Entries, EvidenceDoc, isAssignmentRole, ENTRY_ROLES } from '../../model/entries';
import { parseDay, formatDay } from '../../model/dates';
import { Person, personKey } from '../../model/assignment';
import { documentLabel } from '../../sheets/register/plan';

/** The roles a section fills on an item; the assignment (Phụ trách, Hạn) is the Văn phòng's. */
export const CONTENT_ROLES: EntryRole[] = ENTRY_ROLES.filter((r) => !isAssignmentRole(r));

/** A cell as people read it: numbers as numbers, text trimmed and NFC, dates as dd/mm/yyyy. */
export function comparable(value: CellValue | undefined, role: EntryRole): string {
  if (value === undefined || value === null) return '';
  if (role === 'due') {
    const day = parseDay(value);
    if (day) return formatDay(day);
  }
  if (typeof value === 'number') return String(Math.round(value * 1e9) / 1e9);
  return cellText(value).replace(/\r\n/g, '\n');
}

export function docKey(d: EvidenceDoc): string {
  return [d.number, d.date, d.summary, d.figures || '', d.link].map((t) => t.normalize('NFC').trim()).join('\u0001');
}

/** One item in one workbook: its entries and the documents backing it. */
export interface ItemVersion {
  values: Partial<Record<EntryRole, CellValue>>;
  evidenceLink?: string;
  docs: EvidenceDoc[];
}

export function versionOf(entries: Entries, register: EvidenceDoc[], code: string): ItemVersion {
  const e = entries[code];
  const values: ItemVersion['values'] = {};
  if (e) for (const role of CONTENT_ROLES) if (e.values[role] !== undefined) values[role] = e.values[role];
  const version: ItemVersion = { values, docs: register.filter((d) => d.codes.indexOf(code) >= 0) };
  if (e && e.evidenceLink) version.evidenceLink = e.evidenceLink;
  return version;
}

/** The fields in which two versions of an item differ: content roles, and 'documents'. */
export type ItemField = EntryRole | 'documents';

export function differences(a: ItemVersion, b: ItemVersion): ItemField[] {
  const out: ItemField[] = [];
  for (const role of CONTENT_ROLES) if (comparable(a.values[role], role) !== comparable(b.values[role], role)) out.push(role);
  const keys = (v: ItemVersion) => v.docs.map(docKey).sort().join('\u0002');
  if (keys(a) !== keys(b)) out.push('documents');
  return out;
}

/**
 * True when `part` only lacks what `main` has: each of its entries equals main's or is empty, each of
 * its documents is main's. A copy sent before the main workbook was filled further looks like that on
 * every item it did not touch: those are no changes of the copy.
 */
export function onlyLacks(part: ItemVersion, main: ItemVersion): boolean {
  for (const role of CONTENT_ROLES) {
    const p = comparable(part.values[role], role);
    if (p !== '' && p !== comparable(main.values[role], role)) return false;
  }
  const mainKeys = main.docs.map(docKey);
  return part.docs.every((d) => mainKeys.indexOf(docKey(d)) >= 0);
}

/** A field of a version as the conflicts sheet shows it. */
export function shown(v: ItemVersion, field: ItemField): string {
  if (field === 'documents') return v.docs.map((d) => documentLabel(d) + (d.link ? ` [${d.link}]` : '')).join('; ');
  const value = v.values[field];
  return value === undefined || value === null ? '' : typeof value === 'number' ? String(value) : cellText(value);
}

/** Words of a text for matching names in file names: no diacritics, separators as spaces. */
function words(text: string): string {
  return ' ' + foldText(text).replace(/[^a-z0-9]+/g, ' ').trim() + ' ';
}

/**
 * The person or section a copy's file name names ("dong-thinh-tu-phap.xlsx" → "Tư pháp - Hộ tịch"): the
 * whole name, or a section's first part before " - ", as whole words; the longest match wins, and a
 * tie names nobody.
 */
export function ownerByFileName(fileName: string, people: Person[]): string | null {
  const stem = words(fileName.replace(/\.[A-Za-z0-9]{1,5}$/, ''));
  let best: { name: string; length: number } | null = null;
  let tie = false;
  for (const p of people) {
    if (!p.name) continue;
    const patterns = [p.name].concat(p.name.indexOf(' - ') > 0 ? [p.name.split(' - ')[0]] : []);
    for (const pattern of patterns) {
      const w = words(pattern);
      if (w.trim().length < 4 || stem.indexOf(w) < 0) continue;
      if (!best || w.length > best.length) {
        best = { name: p.name, length: w.length };
        tie = false;
      } else if (w.length === best.length && personKey(best.name) !== personKey(p.name)) tie = true;
    }
  }
  return best && !tie ? best.name : null;
}

/** The owner most of a copy's changed items belong to, when one clearly does; else null. */
export function ownerByChanges(changedOwners: string[]): string | null {
  const counts: Record<string, { name: string; n: number }> = {};
  for (const owner of changedOwners) {
    if (!owner) continue;
    const key = personKey(owner);
    counts[key] = counts[key] || { name: owner, n: 0 };
    counts[key].n++;
  }
  const ranked = Object.keys(counts).map((k) => counts[k]).sort((a, b) => b.n - a.n);
  if (!ranked.length || (ranked.length > 1 && ranked[1].n === ranked[0].n)) return null;
  return ranked[0].name;
}
