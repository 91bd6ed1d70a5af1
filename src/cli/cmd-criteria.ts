// `cchc criteria import FILE --out SET.json`: an official criteria table (.xlsx or .csv) → a set.
// `cchc criteria check SET.json`: the set in brief and every inconsistency.
// Exit 0: fine; 1: problems found (import writes nothing then); 2: a file cannot be read or written.

import * as fs from 'fs';
import * as path from 'path';
import { Command } from 'commander';
import { CriteriaProblem, CriteriaSet, indexSet } from '../core/model/criteria';
import { leafRulesWords, setRules, setRulesLines } from '../core/model/criteria-describe';
import { parseCsv } from '../core/features/import/csv';
import { Lang, Message, UserError, say, refuse } from '../core/model/errors';
import { SheetGrid, foldText } from '../core/model/grid';
import { DEFAULT_IMPORT_ID, importCriteriaTable } from '../core/features/import/import-table';
import { formatPoints, sumPoints } from '../core/model/points';
import { readWorkbookGrids } from '../adapters/exceljs/read-grid';
import { CliExit, EXIT, Io, Register, langOf, shownPath } from './io';
import { message, text } from '../core/text/node';
import { shorten } from '../core/text/catalogue';
import { TableLayout, findTableLayout, missingHeaderMessage } from '../core/features/import/table-header';
import { CRITERIA_LIMITS, parseCriteriaSet } from '../core/model/criteria-parse';
import { readSmallFile, decodeText, readJsonFile, writeJsonFile } from './text-files';
import { sameFile } from '../adapters/files';

const TEXT_TABLE_EXTENSIONS = ['.csv', '.tsv', '.txt'];
const SET_ID = /^[A-Za-z0-9._-]{1,80}$/;



// ---------------------------------------------------------------------------------------------
// Reading

async function readTableGrids(file: string): Promise<SheetGrid[]> {
  if (TEXT_TABLE_EXTENSIONS.indexOf(path.extname(file).toLowerCase()) >= 0) {
    return [parseCsv(decodeText(readSmallFile(file), path.basename(file)), path.basename(file))];
  }
  return (await readWorkbookGrids(file)).sheets;
}

/** The sheet named by --sheet, else the first one whose header row is found. */
/** "3 tiêu chí" / "3 criteria", "1 criterion": English says one and many apart, Vietnamese does not. */
function counted(lang: Lang, what: 'points' | 'criteria' | 'leaves' | 'domains', n: number | string, one = n === 1): string {
  return text(lang, one ? (`cli.criteria.${what}.one` as const) : (`cli.criteria.${what}.many` as const), { n });
}

function pickSheet(grids: SheetGrid[], wanted: string | undefined, base: string): { grid: SheetGrid; layout: TableLayout } {
  const names = grids.map((g) => `"${g.name}"`).join(', ');
  if (wanted !== undefined) {
    const grid = grids.find((g) => g.name.normalize('NFC') === wanted.normalize('NFC'))
      || grids.find((g) => foldText(g.name) === foldText(wanted));
    if (!grid) refuse('no-sheet', message('cli.criteria.noSuchSheet', { base, wanted, names }));
    const layout = findTableLayout(grid);
    if (!layout) throw new UserError('no-table', missingHeaderMessage(grid));
    return { grid, layout };
  }
  for (const grid of grids) {
    const layout = findTableLayout(grid);
    if (layout) return { grid, layout };
  }
  if (grids.length === 1) throw new UserError('no-table', missingHeaderMessage(grids[0]));
  refuse('no-table', message('cli.criteria.criteriaTableFoundSheet', { base, names }));
}

// ---------------------------------------------------------------------------------------------
// Writing

/** A set id from the output name: "Bộ tiêu chí 2025.json" → "bo-tieu-chi-2025". */
function idFromFileName(file: string): string {
  const id = foldText(path.basename(file, path.extname(file))).replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return id || DEFAULT_IMPORT_ID;
}

// ---------------------------------------------------------------------------------------------
// The set in brief

