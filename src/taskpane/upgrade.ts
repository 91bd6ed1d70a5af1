// The pane's "Cập nhật bộ tiêu chí": rebuilds the open workbook under a corrected criteria set,
// carrying every entry by code (core/upgrade.ts).
//
// Before anything is replaced, the old scoring sheet is kept as a values copy, "Chấm điểm (cũ
// YYYY-MM-DD)". Changes made through Office.js cannot be undone with Ctrl+Z, and a confirmation
// clicked by habit protects nothing on its own (the pane still asks once, naming the copy: see
// maintain-controller.ts); the copy makes the step reversible by hand and shows every old score, note
// and code side by side with the new sheet. Its code column header is renamed so the reader never
// takes the copy for the live scoring sheet.

import { CriteriaSet } from '../core/model/criteria';
import { Leftover } from '../core/model/entries';
import { columnSpec, SHEETS } from '../core/model/layout';
import { DegradedStep, WorkbookPort } from '../core/model/port';
import { readOurSheets } from './our-sheets';
import type { RenamedCriterion } from '../core/features/upgrade';
import { rebuildPart } from './parts';
import { LEFTOVERS_SHEET } from '../core/sheets/leftovers';

export interface CriteriaUpgradeResult {
  /** The sheet holding the old scoring sheet's values. */
  backupSheet: string;
  /** Values placed on the new scoring sheet. */
  carried: number;
  /** Documents of the Minh chứng register carried over. */
  evidenceDocs: number;
  /** Entries kept on the leftovers sheet, with their reasons (the pane lists them). */
  leftovers: Leftover[];
  /** Criteria with the same code and a new name: entries were carried onto them, worth a look. */
  renamed: RenamedCriterion[];
  /** Presentation steps Excel refused (the workbook is whole without them). */
  degraded: DegradedStep[];
}

/** Excel's limit on a sheet name. */
const SHEET_NAME_LIMIT = 31;

function isoDay(now: Date): string {
  const two = (n: number) => (n < 10 ? '0' : '') + n;
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/** "Chấm điểm (cũ 2025-03-14)", or with " 2", " 3"… when an earlier update that day made one. */
export function backupSheetName(existing: string[], now: Date): string {
  const base = `${SHEETS.scoring} (cũ ${isoDay(now)})`;
  const taken = existing.map((n) => n.toLowerCase());
  let name = base;
  for (let n = 2; taken.indexOf(name.toLowerCase()) >= 0; n++) name = `${base} ${n}`.slice(0, SHEET_NAME_LIMIT);
  return name;
}

export async function upgradeCriteriaSet(port: WorkbookPort, newSet: CriteriaSet, now: Date = new Date()): Promise<CriteriaUpgradeResult> {
  const { planUpgrade, valuesCopySheet } = await rebuildPart();
  const { grids, names } = await readOurSheets(port);
  const upgrade = planUpgrade({ grids, set: newSet });
  const { read } = upgrade;

  const backupSheet = backupSheetName(names, now);
  const backup = valuesCopySheet(read.sheet, backupSheet);
  const codeHeader = backup.cells.filter((c) => c.row === read.headerRow && c.col === read.columns.code)[0];
  if (codeHeader) codeHeader.value = `${columnSpec('code').header.vi} (bản cũ)`;
  backup.tabColor = '808080';
  // One write, all or nothing: the new sheets, the copy, any sheet of their own under a name the plan
  // takes ("Minh chứng" before the register) as a values copy; the scoring sheet people renamed (the
  // copy holds everything of it) and a leftovers sheet that lists nothing any more (every row would
  // have been carried) go in the same step.
  const plan = { ...upgrade.plan, sheets: upgrade.plan.sheets.concat([backup], upgrade.displaced.map((s) => valuesCopySheet(s, s.name))) };
  const remove = [read.sheet.name !== SHEETS.scoring ? read.sheet.name : null, !upgrade.leftovers.length && names.indexOf(LEFTOVERS_SHEET) >= 0 ? LEFTOVERS_SHEET : null];
  const written = await port.applyPlan(plan, { remove: remove.filter((n): n is string => n !== null) });
  if (upgrade.leftovers.length) await port.select(LEFTOVERS_SHEET, 'A1');
  return { backupSheet, carried: upgrade.carried, evidenceDocs: upgrade.evidenceDocs, leftovers: upgrade.leftovers, renamed: upgrade.renamed, degraded: written.degraded };
}
