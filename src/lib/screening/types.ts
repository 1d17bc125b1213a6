export type ScreeningAction = 'reject' | 'review' | 'mask'

export type WordListEntry = { phrase: string; action: ScreeningAction; note?: string | null }

/** start/end are UTF-16 indices into the ORIGINAL text (end exclusive); matched is text.slice(start, end). */
export type ScreeningHit = {
  phrase: string
  action: ScreeningAction
  note?: string | null
  start: number
  end: number
  matched: string
}

export type Screener = { scan(text: string): ScreeningHit[]; readonly size: number }

/** Higher is stricter: decides which action wins for a word listed twice, and for a whole text. */
export const ACTION_SEVERITY: Readonly<Record<ScreeningAction, number>> = { reject: 3, review: 2, mask: 1 }

export function isScreeningAction(value: unknown): value is ScreeningAction {
  return typeof value === 'string' && Object.hasOwn(ACTION_SEVERITY, value)
}
