/**
 * 阅读量 as this process counts them between writes: by article and hour, so a flood of views is
 * one row per article and hour in the next write, never a row update per view.
 */
export const HOUR_MS = 3_600_000

/** The start of the hour `at` falls in (UTC, as every instance counts alike). */
export const hourOf = (at: Date): number => Math.floor(at.getTime() / HOUR_MS) * HOUR_MS

export type ViewRow = { articleId: number; hour: Date; views: number }

export class PendingViews {
  private counts = new Map<string, ViewRow>()

  /** `maxRows` bounds the memory a flood of made-up article ids can take before the next write. */
  constructor(private readonly maxRows: number) {}

  /** False when full: the caller writes what it holds first. */
  add(articleId: number, at: Date): boolean {
    return this.count(articleId, hourOf(at), 1)
  }

  /** Rows a failed write hands back, added to what came since (as many as fit). */
  putBack(rows: readonly ViewRow[]): void {
    for (const row of rows) this.count(row.articleId, row.hour.getTime(), row.views)
  }

  private count(articleId: number, hour: number, views: number): boolean {
    const key = `${articleId}:${hour}`
    const row = this.counts.get(key)
    if (row) {
      row.views += views
      return true
    }
    if (this.counts.size >= this.maxRows) return false
    this.counts.set(key, { articleId, hour: new Date(hour), views })
    return true
  }

  get size(): number {
    return this.counts.size
  }

  /** Everything counted so far, leaving nothing. */
  take(): ViewRow[] {
    const rows = [...this.counts.values()]
    this.counts = new Map()
    return rows
  }
}
