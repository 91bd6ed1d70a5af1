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
import { text } from '../core/text/node';

/** Leftovers listed on the terminal; the sheet has them all. */
const LISTED_LEFTOVERS = 10;


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
  const upgrade = planUpgrade({ grids: earlier.grids, set: request.set, unit: request.unit, year: request.year, appraisal: request.appraisal, previous: request.previous });
  const { plan } = upgrade;
  // A person's own sheets go along as values: the rebuilt layout cannot honour their formulas.
  plan.sheets.push(...upgrade.otherSheets.map((s) => valuesCopySheet(s, s.name)));
  await writePlanToFile(plan, request.out, { inputs: request.inputs.concat(earlier.file) });

  const lines = [
    text(lang, 'cli.buildFrom.written', { file: shownPath(request.out, io), from: shownPath(earlier.file, io) }),
    '  ' + text(lang, 'cli.buildFrom.unit', { unit: parseUnitName(upgrade.build.unit).full, year: upgrade.build.year }),
    '  ' + (upgrade.previous.set.id === request.set.id ? text(lang, 'cli.buildFrom.setKept', { to: request.set.id }) : text(lang, 'cli.buildFrom.setChanged', { from: upgrade.previous.set.id, to: request.set.id })),
    '  ' + text(lang, upgrade.evidenceDocs ? 'cli.buildFrom.carriedWithDocs' : 'cli.buildFrom.carried', { n: upgrade.carried, docs: upgrade.evidenceDocs }),
  ];
  if (upgrade.build.appraisal && !request.appraisal) lines.push('  ' + text(lang, 'cli.buildFrom.appraisal'));
  if (upgrade.leftovers.length) {
    lines.push('  ! ' + text(lang, 'cli.buildFrom.leftovers', { n: upgrade.leftovers.length, sheet: LEFTOVERS_SHEET }));
    for (const l of upgrade.leftovers.slice(0, LISTED_LEFTOVERS)) {
      const value = typeof l.value === 'number' ? formatPoints(l.value, lang) : String(l.value === null ? '' : l.value).slice(0, 40);
      lines.push(`      ${l.code || '—'} · ${ENTRY_ROLE_NAMES[l.role][lang]} · "${value}": ${l.reason[lang]}`);
    }
    if (upgrade.leftovers.length > LISTED_LEFTOVERS) lines.push('      ' + text(lang, 'cli.buildFrom.more', { n: upgrade.leftovers.length - LISTED_LEFTOVERS, sheet: LEFTOVERS_SHEET }));
  }
  if (upgrade.renamed.length) {
    lines.push('  ! ' + text(lang, 'cli.buildFrom.renamed'));
    for (const r of upgrade.renamed) lines.push(`      ${r.code}: "${r.before}" → "${r.after}"`);
  }
  if (upgrade.otherSheets.length) lines.push('  ' + text(lang, 'cli.buildFrom.copied', { names: upgrade.otherSheets.map((s) => s.name).join(', ') }));
  lines.push(text(lang, 'cli.buildFrom.untouched', { file: shownPath(earlier.file, io) }));
  return lines.join('\n') + '\n';
}
