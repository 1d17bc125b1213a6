import { execFileSync } from 'node:child_process'

/** The Redis the tests share: the machine's (CI has one at 127.0.0.1:6379), or the one REDIS_URL names. */
export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379'

/** Jest decides what to skip before any hook runs, so the probe is synchronous: a PING in a child process. */
export function redisReachable(url = REDIS_URL): boolean {
  const probe = `
    const { Redis } = require('ioredis')
    const redis = new Redis(process.argv[1], { connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null })
    redis.ping().then((reply) => process.exit(reply === 'PONG' ? 0 : 1), () => process.exit(1))`
  try {
    execFileSync(process.execPath, ['-e', probe, url], { stdio: 'ignore', timeout: 5000 })
    return true
  } catch {
    return false
  }
}
