/**
 * Mobile numbers as readers type them: a mainland number with or without +86 (11 digits, 13x–19x),
 * or any other in E.164 (+, country code, at most 15 digits). Spaces, hyphens and brackets between
 * digits are allowed; anything else is not a number.
 */
export type PhoneNumber = {
  /** +8613812345678, +85291234567 */
  e164: string
  /** Mainland numbers are checked digit by digit; others only as E.164. */
  mainland: boolean
}

const MAINLAND = /^1[3-9]\d{9}$/
const E164 = /^\+[1-9]\d{6,14}$/

export function parsePhoneNumber(input: unknown): PhoneNumber | null {
  if (typeof input !== 'string' || input.length > 40) return null
  const compact = input.trim().replace(/[\s\-()]/g, '')
  if (MAINLAND.test(compact)) return { e164: `+86${compact}`, mainland: true }
  if (compact.startsWith('+86')) return MAINLAND.test(compact.slice(3)) ? { e164: compact, mainland: true } : null
  return E164.test(compact) ? { e164: compact, mainland: false } : null
}

/**
 * What staff and the reader are shown: 138****5678 for a mainland number, the country code's first
 * digits and the last four for others (+4477****0123). Never more than seven digits of a number.
 */
export function maskPhoneNumber(number: PhoneNumber): string {
  if (number.mainland) {
    const national = number.e164.slice(3)
    return `${national.slice(0, 3)}****${national.slice(-4)}`
  }
  const digits = number.e164.slice(1)
  return `+${digits.slice(0, 3)}${'*'.repeat(Math.max(digits.length - 7, 1))}${digits.slice(-4)}`
}
