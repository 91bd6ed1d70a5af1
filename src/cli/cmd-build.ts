// `cchc build --unit "Xã Đồng Thịnh" --year 2024 [--criteria SET.json] [--appraisal] --out FILE.xlsx
// [--force]`: a new scoring workbook for one unit.
// `cchc build --from OLD.xlsx [--criteria NEW.json] --out NEW.xlsx`: the earlier workbook rebuilt, every
// entry carried (build-from.ts); unit, year and set default to the earlier workbook's.
// Exit 0: written; 2: nothing written: an option is wrong, the criteria set is inconsistent (each
// problem listed), or a file cannot be read or written.

import * as fs from 'fs';
import * as path from 'path';
import { Command } from 'commander';
import { defaultSet } from '../core/model/bundled';
import { CriteriaSet, describeSet } from '../core/model/criteria';
import { Lang, UserError, say, refuse } from '../core/model/errors';
import { formatPoints } from '../core/model/points';
import { buildWorkbookPlan } from '../core/sheets/workbook';
import { writePlanToFile } from '../adapters/exceljs/write';
import { CliExit, EXIT, Io, Register, langOf, shownPath } from './io';
import { readEarlierWorkbook, writeRebuilt } from './build-from';
import { BuildOptions, PreviousYear } from '../core/model/build-options';
import { previousFromGrids } from '../core/features/previous';
import { readWorkbookGrids } from '../adapters/exceljs/read-grid';
import { parseUnitName } from '../core/model/unit-name';
import { parseCriteriaSet } from '../core/model/criteria-parse';
import { message, text } from '../core/text/node';
import { buildForUnits } from './build-units';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;
const MAX_UNIT_LENGTH = 100;
/** A criteria set is a few hundred kilobytes at most; anything far larger is not one. */
const MAX_SET_FILE_BYTES = 20 * 1024 * 1024;


interface BuildCommandOptions {
  previous?: string;
  unit?: string;
  year?: string;
  criteria?: string;
  appraisal?: boolean;
  out?: string;
  force?: boolean;
  from?: string;
  units?: string;
  outDir?: string;
  lang?: string;
}

/** The command line, checked: absolute paths, a real year, a named unit. */
interface BuildRequest {
  unit: string;
  year: number;
  out: string;
  force: boolean;
  appraisal: boolean;
  criteriaFile: string | null;
}


/** --year, checked: the assessment year. */
function yearOf(opts: BuildCommandOptions): number {
  const yearText = (opts.year || '').trim();
  const year = Number(yearText);
  if (!/^\d{4}$/.test(yearText) || year < MIN_YEAR || year > MAX_YEAR) {
    refuse('bad-year', message('cli.build.badYear', { minYear: MIN_YEAR, maxYear: MAX_YEAR, value: opts.year ?? '' }));
  }
  return year;
}

function parseRequest(opts: BuildCommandOptions, io: Io): BuildRequest {
  const unit = (opts.unit || '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!unit) refuse('bad-unit', message('cli.build.unitMissingUnit'));
  if (unit.length > MAX_UNIT_LENGTH) {
    refuse('bad-unit', message('cli.build.unitNameLongerThan', { maxUnitLength: MAX_UNIT_LENGTH }));
  }
  const year = yearOf(opts);
  if (!opts.out) refuse('bad-out', message('cli.build.outputFileMissingOut'));
  if (path.extname(opts.out).toLowerCase() !== '.xlsx') {
    refuse('bad-out', message('cli.outXlsxFile', { out: opts.out }));
  }
  return {
    unit,
    year,
    out: path.resolve(io.cwd, opts.out),
    force: !!opts.force,
    appraisal: !!opts.appraisal,
    criteriaFile: opts.criteria ? path.resolve(io.cwd, opts.criteria) : null,
  };
}

function readSetJson(file: string): unknown {
  const base = path.basename(file);
  let bytes: Buffer;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) refuse('not-a-file', message('cli.build.folderCriteriaSetFile', { base }));
    if (st.size > MAX_SET_FILE_BYTES) refuse('too-large', message('cli.build.tooLargeOverMb', { base }));
    bytes = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof UserError) throw e;
    refuse('not-found', message('cli.findReadFile', { base }));
  }
  try {
    return JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    refuse('bad-json', message('cli.build.validJsonCheck', { base, detail }));
  }
}

/** The bundled set, or the file's set when it passes every check; otherwise lists the problems and stops. */
function loadSet(criteriaFile: string | null, io: Io, lang: Lang): CriteriaSet {
  if (!criteriaFile) return defaultSet();
  const { set, problems } = parseCriteriaSet(readSetJson(criteriaFile));
  if (set) return set;
  const lines = [text(lang, 'cli.build.inconsistent', { file: shownPath(criteriaFile, io), n: problems.length })].concat(problems.map((p) => `  ✗ ${say(p.message, lang)}`));
  io.err(lines.join('\n') + '\n');
  // A set the build cannot use is unusable input, as a broken file is (exit 2); `cchc criteria check`
  // is the command whose exit 1 means "the set has problems".
  throw new CliExit(EXIT.unusable);
}


