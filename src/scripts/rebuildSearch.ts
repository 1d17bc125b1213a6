import { getPayload, type Payload } from 'payload'

import { migrations } from '../../migrations'
import { rebuildSearchIndex } from '../db/articleSearch'
import { closePayload, tolerateDroppedConnections } from '../server/pool'
import { useProjectDatabase } from './projectDatabase'

/** `npm run search:rebuild`: re-indexes every published article, with a progress bar. */
async function main(): Promise<void> {
  const database = await useProjectDatabase()
  try {
    const { default: config } = await import('../../payload.config')
    const payload = await getPayload({ config })
    tolerateDroppedConnections(payload, () => {})
    await payload.db.migrate({ migrations: migrations as unknown as NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations'] })
    const started = Date.now()
    const count = await rebuildSearchIndex(payload, (done, total) => {
      const width = 30
      const filled = total === 0 ? width : Math.round((done / total) * width)
      process.stdout.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`)
    })
    process.stdout.write(`\nre-indexed ${count} published articles in ${Date.now() - started} ms\n`)
    await closePayload(payload)
  } finally {
    await database.stop()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
