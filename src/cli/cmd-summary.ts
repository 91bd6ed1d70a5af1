// `cchc summary FILE... [--out tong-hop.xlsx] [--json] [--by self|appraisal]`: the district's ranking
// of its communes (DESIGN.md §3.3), printed and, with --out, written as a workbook with a chart.
// Exit 0: the summary is produced (communes set apart are not a failure); 2: no workbook could be
// used, an option is wrong, or the output cannot be written.

import * as fs from 'fs';
import * as path from 'path';
import { Command } from 'commander';
import { Lang, UserError } from '../core/model/errors';
import { isMetaGrid } from '../core/sheets/meta';
import { CriteriaSet } from '../core/model/criteria';
import { formatPoints } from '../core/model/points';
import { DistrictSummary, SummaryBasis, SummaryOptions as SummaryRules, summaryAccumulator } from '../core/features/district-summary';
import { readWorkbookGrids } from '../adapters/exceljs/read-grid';
import { writePlanToFile } from '../adapters/exceljs/write';
import { checkFile } from './cmd-check';
import { boundHeapGrowth } from './memory';
import { EXIT, Io, Register, langOf, shownPath } from './io';
import { summaryWorkbookPlan } from '../core/features/district-workbook';
import { message, text } from '../core/text/node';


interface SummaryOptions {
  district?: string;
  out?: string;
  json?: boolean;
  by?: string;
  lang?: string;
  allowIncomplete?: boolean;
}


