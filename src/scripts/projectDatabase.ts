import path from 'node:path'

import { PROJECT_ROOT } from '../lib/projectRoot'
import { startEmbeddedPostgres } from '../server/embeddedPostgres'
import { resolvePayloadSecret } from '../server/secret'

/**
 * For command-line tools: the database and secret the server would use (DATABASE_URL, or the
 * embedded PostgreSQL under .data/, started now), set in process.env. `stop` stops what was started.
 */
export async function useProjectDatabase(): Promise<{ stop: () => Promise<void> }> {
  const dataDir = path.resolve(process.env.DATA_DIR || path.join(PROJECT_ROOT, '.data'))
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres(path.join(dataDir, 'postgres'), console.warn)
  if (embedded) process.env.DATABASE_URL = embedded.url
  process.env.PAYLOAD_SECRET = await resolvePayloadSecret({
    given: process.env.PAYLOAD_SECRET,
    demo: embedded !== null,
    production: process.env.NODE_ENV === 'production',
    dataDir,
  })
  return { stop: async () => embedded?.stop() }
}
