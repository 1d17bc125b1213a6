import { rm } from 'node:fs/promises'

import type { TestCluster } from './globalSetup'

/** Stops the run's embedded PostgreSQL and removes its files: each run made a new cluster in the temp directory. */
export default async function globalTeardown(): Promise<void> {
  const cluster = (globalThis as { __embeddedPostgres__?: TestCluster }).__embeddedPostgres__
  if (!cluster) return
  await cluster.stop()
  await rm(cluster.dataDir, { recursive: true, force: true })
}
