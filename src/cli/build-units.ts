// `cchc build --units LIST --out-dir DIR --year YYYY [--criteria SET.json] [--appraisal] [--force]`:
// the district's (or province's) blank workbook for each of its communes, from a list of names with
// their type (core/features/units.ts), so communes without the add-in receive a ready file by e-mail.
// All or nothing before writing: a list with a line that cannot be used, or a file that would be
// replaced without --force, writes no file at all.

import * as fs from 'fs';
import * as path from 'path';
import { CriteriaSet } from '../core/model/criteria';
import { Lang, refuse, say } from '../core/model/errors';
import { buildWorkbookPlan } from '../core/sheets/workbook';
import { parseUnitList } from '../core/features/units';
import { message, text } from '../core/text/node';
import { writePlanToFile } from '../adapters/exceljs/write';
import { CliExit, EXIT, Io, shownPath } from './io';
import { decodeText, readSmallFile } from './text-files';

export interface UnitsRequest {
  list?: string;
  outDir?: string;
  year: number;
  set: CriteriaSet;
  appraisal: boolean;
  force: boolean;
  /** Files read to make the workbooks (the criteria set): never replaced. */
  inputs: string[];
}

/** Lines of the list's problems shown; the count says how many there are. */
const LISTED = 20;

export async function buildForUnits(request: UnitsRequest, io: Io, lang: Lang): Promise<number> {
  const t = (key: Parameters<typeof text>[1], params?: Parameters<typeof text>[2]) => text(lang, key, params);
  if (!request.outDir) {
    const m = message('cli.units.needOutDir');
    refuse('bad-out', m);
  }
  if (!request.list) {
    const m = message('units.empty');
    refuse('empty', m);
  }
  const listFile = path.resolve(io.cwd, request.list);
  const { units, problems } = parseUnitList(decodeText(readSmallFile(listFile), path.basename(listFile)), request.year);
  if (problems.length) {
    const lines = [t('cli.units.problems', { file: shownPath(listFile, io), count: problems.length })]
      .concat(problems.slice(0, LISTED).map((p) => '  ✗ ' + say(p.message, lang)));
    throw new CliExit(EXIT.unusable, lines.join('\n'));
  }
  const dir = path.resolve(io.cwd, request.outDir);
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) {
    const m = message('cli.units.notDir', { dir: shownPath(dir, io) });
    refuse('no-folder', m);
  }
  const existing = units.map((u) => path.join(dir, u.file)).filter((f) => fs.existsSync(f));
  if (existing.length && !request.force) {
    const m = message('cli.units.exists', { dir: shownPath(dir, io), count: existing.length, files: existing.slice(0, 5).map((f) => path.basename(f)).join(', ') + (existing.length > 5 ? ', …' : '') });
    refuse('exists', m);
  }
  fs.mkdirSync(dir, { recursive: true });
  const inputs = request.inputs.concat([listFile]);
  for (const u of units) {
    await writePlanToFile(buildWorkbookPlan({ set: request.set, unit: u.unit, year: request.year, appraisal: request.appraisal }), path.join(dir, u.file), { inputs });
  }
  const width = Math.max(...units.map((u) => u.file.length)) + 2;
  const lines = [t('cli.units.written', { count: units.length, year: request.year, dir: shownPath(dir, io) })]
    .concat(units.map((u) => '  ' + u.file + new Array(width - u.file.length + 1).join(' ') + u.unit))
    .concat(['  ' + t('cli.units.set', { id: request.set.id, title: request.set.title }), t('cli.units.next')]);
  io.out(lines.join('\n') + '\n');
  return EXIT.ok;
}