/** A lenient view of a set's tree, so a broken set can still be shown next to its problems. */
interface OutlineItem {
  code: string;
  stt: string;
  name: string;
  max: number | null;
  leaves: number;
  children: OutlineItem[];
}

function outlineOf(nodes: unknown, depth: number = 0): OutlineItem[] {
  if (!Array.isArray(nodes)) return [];
  return nodes
    .filter((n): n is Record<string, unknown> => typeof n === 'object' && n !== null && !Array.isArray(n))
    .map((n) => {
      const children = depth + 1 < CRITERIA_LIMITS.maxDepth ? outlineOf(n.children, depth + 1) : [];
      return {
        code: typeof n.code === 'string' || typeof n.code === 'number' ? String(n.code).trim() : '',
        stt: typeof n.stt === 'string' || typeof n.stt === 'number' ? String(n.stt) : '',
        name: typeof n.name === 'string' ? n.name.replace(/\s+/g, ' ').trim() : '',
        max: typeof n.max === 'number' && isFinite(n.max) ? n.max : null,
        leaves: children.length ? children.reduce((s, c) => s + c.leaves, 0) : 1,
        children,
      };
    });
}

/** The outline for --json: each leaf scored otherwise than by plain levels carries `rules`, in words. */
function outlineJson(items: OutlineItem[], explain: Explain, lang: Lang): unknown[] {
  return items.map((item) => {
    const words = item.children.length ? null : explain(item.code);
    return { ...item, ...(words ? { rules: say(words, lang) } : {}), children: outlineJson(item.children, explain, lang) };
  });
}

function summaryOf(outline: OutlineItem[]): { domains: number; criteria: number; leaves: number; max: number } {
  return {
    domains: outline.length,
    criteria: outline.reduce((s, d) => s + d.children.length, 0),
    leaves: outline.reduce((s, d) => s + d.leaves, 0),
    max: sumPoints(outline.map((d) => d.max)),
  };
}

/** How a leaf is scored when it is more than plain levels (criteria-describe.ts), by code. */
type Explain = (code: string) => Message | null;

/**
 * Domains (and, to `depth` 1, their criteria) with maxima and counts, then the totals line. With
 * `explain`, each leaf scored otherwise than by plain levels says how, under its criterion.
 */
function outlineLines(outline: OutlineItem[], depth: 0 | 1, lang: Lang, explain: Explain = () => null): string[] {
  const points = (max: number | null) => counted(lang, 'points', max === null ? '?' : formatPoints(max, lang), max === 1);
  const lines: string[] = [];
  const rulesOf = (item: OutlineItem) => {
    const words = item.children.length ? null : explain(item.code);
    return words ? ` — ${say(words, lang)}` : '';
  };
  const leafLines = (items: OutlineItem[], indent: string) => {
    for (const item of items) {
      if (item.children.length) leafLines(item.children, indent);
      else if (explain(item.code)) lines.push(`${indent}${item.stt} ${shorten(item.name, 60)}${rulesOf(item)}`);
    }
  };
  for (const domain of outline) {
    lines.push(`  ${domain.stt} ${shorten(domain.name, 80)} — ${points(domain.max)} (${counted(lang, 'criteria', domain.children.length)}, ${counted(lang, 'leaves', domain.leaves)})`);
    if (depth < 1) continue;
    for (const criterion of domain.children) {
      const count = criterion.children.length ? ` (${counted(lang, 'leaves', criterion.leaves)})` : '';
      lines.push(`      ${criterion.stt} ${shorten(criterion.name, 74)} — ${points(criterion.max)}${count}${rulesOf(criterion)}`);
      leafLines(criterion.children, '          ');
    }
  }
  const summary = summaryOf(outline);
  lines.push(`${text(lang, 'cli.criteria.total')}: ${counted(lang, 'domains', summary.domains)}, ${counted(lang, 'criteria', summary.criteria)}, ${counted(lang, 'leaves', summary.leaves)}, ${points(summary.max)}.`);
  return lines;
}

