import {
  ALLOWED_TRANSITIONS,
  checkTransition,
  CORRECTION_KIND_LABELS,
  CORRECTION_KINDS,
  CORRECTION_STATUS_LABELS,
  CORRECTION_STATUSES,
  type CorrectionStatus,
  ERROR_TYPE_LABELS,
  ERROR_TYPES,
  OPEN_STATUSES,
} from '../../../../src/lib/corrections'

describe('correction vocabulary', () => {
  it('labels every status, error type and kind in Chinese and English', () => {
    expect(Object.fromEntries(CORRECTION_STATUSES.map((s) => [s, CORRECTION_STATUS_LABELS[s].zh]))).toEqual({
      new: '新提交',
      triaged: '已分诊',
      accepted: '已采纳',
      rejected: '未采纳',
      corrected: '已更正',
      duplicate: '重复',
    })
    expect(ERROR_TYPES.map((t) => ERROR_TYPE_LABELS[t].zh)).toEqual(['错别字', '事实错误', '数据错误', '图文不符', '其他'])
    expect(CORRECTION_KINDS.map((k) => CORRECTION_KIND_LABELS[k].zh)).toEqual(['更正', '说明', '撤稿'])
    for (const labels of [CORRECTION_STATUS_LABELS, ERROR_TYPE_LABELS, CORRECTION_KIND_LABELS]) {
      for (const label of Object.values(labels)) expect(label.en).toMatch(/^[A-Z][a-z ]+$/)
    }
  })

  it('counts new, triaged and accepted as open', () => {
    expect([...OPEN_STATUSES]).toEqual(['new', 'triaged', 'accepted'])
  })
})

// Every (from, to) pair: the table is the specification.
const ALLOWED: Record<CorrectionStatus, CorrectionStatus[]> = {
  new: ['triaged', 'rejected', 'duplicate'],
  triaged: ['accepted', 'rejected', 'duplicate'],
  accepted: ['corrected', 'rejected'],
  rejected: ['triaged'],
  duplicate: ['triaged'],
  corrected: [],
}
const pairs = CORRECTION_STATUSES.flatMap((from) => CORRECTION_STATUSES.map((to) => [from, to] as const))
const allowedPairs = pairs.filter(([from, to]) => from === to || ALLOWED[from].includes(to))
const refusedPairs = pairs.filter(([from, to]) => from !== to && !ALLOWED[from].includes(to))

describe('checkTransition', () => {
  it('exposes exactly the documented moves', () => {
    expect(Object.fromEntries(Object.entries(ALLOWED_TRANSITIONS).map(([k, v]) => [k, [...v]]))).toEqual(ALLOWED)
  })

  it('covers all 36 pairs between the two tables', () => {
    expect(allowedPairs).toHaveLength(6 + 10)
    expect(refusedPairs).toHaveLength(36 - 16)
  })

  it.each(allowedPairs)('allows %s → %s', (from, to) => {
    expect(checkTransition(from, to)).toEqual({ ok: true })
  })

  it.each(refusedPairs)('refuses %s → %s, naming both statuses and the allowed targets', (from, to) => {
    const result = checkTransition(from, to)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.reason).toContain(`「${CORRECTION_STATUS_LABELS[from].zh}」`)
    expect(result.reason).toContain(`「${CORRECTION_STATUS_LABELS[to].zh}」`)
    expect(result.reason).toContain(`from "${from}" to "${to}"`)
    for (const target of ALLOWED[from]) {
      expect(result.reason).toContain(`「${CORRECTION_STATUS_LABELS[target].zh}」`)
      expect(result.reason).toContain(`"${target}"`)
    }
  })

  it('says corrected is final', () => {
    const result = checkTransition('corrected', 'accepted')
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('none (final status)') })
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('已是最终状态') })
  })

  it('gives the exact wording for a typical refusal', () => {
    expect(checkTransition('new', 'corrected')).toEqual({
      ok: false,
      reason:
        '不能从「新提交」改为「已更正」；可改为：「已分诊」、「未采纳」、「重复」。Cannot change status from "new" to "corrected"; allowed: "triaged", "rejected", "duplicate".',
    })
  })

  it('refuses an unknown status from untyped input instead of throwing', () => {
    const bogus = 'published' as CorrectionStatus
    for (const result of [checkTransition('new', bogus), checkTransition(bogus, 'new'), checkTransition(undefined as unknown as CorrectionStatus, 'new')]) {
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.reason).toMatch(/未知的状态.*Unknown status/)
    }
    expect(checkTransition(bogus, bogus).ok).toBe(false)
  })
})