function report(request: BuildRequest, set: CriteriaSet, io: Io, lang: Lang): string {
  const counts = describeSet(set);
  const official = set.status === 'official';
  const lines = [
    text(lang, 'cli.build.written', { file: shownPath(request.out, io) }),
    '  ' + text(lang, 'cli.build.unit', { unit: parseUnitName(request.unit).full, year: request.year }),
    '  ' + text(lang, 'cli.build.set', { id: set.id, status: text(lang, official ? 'cli.build.official' : 'cli.build.reference'), title: set.title }),
  ];
  if (!official) lines.push('  ! ' + (lang === 'vi' && set.note ? set.note : text(lang, 'cli.build.referenceWarning')));
  if (set.year !== undefined && set.year !== request.year) lines.push('  ! ' + text(lang, 'cli.build.yearMismatch', { setYear: set.year, year: request.year }));
  lines.push('  ' + text(lang, 'cli.build.counts', { domains: counts.domains, criteria: counts.criteria, leaves: counts.leaves, max: formatPoints(counts.max, lang) }));
  if (request.appraisal) lines.push('  ' + text(lang, 'cli.build.appraisal'));
  lines.push(text(lang, 'cli.build.next'));
  return lines.join('\n') + '\n';
}

async function buildCommand(opts: BuildCommandOptions, io: Io, lang: Lang): Promise<number> {
  if (opts.units !== undefined || opts.outDir !== undefined) {
    const m = message('cli.units.withUnit');
    if (opts.unit || opts.out || opts.from) refuse('bad-unit', m);
    const year = yearOf(opts);
    const criteriaFile = opts.criteria ? path.resolve(io.cwd, opts.criteria) : null;
    return buildForUnits({ list: opts.units, outDir: opts.outDir, year, set: loadSet(criteriaFile, io, lang), appraisal: !!opts.appraisal, force: !!opts.force, inputs: criteriaFile ? [criteriaFile] : [] }, io, lang);
  }
  const earlier = opts.from ? await readEarlierWorkbook(path.resolve(io.cwd, opts.from)) : null;
  const request = parseRequest(earlier ? { ...opts, unit: opts.unit || earlier.meta.unit, year: opts.year || String(earlier.meta.year) } : opts, io);
  // Every file read to make the workbook: the output must never replace one of them.
  const inputs: string[] = [];
  if (request.criteriaFile) inputs.push(request.criteriaFile);
  const set = earlier && !request.criteriaFile ? earlier.meta.set : loadSet(request.criteriaFile, io, lang);
  if (fs.existsSync(request.out) && !fs.statSync(request.out).isDirectory() && !request.force) {
    const shown = shownPath(request.out, io);
    refuse('exists', message('cli.build.alreadyExistsOverwrittenChoose', { shown }));
  }
  let previous: PreviousYear | undefined;
  if (opts.previous) {
    const file = path.resolve(io.cwd, opts.previous);
    previous = previousFromGrids(await readWorkbookGrids(file), set, shownPath(file, io), lang);
    inputs.push(file);
  }
  if (earlier) {
    io.out(await writeRebuilt(earlier, { set, unit: request.unit, year: request.year, appraisal: request.appraisal, out: request.out, inputs, previous }, io, lang));
    return EXIT.ok;
  }
  const build: BuildOptions = { set, unit: request.unit, year: request.year, appraisal: request.appraisal, previous };
  await writePlanToFile(buildWorkbookPlan(build), request.out, { inputs });
  io.out(report(request, set, io, lang));
  return EXIT.ok;
}

export const registerBuild: Register = (program: Command, io: Io, setExit) => {
  program
    .command('build')
    .description('Tạo bảng chấm điểm (.xlsx) cho một đơn vị / Create a scoring workbook (.xlsx) for a unit')
    .option('--unit <name>', 'tên đơn vị, ví dụ "Xã Đồng Thịnh" / the unit, e.g. "Xã Đồng Thịnh"')
    .option('--year <year>', 'năm đánh giá / assessment year')
    .option('--criteria <set.json>', 'bộ tiêu chí (mặc định: bộ đi kèm, hoặc bộ của --from) / criteria set (default: the bundled one, or that of --from)')
    .option('--appraisal', 'thêm cột điểm thẩm định / add the appraisal columns')
    .option('--out <file.xlsx>', 'tệp sẽ tạo / the file to create')
    .option('--force', 'ghi đè tệp đã có / replace an existing file')
    .option('--previous <last-year.xlsx>', 'bảng chấm điểm năm trước: Tổng hợp so sánh theo lĩnh vực / last year\'s workbook: Tổng hợp compares by domain')
    .option('--from <old.xlsx>', 'dựng lại từ bảng chấm điểm cũ, chuyển mọi nội dung theo mã tiêu chí / rebuild from an earlier workbook, carrying every entry by code')
    .option('--units <list>', 'danh sách đơn vị (.txt, .csv), mỗi dòng một đơn vị kèm loại: một bảng cho mỗi đơn vị / a list of units (.txt, .csv), one a line with its type: a workbook each')
    .option('--out-dir <dir>', 'thư mục ghi các bảng của --units / the folder for the workbooks of --units')
    .option('--lang <lang>', 'vi | en', 'vi')
    .action(async (opts: BuildCommandOptions) => {
      setExit(await buildCommand(opts, io, langOf(opts)));
    });
};