/** The explanation of each leaf of a parsed set. */
function explainerOf(set: CriteriaSet | null): Explain {
  if (!set) return () => null;
  const index = indexSet(set);
  return (code) => {
    const f = index.node(code);
    return f && f.leaf ? leafRulesWords(f.node) : null;
  };
}

/** "Bộ tiêu chí: title (id, status, year)" from whatever of these the file holds. */
function setHeading(raw: { id?: unknown; title?: unknown; status?: unknown; year?: unknown }, lang: Lang): string {
  const details = [typeof raw.id === 'string' ? raw.id : '', raw.status === 'official' ? text(lang, 'cli.criteria.official') : raw.status === 'reference' ? text(lang, 'cli.criteria.reference') : '',
    typeof raw.year === 'number' ? `${text(lang, 'cli.criteria.year')} ${raw.year}` : ''].filter((d) => d !== '');
  return `${text(lang, 'cli.criteria.set')}: ${typeof raw.title === 'string' ? raw.title : ''}${details.length ? ` (${details.join(', ')})` : ''}`;
}

function problemLines(problems: CriteriaProblem[], lang: Lang): string[] {
  return problems.map((p) => `  ✗ ${say(p.message, lang)}`);
}

// ---------------------------------------------------------------------------------------------
// Commands

interface ImportCommandOptions {
  out: string;
  sheet?: string;
  id?: string;
  title?: string;
  year?: string;
  official?: boolean;
  lang?: string;
}

async function importCommand(file: string, opts: ImportCommandOptions, io: Io, lang: Lang): Promise<number> {
  const input = path.resolve(io.cwd, file);
  const out = path.resolve(io.cwd, opts.out);
  if (path.extname(out).toLowerCase() !== '.json') {
    refuse('bad-out', message('cli.criteria.outJsonFile', { out: opts.out }));
  }
  if (sameFile(input, out)) {
    refuse('same-file', message('cli.criteria.outInputFileOriginal', { file }));
  }
  if (opts.id !== undefined && !SET_ID.test(opts.id)) {
    refuse('bad-id', message('cli.criteria.idTakesLettersDigits'));
  }
  let year: number | undefined;
  if (opts.year !== undefined) {
    year = Number(opts.year);
    if (!/^\d{4}$/.test(opts.year) || year < 1990 || year > 2100) refuse('bad-year', message('cli.criteria.badYear'));
  }

  const { grid, layout } = pickSheet(await readTableGrids(input), opts.sheet, path.basename(input));
  const result = importCriteriaTable(grid, {
    id: opts.id || idFromFileName(out),
    title: opts.title,
    year,
    status: opts.official ? 'official' : 'reference',
  });
  io.out(text(lang, 'cli.criteria.sheet', { sheet: grid.name, row: layout.headerRow + 1 }) + '\n');
  const warnings = result.warnings.map((w) => `  ! ${text(lang, 'cli.criteria.warning')}: ${say(w, lang)}`);
  if (!result.set) {
    io.out([...warnings, ...problemLines(result.problems, lang), text(lang, 'cli.criteria.notWritten', { n: result.problems.length })].join('\n') + '\n');
    return EXIT.problems;
  }
  const set: CriteriaSet = result.set;
  // The set's details first and its tree last, for whoever reads the file.
  const { nodes, ...details } = set;
  writeJsonFile(out, { ...details, nodes });
  io.out([setHeading(set, lang), ...outlineLines(outlineOf(nodes), 1, lang, explainerOf(set)), ...setRulesLines(set).map((m) => say(m, lang)),
    ...warnings, text(lang, 'cli.criteria.written', { file: shownPath(out, io) })].join('\n') + '\n');
  return EXIT.ok;
}

