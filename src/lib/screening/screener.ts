import { type Automaton, buildAutomaton } from './ahoCorasick'
import { foldPhrase, foldText, isLatinLetter, latinLetterBeside, pastMarks } from './normalise'
import {
  ACTION_SEVERITY,
  isScreeningAction,
  type Screener,
  type ScreeningAction,
  type ScreeningHit,
  type WordListEntry,
} from './types'

/** One listed word once folded; a word listed twice (or in two spellings that fold alike) is one rule. */
type Rule = {
  phrase: string
  action: ScreeningAction
  note?: string | null
  // Pure Latin-letter words must stand as whole words: `ass` is not in `class`, `sex` not in `Essex`.
  // Chinese has no spaces, so anything else matches wherever it occurs.
  wholeWordOnly: boolean
}

/** What ending at one trie node means: a listed word, an allowed phrase, or both. */
type Pattern = { rule: Rule | null; allowed: boolean }

/**
 * Builds the word list into a screener once (when the list changes); each scan is then one pass over
 * the text, however long the list. Entries whose phrase has no letter or digit are ignored: after
 * folding they would match everywhere or nowhere.
 */
export function buildScreener(entries: readonly WordListEntry[], allowList: readonly string[] = []): Screener {
  const byKey = new Map<string, Pattern>()
  const foldedPatterns: number[][] = []
  const patterns: Pattern[] = []

  function patternFor(folded: number[]): Pattern {
    const key = String.fromCodePoint(...folded)
    let pattern = byKey.get(key)
    if (!pattern) {
      pattern = { rule: null, allowed: false }
      byKey.set(key, pattern)
      foldedPatterns.push(folded)
      patterns.push(pattern)
    }
    return pattern
  }

  for (const entry of entries) {
    if (!isScreeningAction(entry.action)) {
      throw new TypeError(`word list entry ${JSON.stringify(entry.phrase)} has unknown action ${JSON.stringify(entry.action)}`)
    }
    const folded = foldPhrase(entry.phrase ?? '')
    if (folded.length === 0) continue
    const pattern = patternFor(folded)
    if (pattern.rule && ACTION_SEVERITY[pattern.rule.action] >= ACTION_SEVERITY[entry.action]) continue
    pattern.rule = {
      phrase: entry.phrase,
      action: entry.action,
      ...(entry.note !== undefined ? { note: entry.note } : {}),
      wholeWordOnly: folded.every(isLatinLetter),
    }
  }
  for (const phrase of allowList) {
    const folded = foldPhrase(phrase ?? '')
    if (folded.length > 0) patternFor(folded).allowed = true
  }

  const size = patterns.filter((pattern) => pattern.rule).length
  const automaton: Automaton | null = size > 0 ? buildAutomaton(foldedPatterns) : null

  return {
    size,
    scan(text) {
      if (!automaton || !text) return []
      const { codePoints, starts, ends } = foldText(text)
      const found: { rule: Rule; from: number; to: number; order: number }[] = []
      const allowed: number[] = []
      automaton.scan(codePoints, (index, from, to) => {
        const pattern = patterns[index]
        if (pattern.allowed) allowed.push(from, to)
        if (pattern.rule) found.push({ rule: pattern.rule, from, to, order: index })
      })
      const allowedReach = allowed.length > 0 ? reachOf(allowed, codePoints.length) : null

      const hits: (ScreeningHit & { order: number })[] = []
      for (const { rule, from, to, order } of found) {
        if (allowedReach && allowedReach[from] >= to) continue
        const start = starts[from]
        const foldedEnd = ends[to - 1]
        if (rule.wholeWordOnly && inLongerWord(text, codePoints, starts, ends, from, to)) continue
        const end = pastMarks(text, foldedEnd)
        hits.push({
          phrase: rule.phrase,
          action: rule.action,
          ...(rule.note !== undefined ? { note: rule.note } : {}),
          start,
          end,
          matched: text.slice(start, end),
          order,
        })
      }
      hits.sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order)
      return hits.map(({ order: _order, ...hit }) => hit)
    },
  }
}

/**
 * For each folded index, the furthest end of an allowed phrase starting at or before it: a hit lies
 * inside an allowed phrase exactly when that reach is at or past the hit's end.
 */
function reachOf(allowed: readonly number[], length: number): Int32Array {
  const reach = new Int32Array(length)
  for (let i = 0; i < allowed.length; i += 2) {
    if (reach[allowed[i]] < allowed[i + 1]) reach[allowed[i]] = allowed[i + 1]
  }
  for (let i = 1; i < length; i++) if (reach[i] < reach[i - 1]) reach[i] = reach[i - 1]
  return reach
}

/** A Latin word match with a Latin letter right before or after it, in the text or inside the same character (ﬁ). */
function inLongerWord(
  text: string,
  codePoints: readonly number[],
  starts: readonly number[],
  ends: readonly number[],
  from: number,
  to: number,
): boolean {
  const start = starts[from]
  const end = ends[to - 1]
  if (from > 0 && starts[from - 1] === start && isLatinLetter(codePoints[from - 1])) return true
  if (to < codePoints.length && ends[to] === end && isLatinLetter(codePoints[to])) return true
  return latinLetterBeside(text, start, -1) || latinLetterBeside(text, end, 1)
}

/** The most severe action among hits: reject > review > mask; null when none. */
export function strongestAction(hits: readonly ScreeningHit[]): ScreeningAction | null {
  let strongest: ScreeningAction | null = null
  for (const hit of hits) {
    if (strongest === null || ACTION_SEVERITY[hit.action] > ACTION_SEVERITY[strongest]) strongest = hit.action
  }
  return strongest
}
