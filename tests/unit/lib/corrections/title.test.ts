import { correctionRequestTitle, TITLE_QUOTE_LENGTH } from '../../../../src/lib/corrections'

const request = { id: 12, createdAt: '2026-12-07T02:00:00.000Z', errorType: 'fact', quote: '央行决定于12月5日下调金融机构存款准备金率' }

describe('correctionRequestTitle', () => {
  it('names the request by number, day, error type and passage', () => {
    expect(correctionRequestTitle(request)).toBe('#12 · 2026年12月7日 · 事实错误 · 「央行决定于12月5日下调金融机构存款准备金率」')
  })

  it('dates it in Beijing time, whatever the server runs in', () => {
    expect(correctionRequestTitle({ ...request, createdAt: '2026-12-06T16:30:00.000Z' })).toContain(' · 2026年12月7日 · ')
    expect(correctionRequestTitle({ ...request, createdAt: '2026-12-06T15:59:59.000Z' })).toContain(' · 2026年12月6日 · ')
  })

  it('quotes a long passage to its first characters, on one line, never cutting a character in half', () => {
    const long = `${'长'.repeat(TITLE_QUOTE_LENGTH - 1)}𠮷之后的文字`
    expect(correctionRequestTitle({ ...request, quote: long })).toMatch(new RegExp(`「${'长'.repeat(TITLE_QUOTE_LENGTH - 1)}𠮷…」$`))
    expect(correctionRequestTitle({ ...request, quote: '第一行\n\n  第二行 ' })).toMatch(/「第一行 第二行」$/)
    expect(correctionRequestTitle({ ...request, quote: '长'.repeat(TITLE_QUOTE_LENGTH) })).toMatch(/长」$/)
  })

  it('keeps an unknown error type as it is, and leaves out a date it cannot read', () => {
    expect(correctionRequestTitle({ ...request, errorType: 'opinion', createdAt: 'not a date' })).toBe('#12 · opinion · 「央行决定于12月5日下调金融机构存款准备金率」')
  })
})
