/**
 * The life of a correction request (纠错) and the vocabulary editors and readers see for it. Labels
 * are bilingual because the admin is used in both languages and the portal shows the Chinese ones.
 */

export type Label = { zh: string; en: string }

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

function named(status: unknown): { zh: string; en: string } {
  if (isCorrectionStatus(status)) return { zh: `「${CORRECTION_STATUS_LABELS[status].zh}」`, en: `"${status}"` }
  return { zh: `「${String(status)}」`, en: `"${String(status)}"` }
}

/**
 * Whether a request may move from one status to another. The reason is what the 400 says, so it
 * names both statuses and what would have been allowed, in Chinese and English.
 */
export function checkTransition(
  from: CorrectionStatus,
  to: CorrectionStatus,
): { ok: true } | { ok: false; reason: string } {
  // Callers pass what came in over the wire; an unknown status must be a refusal, not a crash.
  if (!isCorrectionStatus(from) || !isCorrectionStatus(to)) {
    const unknown = named(isCorrectionStatus(from) ? to : from)
    return {
      ok: false,
      reason: `未知的状态${unknown.zh}；可用状态：${CORRECTION_STATUSES.join('、')}。Unknown status ${unknown.en}; known statuses: ${CORRECTION_STATUSES.join(', ')}.`,
    }
  }
  if (from === to || ALLOWED_TRANSITIONS[from].includes(to)) return { ok: true }
  const targets = ALLOWED_TRANSITIONS[from]
  const zhTargets = targets.length ? targets.map((status) => `「${CORRECTION_STATUS_LABELS[status].zh}」`).join('、') : '无（已是最终状态）'
  const enTargets = targets.length ? targets.map((status) => `"${status}"`).join(', ') : 'none (final status)'
  const a = named(from)
  const b = named(to)
  return {
    ok: false,
    reason: `不能从${a.zh}改为${b.zh}；可改为：${zhTargets}。Cannot change status from ${a.en} to ${b.en}; allowed: ${enTargets}.`,
  }
}
