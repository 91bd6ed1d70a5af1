// Change and selection events: one handler for every sheet, reported with the sheet's name and an
// address without it. The workbook-wide events are ExcelApi 1.9; before that each sheet has its own,
// and sheets added later are not watched until the pane subscribes again.

import { CellEdit } from '../../core/model/port';
import { Features } from './host';
import { withoutSheet } from './format';
import { ExcelRunner } from './run';

type SheetEventArgs = { worksheetId: string; address: string };

export type EventKind = 'edit' | 'selection';

/** Registers a handler for edits or selection changes on every sheet; returns its remover. */
export async function subscribe(runner: ExcelRunner, features: Features, kind: EventKind, handler: (event: CellEdit) => void): Promise<() => Promise<void>> {
  const names: Record<string, string> = {};
  const sheetName = async (id: string): Promise<string> => {
    if (!names[id]) {
      names[id] = await runner.run('sheetName', async (context, sync) => {
        const sheet = context.workbook.worksheets.getItem(id);
        sheet.load('name');
        await sync();
        return sheet.name;
      });
    }
    return names[id];
  };
  const callback = async (args: SheetEventArgs): Promise<void> => {
    handler({ sheet: await sheetName(args.worksheetId), address: withoutSheet(args.address) });
  };
  const registrations = await runner.run(kind === 'edit' ? 'onEdit' : 'onSelection', async (context, sync) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/id,items/name');
    const added: Array<OfficeExtension.EventHandlerResult<SheetEventArgs>> = [];
    if (features.api19) added.push(kind === 'edit' ? sheets.onChanged.add(callback) : sheets.onSelectionChanged.add(callback));
    await sync();
    for (const sheet of sheets.items) names[sheet.id] = sheet.name;
    if (!features.api19) {
      for (const sheet of sheets.items) added.push(kind === 'edit' ? sheet.onChanged.add(callback) : sheet.onSelectionChanged.add(callback));
      await sync();
    }
    return added;
  });
  return async () => {
    if (!registrations.length) return;
    // Removing a handler needs the context that added it.
    await runner.runIn(registrations[0].context, 'removeHandlers', async (_context, sync) => {
      for (const r of registrations) r.remove();
      await sync();
    });
  };
}
