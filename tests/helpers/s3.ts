import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { S3 } from '@aws-sdk/client-s3'
import S3rver from 's3rver'
import { DUMMY_ACCOUNT } from 's3rver/lib/models/account.js'

export type TestS3 = {
  endpoint: string
  bucket: string
  /** The S3_* settings that point a server or a command at this bucket. */
  env: Record<string, string>
  client: S3
  /** Every key in the bucket, sorted. */
  keys: () => Promise<string[]>
  stop: () => Promise<void>
}

/**
 * Whether an S3-protocol server (s3rver, an npm package) starts here. Jest decides what to skip
 * before any hook runs, so this is asked synchronously, in a child process that starts one and stops it.
 */
export function s3ServerStartable(): boolean {
  const probe = `
    const S3rver = require('s3rver')
    const dir = require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 's3rver-probe-'))
    const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir })
    server.run().then(() => server.close()).then(() => process.exit(0), () => process.exit(1))`
  try {
    execFileSync(process.execPath, ['-e', probe], { stdio: 'ignore', timeout: 10_000 })
    return true
  } catch {
    return false
  }
}

/** A real S3-protocol server on loopback (s3rver, its objects in a temporary folder) with one empty bucket. */
export async function startS3Server(bucket = 'newsroom-test'): Promise<TestS3> {
  // Keys of this run's own, which a test can look for in logs and answers. s3rver refuses a key it
  // does not know, but does not check a SigV4 signature: a wrong secret alone is not refused.
  const credentials = { accessKeyId: `NEWSROOM${randomBytes(6).toString('hex').toUpperCase()}`, secretAccessKey: randomBytes(24).toString('base64url') }
  DUMMY_ACCOUNT.createKeyPair(credentials.accessKeyId, credentials.secretAccessKey)
  const directory = await mkdtemp(path.join(os.tmpdir(), 'newsroom-test-s3-'))
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  const client = new S3({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials })
  return {
    endpoint,
    bucket,
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    },
    client,
    keys: async () => ((await client.listObjectsV2({ Bucket: bucket })).Contents ?? []).map((object) => object.Key!).sort(),
    stop: async () => {
      client.destroy()
      await server.close()
      await rm(directory, { recursive: true, force: true })
    },
  }
}
