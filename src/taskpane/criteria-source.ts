// Where the criteria set of a new scoring sheet comes from: the bundled default, a table on a sheet of
// the open workbook (read by the same importer as `cchc criteria import`), or a JSON file the user picks.

import { CriteriaSet } from '../core/model/criteria';
import { Lang, Message } from '../core/model/errors';
import { message } from '../core/text/catalogue';
import { WorkbookPort } from '../core/model/port';
import { text } from './i18n';
import { SHEETS } from '../core/model/layout';
import { parseCriteriaSet } from '../core/model/criteria-parse';
import { bundledPart, tableImportPart } from './parts';

export type SetChoice =
  | { kind: 'bundled' }
  | { kind: 'sheet'; sheet: string; official: boolean }
  | { kind: 'file'; file: File };

export type LoadedSet =
  | { ok: true; set: CriteriaSet; warnings: Message[] }
  | { ok: false; problems: Message[] };

/** Criteria files are a few hundred kilobytes; anything much larger is the wrong file. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

const OWN_SHEETS: string[] = [SHEETS.scoring, SHEETS.summary, SHEETS.meta, SHEETS.evidence, SHEETS.assignment];

/** Visible sheets that may hold a criteria table: every sheet but the add-in's own. */
export async function candidateSheets(port: WorkbookPort): Promise<string[]> {
  const sheets = await port.listSheets();
  return sheets.filter((s) => s.visibility === 'visible' && OWN_SHEETS.indexOf(s.name) < 0).map((s) => s.name);
}

/** The criteria set that ships with the tool (fetched with the first use of the pane's build). */
export async function bundledSet(): Promise<CriteriaSet> {
  return (await bundledPart()).defaultSet();
}

export async function loadCriteriaSet(
  choice: SetChoice,
  port: WorkbookPort,
  lang: Lang,
  progress: (message: string) => void,
): Promise<LoadedSet> {
  if (choice.kind === 'bundled') return { ok: true, set: await bundledSet(), warnings: [] };
  if (choice.kind === 'sheet') {
    progress(text(lang, 'build.reading', { sheet: choice.sheet }));
    const grids = await port.readGrids([choice.sheet]);
    const grid = grids.sheets[0];
    if (!grid) return { ok: false, problems: [message('set.sheetGone', { sheet: choice.sheet })] };
    const { importCriteriaTable } = await tableImportPart();
    const result = importCriteriaTable(grid, { status: choice.official ? 'official' : 'reference' });
    if (!result.set) return { ok: false, problems: result.problems.map((p) => p.message) };
    return { ok: true, set: result.set, warnings: result.warnings };
  }
  progress(text(lang, 'build.readingFile', { file: choice.file.name }));
  return parseSetFile(choice.file);
}

async function parseSetFile(file: File): Promise<LoadedSet> {
  const name = file.name;
  if (file.size > MAX_FILE_BYTES) {
    const size = Math.round((file.size / 1024 / 1024) * 10) / 10;
    return { ok: false, problems: [message('set.fileTooLarge', { file: name, size })] };
  }
  let content: string;
  try {
    content = await readFileText(file);
  } catch {
    return { ok: false, problems: [message('set.fileUnreadable', { file: name })] };
  }
  let raw: unknown;
  try {
    // A byte order mark is common in files saved by Notepad.
    raw = JSON.parse(content.charAt(0) === '\ufeff' ? content.slice(1) : content);
  } catch {
    return { ok: false, problems: [message('set.fileNotJson', { file: name })] };
  }
  const parsed = parseCriteriaSet(raw);
  if (!parsed.set) return { ok: false, problems: parsed.problems.map((p) => p.message) };
  return { ok: true, set: parsed.set, warnings: [] };
}

/** FileReader rather than Blob.text(): Internet Explorer 11 has only the former. */
function readFileText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file, 'utf-8');
  });
}
