import { rm } from 'node:fs/promises'

import type { TestCluster } from './globalSetup'
import { dropDatabase } from './server'

/** Drops the run's template database, or stops the run's embedded PostgreSQL and removes its files. */
export default async function globalTeardown(): Promise<void> {
  const cluster = (globalThis as { __embeddedPostgres__?: TestCluster }).__embeddedPostgres__
  if (!cluster) {
    const template = new URL(process.env.TEST_POSTGRES_URL!)
    template.pathname = `/${process.env.TEST_TEMPLATE_DATABASE}`
    await dropDatabase(template.toString())
    return
  }
  await cluster.stop()
  await rm(cluster.dataDir, { recursive: true, force: true })
}
