// Tables keyed by what people typed: a key such as "constructor" or "__proto__" must find nothing,
// not what every object inherits.

export function hasOwn(table: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, key);
}

/** The table's own entry for `key`, or undefined. */
export function ownEntry<T>(table: Record<string, T>, key: string): T | undefined {
  return hasOwn(table, key) ? table[key] : undefined;
}
