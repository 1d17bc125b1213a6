import type { Message } from '../i18n/translate'
import { shanghaiDateTime } from '../portal/time'
import { maskText, type ScreeningHit } from '../screening'
import { codePointLength, countLinks, normaliseForRepeat } from './text'
import type { ModerationInput, Phase, PhaseOutcome, PipelineState, Refusal, ScreeningNote, StatePatch } from './types'

const PASS: PhaseOutcome = { kind: 'pass' }

function note(rule: string, message: Message, words?: string[]): ScreeningNote {
  return words ? { rule, message, words } : { rule, message }
}

function refuse(rule: string, refusal: Refusal): PhaseOutcome {
  return { kind: 'refuse', refusal, notes: [note(rule, refusal.message)] }
}

function toDate(value: string | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null
  const date = value instanceof Date ? value : new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

export const lengthPhase: Phase = {
  name: 'length',
  run: ({ settings: { minLength, maxLength } }, { body }) => {
    const length = codePointLength(body)
    if (length >= minLength && length <= maxLength) return PASS
    const code = length < minLength ? 'COMMENT_TOO_SHORT' : 'COMMENT_TOO_LONG'
    return refuse(
      'length',
      { status: 400, message: { code, values: { min: minLength, max: maxLength } } },
    )
  },
}

export const articleClosedPhase: Phase = {
  name: 'articleClosed',
  run: ({ article }) => {
    if (!article.published) {
      return refuse('articleClosed', { status: 403, message: { code: 'COMMENT_ARTICLE_UNPUBLISHED' } })
    }
    if (!article.allowComments) {
      return refuse('articleClosed', { status: 403, message: { code: 'COMMENTS_CLOSED' } })
    }
    return PASS
  },
}

export const readerStatusPhase: Phase = {
  name: 'readerStatus',
  run: ({ reader, now }) => {
    if (reader.status === 'banned') {
      return refuse('readerStatus', { status: 403, message: { code: 'COMMENTER_BANNED' } })
    }
    if (reader.status !== 'suspended') return PASS
    const until = toDate(reader.suspendedUntil)
    // A suspension that has run out is not lifted in the database until a moderator or a job does it.
    if (until && until.getTime() <= now.getTime()) return PASS
    if (!until) {
      // No readable end date: the moderator meant a suspension, so it holds until someone lifts it.
      return refuse(
        'readerStatus',
        { status: 403, message: { code: 'COMMENTER_SUSPENDED' } },
      )
    }
    const when = shanghaiDateTime(until.toISOString())
    return refuse(
      'readerStatus',
      { status: 403, message: { code: 'COMMENTER_SUSPENDED_UNTIL', values: { until: when } } },
    )
  },
}

export const ratePhase: Phase = {
  name: 'rate',
  run: ({ settings, now, readerLastCommentAt, ipCommentsInWindow }) => {
    const last = toDate(readerLastCommentAt)
    const intervalMs = settings.readerIntervalSeconds * 1000
    if (last && intervalMs > 0) {
      const elapsedMs = now.getTime() - last.getTime()
      if (elapsedMs < intervalMs) {
        // A last comment "in the future" (clock skew between servers) waits one interval, not longer.
        const wait = Math.min(settings.readerIntervalSeconds, Math.max(1, Math.ceil((intervalMs - elapsedMs) / 1000)))
        return refuse(
          'rate',
          { status: 429, retryAfterSeconds: wait, message: { code: 'COMMENT_TOO_OFTEN', values: { seconds: wait } } },
        )
      }
    }
    if (settings.ipLimit > 0 && ipCommentsInWindow >= settings.ipLimit) {
      // Only the count is known, not when the oldest comment leaves the window: the whole window is safe.
      const wait = settings.ipWindowSeconds
      return refuse(
        'rate',
        { status: 429, retryAfterSeconds: wait, message: { code: 'COMMENT_NETWORK_TOO_OFTEN', values: { seconds: wait } } },
      )
    }
    return PASS
  },
}

export const repeatPostPhase: Phase = {
  name: 'repeatPost',
  run: ({ readerRecentBodies, settings }, { body }) => {
    const normalised = normaliseForRepeat(body)
    if (!readerRecentBodies.some((recent) => normaliseForRepeat(recent) === normalised)) return PASS
    const window = settings.repeatWindowSeconds
    return {
      kind: 'hold',
      notes: [note('repeat', { code: 'SCREENING_REPEAT', values: { seconds: window } })],
    }
  },
}

export const linksPhase: Phase = {
  name: 'links',
  run: ({ settings: { maxLinks } }, { body }) => {
    const links = countLinks(body)
    if (links <= maxLinks) return PASS
    return { kind: 'hold', notes: [note('links', { code: 'SCREENING_LINKS', values: { links, max: maxLinks } })] }
  },
}

/** Scanning is the one costly step: done once, by whichever word phase comes first. */
function hitsFor(input: ModerationInput, state: PipelineState): readonly ScreeningHit[] {
  if (state.hits) return state.hits
  return input.screener.size === 0 ? [] : input.screener.scan(state.body)
}

/** Each listed phrase once, with the text that matched it when that differs (`赌博` as `赌 博`). */
function describeHits(hits: readonly ScreeningHit[]): { words: string[]; detail: string } {
  const byPhrase = new Map<string, ScreeningHit[]>()
  for (const hit of hits) byPhrase.set(hit.phrase, [...(byPhrase.get(hit.phrase) ?? []), hit])
  const parts = [...byPhrase].map(([phrase, found]) => {
    const variants = [...new Set(found.map((hit) => hit.matched).filter((matched) => matched !== phrase))]
    const noteText = found.find((hit) => hit.note)?.note
    const extras = [...variants.map((matched) => `"${matched}"`), ...(noteText ? [noteText] : [])]
    return extras.length ? `${phrase} (${extras.join('; ')})` : phrase
  })
  return { words: [...byPhrase.keys()], detail: parts.join(', ') }
}

export const bannedWordsPhase: Phase = {
  name: 'bannedWords',
  run: (input, state) => {
    const hits = hitsFor(input, state)
    const rejects = hits.filter((hit) => hit.action === 'reject')
    if (rejects.length === 0) return { kind: 'pass', patch: { hits } }
    const { words, detail } = describeHits(rejects)
    return { kind: 'decide', status: 'rejected', patch: { hits }, notes: [note('bannedWords', { code: 'SCREENING_BANNED_WORDS', values: { words: detail } }, words)] }
  },
}

export const suspectWordsPhase: Phase = {
  name: 'suspectWords',
  run: (input, state) => {
    const hits = hitsFor(input, state)
    const reviews = hits.filter((hit) => hit.action === 'review')
    const masks = hits.filter((hit) => hit.action === 'mask')
    const notes: ScreeningNote[] = []
    if (reviews.length) {
      const { words, detail } = describeHits(reviews)
      notes.push(note('suspectWords', { code: 'SCREENING_SUSPECT_WORDS', values: { words: detail } }, words))
    }
    let patch: StatePatch = { hits }
    if (masks.length) {
      const { words, detail } = describeHits(masks)
      notes.push(note('mask', { code: 'SCREENING_MASKED', values: { words: detail } }, words))
      // The original stays with the comment for staff: masking hides words from readers, it never deletes them.
      patch = { hits, body: maskText(state.body, masks), maskedOriginal: state.maskedOriginal ?? state.body }
    }
    return { kind: reviews.length ? 'hold' : 'pass', notes, patch }
  },
}

export const newCommenterPhase: Phase = {
  name: 'newCommenter',
  run: ({ reader: { approvedComments }, settings: { newCommenterHold, mode } }) => {
    if (mode === 'post' || approvedComments >= newCommenterHold) return PASS
    return {
      kind: 'hold',
      notes: [note('newCommenter', { code: 'SCREENING_NEW_COMMENTER', values: { approved: approvedComments, hold: newCommenterHold } })],
    }
  },
}

/** The last word: held if any phase held it, else as the mode says (see ModerationMode). */
export const modePhase: Phase = {
  name: 'mode',
  run: ({ settings, reader }, { heldBy }) => {
    if (heldBy.length) {
      return { kind: 'decide', status: 'pending', notes: [note('mode', { code: 'SCREENING_HELD_BY', values: { rules: heldBy.join(', ') } })] }
    }
    if (settings.mode === 'all') {
      return { kind: 'decide', status: 'pending', notes: [note('mode', { code: 'SCREENING_ALL_HELD' })] }
    }
    if (settings.mode === 'post') {
      return { kind: 'decide', status: 'approved', notes: [note('mode', { code: 'SCREENING_POST_APPROVED' })] }
    }
    return {
      kind: 'decide',
      status: 'approved',
      notes: [note('mode', { code: 'SCREENING_TRUSTED_READER', values: { approved: reader.approvedComments } })],
    }
  },
}

export const MODERATION_PHASES: readonly Phase[] = Object.freeze([
  lengthPhase,
  articleClosedPhase,
  readerStatusPhase,
  ratePhase,
  repeatPostPhase,
  linksPhase,
  bannedWordsPhase,
  suspectWordsPhase,
  newCommenterPhase,
  modePhase,
])
