// `cchc assign FILE.xlsx CODE... --to NAME [--role TEXT] [--due DD/MM/YYYY]`: gives domains, criteria
// or sub-criteria (and everything below them) to a person or section, writing Phụ trách and Hạn on
// Chấm điểm and adding a new name to the list on Phân công. `--clear` unassigns them; `--common-due`
// moves the common due date. Written to --out, to NAME-phan-cong.xlsx beside it, or --in-place.
// Exit 0: written; 2: nothing written (a code the set lacks, a date that is no date, an unreadable file).

import * as path from 'path';
import { Command } from 'commander';
import { Lang, refuse } from '../core/model/errors';
import { planUpgrade } from '../core/features/upgrade';
import { AssignChange, assignmentChanges, parseDueInput, withPerson } from '../core/features/assign';
import { DEFAULT_PEOPLE, effectiveAssignments, defaultDueDay, personName } from '../core/model/assignment';
import { formatDay, parseDay } from '../core/model/dates';
import { Entries, LeafEntry } from '../core/model/entries';
import { indexSet } from '../core/model/criteria';
import { message, text } from '../core/text/node';
import { readWorkbookGrids } from '../adapters/exceljs/read-grid';
import { EXIT, Io, Register, langOf } from './io';
import { RewriteOptions, outputOf, writeRewritten } from './rewrite';

interface AssignOptions extends RewriteOptions {
  to?: string;
  role?: string;
  due?: string;
  clear?: boolean;
  commonDue?: string;
  lang?: string;
}

function stop(key: Parameters<typeof message>[0], params?: Parameters<typeof message>[1]): never {
  const m = message(key, params);
  refuse('bad-code', m);
}

/** The entries with the changes applied: a value set, or the cell emptied. */
function applied(entries: Entries, changes: AssignChange[]): Entries {
  const out: Entries = { ...entries };
  for (const c of changes) {
    const e: LeafEntry = out[c.code] ? { ...out[c.code], values: { ...out[c.code].values } } : { values: {} };
    if (c.owner !== undefined) {
      if (c.owner === null) delete e.values.owner;
      else e.values.owner = c.owner;
    }
    if (c.due !== undefined) {
      if (c.due === null) delete e.values.due;
      else e.values.due = formatDay(c.due);
    }
    out[c.code] = e;
  }
  return out;
}

async function assignCommand(file: string, codes: string[], opts: AssignOptions, io: Io, lang: Lang): Promise<number> {
  const workbook = path.resolve(io.cwd, file);
  if (opts.to !== undefined && opts.clear) stop('cli.assign.toAndClear');
  if (!codes.length && opts.commonDue === undefined) stop('cli.assign.nothing');
  if (codes.length && opts.to === undefined && !opts.clear) stop('cli.assign.needOwner', { codes: codes.join(', ') });
  let commonDue: string | undefined;
  if (opts.commonDue !== undefined) {
    const day = parseDueInput(opts.commonDue);
    if (!day) {
      const m = message('assign.badDue', { due: opts.commonDue });
      refuse('bad-date', m);
    }
    commonDue = formatDay(day);
  }
  const out = outputOf(workbook, opts, io, '-phan-cong');
  const grids = await readWorkbookGrids(workbook);
  const upgrade = planUpgrade({ grids });
  const entries = upgrade.build.entries || {};
  const criteria = indexSet(upgrade.build.set);
  const current = (code: string, role: 'owner' | 'due') => (entries[code] ? entries[code].values[role] : undefined);
  const lines: string[] = [];
  let build = upgrade.build;
  if (codes.length) {
    const owner = opts.clear ? null : opts.to!;
    const changes = assignmentChanges(criteria, current, { codes, owner, due: opts.due });
    const people = build.people || DEFAULT_PEOPLE;
    const withOwner = withPerson(people, owner, opts.role ? personName(opts.role) : '');
    build = { ...build, entries: applied(entries, changes), people: withOwner };
    const year = build.year;
    const effective = effectiveAssignments(criteria.nodes, (code, role) => (build.entries![code] ? build.entries![code].values[role] : undefined), parseDay(commonDue || build.commonDue || '') || defaultDueDay(year));
    const items = criteria.leaves.filter((f) => codes.some((c) => f.code === c || f.code.indexOf(c + '.') === 0)).length;
    if (owner === null) lines.push(text(lang, 'cli.assign.cleared', { codes: codes.join(', ') }));
    else {
      const due = opts.due !== undefined ? text(lang, 'cli.assign.dueSuffix', { due: effective[codes[0]].dueText }) : '';
      lines.push(text(lang, 'cli.assign.assigned', { codes: codes.join(', '), owner: personName(owner), due, items }));
    }
    for (const c of changes) {
      const before = personName(current(c.code, 'owner'));
      if (c.owner === null && before && codes.indexOf(c.code) < 0) lines.push('  ' + text(lang, 'cli.assign.replaced', { code: c.code, before }));
    }
    if (withOwner !== people) lines.push('  ' + text(lang, 'cli.assign.newPerson', { owner: personName(owner!) }));
  }
  if (commonDue !== undefined) {
    build = { ...build, commonDue };
    lines.push(text(lang, 'cli.assign.commonDue', { due: commonDue }));
  }
  lines.push(...(await writeRewritten(upgrade, build, out, workbook, !!opts.inPlace, io, lang)));
  io.out(lines.join('\n') + '\n');
  return EXIT.ok;
}

export const registerAssign: Register = (program: Command, io: Io, setExit) => {
  program
    .command('assign')
    .description('Phân công chuẩn bị tài liệu: giao lĩnh vực, tiêu chí cho người hoặc bộ phận, kèm hạn / Assign domains and criteria to a person or section, with a due date')
    .argument('<file>', 'bảng chấm điểm .xlsx / scoring workbook .xlsx')
    .argument('[codes...]', 'mã lĩnh vực, tiêu chí, tiêu chí thành phần (1, 2.1, 2.1.3) / codes of domains, criteria, sub-criteria')
    .option('--to <name>', 'người hoặc bộ phận phụ trách / the responsible person or section')
    .option('--role <text>', 'chức vụ, bộ phận của người mới (ghi vào danh sách) / position of a new person (for the list)')
    .option('--due <date>', 'hạn hoàn thành, dd/mm/yyyy / due date, dd/mm/yyyy')
    .option('--clear', 'bỏ giao các mục / unassign the items')
    .option('--common-due <date>', 'hạn hoàn thành chung, dd/mm/yyyy / the common due date, dd/mm/yyyy')
    .option('--out <file.xlsx>', 'tệp ghi ra (mặc định: TÊN-phan-cong.xlsx) / output file (default: NAME-phan-cong.xlsx)')
    .option('--in-place', 'ghi vào chính bảng chấm điểm / write into the workbook itself')
    .option('--force', 'ghi đè tệp ra đã có / replace an existing output file')
    .option('--lang <lang>', 'vi | en', 'vi')
    .action(async (file: string, codes: string[], opts: AssignOptions) => {
      setExit(await assignCommand(file, codes, opts, io, langOf(opts)));
    });
};
