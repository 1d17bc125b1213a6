import { type Label, type Language, type Message, translate } from '../i18n/translate'
import { type Said, sayIn } from './problem'

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
  warnings: { at: Message; reason: Said }[]
  elapsedMs: number
}

export type ArticleOutcome = { at: Message; title?: string; outcome: Outcome; field?: string; reason?: Said }

const OUTCOME_NAMES: Record<Outcome, Label> = {
  created: { zh: '新建', en: 'created' },
  updated: { zh: '更新', en: 'updated' },
  skipped: { zh: '跳过', en: 'skipped' },
  failed: { zh: '失败', en: 'failed' },
}

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
export function recordProblem(report: ImportReport, problem: { at: Message; field?: string; reason: Said }): void {
  recordOutcome(report, { ...problem, outcome: 'failed' })
}

export function recordOutcome(report: ImportReport, article: ArticleOutcome): void {
  report.outcomes[article.outcome]++
  if (report.dryRun || article.outcome === 'failed') report.articles.push(article)
}

/**
 * What the run did, for the person who ran it, in their language: the counts first (one line a
 * script can read, in a locale that is not Chinese), then every failure and warning with where it is
 * in the file. A dry run also lists each article's fate.
 */
export function formatSummary(report: ImportReport, language: Language): string {
  const say = (said: Said) => sayIn(said, language)
  const colon = language === 'zh' ? '：' : ': '
  // In a column: each language's names are of one width on a terminal (two Chinese characters, or up to seven letters).
  const outcomeName = (outcome: Outcome) => OUTCOME_NAMES[outcome][language].padEnd(language === 'zh' ? 2 : 7)
  const { authors, categories, tags, images } = report.created
  const header = { file: report.file, format: report.format, system: report.system }
  const reason = ({ field, reason }: ArticleOutcome) => `${field ? `${field}${colon}` : ''}${reason ? say(reason) : ''}`
  const lines = [
    say(report.dryRun ? { code: 'IMPORT_SUMMARY_DRY_RUN', values: header } : { code: 'IMPORT_SUMMARY_DONE', values: { ...header, seconds: (report.elapsedMs / 1000).toFixed(1) } }),
    say({ code: 'IMPORT_SUMMARY_ARTICLES', values: report.outcomes }),
    say({ code: 'IMPORT_SUMMARY_COMMENTS', values: report.comments }),
    say({ code: 'IMPORT_SUMMARY_NEW', values: { authors: authors.length, categories: categories.length, tags: tags.length, images: images.length } }),
    ...listed({ code: 'IMPORT_SUMMARY_NEW_AUTHORS' }, authors, language),
    ...listed({ code: 'IMPORT_SUMMARY_NEW_CATEGORIES' }, categories, language),
    ...listed({ code: 'IMPORT_SUMMARY_NEW_TAGS' }, tags, language),
    ...(report.dryRun
      ? section(say({ code: 'IMPORT_SUMMARY_EACH_ARTICLE' }), report.articles.map((article) => `${outcomeName(article.outcome)} ${say(article.at)}${colon}${article.title ?? ''}`))
      : []),
    ...section(
      say({ code: 'IMPORT_SUMMARY_FAILURES' }),
      report.articles.filter((article) => article.outcome === 'failed').map((article) => `${say(article.at)}${colon}${reason(article)}`),
    ),
    ...section(say({ code: 'IMPORT_SUMMARY_WARNINGS' }), report.warnings.map((warning) => `${say(warning.at)}${colon}${say(warning.reason)}`)),
  ]
  return `${lines.map(printable).join('\n')}\n`
}

/**
 * Control characters escaped (`\x1b`), and the marks that reorder text as it is shown (`\u202e`):
 * a summary quotes what an archive holds (titles, a bad line), and an archive from elsewhere must not
 * reach the operator's terminal as commands to it, or disguise what a line says.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
export const printable = (line: string): string =>
  line.replace(UNPRINTABLE, (character) => {
    const code = character.charCodeAt(0)
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`
  })

function listed(message: Message, names: string[], language: Language): string[] {
  return names.length > 0 ? [translate({ ...message, values: { names: names.join(language === 'zh' ? '、' : ', ') } }, language)] : []
}

function section(heading: string, lines: string[]): string[] {
  return lines.length > 0 ? [heading, ...lines.map((line) => `  ${line}`)] : []
}

/**
 * `[######........] 20%  1,234 articles  850.3/s  ETA 2 min`: one line, rewritten in place with `\r`.
 * An archive is read as a stream, so how far it has got is measured in bytes; the rate in articles.
 */
export function progressLine(progress: { articles: number; bytesRead: number; totalBytes: number; elapsedMs: number }, language: Language, width = 30): string {
  const { articles, bytesRead, totalBytes, elapsedMs } = progress
  const fraction = totalBytes === 0 ? 1 : Math.min(1, bytesRead / totalBytes)
  const filled = Math.round(fraction * width)
  const rate = elapsedMs > 0 ? (articles * 1000) / elapsedMs : 0
  const eta: Message = fraction > 0 && fraction < 1 ? duration((elapsedMs * (1 - fraction)) / fraction) : fraction === 1 ? duration(0) : { code: 'IMPORT_TIME_UNKNOWN' }
  const counts = translate({ code: 'IMPORT_PROGRESS', values: { count: articles.toLocaleString('en'), rate: rate.toFixed(1), eta } }, language)
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(fraction * 100)}%  ${counts}`
}

function duration(ms: number): Message {
  const seconds = Math.ceil(ms / 1000)
  if (seconds < 120) return { code: 'IMPORT_SECONDS', values: { count: seconds } }
  if (seconds < 7200) return { code: 'IMPORT_MINUTES', values: { count: Math.round(seconds / 60) } }
  return { code: 'IMPORT_HOURS', values: { count: (seconds / 3600).toFixed(1) } }
}
