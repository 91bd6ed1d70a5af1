// The one place that calls Excel.run. Every workbook operation of the add-in goes through `run`, which
// counts the round trips it makes and turns Office errors into messages that tell people what to do.

import { ErrorReason, Message, UserError } from '../../core/model/errors';
import { message } from '../../core/text/catalogue';

/** The part of Office.js's `Excel` namespace the adapter needs: the real one and the test fake both fit. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** How many context.sync() round trips one operation made. */
export interface OperationStats {
  operation: string;
  syncs: number;
}

/** The batch's only way to reach Excel: a counted context.sync(). */
export type Sync = () => Promise<void>;

export type Batch<T> = (context: Excel.RequestContext, sync: Sync) => Promise<T>;

export interface ExcelRunner {
  /** Runs one operation in a fresh request context. */
  run<T>(operation: string, batch: Batch<T>): Promise<T>;
  /** Runs in an existing context: removing an event handler needs the context that added it. */
  runIn<T>(context: OfficeExtension.ClientRequestContext, operation: string, batch: Batch<T>): Promise<T>;
}

interface OfficeErrorLike {
  name?: string;
  code: string;
  message?: string;
  debugInfo?: unknown;
}

/** The error code of an Office.js error ("ItemNotFound", ...), or null for any other error. */
export function officeErrorCode(error: unknown): string | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as OfficeErrorLike;
  if (typeof e.code !== 'string') return null;
  return e.name === 'RichApi.Error' || e.name === 'OfficeExtension.Error' || 'debugInfo' in e ? e.code : null;
}

const PROTECTED = message('excel.run.protected');

const TOO_LARGE = message('excel.run.tooMuchDataOne');

const UNSUPPORTED = message('excel.run.versionExcelLacksFeature');

const CONFLICT = message('excel.run.excelCouldWriteBecause');

/** What each Office error means for the person at the keyboard, and what to do about it. */
const OFFICE_ERRORS: Record<string, { reason: ErrorReason; message: Message }> = {
  InvalidOperationInCellEditMode: {
    reason: 'excel-cell-edit-mode',
    message: message('excel.run.excelEditingCellPress'),
  },
  InvalidOperation: { reason: 'excel-protected', message: PROTECTED },
  AccessDenied: {
    reason: 'excel-read-only',
    message: message('excel.run.excelDoesAllowWriting'),
  },
  ItemNotFound: {
    reason: 'excel-not-found',
    message: message('excel.run.sheetRangeAddNeeds'),
  },
  ItemAlreadyExists: {
    reason: 'excel-name-taken',
    message: message('excel.run.workbookAlreadySheetName'),
  },
  ApiNotFound: { reason: 'excel-unsupported', message: UNSUPPORTED },
  NotImplemented: { reason: 'excel-unsupported', message: UNSUPPORTED },
  UnsupportedFeature: { reason: 'excel-unsupported', message: UNSUPPORTED },
  UnsupportedOperation: { reason: 'excel-unsupported', message: UNSUPPORTED },
  UnsupportedSheet: { reason: 'excel-unsupported', message: UNSUPPORTED },
  RequestPayloadSizeLimitExceeded: { reason: 'excel-too-large', message: TOO_LARGE },
  ResponsePayloadSizeLimitExceeded: { reason: 'excel-too-large', message: TOO_LARGE },
  RangeExceedsLimit: { reason: 'excel-too-large', message: TOO_LARGE },
  OperationCellsExceedLimit: { reason: 'excel-too-large', message: TOO_LARGE },
  MergedRangeConflict: { reason: 'excel-conflict', message: CONFLICT },
  PivotTableRangeConflict: { reason: 'excel-conflict', message: CONFLICT },
  FilteredRangeConflict: { reason: 'excel-conflict', message: CONFLICT },
  InsertDeleteConflict: { reason: 'excel-conflict', message: CONFLICT },
  Conflict: {
    reason: 'excel-busy',
    message: message('excel.run.someoneSomethingElseChanged'),
  },
};

/** A failed write after which the adapter put the workbook back as it was. */
export class Undone {
  constructor(readonly cause: unknown) {}
}

/** A failed write the adapter could not undo completely: `state` says what is left and what to do. */
export class NotUndone {
  constructor(readonly cause: unknown, readonly state: Message) {}
}

const UNCHANGED = message('excel.run.workbookLeftBefore');

function withState(error: unknown, state: Message): unknown {
  if (!(error instanceof UserError)) return error;
  const m = error.userMessage;
  return new UserError(error.reason, { vi: m.vi + ' ' + state.vi, en: m.en + ' ' + state.en });
}

/** An Office error as a UserError; anything else (a UserError, a bug) passes through unchanged. */
export function translateOfficeError(error: unknown): unknown {
  if (error instanceof Undone) return withState(translateOfficeError(error.cause), UNCHANGED);
  if (error instanceof NotUndone) return withState(translateOfficeError(error.cause), error.state);
  const code = officeErrorCode(error);
  if (code === null) return error;
  const known = OFFICE_ERRORS[code];
  if (known) return new UserError(known.reason, known.message);
  // GeneralException and the rarer codes: say which code Excel gave, so a report can name it.
  return new UserError('excel-error', message('excel.run.excelReportedDuringOperation', { code }));
}

/**
 * @param onOperation called after every operation that finished, with its number of syncs (tests read
 *   it; the pane may log it).
 */
export function createRunner(host: ExcelHost, onOperation?: (stats: OperationStats) => void): ExcelRunner {
  async function execute<T>(operation: string, start: (body: (context: Excel.RequestContext) => Promise<T>) => Promise<T>, batch: Batch<T>): Promise<T> {
    let syncs = 0;
    let result: T;
    try {
      // Awaited inside try, so a rejected Excel.run lands in catch rather than escaping it.
      result = await start((context) => {
        const sync: Sync = () => {
          syncs++;
          return context.sync();
        };
        return batch(context, sync);
      });
    } catch (error) {
      throw translateOfficeError(error);
    }
    if (onOperation) onOperation({ operation, syncs });
    return result;
  }
  return {
    run: (operation, batch) => execute(operation, (body) => host.run(body), batch),
    runIn: (context, operation, batch) => execute(operation, (body) => host.run(context, body), batch),
  };
}
