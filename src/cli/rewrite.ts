// Commands that change a workbook (`evidence link`, `assign`) rebuild it whole: the earlier file read,
// what people entered carried by code (core/features/upgrade.ts), the change applied to the build,
// then written to --out, to NAME-suffix.xlsx beside it, or with --in-place over it. Nothing is lost:
// people's own sheets go along as values, whatever has no place is kept on the leftovers sheet.

import * as fs from 'fs';
import * as path from 'path';
import { Lang, refuse, say } from '../core/model/errors';
import { UpgradeResult, valuesCopySheet } from '../core/features/upgrade';
import { BuildOptions } from '../core/model/build-options';
import { buildWorkbookPlan } from '../core/sheets/workbook';
import { LEFTOVERS_SHEET } from '../core/sheets/leftovers';
import { message, text } from '../core/text/node';
import { writePlanToFile } from '../adapters/exceljs/write';
import { Io, shownPath } from './io';

export interface RewriteOptions {
  out?: string;
  inPlace?: boolean;
  force?: boolean;
}

/** Where a changed workbook goes: itself with --in-place, else --out or "NAME-suffix.xlsx" beside it. */
export function outputOf(workbook: string, opts: RewriteOptions, io: Io, suffix: string): string {
  const refuseWith = (key: Parameters<typeof message>[0], params?: Parameters<typeof message>[1]) => {
    const m = message(key, params);
    refuse('bad-out', m);
  };
  if (opts.inPlace && opts.out) refuseWith('cli.inPlaceAndOut');
  if (opts.inPlace) return workbook;
  const out = opts.out ? path.resolve(io.cwd, opts.out) : path.join(path.dirname(workbook), path.basename(workbook, path.extname(workbook)) + suffix + '.xlsx');
  if (path.extname(out).toLowerCase() !== '.xlsx') refuseWith('cli.outNotXlsx', { out: opts.out || out });
  if (fs.existsSync(out) && !opts.force) {
    const m = message('cli.outExists', { file: shownPath(out, io) });
    refuse('exists', m);
  }
  return out;
}

/** Writes the rebuilt workbook with its people's own sheets; returns the lines to print after the change's own. */
export async function writeRewritten(upgrade: UpgradeResult, build: BuildOptions, out: string, workbook: string, inPlace: boolean, io: Io, lang: Lang): Promise<string[]> {
  const plan = buildWorkbookPlan(build);
  plan.sheets.push(...upgrade.otherSheets.map((s) => valuesCopySheet(s, s.name)));
  await writePlanToFile(plan, out, { inputs: inPlace ? [] : [workbook] });
  const lines: string[] = [];
  if (upgrade.leftovers.length) lines.push(text(lang, 'cli.leftovers', { count: upgrade.leftovers.length, sheet: LEFTOVERS_SHEET }));
  if (upgrade.otherSheets.length) lines.push(text(lang, 'cli.kept', { names: upgrade.otherSheets.map((s) => s.name).join(', ') }));
  lines.push(say(message('cli.written', { file: shownPath(out, io) }), lang));
  return lines;
}
