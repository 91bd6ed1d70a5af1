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

export interface WorkbookPort {
  features(): HostFeatures;
  listSheets(): Promise<SheetInfo[]>;
  /** Values, formulas and hyperlinks of the named sheets (missing names are skipped): one sync. */
  readGrids(sheetNames: string[]): Promise<WorkbookGrids>;
  /** Writes a whole plan: at most 3 syncs. Sheets of the plan that exist are replaced. */
  applyPlan(plan: WorkbookPlan): Promise<void>;
  /** Writes a few cells of one sheet (a Kiểm tra cell, an evidence row): two syncs (read the protection, write). */
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
}
