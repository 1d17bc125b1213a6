export type Outcome = 'created' | 'updated' | 'skipped' | 'failed'

export type ImportReport = {
  file: string
  format: string
  system: string
  dryRun: boolean
  /** How many articles came to each outcome. */
  outcomes: Record<Outcome, number>
  /**
   * The articles worth naming, in file order: the failed ones with why, and in a dry run every one
   * (a real run of a million articles does not keep a million lines).
   */
  articles: ArticleOutcome[]
  /** The articles' comments: created (or would be, in a dry run), skipped as already imported, failed (each a warning). */
  comments: { created: number; skipped: number; failed: number }
  /** Names of what was created along the way (or would be, in a dry run). */
  created: { authors: string[]; categories: string[]; tags: string[]; images: string[] }
  /** Not failures: an image left as a link, say. */
  warnings: { at: string; reason: string }[]
  elapsedMs: number
}

export type ArticleOutcome = { at: string; title?: string; outcome: Outcome; reason?: string }

export const OUTCOMES: Outcome[] = ['created', 'updated', 'skipped', 'failed']

export function emptyReport(header: Pick<ImportReport, 'file' | 'format' | 'system' | 'dryRun'>): ImportReport {
  return {
    ...header,
    outcomes: { created: 0, updated: 0, skipped: 0, failed: 0 },
    articles: [],
    comments: { created: 0, skipped: 0, failed: 0 },
    created: { authors: [], categories: [], tags: [], images: [] },
    warnings: [],
    elapsedMs: 0,
  }
}

/** A line or item that could not be read as an article: a failure, naming its field when it can. */
export function recordProblem(report: ImportReport, problem: { at: string; field?: string; reason: string }): void {
  recordOutcome(report, { at: problem.at, outcome: 'failed', reason: problem.field ? `${problem.field}: ${problem.reason}` : problem.reason })
}

export function recordOutcome(report: ImportReport, article: ArticleOutcome): void {
  report.outcomes[article.outcome]++
  if (report.dryRun || article.outcome === 'failed') report.articles.push(article)
}

/**
 * What the run did, for the person who ran it: the counts first (one line a script can read), then
 * every failure and warning with where it is in the file. A dry run also lists each article's fate.
 */
export function formatSummary(report: ImportReport): string {
  const counts = report.outcomes
  const { authors, categories, tags, images } = report.created
  const lines = [
    report.dryRun
      ? `Dry run of ${report.file} (${report.format}, system "${report.system}"): nothing was written; this is what an import would do.`
      : `Imported ${report.file} (${report.format}, system "${report.system}") in ${(report.elapsedMs / 1000).toFixed(1)} s.`,
    `articles: ${OUTCOMES.map((outcome) => `${counts[outcome]} ${outcome}`).join(', ')}`,
    `comments: ${report.comments.created} created, ${report.comments.skipped} skipped, ${report.comments.failed} failed`,
    `new: ${authors.length} authors, ${categories.length} categories, ${tags.length} tags, ${images.length} images`,
    ...listed('new authors', authors),
    ...listed('new categories', categories),
    ...listed('new tags', tags),
    ...(report.dryRun ? section('articles', report.articles.map((article) => `${article.outcome.padEnd(7)} ${article.at}: ${article.title ?? ''}`)) : []),
    ...section(
      'failed',
      report.articles.filter((article) => article.outcome === 'failed').map((article) => `${article.at}: ${article.reason}`),
    ),
    ...section('warnings', report.warnings.map((warning) => `${warning.at}: ${warning.reason}`)),
  ]
  return `${lines.join('\n')}\n`
}

function listed(label: string, names: string[]): string[] {
  return names.length > 0 ? [`${label}: ${names.join(', ')}`] : []
}

function section(label: string, lines: string[]): string[] {
  return lines.length > 0 ? [`${label}:`, ...lines.map((line) => `  ${line}`)] : []
}

/**
 * `[######........] 20%  1,234 articles  850.3/s  ETA 2 min`: one line, rewritten in place with `\r`.
 * An archive is read as a stream, so how far it has got is measured in bytes; the rate in articles.
 */
export function progressLine(progress: { articles: number; bytesRead: number; totalBytes: number; elapsedMs: number }, width = 30): string {
  const { articles, bytesRead, totalBytes, elapsedMs } = progress
  const fraction = totalBytes === 0 ? 1 : Math.min(1, bytesRead / totalBytes)
  const filled = Math.round(fraction * width)
  const rate = elapsedMs > 0 ? (articles * 1000) / elapsedMs : 0
  const eta = fraction > 0 && fraction < 1 ? duration((elapsedMs * (1 - fraction)) / fraction) : fraction === 1 ? '0 s' : '?'
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(fraction * 100)}%  ${articles.toLocaleString('en')} articles  ${rate.toFixed(1)}/s  ETA ${eta}`
}

function duration(ms: number): string {
  const seconds = Math.ceil(ms / 1000)
  if (seconds < 120) return `${seconds} s`
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`
  return `${(seconds / 3600).toFixed(1)} h`
}
