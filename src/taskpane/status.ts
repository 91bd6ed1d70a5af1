// The status line: progress during long operations, the outcome afterwards, and on failure what
// happened and what to do. Raw exception texts never reach it; they go to the console for support.

import { Lang, UserError, say } from '../core/model/errors';
import { element, clear } from './dom';
import { text } from './i18n';

export interface StatusLine {
  progress(message: string): void;
  success(message: string): void;
  info(message: string): void;
  /** `what`: the operation that did not happen; the reason and remedy come from the error. */
  failure(what: string, error: unknown, lang: Lang): void;
  /** A failure whose explanation the pane already knows (a form left incomplete, a bad file). */
  problem(what: string, detail: string): void;
  clear(): void;
}

export function createStatusLine(node: HTMLElement): StatusLine {
  const show = (kind: 'progress' | 'success' | 'info' | 'error', title: string | null, detail: string) => {
    clear(node);
    node.className = 'status status-' + kind;
    // Errors interrupt a screen reader; progress and results wait for a pause.
    node.setAttribute('aria-live', kind === 'error' ? 'assertive' : 'polite');
    node.setAttribute('aria-busy', kind === 'progress' ? 'true' : 'false');
    if (title) node.appendChild(element('strong', {}, [title]));
    if (title && detail) node.appendChild(document.createTextNode(' '));
    if (detail) node.appendChild(document.createTextNode(detail));
  };
  return {
    progress: (message) => show('progress', null, message),
    success: (message) => show('success', null, message),
    info: (message) => show('info', null, message),
    failure: (what, error, lang) => {
      console.error(what, error);
      show('error', what, describeFailure(error, lang));
    },
    problem: (what, detail) => show('error', what, detail),
    clear: () => show('info', null, ''),
  };
}

/** Why an operation failed and what to do, in the pane's language. */
export function describeFailure(error: unknown, lang: Lang): string {
  // The Excel adapter already turns Office.js errors into UserErrors that say what to do.
  return error instanceof UserError ? say(error.userMessage, lang) : text(lang, 'fail.unexpected');
}
