import { rm } from 'node:fs/promises'

import type { TestCluster } from './globalSetup'
import { dropDatabase } from './server'

/** Drops the run's template database, or stops the run's embedded PostgreSQL and removes its files. */
export default async function globalTeardown(): Promise<void> {
  const cluster = (globalThis as { __embeddedPostgres__?: TestCluster }).__embeddedPostgres__
  if (!cluster) {
    // A setup that failed before the template was made leaves nothing to drop.
    if (!process.env.TEST_POSTGRES_URL || !process.env.TEST_TEMPLATE_DATABASE) return
    const template = new URL(process.env.TEST_POSTGRES_URL)
    template.pathname = `/${process.env.TEST_TEMPLATE_DATABASE}`
    await dropDatabase(template.toString())
    return
  }
  await cluster.stop()
  await rm(cluster.dataDir, { recursive: true, force: true })
}
