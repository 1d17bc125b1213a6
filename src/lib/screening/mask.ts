import { foldCodePoint, isInvisible, isMark } from './normalise'
import type { ScreeningHit } from './types'

const MASK = '*'

/**
 * Replaces every letter/digit/CJK character inside each hit with '*' (visible masking: never delete),
 * leaving inserted spaces/punctuation as they were. A character and the marks on it become one '*',
 * so `赌̶博` masks to `**` like `赌博`; a character outside the BMP (two UTF-16 units) is one '*' too.
 */
export function maskText(text: string, hits: readonly ScreeningHit[]): string {
  const ranges = mergedRanges(text.length, hits)
  if (ranges.length === 0) return text
  let out = ''
  let copied = 0
  for (const [start, end] of ranges) {
    out += text.slice(copied, start)
    let i = start
    while (i < end) {
      const codePoint = text.codePointAt(i)!
      const width = codePoint > 0xffff ? 2 : 1
      if (foldCodePoint(codePoint).length > 0) {
        out += MASK
        i += width
        // The marks that sat on the character go with it; invisible characters between letters stay.
        while (i < end) {
          const next = text.codePointAt(i)!
          if (!isMark(next)) break
          i += next > 0xffff ? 2 : 1
        }
      } else {
        out += text.slice(i, i + width)
        i += width
      }
    }
    copied = end
  }
  return out + text.slice(copied)
}

/** Hit ranges clamped to the text, sorted, overlapping ones joined. */
function mergedRanges(length: number, hits: readonly ScreeningHit[]): [number, number][] {
  const ranges = hits
    .map((hit): [number, number] => [Math.max(0, hit.start), Math.min(length, hit.end)])
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const range of ranges) {
    const last = merged[merged.length - 1]
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([...range])
  }
  return merged
}

/**
 * A short excerpt of the text around a hit (for editors: "the surrounding text"), ~10 chars each side.
 * Counts characters, not UTF-16 units, never cuts a character or its marks in half, shows where it
 * was cut with '…' and puts line breaks and runs of spaces on one line.
 */
export function hitContext(text: string, hit: ScreeningHit, radius = 10): string {
  const start = Math.max(0, Math.min(text.length, hit.start))
  const end = Math.max(start, Math.min(text.length, hit.end))
  let from = start
  for (let n = 0; n < radius && from > 0; ) {
    from -= isLowSurrogateAfterHigh(text, from - 1) ? 2 : 1
    // A mark or joiner belongs to the character before it: keep going without counting it.
    if (!isInvisible(text.codePointAt(from)!)) n++
  }
  while (from > 0 && isInvisible(text.codePointAt(from)!)) from -= isLowSurrogateAfterHigh(text, from - 1) ? 2 : 1
  let to = end
  for (let n = 0; n < radius && to < text.length; ) {
    const codePoint = text.codePointAt(to)!
    to += codePoint > 0xffff ? 2 : 1
    if (!isInvisible(codePoint)) n++
  }
  while (to < text.length && isInvisible(text.codePointAt(to)!)) to += text.codePointAt(to)! > 0xffff ? 2 : 1
  const excerpt = text.slice(from, to).replace(/\s+/g, ' ')
  return `${from > 0 ? '…' : ''}${excerpt}${to < text.length ? '…' : ''}`
}

function isLowSurrogateAfterHigh(text: string, index: number): boolean {
  const low = text.charCodeAt(index)
  const high = index > 0 ? text.charCodeAt(index - 1) : 0
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff
}
