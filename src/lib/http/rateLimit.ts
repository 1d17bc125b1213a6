/**
 * Fixed-window request counting. The store decides where counts live: this process, or Redis so
 * that a limit spans every instance behind the load balancer.
 */
export interface RateLimitStore {
  /** Counts one request under `key`; the count so far in the current window and when it ends. */
  hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>
}

export type RateLimitDecision = { allowed: boolean; limit: number; remaining: number; retryAfterSeconds: number }

/** A limit of 0 or less means no limit. */
export async function checkRateLimit(store: RateLimitStore, key: string, limit: number, windowMs: number): Promise<RateLimitDecision> {
  if (limit <= 0) return { allowed: true, limit, remaining: Number.POSITIVE_INFINITY, retryAfterSeconds: 0 }
  const { count, resetInMs } = await store.hit(key, windowMs)
  return {
    allowed: count <= limit,
    limit,
    remaining: Math.max(0, limit - count),
    retryAfterSeconds: Math.max(1, Math.ceil(resetInMs / 1000)),
  }
}

/**
 * One request counted against several allowances of one window (its reader's, its address's…), as
 * one decision: refused when any is over, with the longest wait.
 */
export async function checkAllowances(store: RateLimitStore, windowMs: number, allowances: readonly { key: string; limit: number }[]): Promise<RateLimitDecision> {
  return strictestDecision(await Promise.all(allowances.map(({ key, limit }) => checkRateLimit(store, key, limit, windowMs))))
}

function strictestDecision(decisions: RateLimitDecision[]): RateLimitDecision {
  const refused = decisions.filter((decision) => !decision.allowed)
  if (refused.length === 0) return decisions[0]
  return refused.reduce((longest, decision) => (decision.retryAfterSeconds > longest.retryAfterSeconds ? decision : longest))
}

export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, { count: number; resetAt: number }>()
  private lastSweep = 0

  constructor(private readonly now: () => number = Date.now) {}

  hit(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }> {
    const now = this.now()
    this.sweep(now, windowMs)
    let window = this.windows.get(key)
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs }
      this.windows.set(key, window)
    }
    window.count += 1
    return Promise.resolve({ count: window.count, resetInMs: window.resetAt - now })
  }

  /** Ended windows are dropped once a window, so a stream of one-off addresses cannot grow the map. */
  private sweep(now: number, windowMs: number): void {
    if (now - this.lastSweep < windowMs) return
    this.lastSweep = now
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key)
  }
}
