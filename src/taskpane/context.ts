// What every controller of the pane shares: the workbook port, the language, the status line, and
// the rule that only one workbook operation runs at a time.

import { Lang } from '../core/model/errors';
import { WorkbookPort } from '../core/model/port';
import { TextKey } from './i18n';
import { StatusLine } from './status';

export interface PaneContext {
  port: WorkbookPort;
  lang(): Lang;
  t(key: TextKey, params?: Record<string, string | number>): string;
  status: StatusLine;
  /**
   * Runs workbook operations one after another (a live check never interleaves with a build); the
   * action buttons are disabled while any runs.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
}
