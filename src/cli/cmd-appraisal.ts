// `cchc appraisal add FILE.xlsx --out NEW.xlsx [--force]`: a copy of a filled workbook with the
// appraisal columns (Điểm thẩm định, Ý kiến thẩm định), every entry carried. FILE is never modified.
// Exit 0: written; 1: nothing to do or the workbook must be fixed first (nothing written); 2: a file
// cannot be read or written, or is not a scoring workbook.

import * as fs from 'fs';
import * as path from 'path';
import { Command } from 'commander';
import { planWithAppraisal } from '../core/features/appraisal';
import { valuesCopySheet } from '../core/features/upgrade';
import { Lang, UserError } from '../core/model/errors';
import { readWorkbookGrids } from '../adapters/exceljs/read-grid';
import { writePlanToFile } from '../adapters/exceljs/write';
import { CliExit, EXIT, Io, Register, describeError, langOf, shownPath } from './io';
import { LEFTOVERS_SHEET } from '../core/sheets/leftovers';
import { message, text } from '../core/text/node';


/** Reasons that are the workbook's state, not a failure to read or write: exit 1. */
const PROBLEM_REASONS = ['appraisal-exists', 'duplicate-rows'];


async function addCommand(file: string, opts: { out?: string; force?: boolean; district?: string }, io: Io, lang: Lang): Promise<number> {
  const input = path.resolve(io.cwd, file);
  if (!opts.out) throw new UserError('bad-out', message('cli.appraisal.outputFileMissingOut'));
  if (path.extname(opts.out).toLowerCase() !== '.xlsx') {
    throw new UserError('bad-out', message('cli.outXlsxFile', { out: opts.out }));
  }
  const out = path.resolve(io.cwd, opts.out);
  if (fs.existsSync(out) && !fs.statSync(out).isDirectory() && !opts.force && out !== input) {
    throw new UserError('exists', message('cli.appraisal.alreadyExistsOverwrittenChoose', { out: shownPath(out, io) }));
  }
  const grids = await readWorkbookGrids(input);
  const addition = planWithAppraisal(grids, opts.district ? opts.district.normalize('NFC').replace(/\s+/g, ' ').trim() : undefined);
  // A person's own sheets go along as values, as every rebuild to a new file does (build-from.ts).
  const own = grids.sheets.filter((s) => addition.otherSheets.indexOf(s.name) >= 0);
  addition.plan.sheets.push(...own.map((s) => valuesCopySheet(s, s.name)));
  // The input is named so the writer refuses to replace it, whatever --force says.
  await writePlanToFile(addition.plan, out, { inputs: [input] });
  const lines = [text(lang, 'cli.appraisal.written', { file: shownPath(out, io) }), '  ' + text(lang, 'cli.appraisal.unit', { unit: addition.unit, year: addition.year })];
  lines.push('  ' + text(lang, 'cli.appraisal.carried', { n: addition.carried }));
  if (addition.leftovers.length) lines.push('  ! ' + text(lang, 'cli.appraisal.leftovers', { n: addition.leftovers.length, sheet: LEFTOVERS_SHEET }));
  if (addition.otherSheets.length) lines.push('  ' + text(lang, 'cli.appraisal.otherSheets', { names: addition.otherSheets.map((n) => `"${n}"`).join(', ') }));
  lines.push(text(lang, 'cli.appraisal.original', { file: shownPath(input, io) }));
  io.out(lines.join('\n') + '\n');
  return EXIT.ok;
}

export const registerAppraisal: Register = (program: Command, io: Io, setExit) => {
  const appraisal = program
    .command('appraisal')
    .description('Thẩm định: thêm cột Điểm thẩm định vào bảng đã chấm / Appraisal: add the appraisal column to a filled workbook');
  appraisal
    .command('add')
    .description('Tạo bản sao có cột Điểm thẩm định, giữ nguyên mọi nội dung; không sửa tệp gốc / Write a copy with the appraisal column, every entry kept; the original is not changed')
    .argument('<file>', 'bảng chấm điểm .xlsx / scoring workbook .xlsx')
    .option('--out <new.xlsx>', 'tệp sẽ tạo / the file to create')
    .option('--force', 'ghi đè tệp --out đã có / replace an existing --out file')
    .option('--district <name>', 'cơ quan thẩm định, ví dụ "UBND huyện Phú Lương" / the appraising district, e.g. "UBND huyện Phú Lương"')
    .option('--lang <lang>', 'vi | en', 'vi')
    .action(async (file: string, opts: { out?: string; force?: boolean; district?: string; lang?: string }) => {
      const lang = langOf(opts);
      try {
        setExit(await addCommand(file, opts, io, lang));
      } catch (e) {
        if (e instanceof UserError && PROBLEM_REASONS.indexOf(e.reason) >= 0) throw new CliExit(EXIT.problems, describeError(e, lang));
        throw e;
      }
    });
};
