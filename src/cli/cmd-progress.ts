// `cchc progress FILE.xlsx [--as-of YYYY-MM-DD] [--json] [--lang en]`: per person or section, the
// items assigned, scored, with evidence or a giải trình, overdue, and the items nobody has
// (core/features/progress.ts). The JSON is the contract of the README:
// {file, unit, year, asOf, people:[{name, items, scored, evidenced, overdue:[code…]}], unassigned:[code…]}.
// Exit 0: the progress is printed; 2: the file cannot be read or the date is no date.

import * as path from 'path';
import { Command } from 'commander';
import { Lang, refuse } from '../core/model/errors';
import { Day, dayOfDate, formatDay, parseIsoDay } from '../core/model/dates';
import { ProgressReport, progressOf } from '../core/features/progress';
import { readScoring } from '../core/sheets/scoring/read';
import { parseUnitName } from '../core/model/unit-name';
import { message, text } from '../core/text/node';
import { readWorkbookGrids } from '../adapters/exceljs/read-grid';
import { EXIT, Io, Register, langOf, shownPath } from './io';

interface ProgressOptions {
  asOf?: string;
  json?: boolean;
  lang?: string;
}

function asOfDay(opts: ProgressOptions, today: Date): Day {
  if (opts.asOf === undefined) return dayOfDate(today);
  const day = parseIsoDay(opts.asOf);
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf.trim())) {
    const m = message('progress.badAsOf', { asOf: opts.asOf });
    refuse('bad-date', m);
  }
  return day;
}

function pad(s: string | number, width: number, right = false): string {
  const t = String(s);
  const fill = width > t.length ? new Array(width - t.length + 1).join(' ') : '';
  return right ? fill + t : t + fill;
}

export function progressText(report: ProgressReport, lang: Lang): string {
  const t = (key: Parameters<typeof text>[1], params?: Parameters<typeof text>[2]) => text(lang, key, params);
  const [y, m, d] = report.asOf.split('-').map(Number);
  const lines = [t('progress.title', { unit: parseUnitName(report.unit).full, year: report.year, asOf: formatDay({ year: y, month: m, day: d }) })];
  const assigned = report.people.filter((p) => p.items > 0 || report.people.length <= 12);
  if (!report.people.some((p) => p.items > 0)) lines.push('  ' + t('progress.none'));
  else {
    const width = Math.max(t('progress.person').length, ...assigned.map((p) => p.name.length)) + 2;
    const heads = [t('progress.items'), t('progress.scored'), t('progress.evidenced'), t('progress.overdue')];
    lines.push('  ' + pad(t('progress.person'), width) + heads.join('  '));
    for (const p of assigned) {
      const cells = [p.items, p.scored, p.evidenced, p.overdue.length].map((n, i) => pad(n, heads[i].length, true));
      lines.push('  ' + pad(p.name, width) + cells.join('  '));
    }
    for (const p of report.people) if (p.overdue.length) lines.push('  ! ' + t('progress.overdueLine', { name: p.name, codes: p.overdue.join(', ') }));
  }
  lines.push(report.unassigned.length
    ? '  ' + t('progress.unassigned', { count: report.unassigned.length, codes: report.unassigned.join(', ') })
    : '  ' + t('progress.allAssigned'));
  return lines.join('\n') + '\n';
}

async function progressCommand(file: string, opts: ProgressOptions, io: Io, lang: Lang): Promise<number> {
  const asOf = asOfDay(opts, new Date());
  const workbook = path.resolve(io.cwd, file);
  const read = readScoring(await readWorkbookGrids(workbook));
  const report: ProgressReport = { file: shownPath(workbook, io), ...progressOf(read, asOf) };
  if (opts.json) {
    const { file: shown, unit, year, asOf: day, people, unassigned } = report;
    io.out(JSON.stringify({ file: shown, unit, year, asOf: day, people, unassigned }, null, 2) + '\n');
  } else io.out(progressText(report, lang));
  return EXIT.ok;
}

export const registerProgress: Register = (program: Command, io: Io, setExit) => {
  program
    .command('progress')
    .description('Tiến độ chuẩn bị tài liệu theo người, bộ phận phụ trách / Progress of the documents by person or section')
    .argument('<file>', 'bảng chấm điểm .xlsx / scoring workbook .xlsx')
    .option('--as-of <date>', 'tính đến ngày YYYY-MM-DD (mặc định: hôm nay) / as of YYYY-MM-DD (default: today)')
    .option('--json', 'in JSON / print JSON')
    .option('--lang <lang>', 'vi | en', 'vi')
    .action(async (file: string, opts: ProgressOptions) => {
      setExit(await progressCommand(file, opts, io, langOf(opts)));
    });
};
