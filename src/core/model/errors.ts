// Errors meant for people: a message in Vietnamese and English, no stack trace shown.

export type Message = { vi: string; en: string };
export type Lang = 'vi' | 'en';

export class UserError extends Error {
  readonly userMessage: Message;
  /** A short machine-readable reason ("not-a-workbook", "corrupt", ...). */
  readonly reason: string;
  constructor(reason: string, message: Message) {
    super(message.en);
    // Compiled to ES5, a subclass of Error loses its prototype; restore it so instanceof works.
    Object.setPrototypeOf(this, UserError.prototype);
    this.reason = reason;
    this.userMessage = message;
  }
}

export function msg(vi: string, en: string): Message {
  return { vi, en };
}

export function say(m: Message, lang: Lang): string {
  return lang === 'en' ? m.en : m.vi;
}
