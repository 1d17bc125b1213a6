import { createHash } from 'node:crypto'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { createLocalReq, getLocalI18n, getPayload, type Payload } from 'payload'

import { migrations } from '../../migrations'
import { queueWebhookDeliveries } from '../collections/Webhooks/queueDeliveries'
import { recordAudit } from '../hooks/everywhere/recordAuditTrail'
import { languageOfLocale, translate } from '../lib/i18n/translate'
import { ImportProblem, reasonOf, sayIn } from '../lib/import/problem'
import { emptyReport, formatSummary, type ImportReport, printable, progressLine, recordOutcome, recordProblem } from '../lib/import/report'
import { articlesImportedEvents } from '../lib/webhooks/events'
import { closePayload, tolerateDroppedConnections } from '../server/pool'
import { startApiCaching } from '../server/cache/responseCache'
import { articleImporter } from './import/articles'
import { type ArchiveSource, archiveSource, archiveUnits, FORMATS } from './import/archiveStream'
import { BULK_BATCH_SIZE } from './import/bulk'
import { importInBulk } from './import/bulkRun'
import { commentImporter } from './import/comments'
import type { ImportContext } from './import/context'
import { describeError } from './import/describeError'
import { useProjectDatabase } from './projectDatabase'
import { ARTICLES_SLUG } from '../slugs'

/** The operator's language: their locale's (LANG), for everything the command says. */
const LANGUAGE = languageOfLocale(process.env)

type Options = { input: string; format?: string; system?: string; dryRun: boolean; bulk: boolean; batchSize: number }

/**
 * `npm run import -- FILE`: brings an archive from another CMS into this one (see docs/operations.md). Exits
 * 0 once it has run, whatever became of each article (the summary says); 1 when it could not start:
 * bad options, or a file that cannot be read as an archive at all.
 */
async function main(): Promise<number> {
  let options: Options
  let source: ArchiveSource
  let system: string
  try {
    options = readOptions(process.argv.slice(2))
    source = await archiveSource(options.input, options.format)
    system = (options.system ?? FORMATS[source.format].defaultSystem).trim()
    if (system === '') throw new ImportProblem({ code: 'IMPORT_SYSTEM_EMPTY' })
  } catch (error) {
    console.error(`${printable(sayIn(reasonOf(error), LANGUAGE))}\n${translate({ code: 'IMPORT_USAGE' }, LANGUAGE)}`)
    return 1
  }
  const database = await useProjectDatabase()
  try {
    const { default: config } = await import('../../payload.config')
    const payload = await getPayload({ config })
    tolerateDroppedConnections(payload, () => {})
    // A dry run writes nothing, migrations included: against an unmigrated database it fails instead.
    if (!options.dryRun) await payload.db.migrate({ migrations: migrations as unknown as NonNullable<Parameters<Payload['db']['migrate']>[0]>['migrations'] })
    const caching = announceChangesToRunningServers(payload)
    const report = emptyReport({ file: options.input, format: source.format, system, dryRun: options.dryRun })
    const i18n = await getLocalI18n({ config: payload.config, language: LANGUAGE })
    const context: ImportContext = { payload, dryRun: options.dryRun, system, archiveDir: source.dir, report, i18n }
    const started = Date.now()
    if (options.bulk && !options.dryRun) await runBulkImport(context, source, options.batchSize)
    else await runImport(context, source)
    report.elapsedMs = Date.now() - started
    if (!options.dryRun) await recordRun(context, options.bulk)
    process.stdout.write(formatSummary(report, LANGUAGE))
    await caching?.close()
    await closePayload(payload)
    return 0
  } finally {
    await database.stop()
  }
}

function readOptions(args: string[]): Options {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      bulk: { type: 'boolean', default: false },
      'batch-size': { type: 'string', default: String(BULK_BATCH_SIZE) },
      system: { type: 'string' },
      format: { type: 'string' },
    },
  })
  if (positionals.length !== 1) throw new ImportProblem({ code: 'IMPORT_ONE_INPUT' })
  const batchSize = Number(values['batch-size'])
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new ImportProblem({ code: 'IMPORT_BATCH_SIZE_INVALID', values: { value: values['batch-size'] } })
  return { input: positionals[0], format: values.format, system: values.system, dryRun: values['dry-run'], bulk: values.bulk, batchSize }
}

/**
 * Servers sharing a Redis hear of the import's changes and drop what their response caches hold.
 * Without Redis each server's cache is its own, out of reach of this process (see docs/operations.md).
 */
