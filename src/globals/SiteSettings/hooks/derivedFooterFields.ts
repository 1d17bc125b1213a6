import type { FieldHook } from 'payload'

import type { SiteSetting } from '../../../payload-types'
import { copyrightEndYear, copyrightNotice } from '../../../lib/siteSettings/copyright'
import { ICP_LOOKUP_URL, publicSecurityLookupUrl } from '../../../lib/siteSettings/filingNumbers'

/** Read-only values computed on read, so a footer shows this year's copyright without anyone saving. */
type DerivedField = FieldHook<SiteSetting>

export const copyrightEndYearShown: DerivedField = ({ siblingData }) => copyrightEndYear(siblingData.copyrightEndYear)

export const copyrightNoticeShown: DerivedField = ({ siblingData }) =>
  copyrightNotice({
    holder: siblingData.copyrightHolder,
    startYear: siblingData.copyrightStartYear,
    endYear: copyrightEndYear(siblingData.copyrightEndYear),
  })

export const icpUrl: DerivedField = ({ siblingData }) => (siblingData.icpNumber ? ICP_LOOKUP_URL : null)

export const publicSecurityUrl: DerivedField = ({ siblingData }) =>
  siblingData.publicSecurityNumber ? publicSecurityLookupUrl(siblingData.publicSecurityNumber) : null
