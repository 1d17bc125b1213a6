/**
 * Searches whose matches passed the count's limit (SEARCH_TOTAL_LIMIT), remembered for a while so
 * they are not counted again: a popular search's count is the same "more than the limit" on every
 * request, and counting it is most of its cost in a large archive. Past the limit nothing but that is
 * shown, and publishing only adds matches; what brings a count back under the limit is an article
 * leaving search (`forgetAll` is called when one does, on this instance) or an edit taking a word out
 * of one, which `ttlMs` bounds. At most `most` searches are kept, the oldest dropped first.
 */
export class SearchesPastLimit {
  private readonly until = new Map<string, number>()

  constructor(
    private readonly ttlMs: number,
    private readonly most: number,
    private readonly now: () => number = Date.now,
  ) {}

  has(key: string): boolean {
    const until = this.until.get(key)
    if (until === undefined) return false
    if (until > this.now()) return true
    this.until.delete(key)
    return false
  }

  add(key: string): void {
    this.until.delete(key)
    if (this.until.size >= this.most) this.until.delete(this.until.keys().next().value!)
    this.until.set(key, this.now() + this.ttlMs)
  }

  forgetAll(): void {
    this.until.clear()
  }
}
