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
import { translate } from '../../../../src/lib/i18n/translate'

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

  it.each(refusedPairs)('refuses %s → %s, naming both statuses and the allowed targets in either language', (from, to) => {
    const result = checkTransition(from, to)
    expect(result.ok).toBe(false)
    if (result.ok) return
    const zh = translate(result.message, 'zh')
    const en = translate(result.message, 'en')
    for (const status of [from, to, ...ALLOWED[from]]) {
      expect(zh).toContain(`「${CORRECTION_STATUS_LABELS[status].zh}」`)
      expect(en).toContain(`"${CORRECTION_STATUS_LABELS[status].en}"`)
    }
  })

  it('says corrected is final', () => {
    const result = checkTransition('corrected', 'accepted')
    expect(result).toEqual({ ok: false, message: expect.objectContaining({ code: 'CORRECTION_FINAL_STATUS' }) })
    if (!result.ok) expect(translate(result.message, 'zh')).toBe('「已更正」是最终状态，不能再改为「已采纳」')
  })

  it('gives the exact wording for a typical refusal', () => {
    const result = checkTransition('new', 'corrected')
    if (result.ok) throw new Error('expected a refusal')
    expect(translate(result.message, 'zh')).toBe('不能从「新提交」改为「已更正」；可改为：「已分诊」、「未采纳」或「重复」')
    expect(translate(result.message, 'en')).toBe('The status cannot change from "New" to "Corrected"; it can change to: "Triaged", "Rejected" or "Duplicate"')
  })

  it('refuses an unknown status from untyped input instead of throwing', () => {
    const bogus = 'published' as CorrectionStatus
    for (const result of [checkTransition('new', bogus), checkTransition(bogus, 'new'), checkTransition(undefined as unknown as CorrectionStatus, 'new')]) {
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.message.code).toBe('CORRECTION_STATUS_UNKNOWN')
    }
    expect(checkTransition(bogus, bogus).ok).toBe(false)
  })
})
