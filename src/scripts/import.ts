import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { getPayload, type Payload } from 'payload'

import { migrations } from '../../migrations'
import type { ParsedArchive } from '../lib/import/archive'
import { parseJsonLines } from '../lib/import/jsonl'
import { formatSummary, type ImportReport, progressLine } from '../lib/import/report'
import { parseWxr } from '../lib/import/wxr'
import { closePayload, tolerateDroppedConnections } from '../server/pool'
import { startApiCaching } from '../server/cache/responseCache'
import { articleImporter } from './import/articles'
import { commentImporter } from './import/comments'
import type { ImportContext } from './import/context'
import { useProjectDatabase } from './projectDatabase'

const USAGE = 'usage: npm run import -- FILE [--dry-run] [--system NAME] [--format wxr|jsonl]'

const FORMATS = {
  wxr: { parse: parseWxr, extensions: ['.xml', '.wxr'], defaultSystem: 'wordpress' },
  jsonl: { parse: parseJsonLines, extensions: ['.jsonl', '.ndjson'], defaultSystem: 'jsonl' },
} satisfies Record<string, { parse: (text: string) => ParsedArchive; extensions: string[]; defaultSystem: string }>
type Format = keyof typeof FORMATS

type Options = { file: string; format: Format; system: string; dryRun: boolean }

/**
 * `npm run import -- FILE`: brings an archive from another CMS into this one (see docs/operations.md). Exits
 * 0 once it has run, whatever became of each article (the summary says); 1 when it could not start:
 * bad options, or a file that cannot be read as an archive at all.
 */
async function main(): Promise<number> {
  let options: Options
  let archive: ParsedArchive
  try {
    options = readOptions(process.argv.slice(2))
    archive = FORMATS[options.format].parse(await readFile(options.file, 'utf8'))
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`)
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
    const report = await runImport(payload, archive, options)
    process.stdout.write(formatSummary(report))
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
    options: { 'dry-run': { type: 'boolean', default: false }, system: { type: 'string' }, format: { type: 'string' } },
  })
  if (positionals.length !== 1) throw new Error('name one archive file')
  const file = positionals[0]
  const format = values.format ?? formatFromExtension(file)
  if (!(format in FORMATS)) throw new Error(`unknown format "${format}": wxr or jsonl`)
  const system = (values.system ?? FORMATS[format as Format].defaultSystem).trim()
  if (system === '') throw new Error('--system needs a name')
  return { file, format: format as Format, system, dryRun: values['dry-run'] }
}

function formatFromExtension(file: string): string {
  const extension = path.extname(file).toLowerCase()
  const format = (Object.keys(FORMATS) as Format[]).find((name) => (FORMATS[name].extensions as string[]).includes(extension))
  if (!format) throw new Error(`cannot tell the format of ${file} from its extension: give --format wxr or --format jsonl`)
  return format
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
async function runImport(payload: Payload, archive: ParsedArchive, options: Options): Promise<ImportReport> {
  const started = Date.now()
  const report: ImportReport = {
    file: options.file,
    format: options.format,
    system: options.system,
    dryRun: options.dryRun,
    articles: archive.problems.map((problem) => ({
      at: problem.at,
      outcome: 'failed',
      reason: problem.field ? `${problem.field}: ${problem.reason}` : problem.reason,
    })),
    comments: { created: 0, skipped: 0, failed: 0 },
    created: { authors: [], categories: [], tags: [], images: [] },
    warnings: [],
    elapsedMs: 0,
  }
  const context: ImportContext = { payload, dryRun: options.dryRun, system: options.system, archiveDir: path.dirname(path.resolve(options.file)), report }
  const importArticle = await articleImporter(context)
  const importComments = commentImporter(context)
  const progress = progressBar(archive.entries.length)
  for (const entry of archive.entries) {
    report.warnings.push(...entry.warnings.map((reason) => ({ at: entry.at, reason })))
    try {
      const { outcome, articleId } = await importArticle(entry)
      report.articles.push({ at: entry.at, title: entry.article.title, outcome })
      await importComments(entry, articleId)
    } catch (error) {
      report.articles.push({ at: entry.at, title: entry.article.title, outcome: 'failed', reason: describeError(error) })
    }
    progress.advance()
  }
  progress.finish()
  report.articles.sort((a, b) => positionOf(a.at) - positionOf(b.at))
  report.elapsedMs = Date.now() - started
  return report
}

/** `line 12` and `item 3 (post 40)` sort by their number, so failures read in file order. */
function positionOf(at: string): number {
  return Number(/\d+/.exec(at)?.[0] ?? 0)
}

/** A validation error names its fields; anything else says what it is. */
function describeError(error: unknown): string {
  const fields = (error as { data?: { errors?: { path?: string; message?: string }[] } }).data?.errors
  if (Array.isArray(fields) && fields.length > 0) return fields.map((field) => `${field.path}: ${field.message}`).join('; ')
  return error instanceof Error ? error.message : String(error)
}

/** On stderr, so the summary on stdout stays clean for a script to read; redrawn at most 10 times a second. */
function progressBar(total: number) {
  const started = Date.now()
  let done = 0
  let drawnAt = 0
  const draw = () => process.stderr.write(`\r${progressLine(done, total, Date.now() - started)}`)
  return {
    advance: () => {
      done++
      if (Date.now() - drawnAt >= 100) {
        drawnAt = Date.now()
        draw()
      }
    },
    finish: () => {
      draw()
      process.stderr.write('\n')
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
