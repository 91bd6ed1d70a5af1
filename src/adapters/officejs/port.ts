// The Office.js adapter as a WorkbookPort: each operation is one Excel.run through the runner, which
// counts its syncs and turns Office errors into messages; the work itself lives in write-plan.ts,
// write-cells.ts, read.ts and events.ts. Round trips: applyPlan 4 (look, write, present, commit; the
// write takes more requests for very large sets), readGrids 1 (3 when a named sheet is missing),
// writeCells 2 (it must learn the sheet's protection before lifting it). Writes are all or nothing,
// and their own change events never reach the pane's handlers (quiet.ts).
//
// Requirement sets: the manifest asks ExcelApi 1.7. Data validation (1.8) and the 1.9 conveniences
// (indentation, print setup, cell properties) are used only when the host says it
// has them; without them the workbook still gets its values, formulas, formats, conditional formats,
// links and protection.

import { WorkbookPort } from '../../core/model/port';
import { OfficeHost, featureDetector } from './host';
import { listSheets, readSelection, readSheets } from './read';
import { createRunner } from './run';
import { subscribe } from './events';
import { QUIET_AFTER_MS, createQuiet } from './quiet';
import { readWholeFile } from './file';

export type Writers = typeof import('./writers');

export interface PortHost extends OfficeHost {
  /** Fetches the writers (writers.ts) for the first write: the pane's parts.ts. Without it they are imported then. */
  writers?: () => Promise<Writers>;
}

export function createExcelPort(host: PortHost): WorkbookPort {
  // The writers arrive with the first write where the host fetches them (the pane); else now.
  const writers = host.writers || (() => import('./writers'));
  const runner = createRunner(host.Excel, host.onOperation);
  const features = featureDetector(host.requirements);
  const quiet = createQuiet();
  // Where the writers turn events off (ExcelApi 1.8) none trail a write; elsewhere they may, a moment later.
  const grace = () => (features().quietWrites ? 0 : host.quietAfterMs === undefined ? QUIET_AFTER_MS : host.quietAfterMs);
  return {
    features: () => ({ dataValidation: features().dataValidation, api19: features().api19 }),
    listSheets: () => runner.run('listSheets', listSheets),
    readGrids: (names, options = {}) => {
      const unique = names.filter((n, i) => names.indexOf(n) === i);
      return runner.run('readGrids', (context, sync) => readSheets(context, sync, unique, features(), options.firstRows));
    },
    applyPlan: async (plan, options = {}) => {
      const writer = await writers();
      writer.ensurePlanWritable(plan);
      const sheets = plan.sheets.map((s) => s.name).concat(options.remove || []);
      return quiet.during(sheets, grace(), () => runner.run('applyPlan', (context, sync) => writer.writePlan(context, sync, plan, features(), options)));
    },
    writeCells: async (sheet, cells, styles) => {
      const writer = await writers();
      writer.ensureCellsWritable(sheet, cells, styles);
      return quiet.during([sheet], grace(), () => runner.run('writeCells', (context, sync) => writer.writeCellsTo(context, sync, sheet, cells, styles, features())));
    },
    deleteSheet: (name) =>
      quiet.during([name], grace(), () => runner.run('deleteSheet', async (context, sync) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(name);
        await sync();
        if (sheet.isNullObject) return;
        sheet.delete();
        await sync();
      })),
    select: (sheet, address) =>
      runner.run('select', async (context, sync) => {
        const found = context.workbook.worksheets.getItem(sheet);
        found.activate();
        found.getRange(address).select();
        await sync();
      }),
    selection: () => runner.run('selection', readSelection),
    onEdit: (handler) => subscribe(runner, features(), 'edit', (edit) => {
      if (!quiet.hushes(edit.sheet)) handler(edit);
    }),
    onSelection: (handler) => subscribe(runner, features(), 'selection', handler),
    fileCopy: host.document && typeof host.document.getFileAsync === 'function' ? () => readWholeFile(host.document!) : undefined,
  };
}