/** A criteria table (a spreadsheet or CSV) given where a set is expected: say to import it first. */
function refuseTable(file: string, shown: string): void {
  const ext = path.extname(file).toLowerCase();
  let spreadsheet = ext === '.xlsx' || ext === '.xls' || ext === '.xlsm' || ext === '.ods' || ext === '.csv';
  try {
    const head = Buffer.alloc(4);
    const fd = fs.openSync(file, 'r');
    fs.readSync(fd, head, 0, 4, 0);
    fs.closeSync(fd);
    // A zip (xlsx, ods) or an OLE file (xls): a spreadsheet whatever its name.
    spreadsheet = spreadsheet || head.readUInt32LE(0) === 0x04034b50 || head.readUInt32BE(0) === 0xd0cf11e0;
  } catch {
    // Missing or unreadable: readJsonFile says so.
  }
  if (!spreadsheet) return;
  const json = path.basename(file, path.extname(file)) + '.json';
  throw new UserError('table-not-set', message('input.tableNotSet', { file: shown, json }));
}

function checkCommand(file: string, opts: { json?: boolean }, io: Io, lang: Lang): number {
  const shown = shownPath(file, io);
  let raw: unknown;
  try {
    refuseTable(path.resolve(io.cwd, file), shown);
    raw = readJsonFile(path.resolve(io.cwd, file));
  } catch (e) {
    if (!(e instanceof UserError) || !opts.json) throw e;
    io.out(JSON.stringify({ file: shown, error: say(e.userMessage, lang) }, null, 2) + '\n');
    throw new CliExit(EXIT.unusable);
  }
  const { set, problems } = parseCriteriaSet(raw);
  const object = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const outline = outlineOf(object.nodes);
  if (opts.json) {
    io.out(JSON.stringify({
      file: shown,
      error: null,
      set: { id: object.id ?? null, title: object.title ?? null, status: object.status ?? null, year: object.year ?? null },
      summary: summaryOf(outline),
      rules: set ? setRules(set) : null,
      outline: outlineJson(outline, explainerOf(set), lang),
      problems: problems.map((p) => ({ code: p.code, message: say(p.message, lang) })),
    }, null, 2) + '\n');
  } else {
    const lines = [setHeading(object, lang), ...outlineLines(outline, 1, lang, explainerOf(set))];
    if (set) lines.push(...setRulesLines(set).map((m) => say(m, lang)));
    lines.push(problems.length ? text(lang, 'cli.criteria.problems', { n: problems.length }) : `✓ ${text(lang, 'cli.criteria.clean')}`, ...problemLines(problems, lang));
    io.out(lines.join('\n') + '\n');
  }
  return problems.length ? EXIT.problems : EXIT.ok;
}

export const registerCriteria: Register = (program: Command, io: Io, setExit) => {
  const criteria = program
    .command('criteria')
    .description('Bộ tiêu chí: nhập từ bảng ban hành, kiểm tra / Criteria sets: import an issued table, check a set');
  criteria
    .command('import')
    .description('Nhập bảng tiêu chí (.xlsx, .csv) thành bộ tiêu chí JSON / Import a criteria table (.xlsx, .csv) as a JSON set')
    .argument('<file>', 'tệp .xlsx hoặc .csv / .xlsx or .csv file')
    .requiredOption('--out <set.json>', 'tệp bộ tiêu chí sẽ ghi / the set file to write')
    .option('--sheet <name>', 'trang chứa bảng / the sheet holding the table')
    .option('--id <id>', 'mã bộ tiêu chí / set id')
    .option('--title <title>', 'tên bộ tiêu chí / set title')
    .option('--year <year>', 'năm áp dụng / year')
    .option('--official', 'chép từ văn bản ban hành / transcribed from the issued document')
    .option('--lang <lang>', 'vi | en', 'vi')
    .action(async (file: string, opts: ImportCommandOptions) => {
      setExit(await importCommand(file, opts, io, langOf(opts)));
    });
  criteria
    .command('check')
    .description('Kiểm tra một bộ tiêu chí JSON / Check a JSON criteria set')
    .argument('<set>', 'tệp bộ tiêu chí .json / criteria set .json')
    .option('--json', 'in kết quả dạng JSON / print JSON')
    .option('--lang <lang>', 'vi | en', 'vi')
    .action((file: string, opts: { json?: boolean; lang?: string }) => {
      setExit(checkCommand(file, opts, io, langOf(opts)));
    });
};
