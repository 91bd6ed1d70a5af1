// What every command shares: output streams, the language, and the exit code. Commands print through
// Io so tests can run them in-process; only main.ts touches process.

import * as path from 'path';
import type { Command } from 'commander';
import { Lang, Message, UserError, say } from '../core/model/errors';
import { message } from '../core/text/catalogue';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when standard error is a terminal (progress bars go there only then). */
  isTTY: boolean;
  cwd: string;
}

export type SetExit = (code: number) => void;
export type Register = (program: Command, io: Io, setExit: SetExit) => void;

export const EXIT = { ok: 0, problems: 1, unusable: 2 } as const;

/** The --lang option: vi or en; anything else is refused (a typo must not silently mean Vietnamese). */
export function langOf(opts: { lang?: string }): Lang {
  if (opts.lang === undefined || opts.lang === 'vi' || opts.lang === 'en') return opts.lang === 'en' ? 'en' : 'vi';
  throw new UserError('bad-lang', message('input.badLang', { got: String(opts.lang).slice(0, 20) }));
}

/** The language to report a failure in before the options are known: en when asked for, else vi. */
export function guessLang(argv: string[]): Lang {
  const at = argv.indexOf('--lang');
  return at >= 0 && argv[at + 1] === 'en' ? 'en' : 'vi';
}

/** Thrown by a command to stop with a message and an exit code. */
export class CliExit extends Error {
  constructor(readonly code: number, readonly text?: string) {
    super(text || 'exit ' + code);
    Object.setPrototypeOf(this, CliExit.prototype);
  }
}

export function fail(m: Message, lang: Lang, code: number = EXIT.unusable): never {
  throw new CliExit(code, say(m, lang));
}

/** The message to print for an unexpected error: never a stack trace. */
export function describeError(e: unknown, lang: Lang): string {
  if (e instanceof UserError) return say(e.userMessage, lang);
  const detail = e instanceof Error ? e.message : String(e);
  return lang === 'en'
    ? `Unexpected error: ${detail}. Your files were not changed. Please report this to the support team.`
    : `Lỗi không mong đợi: ${detail}. Các tệp của bạn không bị thay đổi. Vui lòng báo cho bộ phận hỗ trợ.`;
}

/**
 * A file as the command names it to people: relative to the folder they ran it in when the file is
 * there or below, its full path otherwise (a "../../x.xlsx" helps nobody find the file).
 */
export function shownPath(file: string, io: Pick<Io, 'cwd'>): string {
  const absolute = path.resolve(io.cwd, file);
  const relative = path.relative(io.cwd, absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : absolute;
}

/**
 * Prints `{ "<key>": [items...] }` item by item, exactly as `JSON.stringify({ key: items }, null, 2)`
 * followed by a newline would, so a batch never holds every item in memory. Nothing is printed before
 * the first item (a refusal before it leaves standard output empty).
 */
export function jsonArrayWriter(io: Pick<Io, 'out'>, key: string): { add(item: unknown): void; end(): void } {
  let count = 0;
  return {
    add(item) {
      const text = JSON.stringify(item, null, 2).replace(/\n/g, '\n    ');
      io.out((count++ === 0 ? `{\n  ${JSON.stringify(key)}: [\n    ` : ',\n    ') + text);
    },
    end() {
      io.out(count === 0 ? `{\n  ${JSON.stringify(key)}: []\n}\n` : '\n  ]\n}\n');
    },
  };
}
