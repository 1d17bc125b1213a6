import type { Message } from '../i18n/translate'
import { EDITOR_ROLES, hasAnyRole, STAFF_ROLE_LABELS, WRITER_ROLES, type StaffRole } from '../roles'

/**
 * The review workflow of an article, beside Payload's own draft/published status: a writer submits,
 * an editor approves or sends it back, a publisher publishes what is approved.
 */
export const REVIEW_STATES = ['draft', 'in-review', 'changes-requested', 'approved'] as const
export type ReviewState = (typeof REVIEW_STATES)[number]

export const REVIEW_STATE_LABELS: Record<ReviewState, { en: string; zh: string }> = {
  draft: { en: 'Draft', zh: '草稿' },
  'in-review': { en: 'In review', zh: '待审核' },
  'changes-requested': { en: 'Changes requested', zh: '需修改' },
  approved: { en: 'Approved', zh: '已通过' },
}

export const REVIEW_ACTIONS = ['submit', 'request-changes', 'approve', 'withdraw'] as const
export type ReviewAction = (typeof REVIEW_ACTIONS)[number]

export const REVIEW_ACTION_LABELS: Record<ReviewAction, { en: string; zh: string }> = {
  submit: { en: 'Submit for review', zh: '提交审核' },
  'request-changes': { en: 'Request changes', zh: '退回修改' },
  approve: { en: 'Approve', zh: '审核通过' },
  withdraw: { en: 'Withdraw', zh: '撤回' },
}

/** What an entry of an article's review history records: the workflow's actions and what publishing does to it. */
export const REVIEW_HISTORY_ACTION_LABELS: Record<ReviewAction | 'publish' | 'unpublish' | 'override' | 'reset', { en: string; zh: string }> = {
  ...REVIEW_ACTION_LABELS,
  publish: { en: 'Publish', zh: '发布' },
  unpublish: { en: 'Unpublish', zh: '撤下' },
  override: { en: 'Screening override', zh: '敏感词放行' },
  reset: { en: 'Edited after approval', zh: '审核后修改' },
}

type Rule = { from: readonly ReviewState[]; to: ReviewState; roles: readonly StaffRole[]; needsNote?: boolean }

const RULES: Record<ReviewAction, Rule> = {
  submit: { from: ['draft', 'changes-requested'], to: 'in-review', roles: WRITER_ROLES },
  'request-changes': { from: ['in-review', 'approved'], to: 'changes-requested', roles: EDITOR_ROLES, needsNote: true },
  approve: { from: ['in-review'], to: 'approved', roles: EDITOR_ROLES },
  withdraw: { from: ['in-review', 'approved'], to: 'draft', roles: WRITER_ROLES },
}

/** The actions this person may take on an article in this state: the review panel's buttons. */
export function availableActions(state: ReviewState, roles: readonly string[]): ReviewAction[] {
  return REVIEW_ACTIONS.filter((action) => hasAnyRole(roles, RULES[action].roles) && RULES[action].from.includes(state))
}

export const MAX_REVIEW_NOTE_LENGTH = 2000

/** The review fields a refusal can name, as the review panel labels them. */
export const REVIEW_FIELD_LABELS = {
  action: { zh: '审核操作', en: 'Review action' },
  note: { zh: '审核意见', en: 'Note' },
  reason: { zh: '放行理由', en: 'Reason' },
} as const

export type TransitionCheck =
  | { ok: true; to: ReviewState }
  | { ok: false; status: 400 | 403 | 409; path: keyof typeof REVIEW_FIELD_LABELS; message: Message }

/** Whether this person may take this action on an article in this state, and where it leads. */
export function checkTransition(input: { action: unknown; note?: unknown; state: ReviewState; roles: readonly string[] }): TransitionCheck {
  const { action, note, state, roles } = input
  if (typeof action !== 'string' || !(REVIEW_ACTIONS as readonly string[]).includes(action)) {
    const actions = REVIEW_ACTIONS.map((known) => REVIEW_ACTION_LABELS[known])
    return { ok: false, status: 400, path: 'action', message: { code: 'REVIEW_ACTION_UNKNOWN', values: { actions } } }
  }
  if (note !== undefined && note !== null && (typeof note !== 'string' || note.length > MAX_REVIEW_NOTE_LENGTH)) {
    return { ok: false, status: 400, path: 'note', message: { code: 'REVIEW_NOTE_TOO_LONG', values: { max: MAX_REVIEW_NOTE_LENGTH } } }
  }
  const rule = RULES[action as ReviewAction]
  const actionLabel = REVIEW_ACTION_LABELS[action as ReviewAction]
  if (rule.needsNote && (typeof note !== 'string' || note.trim() === '')) {
    return { ok: false, status: 400, path: 'note', message: { code: 'REVIEW_NOTE_REQUIRED' } }
  }
  if (!hasAnyRole(roles, rule.roles)) {
    const allowed = rule.roles.map((role) => STAFF_ROLE_LABELS[role])
    return { ok: false, status: 403, path: 'action', message: { code: 'REVIEW_ROLE_MAY_NOT', values: { action: actionLabel, roles: allowed } } }
  }
  if (!rule.from.includes(state)) {
    const from = rule.from.map((known) => REVIEW_STATE_LABELS[known])
    const values = { state: REVIEW_STATE_LABELS[state], action: actionLabel, from }
    return { ok: false, status: 409, path: 'action', message: { code: 'REVIEW_WRONG_STATE', values } }
  }
  return { ok: true, to: rule.to }
}
