/** A stored response: what is needed to send it again, and the tag versions it was computed under. */
export type CachedResponse = {
  status: number
  contentType: string
  etag: string
  body: Uint8Array
  tags: string[]
  epoch: string
  versions: number[]
  storedAt: number
}

/**
 * A least-recently-used map bounded by the bytes of the bodies it holds, so a burst of distinct
 * URLs (crawlers, random query strings) evicts old entries instead of growing the heap. Recency is
 * kept the "second chance" way: a read only marks its entry, and eviction moves marked entries to
 * the back instead of dropping them. A read, the common case under load, then changes no order.
 */
export class LruEntries {
  private readonly entries = new Map<string, { entry: CachedResponse; readSinceQueued: boolean }>()
  private bytes = 0

  constructor(private readonly maxBytes: number) {}

  get(key: string): CachedResponse | undefined {
    const slot = this.entries.get(key)
    if (!slot) return undefined
    slot.readSinceQueued = true
    return slot.entry
  }

  set(key: string, entry: CachedResponse): void {
    if (entry.body.byteLength > this.maxBytes) return
    this.delete(key)
    this.entries.set(key, { entry, readSinceQueued: false })
    this.bytes += entry.body.byteLength
    // Ends: each marked entry is requeued once, unmarked, and met again only after the unmarked ones.
    for (const [oldest, slot] of this.entries) {
      if (this.bytes <= this.maxBytes) break
      this.entries.delete(oldest)
      if (slot.readSinceQueued) {
        slot.readSinceQueued = false
        this.entries.set(oldest, slot)
      } else {
        this.bytes -= slot.entry.body.byteLength
      }
    }
  }

  delete(key: string): void {
    const slot = this.entries.get(key)
    if (!slot) return
    this.entries.delete(key)
    this.bytes -= slot.entry.body.byteLength
  }

  deleteWhere(matches: (entry: CachedResponse) => boolean): void {
    for (const [key, slot] of this.entries) if (matches(slot.entry)) this.delete(key)
  }

  get size(): number {
    return this.entries.size
  }

  get byteSize(): number {
    return this.bytes
  }
}

/** Entries travel to and from a shared store as one buffer: a JSON header line, then the body. */
export function encodeEntry(entry: CachedResponse): Buffer {
  const { body, ...header } = entry
  return Buffer.concat([Buffer.from(JSON.stringify(header) + '\n'), body])
}

export function decodeEntry(bytes: Buffer): CachedResponse | null {
  const newline = bytes.indexOf(0x0a)
  if (newline < 0) return null
  try {
    const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Omit<CachedResponse, 'body'>
    return { ...header, body: bytes.subarray(newline + 1) }
  } catch {
    return null
  }
}
