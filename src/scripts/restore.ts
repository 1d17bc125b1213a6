// `npm run restore -- FILE [--force]`: brings a database and the uploads back to exactly what a
// `npm run backup` archive holds. Into an empty database and media folder (or, with S3_BUCKET set,
// a bucket with no media or avatar objects) only, unless --force, which first deletes everything in them.
import { cp, readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { getPayload, type Payload } from 'payload'

import { migrations } from '../../migrations'
import { closePayload, tolerateDroppedConnections } from '../server/pool'
import { mediaDirectory } from '../lib/media/mediaDirectory'
import { objectStorageFrom } from '../lib/media/objectStorage'
import { ArchiveError, explained, type Manifest, scratchFolder, unpackArchive } from './backup/archive'
import { openBucket } from './backup/bucket'
import { checkUnpacked, databaseIsEmpty, emptyDatabase, ensureDatabase, loadDatabase } from './backup/database'
import { useProjectDatabase } from './projectDatabase'

const USAGE = 'usage: npm run restore -- FILE [--force]'

type PayloadMigrations = NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations']

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { force: { type: 'boolean', default: false } } })
  if (positionals.length !== 1) throw new ArchiveError({ code: 'BACKUP_FILE_REQUIRED' })
  const [file] = positionals
  const database = await useProjectDatabase()
  const scratch = await scratchFolder().catch(async (error: unknown) => {
    await database.stop()
    throw error
  })
  try {
    const manifest = await unpackArchive(file, scratch.dir)
    const known = migrations.map((migration) => migration.name)
    assertSchemaKnown(manifest, known)
    await checkUnpacked(scratch.dir, manifest.tables)
    const url = process.env.DATABASE_URL!
    await ensureDatabase(url)
    const storage = objectStorageFrom(process.env)
    const bucket = storage && openBucket(storage)
    const mediaDir = mediaDirectory()
    const mediaInUse = bucket ? await bucket.uploadKeys() : (await readdir(mediaDir).catch(() => [])).filter((name) => name !== '.gitkeep')
    if (!values.force && (!(await databaseIsEmpty(url)) || mediaInUse.length > 0)) {
      throw new ArchiveError({ code: 'RESTORE_TARGET_NOT_EMPTY', values: { media: bucket?.name ?? mediaDir } })
    }
    if (values.force) {
      await emptyDatabase(url)
      if (bucket) await bucket.deleteUploads()
      else await Promise.all(mediaInUse.map((name) => rm(path.join(mediaDir, name), { recursive: true, force: true })))
    }

    // The archive's schema first (its migrations, no more), its rows into it, then any later migrations.
    const { default: config } = await import('../../payload.config')
    const payload = await getPayload({ config })
    tolerateDroppedConnections(payload, () => {})
    const archived = migrations.slice(0, manifest.migrations.length)
    await payload.db.migrate({ migrations: archived as unknown as PayloadMigrations })
    await loadDatabase(url, scratch.dir, manifest.tables)
    if (archived.length < migrations.length) await payload.db.migrate({ migrations: migrations as unknown as PayloadMigrations })
    await closePayload(payload)

    if (bucket) await bucket.upload(path.join(scratch.dir, 'media'))
    else await cp(path.join(scratch.dir, 'media'), mediaDir, { recursive: true })
    const rows = Object.values(manifest.tables).reduce((sum, count) => sum + count, 0)
    console.log(`restored ${rows} rows in ${Object.keys(manifest.tables).length} tables and ${manifest.mediaFiles} media files${bucket ? ` into ${bucket.name}` : ''} from the backup of ${manifest.createdAt}`)
    if (archived.length < migrations.length) console.log(`then applied ${migrations.length - archived.length} migrations newer than the backup`)
  } finally {
    await scratch.remove()
    await database.stop()
  }
}

/** The archive's migrations must be this build's first ones, in order: else its rows fit no schema we can build. */
function assertSchemaKnown(manifest: Manifest, known: string[]): void {
  const mismatch = manifest.migrations.findIndex((name, index) => known[index] !== name)
  if (mismatch === -1) return
  throw new ArchiveError({ code: 'RESTORE_OTHER_VERSION', values: { theirs: manifest.migrations[mismatch], ours: known[mismatch] ?? '(none)' } })
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(explained(error) ? `${(error as Error).message}\n${USAGE}` : error)
    process.exit(1)
  },
)
