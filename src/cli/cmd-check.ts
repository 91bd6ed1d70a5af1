// `cchc check FILE... [--json] [--lang en]`: reads scoring workbooks people filled, reports every problem.
// Exit 0: no error; 1: an error in some file; 2: some file unreadable or not a scoring workbook.

import * as path from 'path';
import { Command } from 'commander';
import { checkWorkbookRead } from '../core/check/check';
import { SHEETS } from '../core/model/layout';
import { ScoringRead } from '../core/sheets/scoring/read';
import { Lang, UserError, say } from '../core/model/errors';
import { formatPoints } from '../core/model/points';
import { readWorkbookGrids } from '../adapters/exceljs/read-grid';
import { EXIT, Io, Register, jsonArrayWriter, langOf, shownPath } from './io';
import { evidenceFileCheck } from './evidence-files';
import { boundHeapGrowth } from './memory';
import { differenceLines, extrasLines } from './check-text-appraisal';
import { CheckOptions, Issue } from '../core/check/contract';
import { FileReport, hasErrors, issueCounts, issuesOf } from '../core/check/report';
import { text } from '../core/text/node';
import { bandShown } from '../core/sheets/scoring/totals';

export interface CheckedFile {
  report: FileReport;
  /** The reading the report was made from; null when the file is not a readable scoring workbook. */
  read: ScoringRead | null;
}

/** Reads and checks one file; an unreadable file becomes a report with `error`. Never throws UserError. */
export async function checkFile(file: string, options: CheckOptions): Promise<CheckedFile> {
  const lang = options.lang || 'vi';
  try {
    const { report, read } = checkWorkbookRead(await readWorkbookGrids(file), options);
    return { report: { file, ...report }, read };
  } catch (e) {
    if (e instanceof UserError) return { report: { file, error: say(e.userMessage, lang) }, read: null };
    throw e;
  }
}

export function exitCodeFor(reports: FileReport[]): number {
  return reports.reduce((code, r) => worseExit(code, r), EXIT.ok as number);
}

/** The exit status so far, after one more file's report. */
function worseExit(code: number, report: FileReport): number {
  if (report.error) return EXIT.unusable;
  if (hasErrors(report) && code === EXIT.ok) return EXIT.problems;
  return code;
}

export function formatReportText(report: FileReport, read: ScoringRead | null, lang: Lang): string {
  const name = path.basename(report.file || '');
  if (report.error) return `✗ ${text(lang, 'cli.check.cannot')} ${name}: ${report.error}\n`;
  const lines: string[] = [];
  const total = report.total!;
  const p = (n: number | null | undefined) => formatPoints(n, lang);
  lines.push(`${text(lang, 'cli.check.file')}: ${name} — ${report.unit}, ${text(lang, 'cli.check.year')} ${report.year}`);
  lines.push(`${text(lang, 'cli.check.set')}: ${report.criteriaSet!.title} (${report.criteriaSet!.id}, ${report.criteriaSet!.status === 'official' ? text(lang, 'cli.check.official') : text(lang, 'cli.check.reference')})`);
  // Items scored at appraisal not scored yet: the self index is provisional.
  const provisional = total.provisional ? ` (${text(lang, 'kinds.provisional', { codes: total.provisional.join(', ') })})` : '';
  lines.push(`${text(lang, 'cli.check.self')}: ${p(total.self)} / ${p(total.applicableMax)} (${text(lang, 'cli.check.applicable')}) — ${text(lang, 'cli.check.index')}: ${total.index === null ? '—' : p(total.index) + '%'}${provisional}${total.band ? ' — ' + bandShown(total.band, lang) : ''}`);
  if (total.appraisal !== null) {
    lines.push(`${text(lang, 'cli.check.appraisal')}: ${p(total.appraisal)} / ${p(total.appraisalApplicableMax)} — ${text(lang, 'cli.check.index')}: ${total.appraisalIndex === null || total.appraisalIndex === undefined ? '—' : p(total.appraisalIndex) + '%'}${total.appraisalBand ? ' — ' + bandShown(total.appraisalBand, lang) : ''}`);
  }
  lines.push(...extrasLines(report, lang));
  const nodeByCode: Record<string, { self: number | null; max: number }> = {};
  for (const n of report.nodes || []) nodeByCode[n.code] = n;
  // Cells are those of the scoring sheet unless named otherwise: the register's carry its sheet name.
  const scoringSheet = read ? read.sheet.name : SHEETS.scoring;
  const where = (i: Issue) => (!i.cell ? '' : i.sheet && i.sheet !== scoringSheet ? `${i.sheet}!${i.cell}` : i.cell);
  for (const g of report.groups || []) {
    const head = g.domain === null ? text(lang, 'cli.check.general') : g.stt ? `${g.stt}. ${g.name}` : g.name;
    const node = g.domain ? nodeByCode[g.domain] : null;
    const score = node ? ` (${p(node.self)} / ${p(node.max)} ${text(lang, 'cli.check.points')})` : '';
    lines.push('');
    lines.push(`${head}${score}: ${g.errors} ${text(lang, 'cli.check.errors')}, ${g.warnings} ${text(lang, 'cli.check.warnings')}`);
    for (const i of issuesOf(report, g)) {
      lines.push(`  ${i.severity === 'error' ? '✗' : '!'} ${where(i).padEnd(6)} ${i.code ? i.code + ' ' : ''}${i.message}`);
    }
  }
  lines.push(...differenceLines(report, lang));
  const { errors, warnings } = issueCounts(report);
  lines.push('');
  lines.push(errors + warnings === 0 ? `✓ ${text(lang, 'cli.check.clean')}` : `${text(lang, 'cli.check.result')}: ${errors} ${text(lang, 'cli.check.errors')}, ${warnings} ${text(lang, 'cli.check.warnings')}.`);
  return lines.join('\n') + '\n';
}

export const registerCheck: Register = (program: Command, io: Io, setExit) => {
  program
    .command('check')
    .description('Kiểm tra bảng chấm điểm đã điền / Check filled scoring workbooks')
    .argument('<files...>', 'tệp .xlsx / .xlsx files')
    .option('--json', 'in kết quả dạng JSON (DESIGN.md §3.2) / print JSON')
    .option('--evidence-root <dir>', 'thư mục minh chứng: báo tệp liên kết không có ở đó / evidence folder: report linked files missing there')
    .option('--lang <lang>', 'vi | en', 'vi')
    .action(async (files: string[], opts: { json?: boolean; lang?: string; evidenceRoot?: string }) => {
      const lang = langOf(opts);
      const evidenceRoot = opts.evidenceRoot ? path.resolve(io.cwd, opts.evidenceRoot) : null;
      // One workbook at a time, printed as soon as it is checked: a province's or a country's files
      // never sit in memory together.
      const json = jsonArrayWriter(io, 'files');
      if (files.length > 1) boundHeapGrowth();
      let exit: number = EXIT.ok;
      for (let i = 0; i < files.length; i++) {
        const absolute = path.resolve(io.cwd, files[i]);
        // Links are relative to each workbook's own folder, as Excel opens them.
        const fileExists = evidenceRoot ? evidenceFileCheck(path.dirname(absolute), evidenceRoot) : undefined;
        const checked = await checkFile(absolute, { lang, fileExists });
        const report = { ...checked.report, file: checked.report.file ? shownPath(checked.report.file, io) : checked.report.file };
        if (opts.json) json.add(report);
        else io.out((i ? '\n' : '') + formatReportText(report, checked.read, lang));
        exit = worseExit(exit, report);
      }
      if (opts.json) json.end();
      setExit(exit);
    });
};
