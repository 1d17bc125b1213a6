/**
 * Folds text down to the characters that carry its meaning, so that the usual ways of slipping a
 * word past a filter (`赌 博`, `赌*博`, `赌\u200b博`, `ＳＥＸ`, `Sex`) read the same as the listed word,
 * while remembering where each kept character came from: hits must point into what the reader wrote,
 * because the text is flagged or masked in place, never cut (see "holes in the text" in DOMAIN.md).
 */

/** What a piece of text reads as once folded, with the origin of every folded code point. */
export type FoldedText = {
  /** Letters and digits only: lower case, compatibility forms expanded (ＡＢＣ → abc, ﬁ → fi, ① → 1), marks dropped. */
  readonly codePoints: number[]
  /** UTF-16 range in the original text of the character each code point came from (end exclusive). */
  readonly starts: number[]
  readonly ends: number[]
}

// Invisible characters (zero-width space and joiners, word joiner, BOM, soft hyphen, bidi controls,
// variation selectors, Hangul fillers) are what evasions insert; combining marks are stripped too,
// so `é` reads as `e` and a strike-through `赌̶博` as `赌博`.
const INVISIBLE = /^[\p{M}\p{Cf}\p{Default_Ignorable_Code_Point}]$/u
const SIGNIFICANT = /^[\p{L}\p{N}]$/u

const NONE: readonly number[] = []
const cache = new Map<number, readonly number[]>()
// Texts are short and draw on a few thousand distinct characters; the cap only guards odd input.
const CACHE_LIMIT = 50_000

/** The folded code points a single character reads as: none for spacing, punctuation, symbols, emoji. */
export function foldCodePoint(codePoint: number): readonly number[] {
  const cached = cache.get(codePoint)
  if (cached) return cached
  const folded = computeFold(codePoint)
  if (cache.size < CACHE_LIMIT) cache.set(codePoint, folded)
  return folded
}

function computeFold(codePoint: number): readonly number[] {
  const char = String.fromCodePoint(codePoint)
  if (INVISIBLE.test(char)) return NONE
  // NFKD, not NFKC: decomposing lets the accents drop off as marks; lower-casing can itself produce
  // a decomposable sequence (İ → i + dot), hence the second pass.
  const expanded = char.normalize('NFKD').toLowerCase().normalize('NFKD')
  const kept: number[] = []
  for (const part of expanded) {
    if (SIGNIFICANT.test(part) && !INVISIBLE.test(part)) kept.push(part.codePointAt(0)!)
  }
  return kept.length === 0 ? NONE : kept
}

/** True for characters that belong to the one before them (marks) or show nothing (zero-width). */
export function isInvisible(codePoint: number): boolean {
  return INVISIBLE.test(String.fromCodePoint(codePoint))
}

export function foldText(text: string): FoldedText {
  const codePoints: number[] = []
  const starts: number[] = []
  const ends: number[] = []
  for (let i = 0; i < text.length; ) {
    const codePoint = text.codePointAt(i)!
    const width = codePoint > 0xffff ? 2 : 1
    // Fast paths for what most of a Chinese finance text is made of: ASCII and common CJK ideographs.
    let single = -1
    if (codePoint < 0x80) {
      if ((codePoint >= 0x61 && codePoint <= 0x7a) || (codePoint >= 0x30 && codePoint <= 0x39)) single = codePoint
      else if (codePoint >= 0x41 && codePoint <= 0x5a) single = codePoint + 0x20
    } else if (codePoint >= 0x4e00 && codePoint <= 0x9fff) {
      single = codePoint
    }
    if (single >= 0) {
      codePoints.push(single)
      starts.push(i)
      ends.push(i + width)
    } else if (codePoint >= 0x80) {
      for (const folded of foldCodePoint(codePoint)) {
        codePoints.push(folded)
        starts.push(i)
        ends.push(i + width)
      }
    }
    i += width
  }
  return { codePoints, starts, ends }
}

/** A listed phrase folds exactly like the text it is looked for in. */
export function foldPhrase(phrase: string): number[] {
  return foldText(phrase).codePoints
}

/** Latin letters after folding: `Ａ`, `é` and `ﬁ` count, digits and Cyrillic look-alikes do not. */
export function isLatinLetter(codePoint: number): boolean {
  return codePoint >= 0x61 && codePoint <= 0x7a
}

/**
 * Whether the visible character next to a UTF-16 position (before it when `direction` is -1, at it
 * when 1) reads as a Latin letter, looking past invisible characters and marks: `cl\u200bass` is one word.
 */
export function latinLetterBeside(text: string, position: number, direction: -1 | 1): boolean {
  let i = position
  while (direction === -1 ? i > 0 : i < text.length) {
    let codePoint: number
    if (direction === -1) {
      const low = text.charCodeAt(i - 1)
      const high = i >= 2 ? text.charCodeAt(i - 2) : 0
      const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff
      codePoint = pair ? text.codePointAt(i - 2)! : low
      i -= pair ? 2 : 1
    } else {
      codePoint = text.codePointAt(i)!
      i += codePoint > 0xffff ? 2 : 1
    }
    if (codePoint < 0x80) return (codePoint | 0x20) >= 0x61 && (codePoint | 0x20) <= 0x7a
    if (isInvisible(codePoint)) continue
    const folded = foldCodePoint(codePoint)
    if (folded.length === 0) return false
    return isLatinLetter(direction === -1 ? folded[folded.length - 1] : folded[0])
  }
  return false
}

const MARK = /^\p{M}$/u

/** Combining marks: accents, strike-throughs, variation selectors; they belong to the character before. */
export function isMark(codePoint: number): boolean {
  return MARK.test(String.fromCodePoint(codePoint))
}

/** Moves a UTF-16 end position past combining marks, so a hit never leaves an accent or strike-through behind. */
export function pastMarks(text: string, end: number): number {
  let i = end
  while (i < text.length) {
    const codePoint = text.codePointAt(i)!
    if (!isMark(codePoint)) break
    i += codePoint > 0xffff ? 2 : 1
  }
  return i
}
