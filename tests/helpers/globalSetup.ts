import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import { bundle } from '../../src/scripts/bundle.mjs'
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../src/server/embeddedPostgres'
import { chromiumPath } from './browser'
import { createDatabase, freshDatabaseUrl, startServer } from './server'

/**
 * Every test file gets fresh databases on one PostgreSQL server: the one at DATABASE_URL when
 * given, else an embedded one started here for the run. A server's database is a copy of a template
 * migrated here once (TEST_TEMPLATE_DATABASE).
 */
export default async function globalSetup(): Promise<void> {
  // The tests run the server the way `npm start` does: from the bundle, built from the current source.
  await bundle()
  if (process.env.DATABASE_URL) {
    process.env.TEST_POSTGRES_URL = process.env.DATABASE_URL
  } else {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-test-pg-'))
    const database = await startEmbeddedPostgres(dataDir, (message) => console.warn(message), { disposable: true })
    process.env.TEST_POSTGRES_URL = database.url
    ;(globalThis as { __embeddedPostgres__?: TestCluster }).__embeddedPostgres__ = { ...database, dataDir }
  }
  process.env.TEST_TEMPLATE_DATABASE = await migratedTemplate()
  await chromiumPath()
}

/** A database the server has migrated and nothing else: no admin, no content. */
async function migratedTemplate(): Promise<string> {
  const databaseUrl = freshDatabaseUrl()
  await createDatabase(databaseUrl)
  const server = await startServer({ ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined }, { databaseUrl })
  await server.stop()
  return new URL(databaseUrl).pathname.slice(1)
}

/** The run's embedded PostgreSQL and where its files are, for globalTeardown. */
export type TestCluster = EmbeddedDatabase & { dataDir: string }
