import type { GlobalBeforeChangeHook } from 'payload'

import { checkIcpNumber, checkNewsLicenceNumber, checkPublicSecurityNumber } from '../../../lib/siteSettings/filingNumbers'

/** Stores numbers in their canonical form (ASCII digits, one space in 公安备案 numbers). */
export const normaliseFilingNumbers: GlobalBeforeChangeHook = ({ data }) => {
  for (const [field, check] of [
    ['icpNumber', checkIcpNumber],
    ['publicSecurityNumber', checkPublicSecurityNumber],
    ['newsLicenceNumber', checkNewsLicenceNumber],
  ] as const) {
    const value = data[field]
    if (typeof value === 'string') {
      const result = check(value)
      data[field] = value.trim() === '' ? null : result.ok ? result.value : value
    }
  }
  return data
}
