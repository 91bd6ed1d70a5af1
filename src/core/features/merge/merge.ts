// Merging the sections' copies (Nhiều xã không dùng chung tệp: each section fills the items assigned to
// it in a copy sent by e-mail). From each copy, the items of its section are taken (score, register
// documents, notes); nothing is overwritten silently: where two copies disagree on an item, or a copy
// changed an item assigned to someone else (or the assignment itself), the main workbook's version
// stays and the conflict is listed. Pure: grids in, the build of the merged workbook and an account out.

import { WorkbookGrids } from '../../model/grid';
import { Entries, EvidenceDoc, LeafEntry } from '../../model/entries';
import { BuildOptions } from '../../model/build-options';
import { parseUnitName } from '../../model/unit-name';
import { ItemAssignment, defaultDueDay, effectiveAssignments, personKey } from '../../model/assignment';
import { Message, UserError } from '../../model/errors';
import { message } from '../../text/node';
import { readScoring } from '../../sheets/scoring/read';
import { extractEntries } from '../../sheets/scoring/entries';
import { extraItemsByCode } from '../../sheets/scoring/extras';
import { UpgradeResult, planUpgrade } from '../upgrade';
import { ConflictRow } from '../../sheets/conflicts';
import { CONTENT_ROLES, ItemField, ItemVersion, comparable, differences, docKey, onlyLacks, ownerByChanges, ownerByFileName, shown, versionOf } from './versions';

export interface MergePart {
  /** How the copy is named to people (its file name). */
  name: string;
  grids: WorkbookGrids;
}

/** One disagreement: the main workbook's value (kept) and a copy's (sheets/conflicts.ts lists them). */
export type MergeConflict = ConflictRow;

export interface PartAccount {
  part: string;
  /** The person or section the copy belongs to; null when it could not be told. */
  owner: string | null;
  how: 'file-name' | 'changes' | 'unknown';
  /** Items taken from this copy. */
  taken: string[];
}

export interface MergeResult {
  build: BuildOptions;
  /** The main workbook's rebuild: its people's own sheets go along (otherSheets). */
  upgrade: UpgradeResult;
  parts: PartAccount[];
  conflicts: MergeConflict[];
}

interface ReadPart {
  part: MergePart;
  entries: Entries;
  register: EvidenceDoc[];
  owner: string | null;
  how: PartAccount['how'];
  /** Items the copy added to or altered, with the fields that differ. */
  changed: Record<string, ItemField[]>;
  /** Items where the copy only lacks what the main workbook has (filled there after the copy left). */
  lacking: Record<string, ItemField[]>;
  assignmentChanged: string[];
}

function refuse(m: Message): never {
  throw new UserError('not-same-workbook', m);
}