function announceChangesToRunningServers(payload: Payload) {
  if (!process.env.REDIS_URL) return null
  const log = { info: () => {}, warn: (message: string) => console.warn(message) }
  return startApiCaching(payload, payload.config, { redisUrl: process.env.REDIS_URL, enabled: false, maxBytes: 0, ttlMs: 0, log })
}

/** Every article in turn, then its comments: one that fails is recorded and the run goes on. */
async function runImport(context: ImportContext, source: ArchiveSource): Promise<void> {
  const { report } = context
  const { importArticle } = await articleImporter(context)
  const importComments = commentImporter(context)
  const progress = progressBar(source.totalBytes)
  for await (const { record, bytesRead } of archiveUnits(source)) {
    if (record && 'article' in record) {
      const entry = record
      report.warnings.push(...entry.warnings.map((reason) => ({ at: entry.at, reason })))
      try {
        const { outcome, articleId } = await importArticle(entry)
        recordOutcome(report, { at: entry.at, title: entry.article.title, outcome })
        await importComments(entry, articleId)
      } catch (error) {
        recordOutcome(report, { at: entry.at, title: entry.article.title, outcome: 'failed', reason: describeError(error) })
      }
    } else if (record) {
      recordProblem(report, record)
    }
    progress.update(report, bytesRead)
  }
  progress.finish(report)
}

/** The bulk path (src/scripts/import/bulk.ts) over the archive's files, resumed where a stopped run left off. */
async function runBulkImport(context: ImportContext, source: ArchiveSource, batchSize: number): Promise<void> {
  const progress = progressBar(source.totalBytes)
  await importInBulk(
    context,
    { key: checkpointKey(context.system, source), units: (skip) => archiveUnits(source, skip) },
    {
      batchSize,
      progress: (bytesRead) => progress.update(context.report, bytesRead),
      onResume: (unitsDone) => {
        const message = { code: source.format === 'jsonl' ? 'IMPORT_RESUMING_LINES' : 'IMPORT_RESUMING_ITEMS', values: { count: unitsDone } } as const
        process.stderr.write(`${translate(message, LANGUAGE)}\n`)
      },
    },
  )
  progress.finish(context.report)
}

/** The archive as it is now: a changed file is another archive, and starts from its beginning. */
function checkpointKey(system: string, source: ArchiveSource): string {
  const identity = source.files.map((file) => `${path.resolve(file.file)}\u0000${file.bytes}\u0000${file.modifiedMs}`).join('\u0001')
  return `newsroom:import:${system}:${createHash('sha256').update(identity).digest('hex').slice(0, 32)}`
}

/**
 * One audit entry for the run, naming its counts; and, for the bulk path, one webhook notice for
 * the whole archive instead of one per article.
 */
async function recordRun(context: ImportContext, bulk: boolean): Promise<void> {
  const { payload, report } = context
  const req = await createLocalReq({}, payload)
  const { created, updated, skipped, failed } = report.outcomes
  await recordAudit(req, {
    action: 'import',
    target: { collection: ARTICLES_SLUG },
    detail: `${report.file} (${report.system}${bulk ? ', bulk' : ''}): ${created} created, ${updated} updated, ${skipped} skipped, ${failed} failed; comments ${report.comments.created} created`,
  })
  if (bulk) await queueWebhookDeliveries(req, articlesImportedEvents({ system: report.system, created, updated, comments: report.comments.created }))
}

/**
 * On stderr, so the summary on stdout stays clean for a script to read: on a terminal one line
 * redrawn at most 10 times a second, in a log a line every 10 seconds.
 */
function progressBar(totalBytes: number) {
  const started = Date.now()
  const terminal = process.stderr.isTTY === true
  const every = terminal ? 100 : 10_000
  let drawnAt = started
  let bytes = 0
  const articlesOf = (report: ImportReport) => Object.values(report.outcomes).reduce((sum, count) => sum + count, 0)
  const draw = (report: ImportReport) => {
    const line = progressLine({ articles: articlesOf(report), bytesRead: bytes, totalBytes, elapsedMs: Date.now() - started }, LANGUAGE)
    process.stderr.write(terminal ? `\r${line}` : `${line}\n`)
  }
  return {
    update: (report: ImportReport, bytesRead: number) => {
      bytes = bytesRead
      if (Date.now() - drawnAt >= every) {
        drawnAt = Date.now()
        draw(report)
      }
    },
    finish: (report: ImportReport) => {
      bytes = totalBytes
      draw(report)
      if (terminal) process.stderr.write('\n')
    },
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
