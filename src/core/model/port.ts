// What the task pane needs from a workbook, whatever holds it. The Office.js adapter implements it for
// the live workbook; tests use it with the recording fake. Pure types: no Office.js here.

import { WorkbookGrids } from './grid';
import { CellPlan, WorkbookPlan } from './plan';

export interface SheetInfo {
  name: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
}

/** Features the host offers beyond the manifest's minimum (ExcelApi 1.7). */
export interface HostFeatures {
  /** ExcelApi 1.8: data validation. */
  dataValidation: boolean;
  /** ExcelApi 1.9+: anything newer the adapter uses opportunistically. */
  api19: boolean;
}

export interface CellEdit {
  sheet: string;
  /** A1 address of the changed block, e.g. "E11" or "E11:E20". */
  address: string;
}

/**
 * A step that only presents the workbook (indentation, frozen panes, tab colour, print setup, charts)
 * and that Excel refused: the workbook was written whole without it, and the pane says so.
 */
export interface DegradedStep {
  step: 'indent' | 'freeze' | 'tabColor' | 'print' | 'charts';
  /** The sheets it was for. */
  sheets: string[];
}

export interface PlanWriteOptions {
  /** Sheets to delete in the same all-or-nothing operation (a scoring sheet people renamed, which the plan replaces). */
  remove?: string[];
}

export interface PlanWriteResult {
  degraded: DegradedStep[];
}

export interface WorkbookPort {
  features(): HostFeatures;
  listSheets(): Promise<SheetInfo[]>;
  /**
   * Values, formulas and hyperlinks of the named sheets (missing names are skipped): one sync, more
   * when the answer would be too large for one. `firstRows`: only each sheet's first rows (and first
   * 200 columns), enough to recognise a sheet by its header.
   */
  readGrids(sheetNames: string[], options?: { firstRows?: number }): Promise<WorkbookGrids>;
  /**
   * Writes a whole plan, all or nothing: sheets of the plan that exist are replaced, and the sheets in
   * `remove` deleted, only once everything essential is written; if any essential step fails the
   * workbook is left as it was and the error says so. Presentation steps Excel refuses are left out
   * and listed in `degraded`. A few syncs, more for very large sets (requests stay under 5 MB).
   */
  applyPlan(plan: WorkbookPlan, options?: PlanWriteOptions): Promise<PlanWriteResult>;
  /**
   * Writes a few cells of one sheet (an evidence row), all or nothing: on failure the cells' contents,
   * number formats, links and the sheet's protection are put back. Two syncs (read, write).
   */
  writeCells(sheet: string, cells: CellPlan[], styles: WorkbookPlan['styles']): Promise<void>;
  /** Removes a sheet if present. */
  deleteSheet(name: string): Promise<void>;
  /** Activates the sheet and selects the cell. */
  select(sheet: string, address: string): Promise<void>;
  /** The current selection. */
  selection(): Promise<{ sheet: string; address: string } | null>;
  /** Calls back on every edit while the pane is open; returns a function that stops listening. */
  onEdit(handler: (edit: CellEdit) => void): Promise<() => Promise<void>>;
  /** Calls back when the selection moves; returns a function that stops listening. */
  onSelection(handler: (sel: { sheet: string; address: string }) => void): Promise<() => Promise<void>>;
  /** The open workbook as .xlsx bytes, where the host can give them (the pane's workbooks for several units). */
  fileCopy?(): Promise<Uint8Array>;
}