/** "[██████░░░░] 37/172 xa-a.xlsx", redrawn in place on a terminal's standard error. */
export function progressLine(done: number, total: number, label: string, width = 24): string {
  const filled = total ? Math.round((done / total) * width) : width;
  const name = label.length > 30 ? '…' + label.slice(-29) : label;
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} ${name}`;
}

/** Never replace a commune's workbook with the summary: --out may only name a new file or an earlier summary. */
async function refuseScoringOutput(out: string, io: Io): Promise<void> {
  if (!fs.existsSync(out) || fs.statSync(out).isDirectory()) return;
  let scoring = false;
  try {
    scoring = (await readWorkbookGrids(out)).sheets.some(isMetaGrid);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
  }
  if (scoring) {
    throw new UserError('output-is-scoring', message('cli.summary.scoringWorkbookOverwrittenSummary', { out: shownPath(out, io) }));
  }
}

/** When the file was last saved (two workbooks of one commune: the later one is preferred). */
function modifiedOf(file: string): string | undefined {
  try {
    return fs.statSync(file).mtime.toISOString();
  } catch {
    return undefined;
  }
}

/** Reads and checks each workbook in turn into the summary, keeping only its small result. */
async function summarizeFiles(files: string[], by: SummaryBasis, options: SummaryRules, io: Io, lang: Lang): Promise<{ summary: DistrictSummary; set: CriteriaSet | null }> {
  const accumulator = summaryAccumulator(by, lang, options);
  boundHeapGrowth();
  const bar = (done: number, label: string) => {
    if (io.isTTY) io.err('\r' + progressLine(done, files.length, label) + '\x1b[K');
  };
  for (let i = 0; i < files.length; i++) {
    bar(i, `${text(lang, 'cli.summary.reading')} ${path.basename(files[i])}`);
    const checked = await checkFile(files[i], { lang });
    // One workbook's grids at a time: a country's workbooks would not fit in memory together.
    accumulator.add({ file: shownPath(files[i], io), report: checked.report, set: checked.read ? checked.read.meta.set : null, modified: modifiedOf(files[i]) });
  }
  bar(files.length, '');
  if (io.isTTY) io.err('\n');
  return accumulator.result();
}

export function formatSummaryText(summary: DistrictSummary, lang: Lang): string {
  const p = (n: number) => formatPoints(n, lang);
  const lines: string[] = [];
  const columns = (['rank', 'unit', 'index', 'total', 'band'] as const).map((c) => text(lang, `cli.summary.column.${c}` as const));
  if (summary.criteriaSet) lines.push(text(lang, summary.year ? 'cli.summary.headingOfYear' : 'cli.summary.heading', { basis: text(lang, summary.by === 'self' ? 'cli.summary.bySelf' : 'cli.summary.byAppraisal'), id: summary.criteriaSet.id, year: summary.year ?? '' }));
  if (summary.units.length) {
    const width = Math.min(32, Math.max(columns[1].length, text(lang, 'cli.summary.average', { n: summary.units.length }).length, ...summary.units.map((u) => u.unit.length)));
    const row = (rank: string, unit: string, index: string, total: string, band: string) =>
      `${rank.padStart(4)}  ${unit.slice(0, width).padEnd(width)}  ${index.padStart(10)}  ${total.padStart(9)}  ${band}`.replace(/\s+$/, '');
    lines.push(row(columns[0], columns[1], columns[2], columns[3], columns[4]));
    for (const u of summary.units) {
      lines.push(row(String(u.rank), u.unit, p(u.index), p(u.total), u.band || ''));
      if (u.note) lines.push(`        ! ${u.note}`);
    }
    const a = summary.averages!;
    lines.push(row('', text(lang, 'cli.summary.average', { n: summary.units.length }), p(a.index), p(a.total), ''));
  }
  if (summary.excluded.length) {
    lines.push('', text(lang, 'cli.summary.excluded', { n: summary.excluded.length }));
    for (const e of summary.excluded) lines.push(`  ✗ ${e.file}${e.unit ? ' — ' + e.unit : ''}: ${e.reason}`);
  }
  return lines.join('\n') + '\n';
}

async function summaryCommand(files: string[], opts: SummaryOptions, io: Io, lang: Lang): Promise<number> {
  const by = (opts.by || 'self') as SummaryBasis;
  if (by !== 'self' && by !== 'appraisal') {
    throw new UserError('bad-by', message('cli.summary.badBy', { by: opts.by ?? '' }));
  }
  let out: string | null = null;
  if (opts.out !== undefined) {
    if (path.extname(opts.out).toLowerCase() !== '.xlsx') {
      throw new UserError('bad-out', message('cli.outXlsxFile', { out: opts.out }));
    }
    out = path.resolve(io.cwd, opts.out);
    await refuseScoringOutput(out, io);
  }
  // `cchc summary *.xlsx --out tong-hop.xlsx` run twice meets its own earlier output among the inputs.
  const resolved = files.map((f) => path.resolve(io.cwd, f));
  const inputsFiles = resolved.filter((f) => f !== out);
  if (out && inputsFiles.length < resolved.length) io.err(text(lang, 'cli.summary.skipOut', { file: shownPath(out, io) }) + '\n');

  const { summary, set } = await summarizeFiles(inputsFiles, by, { allowIncomplete: !!opts.allowIncomplete }, io, lang);
  io.out(opts.json ? JSON.stringify(summary, null, 2) + '\n' : formatSummaryText(summary, lang));
  if (!summary.units.length) {
    io.err(text(lang, 'cli.summary.none') + '\n');
    return EXIT.unusable;
  }
  if (out) {
    const workbook = summaryWorkbookPlan(summary, set, { district: opts.district ? opts.district.normalize('NFC').replace(/\s+/g, ' ').trim() : undefined });
    await writePlanToFile(workbook.plan, out, { inputs: inputsFiles });
    // With --json, standard output carries the JSON document alone.
    if (opts.json) io.err(text(lang, 'cli.summary.written', { file: shownPath(out, io) }) + '\n');
    else io.out(text(lang, 'cli.summary.written', { file: shownPath(out, io) }) + '\n');
  }
  return EXIT.ok;
}

export const registerSummary: Register = (program: Command, io: Io, setExit) => {
  program
    .command('summary')
    .description('Tổng hợp, xếp hạng các xã / District summary and ranking of the communes')
    .argument('<files...>', 'bảng chấm điểm .xlsx của các xã / the communes\' scoring workbooks')
    .option('--out <tong-hop.xlsx>', 'ghi bảng tổng hợp có biểu đồ / write the summary workbook with a chart')
    .option('--by <basis>', 'self (điểm tự chấm) | appraisal (điểm thẩm định)', 'self')
    .option('--district <name>', 'cơ quan tổng hợp, ví dụ "UBND huyện Phú Lương" (tiêu đề và chữ ký) / the district issuing the summary')
    .option('--allow-incomplete', 'xếp hạng cả đơn vị chưa chấm/thẩm định đủ (ghi rõ trên dòng) / rank incomplete units too (their row says so)')
    .option('--json', 'in kết quả dạng JSON (DESIGN.md §3.3) / print JSON')
    .option('--lang <lang>', 'vi | en', 'vi')
    .action(async (files: string[], opts: SummaryOptions) => {
      setExit(await summaryCommand(files, opts, io, langOf(opts)));
    });
};