export function planMerge(main: WorkbookGrids, parts: MergePart[]): MergeResult {
  const upgrade = planUpgrade({ grids: main });
  const build = upgrade.build;
  const set = build.set;
  const entries: Entries = build.entries || {};
  const register = build.evidence || [];
  const people = build.people || [];
  const criteria = upgrade.read.criteria;
  const common = upgrade.read.assignment ? upgrade.read.assignment.commonDueDay : null;
  const effective: Record<string, ItemAssignment> = effectiveAssignments(criteria.nodes,
    (code, role) => (entries[code] ? entries[code].values[role] : undefined), common || defaultDueDay(build.year));
  // Items a section fills: the tree's scored items, and bonus and deduction items (nobody's).
  const items = criteria.leaves.map((f) => f.code).concat(Object.keys(extraItemsByCode(set)));
  const names: Record<string, string> = {};
  for (const f of criteria.nodes) names[f.code] = f.node.name;
  const extras = extraItemsByCode(set);
  for (const code of Object.keys(extras)) names[code] = extras[code].item.name;
  const ownerOf = (code: string) => (effective[code] ? effective[code].owner : '');
  const mainVersion = (code: string) => versionOf(entries, register, code);

  const read: ReadPart[] = parts.map((part) => {
    const r = readScoring(part.grids);
    if (r.meta.set.id !== set.id || parseUnitName(r.meta.unit).key !== parseUnitName(build.unit).key || r.meta.year !== build.year) {
      refuse(message('merge.notSame', { part: part.name, unit: r.meta.unit, year: r.meta.year, set: r.meta.set.id, mainUnit: build.unit, mainYear: build.year, mainSet: set.id }));
    }
    const x = extractEntries(r);
    const changed: Record<string, ItemField[]> = {};
    const lacking: Record<string, ItemField[]> = {};
    for (const code of items) {
      const mine = versionOf(x.entries, x.register, code);
      const d = differences(mainVersion(code), mine);
      if (d.length) (onlyLacks(mine, mainVersion(code)) ? lacking : changed)[code] = d;
    }
    const assignmentChanged = criteria.nodes.map((f) => f.code).filter((code) =>
      (['owner', 'due'] as const).some((role) => comparable(entries[code] && entries[code].values[role], role) !== comparable(x.entries[code] && x.entries[code].values[role], role)));
    let owner = ownerByFileName(part.name, people);
    let how: PartAccount['how'] = owner ? 'file-name' : 'unknown';
    if (!owner) {
      owner = ownerByChanges(Object.keys(changed).map(ownerOf));
      if (owner) how = 'changes';
    }
    return { part, entries: x.entries, register: x.register, owner, how, changed, lacking, assignmentChanged };
  });

  const conflicts: MergeConflict[] = [];
  const conflict = (code: string, field: ItemField, kept: ItemVersion, p: ReadPart, reason: Message) => {
    conflicts.push({ code, item: names[code] || '', field, kept: shown(kept, field), part: p.part.name, value: shown(versionOf(p.entries, p.register, code), field), reason });
  };
  const taken: Record<string, ReadPart> = {};
  for (const code of items) {
    const changers = read.filter((p) => p.changed[code]);
    if (!changers.length) continue;
    const owner = ownerOf(code);
    const theirs = (p: ReadPart) => !owner || (p.owner !== null && personKey(p.owner) === personKey(owner));
    const rightful = changers.filter(theirs);
    const agree = rightful.length > 0 && rightful.every((p) => !differences(versionOf(rightful[0].entries, rightful[0].register, code), versionOf(p.entries, p.register, code)).length);
    if (agree) taken[code] = rightful[0];
    else {
      for (const p of rightful) {
        for (const field of p.changed[code]) conflict(code, field, mainVersion(code), p, message('merge.disagree', { parts: rightful.map((q) => q.part.name).join(', ') }));
      }
    }
    for (const p of changers.filter((q) => !theirs(q))) {
      // The same change as the one taken is no conflict: nothing would be lost either way.
      if (taken[code] && !differences(versionOf(taken[code].entries, taken[code].register, code), versionOf(p.entries, p.register, code)).length) continue;
      for (const field of p.changed[code]) conflict(code, field, mainVersion(code), p, message('merge.notTheirs', { owner }));
    }
  }
  // A section's copy that lacks what the main workbook holds for its own item: main's stays, and
  // the difference is listed (the copy may mean to remove it). Others' items it lacks are no news.
  for (const p of read) {
    for (const code of Object.keys(p.lacking)) {
      const owner = ownerOf(code);
      if (!owner || !p.owner || personKey(p.owner) !== personKey(owner) || taken[code]) continue;
      for (const field of p.lacking[code]) conflict(code, field, mainVersion(code), p, message('merge.lacking'));
    }
  }
  for (const p of read) {
    for (const code of p.assignmentChanged) {
      for (const role of ['owner', 'due'] as const) {
        const before = comparable(entries[code] && entries[code].values[role], role);
        const after = comparable(p.entries[code] && p.entries[code].values[role], role);
        if (before === after) continue;
        conflicts.push({ code, item: names[code] || '', field: role, kept: before, part: p.part.name, value: after, reason: message('merge.assignment') });
      }
    }
  }

  const mergedEntries: Entries = {};
  for (const code of Object.keys(entries)) mergedEntries[code] = entries[code];
  for (const code of Object.keys(taken)) {
    const from = taken[code].entries[code];
    const values: LeafEntry['values'] = {};
    const before = entries[code];
    if (before) for (const role of ['owner', 'due'] as const) if (before.values[role] !== undefined) values[role] = before.values[role];
    if (from) for (const role of CONTENT_ROLES) if (from.values[role] !== undefined) values[role] = from.values[role];
    const e: LeafEntry = { values };
    if (from && from.evidenceLink) e.evidenceLink = from.evidenceLink;
    mergedEntries[code] = e;
  }

  return {
    build: { ...build, entries: mergedEntries, evidence: mergedRegister(register, taken), appraisal: build.appraisal || Object.keys(taken).some((c) => {
      const v = mergedEntries[c].values;
      return v.appraisal !== undefined || v.appraisalNote !== undefined;
    }) },
    upgrade,
    parts: read.map((p) => ({ part: p.part.name, owner: p.owner, how: p.how, taken: Object.keys(taken).filter((c) => taken[c] === p) })),
    conflicts,
  };
}

/**
 * The main register with the taken items' documents from their copies: each document once (by its
 * number, date, description, figures and file), listing every code it backs; a main document whose
 * codes were all taken over leaves with them.
 */
function mergedRegister(main: EvidenceDoc[], taken: Record<string, ReadPart>): EvidenceDoc[] {
  const out: EvidenceDoc[] = [];
  const byKey: Record<string, EvidenceDoc> = {};
  for (const d of main) {
    const codes = d.codes.filter((c) => !taken[c]);
    if (d.codes.length && !codes.length) continue;
    const doc = { ...d, codes };
    out.push(doc);
    if (!byKey[docKey(doc)]) byKey[docKey(doc)] = doc;
  }
  for (const code of Object.keys(taken)) {
    for (const d of taken[code].register.filter((x) => x.codes.indexOf(code) >= 0)) {
      const key = docKey(d);
      if (byKey[key]) {
        if (byKey[key].codes.indexOf(code) < 0) byKey[key].codes.push(code);
        continue;
      }
      const doc: EvidenceDoc = { ...d, codes: [code] };
      byKey[key] = doc;
      out.push(doc);
    }
  }
  return out;
}
