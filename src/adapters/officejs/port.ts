// The Office.js adapter as a WorkbookPort: each operation is one Excel.run through the runner, which
// counts its syncs and turns Office errors into messages; the work itself lives in write.ts, read.ts
// and events.ts. Round trips, whatever the size of the set: applyPlan 2 (3 with charts to draw or
// replace), readGrids 1 (3 when a named sheet is missing), writeCells 2 (it must learn the sheet's
// protection before lifting it).
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
import { ensureCellsWritable, ensurePlanWritable } from '../../core/model/plan-guard';
import { writeCellsTo, writePlan } from './write';

export function createExcelPort(host: OfficeHost): WorkbookPort {
  const runner = createRunner(host.Excel, host.onOperation);
  const features = featureDetector(host.requirements);
  return {
    features: () => ({ dataValidation: features().dataValidation, api19: features().api19 }),
    listSheets: () => runner.run('listSheets', listSheets),
    readGrids: (names) => {
      const unique = names.filter((n, i) => names.indexOf(n) === i);
      return runner.run('readGrids', (context, sync) => readSheets(context, sync, unique, features()));
    },
    applyPlan: async (plan) => {
      ensurePlanWritable(plan);
      return runner.run('applyPlan', (context, sync) => writePlan(context, sync, plan, features()));
    },
    writeCells: async (sheet, cells, styles) => {
      ensureCellsWritable(sheet, cells, styles);
      return runner.run('writeCells', (context, sync) => writeCellsTo(context, sync, sheet, cells, styles, features()));
    },
    deleteSheet: (name) =>
      runner.run('deleteSheet', async (context, sync) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(name);
        await sync();
        if (sheet.isNullObject) return;
        sheet.delete();
        await sync();
      }),
    select: (sheet, address) =>
      runner.run('select', async (context, sync) => {
        const found = context.workbook.worksheets.getItem(sheet);
        found.activate();
        found.getRange(address).select();
        await sync();
      }),
    selection: () => runner.run('selection', readSelection),
    onEdit: (handler) => subscribe(runner, features(), 'edit', handler),
    onSelection: (handler) => subscribe(runner, features(), 'selection', handler),
  };
}
