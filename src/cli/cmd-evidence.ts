// `cchc evidence scaffold FILE.xlsx --root DIR`: one folder per leaf ("1.1.1 Ban hanh ke hoach CCHC"),
// so staff drop each scan where it belongs.
// `cchc evidence link FILE.xlsx --root DIR [--out NEW.xlsx | --in-place] [--force]`: every file in
// those folders that the Minh chứng register does not list yet becomes a register row with a link
// relative to the workbook. Never duplicates, never removes; prints what it added.
// Exit 0: done; 2: a file or folder cannot be read or written.

import * as path from 'path';
import { Command } from 'commander';
import { flattenSet } from '../core/model/criteria';
import { Lang, refuse } from '../core/model/errors';
import { documentFromFileName } from '../core/features/evidence/folders';
import { readScoring } from '../core/sheets/scoring/read';
import { planUpgrade } from '../core/features/upgrade';
import { readWorkbookGrids } from '../adapters/exceljs/read-grid';
import { fileLinkKey, linkFromWorkbook, rebaseLink, scaffoldFolders, scanEvidenceFolders } from './evidence-files';
import { EXIT, Io, Register, langOf, shownPath } from './io';
import { EvidenceDoc } from '../core/model/entries';
import { RewriteOptions, outputOf, writeRewritten } from './rewrite';
import { message, text } from '../core/text/node';

function requireRoot(root: string | undefined): string {
  if (!root) refuse('no-root', message('cli.evidence.evidenceFolderMissingRoot'));
  return root;
}

async function scaffoldCommand(file: string, opts: { root?: string }, io: Io, lang: Lang): Promise<number> {
  const workbook = path.resolve(io.cwd, file);
  const root = path.resolve(io.cwd, requireRoot(opts.root));
  const read = readScoring(await readWorkbookGrids(workbook));
  const leaves = read.criteria.nodes.filter((f) => f.leaf).map((f) => ({ code: f.code, name: f.node.name }));
  const { created, existing } = scaffoldFolders(root, leaves);
  const lines = [text(lang, 'cli.evidence.root', { root: shownPath(root, io) })];
  if (created.length) lines.push(text(lang, 'cli.evidence.created', { n: created.length }), ...created.map((name) => '  + ' + name));
  if (existing.length) lines.push(text(lang, 'cli.evidence.existing', { n: existing.length }));
  lines.push(text(lang, 'cli.evidence.nextScaffold', { file: shownPath(workbook, io), root: shownPath(root, io) }));
  io.out(lines.join('\n') + '\n');
  return EXIT.ok;
}

interface LinkOptions extends RewriteOptions {
  root?: string;
}

async function linkCommand(file: string, opts: LinkOptions, io: Io, lang: Lang): Promise<number> {
  const workbook = path.resolve(io.cwd, file);
  const root = path.resolve(io.cwd, requireRoot(opts.root));
  const out = outputOf(workbook, opts, io, '-minh-chung');
  const grids = await readWorkbookGrids(workbook);
  const upgrade = planUpgrade({ grids });
  const fromDir = path.dirname(workbook);
  const toDir = path.dirname(out);
  // Links stay relative to the workbook, so a copy written elsewhere gets them rewritten.
  const existing: EvidenceDoc[] = (upgrade.build.evidence || []).map((d) => ({ ...d, link: rebaseLink(d.link, fromDir, toDir) }));
  const registered: Record<string, boolean> = {};
  for (const d of existing) {
    const key = d.link ? fileLinkKey(toDir, d.link) : null;
    if (key) registered[key] = true;
  }
  const flat = flattenSet(upgrade.build.set);
  const scan = scanEvidenceFolders(root, flat.filter((f) => f.leaf).map((f) => f.code), flat.filter((f) => !f.leaf).map((f) => f.code));
  const added: EvidenceDoc[] = [];
  for (const dropped of scan.files) {
    const link = linkFromWorkbook(toDir, dropped.file);
    const key = fileLinkKey(toDir, link);
    if (!key || registered[key]) continue;
    registered[key] = true;
    added.push({ codes: [dropped.code], ...documentFromFileName(path.basename(dropped.file)), link });
  }
  const lines = [text(lang, 'cli.evidence.root', { root: shownPath(root, io) })];
  if (scan.unplaced.length) lines.push(text(lang, 'cli.evidence.unplaced', { n: scan.unplaced.length }), ...scan.unplaced.map((p) => '  ! ' + p));
  if (!added.length) {
    lines.push(text(lang, 'cli.evidence.nothing'));
    io.out(lines.join('\n') + '\n');
    return EXIT.ok;
  }
  const written = await writeRewritten(upgrade, { ...upgrade.build, evidence: existing.concat(added) }, out, workbook, !!opts.inPlace, io, lang);
  lines.push(text(lang, 'cli.evidence.added', { n: added.length }), ...added.map((d) => `  + ${d.codes[0]}  ${d.link}`));
  lines.push(...written, text(lang, 'cli.evidence.nextLink', { file: shownPath(out, io), root: shownPath(root, io) }));
  io.out(lines.join('\n') + '\n');
  return EXIT.ok;
}

export const registerEvidence: Register = (program: Command, io: Io, setExit) => {
  const evidence = program
    .command('evidence')
    .description('Tài liệu kiểm chứng: thư mục theo tiêu chí, liên kết vào trang Minh chứng / Evidence: folders per criterion, links in the Minh chứng sheet');
  evidence
    .command('scaffold')
    .description('Tạo một thư mục cho mỗi tiêu chí thành phần / Create one folder per sub-criterion')
    .argument('<file>', 'bảng chấm điểm .xlsx / scoring workbook .xlsx')
    .option('--root <dir>', 'thư mục minh chứng / the evidence folder')
    .option('--lang <lang>', 'vi | en', 'vi')
    .action(async (file: string, opts: { root?: string; lang?: string }) => {
      setExit(await scaffoldCommand(file, opts, io, langOf(opts)));
    });
  evidence
    .command('link')
    .description('Thêm vào trang Minh chứng các tệp mới trong thư mục tiêu chí / Add new files of the criteria folders to the Minh chứng sheet')
    .argument('<file>', 'bảng chấm điểm .xlsx / scoring workbook .xlsx')
    .option('--root <dir>', 'thư mục minh chứng / the evidence folder')
    .option('--out <file.xlsx>', 'tệp ghi ra (mặc định: TÊN-minh-chung.xlsx) / output file (default: NAME-minh-chung.xlsx)')
    .option('--in-place', 'ghi vào chính bảng chấm điểm / write into the workbook itself')
    .option('--force', 'ghi đè tệp ra đã có / replace an existing output file')
    .option('--lang <lang>', 'vi | en', 'vi')
    .action(async (file: string, opts: LinkOptions & { lang?: string }) => {
      setExit(await linkCommand(file, opts, io, langOf(opts)));
    });
};
