// `npm run backup -- [--out FILE]`: the database (DATABASE_URL, or the embedded one under DATA_DIR)
// and the uploads (MEDIA_DIR, or the bucket's media and avatars when S3_BUCKET is set) in one
// archive, `backups/newsroom-<UTC time>.tar.gz` unless --out says.
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { PROJECT_ROOT } from '../lib/runtime/projectRoot'
import { mediaDirectory } from '../lib/media/mediaDirectory'
import { objectStorageFrom } from '../lib/media/objectStorage'
import { ARCHIVE_FORMAT, ArchiveError, explained, packArchive, scratchFolder } from './backup/archive'
import { openBucket } from './backup/bucket'
import { dumpDatabase } from './backup/database'
import { openProjectDatabase } from './projectDatabase'

const USAGE = 'usage: npm run backup -- [--out FILE]'

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { out: { type: 'string' } } })
  const createdAt = new Date()
  const file = path.resolve(values.out ?? path.join(PROJECT_ROOT, 'backups', `newsroom-${createdAt.toISOString().replace(/\.\d+Z$/, 'Z').replaceAll(':', '-')}.tar.gz`))
  const storage = objectStorageFrom(process.env)
  // An earlier backup is never overwritten, not even by a run that would fail half-way.
  if (await stat(file).then(() => true, () => false)) throw new ArchiveError({ code: 'BACKUP_FILE_EXISTS', values: { file } })
  const database = await openProjectDatabase()
  const scratch = await scratchFolder().catch(async (error: unknown) => {
    await database.stop()
    throw error
  })
  try {
    const dump = await dumpDatabase(database.url, scratch.dir)
    // A bucket's objects are copied into the scratch folder in the uploads folder's layout.
    const mediaDir = storage ? path.join(scratch.dir, 'bucket') : mediaDirectory()
    if (storage) await openBucket(storage).download(mediaDir)
    const mediaFiles = (await readdir(mediaDir, { recursive: true, withFileTypes: true }).catch(() => [])).filter((entry) => entry.isFile()).length
    await packArchive(scratch.dir, { format: ARCHIVE_FORMAT, createdAt: createdAt.toISOString(), ...dump, mediaFiles }, mediaDir, file)
    const rows = Object.values(dump.tables).reduce((sum, count) => sum + count, 0)
    console.log(`backed up ${rows} rows in ${Object.keys(dump.tables).length} tables (${dump.migrations.length} migrations) and ${mediaFiles} media files${storage ? ` from s3://${storage.bucket}` : ''} to ${file}`)
  } finally {
    await scratch.remove()
    await database.stop()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(explained(error) ? `${(error as Error).message}\n${USAGE}` : error)
    process.exit(1)
  },
)
