import { type CachedResponse, LruEntries } from './entries'

/**
 * The versions of some tags as one store saw them. The epoch changes when the store loses its
 * counters (a shared store restarted or flushed), so an old entry cannot match new counters by chance.
 */
export type TagVersions = { epoch: string; values: number[] }

/** Where tag versions live: in this process, or shared by every instance (Redis). */
export interface VersionStore {
  /** Null when the store cannot be reached: the cache then stands aside rather than risk a stale answer. */
  read(tags: string[]): Promise<TagVersions | null>
  bump(tags: string[]): Promise<void>
}

/** A second tier shared by every instance; a failure there is a miss, never an error for the client. */
export interface SharedEntries {
  get(key: string): Promise<CachedResponse | null>
  set(key: string, entry: CachedResponse, ttlMs: number): Promise<void>
}

export type Lookup = { hit: CachedResponse | null; versions: TagVersions | null }

/**
 * A response cache invalidated by tags rather than by time: each entry records the versions of the
 * tags it depends on, and a change bumps a tag, so every entry computed before it stops matching at
 * once. A response is stored only if no tag moved while it was computed, so a write that commits
 * during a slow read cannot leave that read's older answer behind.
 */
export class ResponseCache {
  private readonly local: LruEntries

  constructor(
    private readonly versions: VersionStore,
    private readonly options: { maxBytes: number; ttlMs: number; shared?: SharedEntries; now?: () => number },
  ) {
    this.local = new LruEntries(options.maxBytes)
  }

  async lookup(key: string, tags: string[]): Promise<Lookup> {
    const versions = await this.versions.read(tags)
    if (!versions) return { hit: null, versions: null }
    const local = this.local.get(key)
    if (local && this.isFresh(local, tags, versions)) return { hit: local, versions }
    if (local) this.local.delete(key)
    const shared = await this.options.shared?.get(key).catch(() => null)
    if (shared && this.isFresh(shared, tags, versions)) {
      this.local.set(key, shared)
      return { hit: shared, versions }
    }
    return { hit: null, versions }
  }

  /** Keeps a response computed under `versionsAtStart`, unless a tag it depends on moved meanwhile. */
  async store(key: string, response: Omit<CachedResponse, 'versions' | 'epoch' | 'storedAt' | 'tags'>, tags: string[], versionsAtStart: TagVersions): Promise<boolean> {
    const now = await this.versions.read(tags)
    if (!now || !sameVersions(now, versionsAtStart)) return false
    const entry: CachedResponse = { ...response, tags, epoch: now.epoch, versions: now.values, storedAt: this.now() }
    this.local.set(key, entry)
    await this.options.shared?.set(key, entry, this.options.ttlMs).catch(() => undefined)
    return true
  }

  /** Drops this instance's copies that depend on these tags (another instance announced a change). */
  evict(tags: string[]): void {
    this.local.deleteWhere((entry) => entry.tags.some((tag) => tags.includes(tag)))
  }

  get stats(): { entries: number; bytes: number } {
    return { entries: this.local.size, bytes: this.local.byteSize }
  }

  private isFresh(entry: CachedResponse, tags: string[], versions: TagVersions): boolean {
    return (
      entry.epoch === versions.epoch &&
      entry.tags.length === tags.length &&
      entry.tags.every((tag, i) => tag === tags[i]) &&
      entry.versions.every((value, i) => value === versions.values[i]) &&
      this.now() - entry.storedAt < this.options.ttlMs
    )
  }

  private now(): number {
    return (this.options.now ?? Date.now)()
  }
}

export function sameVersions(a: TagVersions, b: TagVersions): boolean {
  return a.epoch === b.epoch && a.values.length === b.values.length && a.values.every((value, i) => value === b.values[i])
}

/** Tag versions kept in this process: right for a single instance, and the fallback without Redis. */
export class MemoryVersionStore implements VersionStore {
  private readonly values = new Map<string, number>()
  private readonly epoch = `${process.pid}-${Date.now()}`

  read(tags: string[]): Promise<TagVersions> {
    return Promise.resolve({ epoch: this.epoch, values: tags.map((tag) => this.values.get(tag) ?? 0) })
  }

  bump(tags: string[]): Promise<void> {
    for (const tag of tags) this.values.set(tag, (this.values.get(tag) ?? 0) + 1)
    return Promise.resolve()
  }
}
