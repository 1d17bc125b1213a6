import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { bundle } from '../../src/scripts/bundle.mjs'
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../src/server/embeddedPostgres'

/**
 * Every test file gets a fresh database on one PostgreSQL server: the one at DATABASE_URL when
 * given, else an embedded one started here for the run.
 */
export default async function globalSetup(): Promise<void> {
  // The tests run the server the way `npm start` does: from the bundle, built from the current source.
  await bundle()
  if (process.env.DATABASE_URL) {
    process.env.TEST_POSTGRES_URL = process.env.DATABASE_URL
    return
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-test-pg-'))
  const database = await startEmbeddedPostgres(dataDir, (message) => console.warn(message))
  process.env.TEST_POSTGRES_URL = database.url
  ;(globalThis as { __embeddedPostgres__?: TestCluster }).__embeddedPostgres__ = { ...database, dataDir }
}

/** The run's embedded PostgreSQL and where its files are, for globalTeardown. */
export type TestCluster = EmbeddedDatabase & { dataDir: string }
