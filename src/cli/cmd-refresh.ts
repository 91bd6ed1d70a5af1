// `cchc refresh FILE.xlsx (--out NEW.xlsx | --in-place) [--previous LAST-YEAR.xlsx] [--district NAME] [--force]`: the computed parts
// of a workbook made again from what people typed — Tổng hợp with its "Tồn tại, hạn chế" list of the
// scores of the day, the subtotals, the evidence counts — the rebuild of `cchc build --from` (nothing
// typed is lost: entries by code, the register, Tổng hợp's panel, leftovers). Without --in-place the
// original is not changed. Exit 0: written; 2: an option is wrong or a file cannot be read or written.

import * as fs from 'fs';
import * as path from 'path';
import { Command } from 'commander';
import { Lang, UserError } from '../core/model/errors';
import { message, points, text } from '../core/text/node';
import { planUpgrade, valuesCopySheet } from '../core/features/upgrade';
import { parseUnitName } from '../core/model/unit-name';
import { shortfalls } from '../core/sheets/shortfalls';
import { sumPoints } from '../core/model/points';
import { LEFTOVERS_SHEET } from '../core/sheets/leftovers';
import { readWorkbookGrids } from '../adapters/exceljs/read-grid';
import { WorkbookGrids } from '../core/model/grid';
import { PreviousYear } from '../core/model/build-options';
import { previousFromGrids } from '../core/features/previous';
import { readScoring } from '../core/sheets/scoring/read';
import { writePlanToFile } from '../adapters/exceljs/write';
import { EXIT, Io, Register, langOf, shownPath } from './io';

interface RefreshOptions {
  previous?: string;
  out?: string;
  inPlace?: boolean;
  force?: boolean;
  district?: string;
  lang?: string;
}

function outputOf(input: string, opts: RefreshOptions, io: Io): string {
  if (opts.inPlace && opts.out) throw new UserError('bad-out', message('refresh.bothOut'));
  if (opts.inPlace) return input;
  if (!opts.out) throw new UserError('bad-out', message('refresh.needOut'));
  if (path.extname(opts.out).toLowerCase() !== '.xlsx') throw new UserError('bad-out', message('refresh.badOut', { out: opts.out }));
  const out = path.resolve(io.cwd, opts.out);
  if (fs.existsSync(out) && !fs.statSync(out).isDirectory() && !opts.force) throw new UserError('exists', message('refresh.exists', { file: shownPath(out, io) }));
  return out;
}

/** Last year's result from its workbook, compared with this year's set. */
export async function readPrevious(file: string, current: WorkbookGrids, io: Io, lang: Lang): Promise<PreviousYear> {
  const set = readScoring(current).meta.set;
  return previousFromGrids(await readWorkbookGrids(file), set, shownPath(file, io), lang);
}

async function refreshCommand(file: string, opts: RefreshOptions, io: Io, lang: Lang): Promise<number> {
  const input = path.resolve(io.cwd, file);
  const out = outputOf(input, opts, io);
  const grids = await readWorkbookGrids(input);
  const district = opts.district ? opts.district.normalize('NFC').replace(/\s+/g, ' ').trim() : undefined;
  const previous = opts.previous ? await readPrevious(path.resolve(io.cwd, opts.previous), grids, io, lang) : undefined;
  const upgrade = planUpgrade({ grids, district, previous });
  const { plan, build } = upgrade;
  // A person's own sheets go along as values, as every rebuild does (build-from.ts).
  plan.sheets.push(...upgrade.otherSheets.map((s) => valuesCopySheet(s, s.name)));
  await writePlanToFile(plan, out, { inputs: opts.inPlace ? [] : [input] });

  const list = shortfalls(build.set, build.entries, build.appraisal ? 'appraisal' : 'self');
  const items = list.reduce((n, d) => n + d.items.length, 0);
  const lines = [
    text(lang, 'refresh.written', { file: shownPath(out, io) }),
    '  ' + text(lang, 'refresh.unit', { unit: parseUnitName(build.unit).full, year: build.year }),
    '  ' + (items ? text(lang, 'refresh.shortfalls', { count: items, lost: points(sumPoints(list.map((d) => d.lost))) }) : text(lang, 'refresh.noShortfalls')),
    '  ' + text(lang, 'refresh.kept'),
  ];
  if (upgrade.leftovers.length) lines.push('  ! ' + text(lang, 'refresh.leftovers', { count: upgrade.leftovers.length, sheet: LEFTOVERS_SHEET }));
  if (upgrade.otherSheets.length) lines.push('  ' + text(lang, 'refresh.copied', { names: upgrade.otherSheets.map((s) => `"${s.name}"`).join(', ') }));
  lines.push(opts.inPlace ? text(lang, 'refresh.inPlace', { file: shownPath(input, io) }) : text(lang, 'refresh.original', { file: shownPath(input, io) }));
  io.out(lines.join('\n') + '\n');
  return EXIT.ok;
}

export const registerRefresh: Register = (program: Command, io: Io, setExit) => {
  program
    .command('refresh')
    .description('Cập nhật Tổng hợp và các phần tính toán theo điểm hiện tại, giữ mọi nội dung đã nhập / Refresh Tổng hợp and the computed parts from the current scores, every entry kept')
    .argument('<file>', 'bảng chấm điểm .xlsx / scoring workbook .xlsx')
    .option('--out <new.xlsx>', 'ghi ra tệp mới / write a new file')
    .option('--in-place', 'ghi vào chính tệp / write into the file itself')
    .option('--force', 'ghi đè tệp --out đã có / replace an existing --out file')
    .option('--district <name>', 'cơ quan thẩm định (bảng có cột thẩm định) / the appraising district (with the appraisal column)')
    .option('--previous <last-year.xlsx>', 'bảng chấm điểm năm trước, để so sánh theo lĩnh vực / last year\'s workbook, compared by domain')
    .option('--lang <lang>', 'vi | en', 'vi')
    .action(async (file: string, opts: RefreshOptions) => {
      setExit(await refreshCommand(file, opts, io, langOf(opts)));
    });
};
