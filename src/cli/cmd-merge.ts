// `cchc merge MAIN.xlsx PART.xlsx… --out NEW.xlsx [--force]`: the sections' copies merged into one
// workbook (core/features/merge): from each copy the items of its section; where copies disagree, or a
// copy changed what is not its own, the main workbook's content stays and the difference is listed,
// on the terminal and on the sheet "Xung đột khi gộp". No input is ever written.
// Exit 0: merged, no difference; 1: merged, differences listed for review; 2: nothing written.

import * as fs from 'fs';
import * as path from 'path';
import { Command } from 'commander';
import { Lang, refuse, say } from '../core/model/errors';
import { planMerge, MergePart } from '../core/features/merge/merge';
import { valuesCopySheet } from '../core/features/upgrade';
import { buildWorkbookPlan } from '../core/sheets/workbook';
import { CONFLICTS_SHEET, conflictsSheet, fieldName } from '../core/sheets/conflicts';
import { message, text } from '../core/text/node';
import { readWorkbookGrids } from '../adapters/exceljs/read-grid';
import { writePlanToFile } from '../adapters/exceljs/write';
import { sameFile } from '../adapters/files';
import { EXIT, Io, Register, langOf, shownPath } from './io';

interface MergeOptions {
  out?: string;
  force?: boolean;
  lang?: string;
}

/** Conflicts listed on the terminal; the sheet has them all. */
const LISTED = 12;

function stop(key: Parameters<typeof message>[0], params?: Parameters<typeof message>[1], reason: 'bad-out' | 'exists' | 'same-file' = 'bad-out'): never {
  const m = message(key, params);
  refuse(reason, m);
}

async function mergeCommand(files: string[], opts: MergeOptions, io: Io, lang: Lang): Promise<number> {
  const t = (key: Parameters<typeof text>[1], params?: Parameters<typeof text>[2]) => text(lang, key, params);
  if (files.length < 2) stop('cli.merge.needParts');
  if (!opts.out) stop('cli.merge.needOut');
  const out = path.resolve(io.cwd, opts.out);
  if (path.extname(out).toLowerCase() !== '.xlsx') stop('cli.outNotXlsx', { out: opts.out });
  const inputs = files.map((f) => path.resolve(io.cwd, f));
  inputs.forEach((f, i) => {
    if (inputs.some((g, j) => j < i && fs.existsSync(f) && sameFile(f, g))) stop('cli.merge.samePart', { file: shownPath(f, io) }, 'same-file');
  });
  if (fs.existsSync(out) && !opts.force && !inputs.some((f) => sameFile(f, out))) {
    stop('cli.outExistsForce', { file: shownPath(out, io) }, 'exists');
  }
  const main = await readWorkbookGrids(inputs[0]);
  const parts: MergePart[] = [];
  for (const file of inputs.slice(1)) parts.push({ name: path.basename(file), grids: await readWorkbookGrids(file) });
  const merged = planMerge(main, parts);

  const plan = buildWorkbookPlan(merged.build);
  const taken = plan.sheets.map((s) => s.name.toLowerCase());
  // The main workbook's own sheets go along as values; the review sheet of an earlier merge too, renamed.
  for (const s of merged.upgrade.otherSheets) {
    let name = s.name;
    if (name === CONFLICTS_SHEET) for (let n = 2; taken.indexOf((name = `${CONFLICTS_SHEET} (${n})`).toLowerCase()) >= 0; n++);
    taken.push(name.toLowerCase());
    plan.sheets.push(valuesCopySheet(s, name));
  }
  if (merged.conflicts.length) plan.sheets.push(conflictsSheet(merged.conflicts));
  // writePlanToFile refuses to replace any input: the main workbook and every copy stay as they were.
  await writePlanToFile(plan, out, { inputs });

  const lines = [t('cli.merge.written', { count: parts.length, file: shownPath(out, io) })];
  for (const p of merged.parts) {
    const codes = p.taken.length ? ': ' + p.taken.join(', ') : '';
    lines.push('  ' + (p.owner
      ? t('cli.merge.part', { part: p.part, owner: p.owner, how: t(p.how === 'file-name' ? 'cli.merge.byFileName' : 'cli.merge.byChanges'), count: p.taken.length, codes })
      : t('cli.merge.partUnknown', { part: p.part, count: p.taken.length, codes })));
  }
  if (merged.conflicts.length) {
    lines.push('  ! ' + t('cli.merge.conflicts', { count: merged.conflicts.length, sheet: CONFLICTS_SHEET }));
    for (const c of merged.conflicts.slice(0, LISTED)) {
      lines.push('      ' + t('cli.merge.conflictLine', { code: c.code, field: say(fieldName(c.field), lang), part: c.part, reason: say(c.reason, lang) }));
    }
    if (merged.conflicts.length > LISTED) lines.push('      ' + t('cli.merge.more', { count: merged.conflicts.length - LISTED, sheet: CONFLICTS_SHEET }));
  } else lines.push('  ' + t('cli.merge.clean'));
  lines.push(t('cli.merge.untouched', { file: shownPath(out, io) }));
  io.out(lines.join('\n') + '\n');
  return merged.conflicts.length ? EXIT.problems : EXIT.ok;
}

export const registerMerge: Register = (program: Command, io: Io, setExit) => {
  program
    .command('merge')
    .description('Gộp các bản của bộ phận vào bảng chính: mỗi bản lấy các mục được giao cho bộ phận đó / Merge the sections\' copies into the main workbook: from each, the items assigned to that section')
    .argument('<files...>', 'bảng chính rồi các bản của bộ phận (.xlsx) / the main workbook, then the sections\' copies (.xlsx)')
    .option('--out <file.xlsx>', 'tệp gộp sẽ tạo / the merged file to create')
    .option('--force', 'ghi đè tệp đã có / replace an existing file')
    .option('--lang <lang>', 'vi | en', 'vi')
    .action(async (files: string[], opts: MergeOptions) => {
      setExit(await mergeCommand(files, opts, io, langOf(opts)));
    });
};
