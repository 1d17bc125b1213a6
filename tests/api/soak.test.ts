/**
 * `npm run soak` shortened to 10 seconds, through the same bundled command, on the test PostgreSQL:
 * proves its checks run and hold (no 5xx, every acknowledged write stored, no draft shown), and
 * that every kind of traffic actually took part.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { REDIS_URL, redisReachable } from '../helpers/redis'
import { ROOT_DIR } from '../helpers/server'

const run = promisify(execFile)

it('a short soak serves every kind of request without a 5xx, keeps every acknowledged write and shows no draft', async () => {
  const out = await mkdtemp(path.join(os.tmpdir(), 'newsroom-soak-test-'))
  try {
    const { stdout } = await run(process.execPath, [path.join(ROOT_DIR, 'dist/soak.mjs'), '--duration', '10', '--readers', '4', '--out', out], {
      cwd: ROOT_DIR,
      env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: process.env.TEST_POSTGRES_URL },
    }).catch((error: { stdout: string; stderr: string }) => {
      throw new Error(`the soak failed:\n${error.stdout}\n${error.stderr}`)
    })
    expect(stdout).toContain('PASS')
    const [file] = await readdir(out)
    const results = JSON.parse(await readFile(path.join(out, file), 'utf8'))
    expect(results.checks).toEqual({ noServerErrors: true, everyAcknowledgedWriteStored: true, noDraftSeen: true })
    expect(results.serverErrors).toBe(0)
    const kinds = Object.fromEntries(results.byKind.map((row: { kind: string; requests: number }) => [row.kind, row.requests]))
    for (const kind of ['read list', 'read article', 'read search', 'read comments', 'comment', 'correction', 'editor draft', 'editor publish', 'editor draft edit']) {
      expect([kind, kinds[kind] > 0]).toEqual([kind, true])
    }
    expect(results.acknowledged.comments).toBeGreaterThan(0)
    expect(results.acknowledged.corrections).toBeGreaterThan(0)
    expect(results.acknowledged.articles).toBeGreaterThan(0)
    expect(results.resources.end.connections).toBeGreaterThan(0)
  } finally {
    await rm(out, { recursive: true, force: true })
  }
}, 120_000)

const redis = redisReachable()
if (!redis) console.warn(`soak --instances 2 skipped: no Redis reachable at ${REDIS_URL} (set REDIS_URL to run it)`)

;(redis ? it : it.skip)('with --instances 2, soaks two servers through the round-robin proxy and counts the requests each answered', async () => {
  const out = await mkdtemp(path.join(os.tmpdir(), 'newsroom-soak-test-'))
  try {
    const { stdout } = await run(process.execPath, [path.join(ROOT_DIR, 'dist/soak.mjs'), '--instances', '2', '--duration', '10', '--readers', '4', '--out', out], {
      cwd: ROOT_DIR,
      env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: process.env.TEST_POSTGRES_URL, REDIS_URL },
    }).catch((error: { stdout: string; stderr: string }) => {
      throw new Error(`the soak failed:\n${error.stdout}\n${error.stderr}`)
    })
    expect(stdout).toContain('PASS')
    expect(stdout).toMatch(/requests per instance: http:\/\/127\.0\.0\.1:\d+ \d+, http:\/\/127\.0\.0\.1:\d+ \d+/)
    const [file] = await readdir(out)
    const results = JSON.parse(await readFile(path.join(out, file), 'utf8'))
    expect(results.checks).toEqual({ noServerErrors: true, everyAcknowledgedWriteStored: true, noDraftSeen: true })
    const [first, second] = results.requestsPerInstance as number[]
    // Round robin: each answered half of what went through the proxy, give or take the one in flight.
    expect(first).toBeGreaterThan(0)
    expect(Math.abs(first - second)).toBeLessThanOrEqual(1)
    expect(first + second).toBeGreaterThanOrEqual(results.requests)
    expect(results.acknowledged.articles).toBeGreaterThan(0)
  } finally {
    await rm(out, { recursive: true, force: true })
  }
}, 120_000)
