import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict.js'

import { FINANCE_WORD_FREQUENCY, FINANCE_WORDS } from './financeWords'

/**
 * Which way `searchWords` cuts text: raise it whenever the cutting changes (a word added to the
 * dictionary, say), and the server re-indexes the rows stored the earlier way in the background.
 * 1: jieba's own dictionary; 2: with the finance words.
 */
export const SEGMENTATION = 2

/**
 * Chinese has no spaces between words: jieba cuts text into words (in search mode, also the
 * shorter words inside long ones: 百分点 → 百分 分点 百分点), which PostgreSQL can then index.
 */
let jieba: Jieba | null = null
const segmenter = () => (jieba ??= withFinanceWords(Jieba.withDict(dict)))

function withFinanceWords(segmenter: Jieba): Jieba {
  segmenter.loadDict(Buffer.from(FINANCE_WORDS.map((word) => `${word} ${FINANCE_WORD_FREQUENCY}`).join('\n')))
  return segmenter
}

const WORD = /[\p{L}\p{N}]/u

/** Words of a text for indexing or querying: lower-case, NFKC-folded, punctuation and spaces dropped. */
export function searchWords(text: string): string[] {
  const folded = text.normalize('NFKC').toLowerCase()
  return segmenter()
    .cutForSearch(folded, true)
    .map((word) => word.trim())
    .filter((word) => WORD.test(word))
}

/**
 * A PostgreSQL tsquery (to_tsquery('simple', …)) for a user's query, given its `searchWords`: every
 * word, as a prefix. A word that begins another of the query's words is left out (准备 beside
 * 准备金率): whatever starts with the longer word starts with it too, and each prefix costs the index
 * a scan.
 */
export function toTsQuery(queryWords: string[]): string | null {
  const all = [...new Set(queryWords)]
  const words = all.filter((word) => !all.some((other) => other !== word && other.startsWith(word))).slice(0, 20)
  if (words.length === 0) return null
  return words.map((word) => `'${word.replace(/'/g, "''").replace(/\\/g, '')}':*`).join(' & ')
}
