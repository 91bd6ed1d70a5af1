// Errors meant for people: a message in Vietnamese and English, no stack trace shown.

export type Message = { vi: string; en: string };
export type Lang = 'vi' | 'en';

/**
 * Why an input cannot be used, for code that decides what to do about it (an exit status, a retry);
 * people read the message. One list, so a reason is never mistyped where it is compared.
 */
export type ErrorReason =
  // Files: finding, reading and writing them.
  | 'not-found' | 'not-a-file' | 'too-large' | 'too-many-files' | 'cannot-write' | 'disk-full' | 'no-folder'
  | 'exists' | 'same-file' | 'output-is-input' | 'output-is-folder' | 'output-is-scoring' | 'bad-out' | 'encoding' | 'empty'
  // Workbooks that are not (safe) .xlsx files.
  | 'not-a-workbook' | 'corrupt' | 'zip-bomb' | 'password' | 'xls' | 'ods' | 'csv' | 'json'
  // Workbooks that are not scoring workbooks, or were damaged.
  | 'not-scoring' | 'no-scoring-sheet' | 'meta-damaged' | 'duplicate-rows' | 'summary-rows-missing' | 'appraisal-exists' | 'not-same-workbook'
  // Criteria sets and tables.
  | 'bad-json' | 'bad-id' | 'no-table' | 'no-sheet'
  // Command options.
  | 'bad-year' | 'bad-unit' | 'bad-by' | 'bad-lang' | 'no-root' | 'no-evidence-root' | 'root-is-file' | 'table-not-set'
  | 'bad-code' | 'bad-date' | 'bad-list'
  // The evidence register.
  | 'no-register' | 'register-full' | 'register-changed'
  // Excel refused an operation (the add-in).
  | 'excel-error' | 'excel-cell-edit-mode' | 'excel-protected' | 'excel-read-only' | 'excel-not-found' | 'excel-name-taken'
  | 'excel-unsupported' | 'excel-too-large' | 'excel-conflict' | 'excel-busy'
  // A part of the pane fetched on first use did not arrive.
  | 'part-not-loaded';

export class UserError extends Error {
  readonly userMessage: Message;
  readonly reason: ErrorReason;
  constructor(reason: ErrorReason, message: Message) {
    super(message.en);
    // Compiled to ES5, a subclass of Error loses its prototype; restore it so instanceof works.
    Object.setPrototypeOf(this, UserError.prototype);
    this.reason = reason;
    this.userMessage = message;
  }
}

export function say(m: Message, lang: Lang): string {
  return lang === 'en' ? m.en : m.vi;
}

/** Stops with a message for people: the one way inputs are refused. */
export function refuse(reason: ErrorReason, message: Message): never {
  throw new UserError(reason, message);
}
