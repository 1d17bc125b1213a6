import path from 'node:path'

import { PROJECT_ROOT } from '../lib/runtime/projectRoot'
import { startEmbeddedPostgres } from '../server/embeddedPostgres'
import { resolvePayloadSecret } from '../server/secret'

const dataDir = () => path.resolve(process.env.DATA_DIR || path.join(PROJECT_ROOT, '.data'))

/**
 * For command-line tools: the database the server would use, DATABASE_URL or the embedded
 * PostgreSQL under DATA_DIR (started now, and stopped by `stop`).
 */
export async function openProjectDatabase(): Promise<{ url: string; embedded: boolean; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} }
  const embedded = await startEmbeddedPostgres(path.join(dataDir(), 'postgres'), console.warn)
  return { url: embedded.url, embedded: true, stop: embedded.stop }
}

/** As `openProjectDatabase`, for tools that load Payload: the database and secret set in process.env. */
export async function useProjectDatabase(): Promise<{ stop: () => Promise<void> }> {
  const database = await openProjectDatabase()
  process.env.DATABASE_URL = database.url
  process.env.PAYLOAD_SECRET = await resolvePayloadSecret({
    given: process.env.PAYLOAD_SECRET,
    demo: database.embedded,
    production: process.env.NODE_ENV === 'production',
    dataDir: dataDir(),
  })
  return { stop: database.stop }
}
