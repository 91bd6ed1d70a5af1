// The one place that calls Excel.run. Every workbook operation of the add-in goes through `run`, which
// counts the round trips it makes and turns Office errors into messages that tell people what to do.

import { ErrorReason, Message, UserError, msg } from '../../core/model/errors';

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

const PROTECTED = msg(
  'Excel không cho phép thay đổi: một trang tính hoặc cả sổ làm việc đang được bảo vệ (có mật khẩu), hoặc sổ đang được chia sẻ. ' +
    'Hãy bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính / Bảo vệ sổ làm việc) rồi thử lại.',
  'Excel refused the change: a sheet or the whole workbook is protected (with a password), or the workbook is shared. ' +
    'Unprotect it (Review → Unprotect Sheet / Protect Workbook) and try again.',
);

const TOO_LARGE = msg(
  'Dữ liệu quá lớn cho một lần trao đổi với Excel (hay gặp ở Excel cho web). Hãy dùng Excel trên máy tính, hoặc tạo tệp bằng lệnh "cchc build".',
  'Too much data for one exchange with Excel (common in Excel on the web). Use desktop Excel, or create the file with "cchc build".',
);

const UNSUPPORTED = msg(
  'Phiên bản Excel này không hỗ trợ chức năng cần dùng. Hãy cập nhật Office (Tệp → Tài khoản → Tùy chọn cập nhật) hoặc dùng Excel 2019 / Microsoft 365 trở lên.',
  'This version of Excel lacks a feature the add-in needs. Update Office (File → Account → Update Options) or use Excel 2019 / Microsoft 365 or later.',
);

const CONFLICT = msg(
  'Excel không ghi được vì trên trang tính có ô gộp, bảng (Table), bộ lọc hoặc PivotTable chồng lên vùng cần ghi. Hãy gỡ chúng hoặc dùng một sổ làm việc mới rồi thử lại.',
  'Excel could not write because merged cells, a table, a filter or a PivotTable overlap the area. Remove them or use a new workbook, then try again.',
);

/** What each Office error means for the person at the keyboard, and what to do about it. */
const OFFICE_ERRORS: Record<string, { reason: ErrorReason; message: Message }> = {
  InvalidOperationInCellEditMode: {
    reason: 'excel-cell-edit-mode',
    message: msg(
      'Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc để kết thúc việc sửa ô rồi thử lại.',
      'Excel is editing a cell. Press Enter or Esc to finish editing, then try again.',
    ),
  },
  InvalidOperation: { reason: 'excel-protected', message: PROTECTED },
  AccessDenied: {
    reason: 'excel-read-only',
    message: msg(
      'Excel không cho ghi vào sổ làm việc này: sổ đang mở chỉ đọc hoặc ở Dạng xem được bảo vệ. Bấm "Bật chỉnh sửa" (hoặc lưu một bản sao) rồi thử lại.',
      'Excel does not allow writing to this workbook: it is read-only or in Protected View. Click "Enable Editing" (or save a copy) and try again.',
    ),
  },
  ItemNotFound: {
    reason: 'excel-not-found',
    message: msg(
      'Không tìm thấy trang tính hoặc vùng ô cần dùng; có thể nó đã bị đổi tên hoặc xóa. Hãy kiểm tra tên các trang tính, hoặc tạo lại bảng chấm điểm.',
      'A sheet or range the add-in needs was not found; it may have been renamed or deleted. Check the sheet names, or create the scoring sheet again.',
    ),
  },
  ItemAlreadyExists: {
    reason: 'excel-name-taken',
    message: msg(
      'Sổ làm việc đã có một trang tính trùng tên với trang cần tạo. Hãy đổi tên hoặc xóa trang đó rồi thử lại.',
      'The workbook already has a sheet with the name the add-in needs. Rename or delete that sheet and try again.',
    ),
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
    message: msg(
      'Sổ làm việc vừa bị người khác hoặc một chương trình khác thay đổi cùng lúc. Hãy đợi một chút rồi thử lại.',
      'Someone or something else changed the workbook at the same time. Wait a moment and try again.',
    ),
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

const UNCHANGED = msg('Sổ làm việc vẫn giữ nguyên như trước khi bấm.', 'The workbook was left as it was before.');

function withState(error: unknown, state: Message): unknown {
  if (!(error instanceof UserError)) return error;
  const m = error.userMessage;
  return new UserError(error.reason, msg(m.vi + ' ' + state.vi, m.en + ' ' + state.en));
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
  return new UserError('excel-error', msg(
    `Excel báo lỗi ${code} khi thực hiện thao tác. Hãy lưu sổ làm việc, đóng rồi mở lại ngăn tác vụ và thử lại; nếu vẫn lỗi, hãy báo kèm mã lỗi này.`,
    `Excel reported ${code} during the operation. Save the workbook, close and reopen the task pane, and try again; if it persists, report this code.`,
  ));
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
