// The one message catalogue: every text a person reads, in Vietnamese (first) and English, under a
// typed key. Each area keeps its table in a file of this folder (pane.ts, …): a Vietnamese table whose
// keys are the truth and an English table the compiler holds to the same keys; the command line's own
// texts extend it in commands.ts, out of the pane's script. Placeholders are {name}; a parameter may be
// one value for both languages or a Message (points are written "1,5" in Vietnamese and "1.5" in
// English: pass points(n)).

import { Lang, Message } from '../model/errors';
import { formatPoints } from '../model/points';
import { PANE_EN, PANE_VI } from './pane';
import { CRITERIA_EN, CRITERIA_VI } from './criteria';
import { VERDICT_EN, VERDICT_VI } from './verdict';
import { CHECK_EN, CHECK_VI } from './check';
import { DOCUMENTS_EN, DOCUMENTS_VI } from './documents';
import { WORKFLOW_EN, WORKFLOW_VI } from './workflow';

const VI = { ...PANE_VI, ...CRITERIA_VI, ...VERDICT_VI, ...CHECK_VI, ...DOCUMENTS_VI, ...WORKFLOW_VI };

export type TextKey = keyof typeof VI;

const EN: Record<TextKey, string> = { ...PANE_EN, ...CRITERIA_EN, ...VERDICT_EN, ...CHECK_EN, ...DOCUMENTS_EN, ...WORKFLOW_EN };

const TABLES: Record<Lang, Record<TextKey, string>> = { vi: VI, en: EN };

export type TextParam = string | number | Message;
export type TextParams = Record<string, TextParam>;

/** A template with its {name} placeholders filled (the command line's texts, commands.ts, share it). */
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
  return fillText(TABLES[lang][key], lang, params);
}

/** The text of a key in both languages, for a message that is shown later in either. */
export function message(key: TextKey, params?: TextParams): Message {
  return { vi: fillText(VI[key], 'vi', params), en: fillText(EN[key], 'en', params) };
}

/** Points as a parameter: "1,5" in Vietnamese, "1.5" in English. */
export function points(n: number | null | undefined): Message {
  return { vi: formatPoints(n, 'vi'), en: formatPoints(n, 'en') };
}
