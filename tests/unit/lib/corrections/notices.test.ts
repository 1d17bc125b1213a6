import { correctionJsonLd, hashLookupToken, newLookupToken } from '../../../../src/lib/corrections'

describe('correctionJsonLd', () => {
  it('lists notices oldest first, prefixed by the kind label', () => {
    const items = correctionJsonLd([
      { date: '2024-03-02T08:00:00.000Z', kind: 'clarification', text: '文中“降准”指全面降准。' },
      { date: '2024-03-01T08:00:00.000Z', kind: 'correction', text: '原文“0.25个百分点”应为“0.5个百分点”。' },
      { date: '2024-03-05T08:00:00.000Z', kind: 'retraction', text: '本文因事实错误撤回。' },
    ])
    expect(items).toEqual([
      { '@type': 'CorrectionComment', text: '更正：原文“0.25个百分点”应为“0.5个百分点”。', datePublished: '2024-03-01T08:00:00.000Z' },
      { '@type': 'CorrectionComment', text: '说明：文中“降准”指全面降准。', datePublished: '2024-03-02T08:00:00.000Z' },
      { '@type': 'CorrectionComment', text: '撤稿：本文因事实错误撤回。', datePublished: '2024-03-05T08:00:00.000Z' },
    ])
  })

  it('keeps the given order for notices on the same date, and compares dates in different time zones as instants', () => {
    const items = correctionJsonLd([
      { date: '2024-03-01T10:00:00+08:00', text: '乙' },
      { date: '2024-03-01T02:00:00.000Z', text: '甲' },
      { date: '2024-03-01T01:00:00.000Z', text: '丙' },
    ])
    expect(items.map((item) => [item.text, item.datePublished])).toEqual([
      ['更正：丙', '2024-03-01T01:00:00.000Z'],
      ['更正：乙', '2024-03-01T02:00:00.000Z'],
      ['更正：甲', '2024-03-01T02:00:00.000Z'],
    ])
  })

  it('reads a missing or unknown kind as a correction and does not repeat a label the editor typed', () => {
    const items = correctionJsonLd([
      { date: '2024-01-01', kind: null, text: ' 错字已改。 ' },
      { date: '2024-01-02', kind: 'bogus' as 'correction', text: 'x' },
      { date: '2024-01-03', kind: 'clarification', text: '说明：已补充来源。' },
      { date: '2024-01-04', kind: 'correction', text: '更正:日期有误。' },
    ])
    expect(items.map((item) => item.text)).toEqual(['更正：错字已改。', '更正：x', '说明：已补充来源。', '更正:日期有误。'])
  })

  it('leaves out notices without text or a valid date', () => {
    expect(
      correctionJsonLd([
        { date: '2024-01-01', text: '' },
        { date: '2024-01-01', text: '   ' },
        { date: '2024-01-01', text: null },
        { date: null, text: '无日期' },
        { text: '无日期' },
        { date: 'not a date', text: '坏日期' },
        null as unknown as { text: string },
      ]),
    ).toEqual([])
    expect(correctionJsonLd([])).toEqual([])
    expect(correctionJsonLd(null as unknown as [])).toEqual([])
  })
})

describe('lookup tokens', () => {
  it('is 32 random bytes in base64url: 43 URL-safe characters without padding', () => {
    const { token } = newLookupToken()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(Buffer.from(token, 'base64url')).toHaveLength(32)
  })

  it('stores the SHA-256 hex of the token, never the token', () => {
    const { token, hash } = newLookupToken()
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    expect(hash).toBe(hashLookupToken(token))
    expect(hash).not.toContain(token)
    // The known SHA-256 of "abc".
    expect(hashLookupToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('never repeats a token', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newLookupToken().token))
    expect(tokens.size).toBe(1000)
  })
})
