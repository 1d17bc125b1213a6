/**
 * The word-screening benchmark (issue 3): 10,000 words over a 5,000-character article, against naive
 * baselines in the same run. Inputs come from a seeded generator, so every run measures the same work.
 */
import { performance } from 'node:perf_hooks'

import { buildScreener, type WordListEntry } from '../../lib/screening'
import { foldPhrase, foldText } from '../../lib/screening/normalise'
import { seededRandom } from '../../lib/seededRandom'

export type Row = Record<string, string | number>

/** Median milliseconds of `runs` calls, after a few unmeasured ones so the JIT has settled. */
function medianMs(runs: number, work: () => unknown, warmUp = 3): number {
  for (let i = 0; i < warmUp; i++) work()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    work()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]
}

const ms = (value: number) => Number(value.toFixed(3))

const WORD_COUNT = 10_000
const ARTICLE_LENGTH = 5_000
const PLANTED_WORDS = 60

function screeningInputs(): { entries: WordListEntry[]; article: string } {
  const random = seededRandom(3)
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]
  // 3,000 ideographs from the common block: small enough that words share prefixes and partial
  // matches happen all through the article, as with a real list.
  const hanzi = Array.from({ length: 3_000 }, (_, i) => String.fromCodePoint(0x4e00 + i * 7))
  const latin = 'abcdefghijklmnopqrstuvwxyz'.split('')
  const digits = '0123456789'.split('')
  const actions = ['reject', 'review', 'mask'] as const

  const words = new Set<string>()
  while (words.size < WORD_COUNT) {
    const length = 2 + Math.floor(random() * 3)
    const kind = random()
    let word = ''
    for (let i = 0; i < length; i++) {
      if (kind < 0.85) word += pick(hanzi) // Chinese
      else if (kind < 0.95) word += i === 0 ? pick(latin) : random() < 0.5 ? pick(digits) : pick(hanzi) // mixed: qq群, v8…
      else word += pick(latin) // pure Latin letters: the whole-word rule applies
    }
    words.add(word)
  }
  const entries = [...words].map((phrase) => ({ phrase, action: pick(actions) }))

  const listed = [...words]
  const separators = ['', '', '', ' ', '*', '\u200b']
  let article = ''
  while (article.length < ARTICLE_LENGTH) {
    article += pick(hanzi)
    if (random() < 0.06) article += pick(['，', '。', '、', '：', ' '])
    if (random() < PLANTED_WORDS / ARTICLE_LENGTH) {
      // a listed word, sometimes with an evasion inside it
      const word = [...pick(listed)]
      article += word.join(pick(separators))
    }
  }
  return { entries, article: article.slice(0, ARTICLE_LENGTH) }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export const screeningBenchmark = {
  description: `word screening: ${WORD_COUNT.toLocaleString('en')} words over a ${ARTICLE_LENGTH.toLocaleString('en')}-character article`,
  run(): Row[] {
    const { entries, article } = screeningInputs()
    const rows: Row[] = []

    const buildMs = medianMs(5, () => buildScreener(entries), 1)
    const screener = buildScreener(entries)
    const hits = screener.scan(article)
    const scanMs = medianMs(51, () => screener.scan(article))
    rows.push({
      approach: 'Aho–Corasick (ours, folds the text too)',
      'build ms': ms(buildMs),
      'scan ms': ms(scanMs),
      'words found': new Set(hits.map((hit) => hit.phrase)).size,
      'scan / ours': 1,
    })

    // The baselines get the article already folded and the words already folded: they are timed on
    // the matching alone, and only say whether each word occurs, not where or how often. Ours finds
    // a few words fewer: a Latin word inside a longer Latin word does not count. V8 compiles a regex
    // on first use, so a regex's build column shows little and its first scan (a warm-up) pays.
    const folded = String.fromCodePoint(...foldText(article).codePoints)
    const foldedWords = entries.map((entry) => String.fromCodePoint(...foldPhrase(entry.phrase)))
    const versus = (other: number) => Number((other / scanMs).toFixed(1))

    let naiveFound = 0
    const naiveMs = medianMs(21, () => {
      naiveFound = 0
      for (const word of foldedWords) if (folded.includes(word)) naiveFound++
    })
    rows.push({ approach: 'naive: includes() per word', 'build ms': 0, 'scan ms': ms(naiveMs), 'words found': naiveFound, 'scan / ours': versus(naiveMs) })

    rows.push(
      attempt('regex per word', () => {
        const patterns = foldedWords.map((word) => new RegExp(escapeRegExp(word), 'u'))
        const build = medianMs(3, () => foldedWords.map((word) => new RegExp(escapeRegExp(word), 'u')), 1)
        let found = 0
        const scan = medianMs(11, () => {
          found = 0
          for (const pattern of patterns) if (pattern.test(folded)) found++
        })
        return { 'build ms': ms(build), 'scan ms': ms(scan), 'words found': found, 'scan / ours': versus(scan) }
      }),
      attempt('one regex, all words as alternation', () => {
        const source = foldedWords.map(escapeRegExp).join('|')
        const build = medianMs(3, () => new RegExp(source, 'gu'), 1)
        const pattern = new RegExp(source, 'gu')
        const seen = new Set<string>()
        // Non-overlapping: an alternation cannot report a word inside or across another one.
        const scan = medianMs(11, () => {
          seen.clear()
          for (const match of folded.matchAll(pattern)) seen.add(match[0])
        })
        const found = seen.size
        return { 'build ms': ms(build), 'scan ms': ms(scan), 'words found': found, 'scan / ours': versus(scan) }
      }),
    )
    return rows
  },
}

/** A baseline that throws (a regex too big to compile, say) is reported as such, not fatal. */
function attempt(approach: string, run: () => Row): Row {
  try {
    return { approach, ...run() }
  } catch (error) {
    return { approach, 'build ms': 'failed', 'scan ms': (error as Error).message.slice(0, 60) }
  }
}
