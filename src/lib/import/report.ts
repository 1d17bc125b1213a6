export type Outcome = 'created' | 'updated' | 'skipped' | 'failed'

export type ImportReport = {
  file: string
  format: string
  system: string
  dryRun: boolean
  /** One per article in the file, in order; failed ones say why. */
  articles: { at: string; title?: string; outcome: Outcome; reason?: string }[]
  /** The articles' comments: created (or would be, in a dry run), skipped as already imported, failed (each a warning). */
  comments: { created: number; skipped: number; failed: number }
  /** Names of what was created along the way (or would be, in a dry run). */
  created: { authors: string[]; categories: string[]; tags: string[]; images: string[] }
  /** Not failures: an image left as a link, say. */
  warnings: { at: string; reason: string }[]
  elapsedMs: number
}

export const OUTCOMES: Outcome[] = ['created', 'updated', 'skipped', 'failed']

export function countOutcomes(report: ImportReport): Record<Outcome, number> {
  const counts = { created: 0, updated: 0, skipped: 0, failed: 0 }
  for (const article of report.articles) counts[article.outcome]++
  return counts
}

/**
 * What the run did, for the person who ran it: the counts first (one line a script can read), then
 * every failure and warning with where it is in the file. A dry run also lists each article's fate.
 */
export function formatSummary(report: ImportReport): string {
  const counts = countOutcomes(report)
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

/** `[######........] 12/50  8.3/s  ETA 5 s`: one line, rewritten in place with `\r`. */
export function progressLine(done: number, total: number, elapsedMs: number, width = 30): string {
  const filled = total === 0 ? width : Math.round((done / total) * width)
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0
  const eta = rate > 0 ? `${Math.ceil((total - done) / rate)} s` : '?'
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}  ${rate.toFixed(1)}/s  ETA ${eta}`
}
