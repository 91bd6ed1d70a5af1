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
import { message } from '../core/text/catalogue';

const T = {
  vi: {
    root: (root: string) => `Thư mục minh chứng: ${root}`,
    created: (n: number) => `Đã tạo ${n} thư mục:`,
    existing: (n: number) => `Đã có sẵn ${n} thư mục (giữ nguyên).`,
    nextScaffold: (file: string, root: string) => `Chép bản quét, ảnh, tệp PDF vào đúng thư mục của tiêu chí, rồi chạy: cchc evidence link "${file}" --root "${root}"`,
    added: (n: number) => `Đã thêm ${n} tài liệu vào trang Minh chứng:`,
    nothing: 'Không có tệp mới: mọi tệp trong các thư mục tiêu chí đã có trong trang Minh chứng. Không ghi tệp nào.',
    unplaced: (n: number) => `Bỏ qua ${n} mục không nằm trong thư mục của tiêu chí thành phần nào (tên thư mục phải bắt đầu bằng mã, ví dụ "1.1.1 ..."):`,
    nextLink: (file: string, root: string) => `Kiểm tra liên kết: cchc check "${file}" --evidence-root "${root}"`,
  },
  en: {
    root: (root: string) => `Evidence folder: ${root}`,
    created: (n: number) => `Created ${n} folders:`,
    existing: (n: number) => `${n} folders were already there (kept as they are).`,
    nextScaffold: (file: string, root: string) => `Copy scans, photos and PDFs into each criterion's folder, then run: cchc evidence link "${file}" --root "${root}"`,
    added: (n: number) => `Added ${n} documents to the Minh chứng sheet:`,
    nothing: 'No new file: every file in the criteria folders is already in the Minh chứng sheet. Nothing written.',
    unplaced: (n: number) => `Skipped ${n} entries outside any sub-criterion folder (folder names must start with the code, e.g. "1.1.1 ..."):`,
    nextLink: (file: string, root: string) => `Check the links: cchc check "${file}" --evidence-root "${root}"`,
  },
};



function requireRoot(root: string | undefined): string {
  if (!root) refuse('no-root', message('cli.evidence.evidenceFolderMissingRoot'));
  return root;
}

async function scaffoldCommand(file: string, opts: { root?: string }, io: Io, lang: Lang): Promise<number> {
  const t = T[lang];
  const workbook = path.resolve(io.cwd, file);
  const root = path.resolve(io.cwd, requireRoot(opts.root));
  const read = readScoring(await readWorkbookGrids(workbook));
  const leaves = read.criteria.nodes.filter((f) => f.leaf).map((f) => ({ code: f.code, name: f.node.name }));
  const { created, existing } = scaffoldFolders(root, leaves);
  const lines = [t.root(shownPath(root, io))];
  if (created.length) lines.push(t.created(created.length), ...created.map((name) => '  + ' + name));
  if (existing.length) lines.push(t.existing(existing.length));
  lines.push(t.nextScaffold(shownPath(workbook, io), shownPath(root, io)));
  io.out(lines.join('\n') + '\n');
  return EXIT.ok;
}

interface LinkOptions extends RewriteOptions {
  root?: string;
}

async function linkCommand(file: string, opts: LinkOptions, io: Io, lang: Lang): Promise<number> {
  const t = T[lang];
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
  const lines = [t.root(shownPath(root, io))];
  if (scan.unplaced.length) lines.push(t.unplaced(scan.unplaced.length), ...scan.unplaced.map((p) => '  ! ' + p));
  if (!added.length) {
    lines.push(t.nothing);
    io.out(lines.join('\n') + '\n');
    return EXIT.ok;
  }
  const written = await writeRewritten(upgrade, { ...upgrade.build, evidence: existing.concat(added) }, out, workbook, !!opts.inPlace, io, lang);
  lines.push(t.added(added.length), ...added.map((d) => `  + ${d.codes[0]}  ${d.link}`));
  lines.push(...written, t.nextLink(shownPath(out, io), shownPath(root, io)));
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
