// The one message catalogue: every text a person reads, in Vietnamese (first) and English, under a
// typed key. Each area keeps its table in a file of this folder (pane.ts, …): a Vietnamese table whose
// keys are the truth and an English table the compiler holds to the same keys. Placeholders are
// {name}; a parameter may be one value for both languages or a Message (points are written "1,5" in
// Vietnamese and "1.5" in English: pass points(n)).
//
// The tables only Node surfaces read (the command line's, reading and writing files on disk, the district
// summary that `cchc summary` makes) are not loaded here, so the pane's bundle carries none of them: those modules take text/message from
// ./node, which adds them. The tables of the pane's parts fetched on first use (the reading of picked
// workbooks, the Phân công & tiến độ view) are added by the modules that use them, as they load
// (useTexts). Their keys are typed all the same.

import { Lang, Message } from '../model/errors';
import { formatPoints } from '../model/points';
import { PANE_EN, PANE_VI } from './pane';
import { CRITERIA_EN, CRITERIA_VI } from './criteria';
import { VERDICT_EN, VERDICT_VI } from './verdict';
import { CHECK_EN, CHECK_VI } from './check';
import type { CLI_VI } from './cli';
import type { FILES_VI } from './files';
import type { COMMANDS_VI } from './commands';
import type { DISTRICT_VI } from './district';
import { EXCEL_EN, EXCEL_VI } from './excel';
import { INPUTS_EN, INPUTS_VI } from './inputs';
import { REBUILD_EN, REBUILD_VI } from './rebuild';
import { WORKFLOW_EN, WORKFLOW_VI } from './workflow';
import { DOCUMENTS_EN, DOCUMENTS_VI } from './documents';
import type { READING_VI } from './reading';
import type { ASSIGN_PANE_VI } from './assign-pane';

type SharedKey = keyof typeof PANE_VI | keyof typeof CRITERIA_VI | keyof typeof VERDICT_VI | keyof typeof CHECK_VI
  | keyof typeof EXCEL_VI | keyof typeof INPUTS_VI | keyof typeof REBUILD_VI
  | keyof typeof WORKFLOW_VI | keyof typeof DOCUMENTS_VI | keyof typeof READING_VI | keyof typeof ASSIGN_PANE_VI;

/** Keys of the tables loaded only by ./node. */
export type NodeTextKey = keyof typeof CLI_VI | keyof typeof COMMANDS_VI | keyof typeof FILES_VI | keyof typeof DISTRICT_VI;

export type TextKey = SharedKey | NodeTextKey;

const TABLES: Record<Lang, Record<string, string>> = { vi: {}, en: {} };

/** Adds a table (./node adds the Node-only ones); a key defined twice is a bug, refused here. */
export function addTexts(vi: Record<string, string>, en: Record<string, string>): void {
  for (const key of Object.keys(vi)) {
    if (Object.prototype.hasOwnProperty.call(TABLES.vi, key)) throw new Error(`Text key ${key} is defined twice`);
    TABLES.vi[key] = vi[key];
    TABLES.en[key] = en[key];
  }
}

/** The tables added by useTexts so far. */
const USED: object[] = [];

/** Adds the table of a part that some modules share, once however many of them ask. */
export function useTexts(vi: Record<string, string>, en: Record<string, string>): void {
  if (USED.indexOf(vi) >= 0) return;
  USED.push(vi);
  addTexts(vi, en);
}

addTexts(PANE_VI, PANE_EN);
addTexts(CRITERIA_VI, CRITERIA_EN);
addTexts(VERDICT_VI, VERDICT_EN);
addTexts(CHECK_VI, CHECK_EN);
addTexts(EXCEL_VI, EXCEL_EN);
addTexts(INPUTS_VI, INPUTS_EN);
addTexts(REBUILD_VI, REBUILD_EN);
addTexts(WORKFLOW_VI, WORKFLOW_EN);
addTexts(DOCUMENTS_VI, DOCUMENTS_EN);
// The reading texts (./reading) are added by the modules that read picked files (reading-texts.ts), the
// Phân công & tiến độ view's (./assign-pane) by its modules.

function templateOf(lang: Lang, key: TextKey): string {
  const found = TABLES[lang][key];
  // A key of a Node-only table used where ./node was not imported: a programming error, never shown.
  if (found === undefined) throw new Error(`Text key ${key} is not loaded: import it from core/text/node`);
  return found;
}

export type TextParam = string | number | Message;
export type TextParams = Record<string, TextParam>;

export function fillText(template: string, lang: Lang, params: TextParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole: string, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const value = params[name];
    return typeof value === 'object' ? value[lang] : String(value);
  });
}

/** The text of a key in one language. */
export function text(lang: Lang, key: TextKey, params?: TextParams): string {
  return fillText(templateOf(lang, key), lang, params);
}

/** The text of a key in both languages, for a message that is shown later in either. */
export function message(key: TextKey, params?: TextParams): Message {
  return { vi: fillText(templateOf('vi', key), 'vi', params), en: fillText(templateOf('en', key), 'en', params) };
}

/** Messages joined into one, in each language. */
export function joinMessages(parts: Message[], separator: string): Message {
  return { vi: parts.map((p) => p.vi).join(separator), en: parts.map((p) => p.en).join(separator) };
}

/** A person's text quoted in a message (a name, a code, a formula): at most `length` characters, cut with "…". */
export function shorten(text: string, length = 60): string {
  return text.length <= length ? text : text.slice(0, length - 1).replace(/\s+$/, '') + '…';
}

/** Points as a parameter: "1,5" in Vietnamese, "1.5" in English. */
export function points(n: number | null | undefined): Message {
  return { vi: formatPoints(n, 'vi'), en: formatPoints(n, 'en') };
}
