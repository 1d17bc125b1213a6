import type { GlobalConfig, PayloadRequest, TextFieldSingleValidation } from 'payload'

import { anyone } from '../../access/anyone'
import { isStaffField } from '../../access/isStaff'
import { nobody } from '../../access/nobody'
import { isPublisher } from '../../access/isPublisher'
import { say } from '../../i18n/requestMessages'
import { currentYearIn, PORTAL_TIME_ZONE } from '../../lib/siteSettings/copyright'
import { checkIcpNumber, checkNewsLicenceNumber, checkPublicSecurityNumber, type FilingCheck } from '../../lib/siteSettings/filingNumbers'
import { emitSiteSettingsWebhooks } from './hooks/emitSiteSettingsWebhooks'
import { normaliseFilingNumbers } from './hooks/normaliseFilingNumbers'
import { ipRegionDatabaseShown } from './hooks/ipRegionDatabase'
import { copyrightEndYearShown, copyrightNoticeShown, icpUrl, publicSecurityUrl } from './hooks/derivedFooterFields'
import { SITE_SETTINGS_SLUG } from '../../slugs'

const filingValidator =
  (check: (value: string) => FilingCheck): TextFieldSingleValidation =>
  (value, { req }) => {
    if (value === null || value === undefined || value === '') return true
    const result = check(value)
    return result.ok || say(req, result.message)
  }

/** A plausible copyright year: checked when saved, so the upper bound moves with the calendar. */
const plausibleYear = (value: null | number | undefined, { req }: { req: PayloadRequest }): string | true => {
  if (value === null || value === undefined) return true
  const latest = currentYearIn(PORTAL_TIME_ZONE) + 1
  return (Number.isInteger(value) && value >= 1990 && value <= latest) || say(req, { code: 'YEAR_OUT_OF_RANGE', values: { latest } })
}

/** The portal footer: copyright line and the filing numbers Chinese regulators require on every page. */
export const SiteSettings: GlobalConfig<typeof SITE_SETTINGS_SLUG> = {
  slug: SITE_SETTINGS_SLUG,
  label: { en: 'Site settings', zh: '站点设置' },
  admin: { group: { en: 'Administration', zh: '系统管理' } },
  access: { read: anyone, update: isPublisher },
  hooks: { beforeChange: [normaliseFilingNumbers], afterChange: [emitSiteSettingsWebhooks] },
  fields: [
    { name: 'siteName', type: 'text', label: { en: 'Site name', zh: '网站名称' }, required: true, maxLength: 60 },
    { name: 'copyrightHolder', type: 'text', label: { en: 'Copyright holder', zh: '版权所有者' }, maxLength: 100 },
    {
      type: 'row',
      fields: [
        {
          name: 'copyrightStartYear',
          type: 'number',
          label: { en: 'Copyright from', zh: '版权起始年份' },
          validate: plausibleYear,
        },
        {
          name: 'copyrightEndYear',
          type: 'number',
          label: { en: 'Copyright to', zh: '版权截止年份' },
          admin: { description: { en: 'Empty: always the current year.', zh: '留空则始终显示当年。' } },
          validate: (value: null | number | undefined, options: { req: PayloadRequest; siblingData: { copyrightStartYear?: null | number } }) => {
            const plausible = plausibleYear(value, options)
            const start = options.siblingData.copyrightStartYear
            if (plausible !== true || value === null || value === undefined || !start) return plausible
            return value >= start || say(options.req, { code: 'COPYRIGHT_END_BEFORE_START' })
          },
        },
      ],
    },
    {
      name: 'copyrightEndYearShown',
      type: 'number',
      label: { en: 'Copyright year shown', zh: '当前显示的截止年份' },
      virtual: true,
      admin: { readOnly: true },
      hooks: { afterRead: [copyrightEndYearShown] },
    },
    {
      name: 'copyrightNotice',
      type: 'text',
      label: { en: 'Copyright line shown', zh: '版权声明（显示）' },
      virtual: true,
      admin: { readOnly: true },
      hooks: { afterRead: [copyrightNoticeShown] },
    },
    {
      name: 'icpNumber',
      type: 'text',
      label: { en: 'ICP filing number', zh: 'ICP备案号' },
      admin: { description: { en: 'e.g. 鄂ICP备14010628号-2', zh: '例如：鄂ICP备14010628号-2' } },
      validate: filingValidator(checkIcpNumber),
    },
    {
      name: 'icpUrl',
      type: 'text',
      label: { en: 'ICP filing link', zh: 'ICP备案链接' },
      virtual: true,
      admin: { readOnly: true },
      hooks: { afterRead: [icpUrl] },
    },
    {
      name: 'publicSecurityNumber',
      type: 'text',
      label: { en: 'Public security filing number', zh: '公安备案号' },
      admin: { description: { en: 'e.g. 京公网安备 11010202008182号', zh: '例如：京公网安备 11010202008182号' } },
      validate: filingValidator(checkPublicSecurityNumber),
    },
    {
      name: 'publicSecurityUrl',
      type: 'text',
      label: { en: 'Public security filing link', zh: '公安备案链接' },
      virtual: true,
      admin: { readOnly: true },
      hooks: { afterRead: [publicSecurityUrl] },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'newsLicenceNumber',
          type: 'text',
          label: { en: 'News licence number', zh: '互联网新闻信息服务许可证' },
          validate: filingValidator(checkNewsLicenceNumber),
        },
        { name: 'newsLicenceHolder', type: 'text', label: { en: 'Licence holder', zh: '持证单位' }, maxLength: 100 },
        { name: 'newsLicenceCategory', type: 'text', label: { en: 'Service category', zh: '服务类别' }, maxLength: 100 },
      ],
    },
    { name: 'contactEmail', type: 'email', label: { en: 'Contact email', zh: '联系邮箱' } },
    {
      name: 'ipRegionDatabase',
      type: 'text',
      label: { en: 'IP region database', zh: 'IP属地数据库' },
      virtual: true,
      access: { read: isStaffField, create: nobody, update: nobody },
      admin: {
        readOnly: true,
        description: {
          en: 'Where comments\' IP region (IP属地) comes from, offline; refreshed by updating this npm package.',
          zh: '评论 IP属地 的离线数据来源；升级该 npm 包即更新数据。',
        },
      },
      hooks: { afterRead: [ipRegionDatabaseShown] },
    },
  ],
}
