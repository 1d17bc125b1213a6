/**
 * 热门 rankings as this process last read them, by query: each is read again a minute later, or
 * sooner once this process has written new views (which happens every few seconds at most). The
 * queries are bounded (three windows, the existing channels, fifty limits), and so is this.
 */
export const HOT_FRESH_SECONDS = 60

type Entry<T> = { readAt: number; generation: number; ranking: Promise<T> }

export class HotRankings<T> {
  private readonly entries = new Map<string, Entry<T>>()
  private generation = 0

  constructor(private readonly now: () => number = Date.now) {}

  /** The ranking for `key`, read with `read` unless a fresh one is at hand; a failed read is not kept. */
  get(key: string, read: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key)
    if (entry && entry.generation === this.generation && this.now() - entry.readAt < HOT_FRESH_SECONDS * 1000) return entry.ranking
    const ranking = read()
    this.entries.set(key, { readAt: this.now(), generation: this.generation, ranking })
    ranking.catch(() => this.entries.delete(key))
    return ranking
  }

  /** New views were written: every ranking is read again when next asked for. */
  viewsWritten(): void {
    this.generation += 1
  }
}
