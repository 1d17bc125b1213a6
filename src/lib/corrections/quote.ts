/**
 * Reduces a quoted passage to what a reader would call "the same words", so that a quote copied with
 * different spacing, full-width letters or other quotation marks is still found in the article, and
 * two readers reporting the same passage are recognised as one request.
 */

// Zero-width characters, soft hyphens, bidi controls and variation selectors: invisible, and often
// picked up when text is copied out of a web page.
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu

// All Unicode punctuation (Chinese “”‘’，。！？、：；（）《》「」 included) and whitespace, plus the
// ASCII punctuation characters Unicode files under symbols ($ + < = > ^ ` | ~). Full-width forms
// are already folded to ASCII by NFKC when this runs.
const STRIPPED = /[\p{P}\p{White_Space}$+<=>^`|~]/gu

const DIGIT = /^[0-9]$/

/**
 * For duplicate detection and for finding the quote: NFKC, lower-case, all whitespace removed,
 * Chinese and ASCII punctuation/quotes removed, zero-width removed.
 *
 * One exception: a decimal point between two digits is kept. Figure errors (数据错误) are about
 * exactly that point, and `5.2%` must neither match `52%` nor be merged with a report about it.
 * Thousands separators go, so `1,000` and `1000` read the same.
 */
export function normaliseQuote(text: string): string {
  if (typeof text !== 'string') return ''
  const folded = text.normalize('NFKC').toLowerCase().replace(INVISIBLE, '')
  return folded.replace(STRIPPED, (char, offset: number, whole: string) =>
    char === '.' && DIGIT.test(whole[offset - 1] ?? '') && DIGIT.test(whole[offset + 1] ?? '') ? '.' : '',
  )
}

/**
 * Whether the normalised quote occurs in the normalised article text (title + summary + body text +
 * image captions). Empty quote → false, and so is a quote that is nothing but punctuation or spaces:
 * it would otherwise "occur" in every article.
 */
export function quoteOccursIn(articleText: string, quote: string): boolean {
  const needle = normaliseQuote(quote)
  if (needle === '') return false
  return normaliseQuote(articleText).includes(needle)
}
