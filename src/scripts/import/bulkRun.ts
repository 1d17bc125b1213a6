import type { Payload } from 'payload'
import type { PoolClient } from 'pg'

import { dropCheckpoint, readCheckpoint } from '../../db/bulkArticles'
import type { ArchiveEntry } from '../../lib/import/archive'
import { recordProblem } from '../../lib/import/report'
import { poolOf } from '../../server/pool'
import { articleImporter } from './articles'
import type { ArchiveUnit } from './archiveStream'
import { BULK_BATCH_SIZE, bulkImporter, type Checkpoint } from './bulk'
import { commentImporter } from './comments'
import type { ImportContext } from './context'

/**
 * Batches written at once. Two: PostgreSQL's share of a batch is nearly twice Node's, so one writer
 * left a core idle; with a third the two cores are full and the import is slower.
 */
const WRITERS = 2

/** An archive as the bulk path reads it: its units from a given one on, and the key its place is kept under. */
export type BulkSource = { key: string; units: (skip: number) => AsyncIterable<ArchiveUnit> }

/**
 * Runs the bulk path over `source`, a batch at a time, the next prepared while up to WRITERS are
 * written. Each batch commits, in the archive's order, with the place it reached, so a run that was
 * stopped resumes there; a finished run removes it. `onResume` hears how many units an earlier run
 * finished.
 */
export async function importInBulk(
  context: ImportContext,
  source: BulkSource,
  options: { batchSize?: number; progress?: (bytesRead: number) => void; onResume?: (unitsDone: number) => void } = {},
): Promise<void> {
  const { batchSize = BULK_BATCH_SIZE, progress = () => {}, onResume = () => {} } = options
  const { payload, report } = context
  const { prepare, importBatch } = bulkImporter(context, await articleImporter(context), commentImporter(context))
  /** The batches being written, oldest first. */
  const writing: Promise<void>[] = []
  const finishWriting = async () => {
    while (writing.length > 0) await writing.shift()
  }
  let writingLeavesArticlesOver = false
  const write = async (entries: ArchiveEntry[], checkpoint: Checkpoint) => {
    // The per-article path may create an article, slug and all, after its batch's transaction: the next
    // batch is prepared only once that is done, or it could choose the same slug.
    if (writingLeavesArticlesOver) await finishWriting()
    const prepared = await prepare(entries, checkpoint)
    while (writing.length >= WRITERS) await writing.shift()
    writingLeavesArticlesOver = prepared.later.length > 0
    const written = importBatch(prepared, writing.at(-1) ?? Promise.resolve())
    // Awaited in turn; marked handled so a failure never goes unobserved meanwhile.
    written.catch(() => {})
    writing.push(written)
  }
  const resumeAfter = (await withClient(payload, (client) => readCheckpoint<{ unitsDone: number }>(client, source.key)))?.unitsDone ?? 0
  if (resumeAfter > 0) onResume(resumeAfter)
  let batch: ArchiveEntry[] = []
  let lastUnit = resumeAfter
  for await (const { unit, record, bytesRead } of source.units(resumeAfter)) {
    lastUnit = unit
    if (unit <= resumeAfter) continue
    if (record && 'article' in record) {
      report.warnings.push(...record.warnings.map((reason) => ({ at: record.at, reason })))
      batch.push(record)
    } else if (record) {
      recordProblem(report, record)
    }
    if (batch.length >= batchSize) {
      await write(batch, { key: source.key, unitsDone: unit })
      batch = []
    }
    progress(bytesRead)
  }
  await write(batch, { key: source.key, unitsDone: lastUnit })
  await finishWriting()
  await withClient(payload, (client) => dropCheckpoint(client, source.key))
}

async function withClient<T>(payload: Payload, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await poolOf(payload).connect()
  try {
    return await work(client)
  } finally {
    client.release()
  }
}
