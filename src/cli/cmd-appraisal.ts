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
import { message } from '../core/text/node';

const T = {
  vi: {
    written: (file: string) => `Đã thêm cột Điểm thẩm định: ${file}`,
    unit: (unit: string, year: number) => `Đơn vị: ${unit} — năm ${year}`,
    carried: (n: number) => `Đã chuyển nội dung của ${n} mục; điểm tự chấm giữ nguyên như đã nhập.`,
    leftovers: (n: number) => `${n} nội dung không thuộc bộ tiêu chí được giữ ở trang "${LEFTOVERS_SHEET}".`,
    otherSheets: (names: string) => `Các trang tự thêm được chép sang dạng giá trị (không giữ công thức, định dạng): ${names}.`,
    original: (file: string) => `Tệp gốc ${file} không bị thay đổi.`,
  },
  en: {
    written: (file: string) => `Appraisal column added: ${file}`,
    unit: (unit: string, year: number) => `Unit: ${unit} — year ${year}`,
    carried: (n: number) => `Entries of ${n} items carried; self scores are exactly as entered.`,
    leftovers: (n: number) => `${n} entries outside the criteria set are kept on the "${LEFTOVERS_SHEET}" sheet.`,
    otherSheets: (names: string) => `Sheets people added are copied as values (no formulas, no formatting): ${names}.`,
    original: (file: string) => `The original ${file} is unchanged.`,
  },
};

/** Reasons that are the workbook's state, not a failure to read or write: exit 1. */
const PROBLEM_REASONS = ['appraisal-exists', 'duplicate-rows'];


async function addCommand(file: string, opts: { out?: string; force?: boolean }, io: Io, lang: Lang): Promise<number> {
  const t = T[lang];
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
  const addition = planWithAppraisal(grids);
  // A person's own sheets go along as values, as every rebuild to a new file does (build-from.ts).
  const own = grids.sheets.filter((s) => addition.otherSheets.indexOf(s.name) >= 0);
  addition.plan.sheets.push(...own.map((s) => valuesCopySheet(s, s.name)));
  // The input is named so the writer refuses to replace it, whatever --force says.
  await writePlanToFile(addition.plan, out, { inputs: [input] });
  const lines = [t.written(shownPath(out, io)), '  ' + t.unit(addition.unit, addition.year)];
  lines.push('  ' + t.carried(addition.carried));
  if (addition.leftovers.length) lines.push('  ! ' + t.leftovers(addition.leftovers.length));
  if (addition.otherSheets.length) lines.push('  ' + t.otherSheets(addition.otherSheets.map((n) => `"${n}"`).join(', ')));
  lines.push(t.original(shownPath(input, io)));
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
    .option('--lang <lang>', 'vi | en', 'vi')
    .action(async (file: string, opts: { out?: string; force?: boolean; lang?: string }) => {
      const lang = langOf(opts);
      try {
        setExit(await addCommand(file, opts, io, lang));
      } catch (e) {
        if (e instanceof UserError && PROBLEM_REASONS.indexOf(e.reason) >= 0) throw new CliExit(EXIT.problems, describeError(e, lang));
        throw e;
      }
    });
};
