import { normalizeKey } from '../text/normalize-key.ts';

/** Finds a row's value by any of a field's known column names, whatever their case and accents. */
export class ColumnLookup {
  private readonly byNormalized = new Map<string, string>();

  constructor(columns: string[]) {
    for (const column of columns) {
      const key = normalizeKey(column);
      if (!this.byNormalized.has(key)) this.byNormalized.set(key, column);
    }
  }

  /** The actual column name for the first alias present in the file. */
  column(aliases: readonly string[]): string | undefined {
    for (const alias of aliases) {
      const found = this.byNormalized.get(normalizeKey(alias));
      if (found) return found;
    }
    return undefined;
  }

  /** All actual columns whose normalised name matches the pattern, in file order. */
  columnsMatching(pattern: RegExp): string[] {
    return [...this.byNormalized.entries()].filter(([key]) => pattern.test(key)).map(([, column]) => column);
  }
}
