// Small helpers the bench sections share: medians of repeated runs (these machines are shared, so a
// single timing says little), a monotonic clock and number formats.

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function median(values: number[]): number {
  if (!values.length) return NaN;
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** "1.23" for small numbers, "123" for large ones. */
export function fmt(n: number, digits = 2): string {
  return Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(digits);
}

export function mb(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}
