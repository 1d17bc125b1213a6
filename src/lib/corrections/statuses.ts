/**
 * The life of a correction request (纠错) and the vocabulary editors and readers see for it. Labels
 * are bilingual because the admin is used in both languages and the portal shows the Chinese ones.
 */

import type { Label, Message } from '../i18n/translate'

export type { Label }

export const CORRECTION_STATUSES = ['new', 'triaged', 'accepted', 'rejected', 'corrected', 'duplicate'] as const
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number]

export const CORRECTION_STATUS_LABELS: Record<CorrectionStatus, Label> = {
  new: { zh: '新提交', en: 'New' },
  triaged: { zh: '已分诊', en: 'Triaged' },
  accepted: { zh: '已采纳', en: 'Accepted' },
  rejected: { zh: '未采纳', en: 'Rejected' },
  corrected: { zh: '已更正', en: 'Corrected' },
  duplicate: { zh: '重复', en: 'Duplicate' },
}

/** The fields of a request that refusals name, as the admin and the portal's form label them. */
export const CORRECTION_FIELD_LABELS = {
  article: { en: 'Article', zh: '文章' },
  quote: { en: 'Passage as published', zh: '原文' },
  suggestion: { en: 'Suggested fix', zh: '修改建议' },
  explanation: { en: 'Explanation', zh: '说明' },
  reporterName: { en: 'Reporter', zh: '提交人' },
  website: { en: 'Leave empty', zh: '请留空' },
  status: { en: 'Status', zh: '状态' },
  noNoticeReason: { en: 'Why no correction notice is needed', zh: '无需发布更正说明的理由' },
} as const satisfies Record<string, Label>

/** The notices on an article (`articles.corrections`), as the admin labels them and refusals name them. */
export const CORRECTION_NOTICE_LABELS = {
  corrections: { en: 'Correction notices', zh: '更正说明' },
  notice: { en: 'Correction notice', zh: '更正说明' },
  request: { en: 'From request', zh: '来源纠错' },
} as const satisfies Record<string, Label>

export const ERROR_TYPES = ['typo', 'fact', 'figure', 'image', 'other'] as const
export type ErrorType = (typeof ERROR_TYPES)[number]

export const ERROR_TYPE_LABELS: Record<ErrorType, Label> = {
  typo: { zh: '错别字', en: 'Typo' },
  fact: { zh: '事实错误', en: 'Factual error' },
  figure: { zh: '数据错误', en: 'Wrong figure' },
  image: { zh: '图文不符', en: 'Image does not match' },
  other: { zh: '其他', en: 'Other' },
}

export const CORRECTION_KINDS = ['correction', 'clarification', 'retraction'] as const
export type CorrectionKind = (typeof CORRECTION_KINDS)[number]

export const CORRECTION_KIND_LABELS: Record<CorrectionKind, Label> = {
  correction: { zh: '更正', en: 'Correction' },
  clarification: { zh: '说明', en: 'Clarification' },
  retraction: { zh: '撤稿', en: 'Retraction' },
}

/**
 * Allowed moves: new→triaged|rejected|duplicate; triaged→accepted|rejected|duplicate;
 * accepted→corrected|rejected; rejected→triaged (reopen); duplicate→triaged (unlink); corrected→ nothing.
 * Same status → allowed (no-op).
 *
 * `corrected` is final because a published notice cannot be taken back by a status change; a new
 * mistake in the notice is a new request.
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<CorrectionStatus, readonly CorrectionStatus[]>> = Object.freeze({
  new: Object.freeze(['triaged', 'rejected', 'duplicate'] as const),
  triaged: Object.freeze(['accepted', 'rejected', 'duplicate'] as const),
  accepted: Object.freeze(['corrected', 'rejected'] as const),
  rejected: Object.freeze(['triaged'] as const),
  duplicate: Object.freeze(['triaged'] as const),
  corrected: Object.freeze([] as const),
})

/** Requests still being worked on: a duplicate links to one of these, never to a closed one. */
export const OPEN_STATUSES: readonly CorrectionStatus[] = Object.freeze(['new', 'triaged', 'accepted'] as const)

export function isCorrectionStatus(value: unknown): value is CorrectionStatus {
  return typeof value === 'string' && (CORRECTION_STATUSES as readonly string[]).includes(value)
}

/**
 * Whether a request may move from one status to another; a refusal names both statuses and where
 * the request could go instead.
 */
export function checkTransition(from: CorrectionStatus, to: CorrectionStatus): { ok: true } | { ok: false; message: Message } {
  // Callers pass what came in over the wire; an unknown status must be a refusal, not a crash.
  if (!isCorrectionStatus(from) || !isCorrectionStatus(to)) {
    const status = String(isCorrectionStatus(from) ? to : from)
    const known = CORRECTION_STATUSES.map((known) => CORRECTION_STATUS_LABELS[known])
    return { ok: false, message: { code: 'CORRECTION_STATUS_UNKNOWN', values: { status, known } } }
  }
  if (from === to || ALLOWED_TRANSITIONS[from].includes(to)) return { ok: true }
  const named = { from: CORRECTION_STATUS_LABELS[from], to: CORRECTION_STATUS_LABELS[to] }
  const targets = ALLOWED_TRANSITIONS[from]
  if (targets.length === 0) return { ok: false, message: { code: 'CORRECTION_FINAL_STATUS', values: named } }
  const allowed = targets.map((target) => CORRECTION_STATUS_LABELS[target])
  return { ok: false, message: { code: 'CORRECTION_TRANSITION_REFUSED', values: { ...named, allowed } } }
}
