/** A row as `mysql --batch` gives it: every value text, or null for NULL. */
export type Row = Record<string, string | null>
export declare function readMysqlBatch(text: string): Row[]
export declare function dedecmsLines(tables: { archives: Row[]; addons: Row[]; types: Row[] }): {
  lines: Record<string, unknown>[]
  notes: string[]
}
