import fc from 'fast-check'

import { maskPhoneNumber, parsePhoneNumber } from '../../../../src/lib/phone/number'

describe('parsePhoneNumber', () => {
  it('reads a mainland number with or without +86, spaces and hyphens as E.164', () => {
    for (const input of ['13812345678', '+8613812345678', '+86 138 1234 5678', '138-1234-5678', ' 138 1234 5678 ', '+86 (138) 1234-5678']) {
      expect([input, parsePhoneNumber(input)]).toEqual([input, { e164: '+8613812345678', mainland: true }])
    }
  })

  it('takes every mainland prefix from 13 to 19, and none other', () => {
    for (const prefix of ['13', '14', '15', '16', '17', '18', '19']) expect(parsePhoneNumber(`${prefix}012345678`)?.mainland).toBe(true)
    for (const prefix of ['10', '11', '12', '20', '03']) {
      expect([prefix, parsePhoneNumber(`${prefix}012345678`)]).toEqual([prefix, null])
      expect([prefix, parsePhoneNumber(`+86${prefix}012345678`)]).toEqual([prefix, null])
    }
  })

  it('refuses a +86 number that is not 11 mainland digits, rather than reading it as E.164', () => {
    for (const input of ['+86138123456', '+861381234567890', '+861012345678', '+86 010 6512 3456']) expect([input, parsePhoneNumber(input)]).toEqual([input, null])
  })

  it('reads other numbers as E.164: +, a country code not starting with 0, 7 to 15 digits', () => {
    expect(parsePhoneNumber('+852 9123 4567')).toEqual({ e164: '+85291234567', mainland: false })
    expect(parsePhoneNumber('+14155552671')).toEqual({ e164: '+14155552671', mainland: false })
    for (const input of ['+0123456789', '+123456', '+1234567890123456', '85291234567', '4155552671', '+1 415 555 2671 ext 2', '+44.20.7946.0958', '１３８１２３４５６７８']) {
      expect([input, parsePhoneNumber(input)]).toEqual([input, null])
    }
  })

  it('refuses what is not text, and over-long text', () => {
    for (const input of [undefined, null, 13812345678, {}, [], '', '+', `${'1'.repeat(41)}`]) expect(parsePhoneNumber(input)).toBeNull()
  })

  it('gives the same E.164 for a number however it is spaced', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), fc.array(fc.constantFrom(' ', '-'), { maxLength: 3 }), (national, gaps) => {
        const spaced = gaps.reduce((text, gap, i) => `${text.slice(0, 3 + i * 4)}${gap}${text.slice(3 + i * 4)}`, national)
        expect(parsePhoneNumber(spaced)?.e164).toBe(`+86${national}`)
        expect(parsePhoneNumber(`+86${spaced}`)?.e164).toBe(`+86${national}`)
      }),
    )
  })
})

describe('maskPhoneNumber', () => {
  it('shows a mainland number as 138****5678', () => {
    expect(maskPhoneNumber(parsePhoneNumber('13812345678')!)).toBe('138****5678')
  })

  it('shows another number by its first three and last four digits', () => {
    expect(maskPhoneNumber(parsePhoneNumber('+85291234567')!)).toBe('+852****4567')
    expect(maskPhoneNumber(parsePhoneNumber('+14155552671')!)).toBe('+141****2671')
    expect(maskPhoneNumber(parsePhoneNumber('+4930123')!)).toBe('+493*0123')
  })

  it('never shows more than seven digits of any number', () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^1[3-9]\d{9}$/), fc.stringMatching(/^\+[1-9]\d{6,14}$/).filter((text) => !text.startsWith('+86'))), (input) => {
        const number = parsePhoneNumber(input)!
        const masked = maskPhoneNumber(number)
        expect(masked.replace(/\D/g, '').length).toBeLessThanOrEqual(7)
        expect(masked).toContain('*')
        expect(masked.endsWith(number.e164.slice(-4))).toBe(true)
      }),
    )
  })
})
