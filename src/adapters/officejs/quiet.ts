// Change events the add-in's own writes raise. Excel raises onChanged for writes made through the API
// as for typing, a moment after the request returns, so every build or evidence write would wake the
// live check, which re-reads the workbook and replaces the pane's message. Where the host allows it
// (ExcelApi 1.8) the writers turn the add-in's events off while they write, and no such event is ever
// raised; on older hosts (Excel 2019) the port drops change events on the sheets it is writing, and
// for a moment after, when they may still be on their way. There is no telling them from an edit
// made in that moment, which the next edit or "Kiểm tra" then checks.

/** How long after a write on an ExcelApi 1.7 host its events may still arrive. */
export const QUIET_AFTER_MS = 1000;

export interface Quiet {
  /** Runs a write on these sheets; their change events are dropped meanwhile and `graceMs` after. */
  during<T>(sheets: string[], graceMs: number, write: () => Promise<T>): Promise<T>;
  /** True when a change event on this sheet comes from the add-in's own write. */
  hushes(sheet: string): boolean;
}

export function createQuiet(now: () => number = () => Date.now()): Quiet {
  /** Lower-case sheet names and until when their events are the add-in's own (Infinity while writing). */
  const until: Record<string, number> = {};
  let writing = 0;
  return {
    async during(sheets, graceMs, write) {
      const names = sheets.map((s) => s.toLowerCase());
      writing++;
      for (const n of names) until[n] = Infinity;
      try {
        return await write();
      } finally {
        writing--;
        const end = now() + graceMs;
        for (const n of names) until[n] = writing > 0 && until[n] === Infinity ? Infinity : end;
      }
    },
    hushes(sheet) {
      const t = until[sheet.toLowerCase()];
      return t !== undefined && now() <= t;
    },
  };
}
