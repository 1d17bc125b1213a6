/**
 * The moderation pipeline for new comments, after Coral's: an ordered list of small pure phases,
 * each of which may refuse the comment, hold it for a moderator, or decide its status, and says why
 * in a note stored with the comment. The adapter gathers the plain data; nothing here touches Payload.
 */
import { MODERATION_PHASES } from './phases'
import { trimComment } from './text'
import type { CommentStatus, ModerationDecision, ModerationInput, Phase, PipelineState, StatePatch } from './types'

export * from './types'
export { describeScreening, summariseScreening, type ScreeningReason, type ScreeningSummary } from './summary'
export { countLinks, normaliseForRepeat } from './text'
export {
  articleClosedPhase,
  bannedWordsPhase,
  lengthPhase,
  linksPhase,
  modePhase,
  MODERATION_PHASES,
  newCommenterPhase,
  ratePhase,
  readerStatusPhase,
  repeatPostPhase,
  suspectWordsPhase,
} from './phases'

function applyPatch(state: PipelineState, patch: StatePatch | undefined): PipelineState {
  if (!patch) return state
  return {
    ...state,
    ...(patch.body !== undefined && { body: patch.body }),
    ...(patch.maskedOriginal !== undefined && { maskedOriginal: patch.maskedOriginal }),
    ...(patch.hits !== undefined && { hits: patch.hits }),
  }
}

export function moderateComment(input: ModerationInput, phases: readonly Phase[] = MODERATION_PHASES): ModerationDecision {
  let state: PipelineState = { body: trimComment(input.body), maskedOriginal: null, heldBy: [], notes: [], hits: null }
  for (const phase of phases) {
    const outcome = phase.run(input, state)
    if (outcome.kind === 'refuse') {
      return { kind: 'refused', refusal: outcome.refusal, notes: [...state.notes, ...outcome.notes] }
    }
    state = applyPatch(state, outcome.patch)
    state = {
      ...state,
      notes: [...state.notes, ...(outcome.notes ?? [])],
      heldBy: outcome.kind === 'hold' ? [...state.heldBy, phase.name] : state.heldBy,
    }
    if (outcome.kind === 'decide') {
      // A hold is a promise that a moderator sees the comment: a later phase may reject it, not publish it.
      const status: CommentStatus = outcome.status === 'approved' && state.heldBy.length ? 'pending' : outcome.status
      return decided(status, state)
    }
  }
  // A phase list that ends without deciding (no `mode` phase) holds rather than publishes unreviewed.
  return decided('pending', state)
}

function decided(status: CommentStatus, state: PipelineState): ModerationDecision {
  return { kind: 'decided', status, body: state.body, maskedOriginal: state.maskedOriginal, notes: [...state.notes] }
}
