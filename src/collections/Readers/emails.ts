import type { PayloadRequest } from 'payload'

import { languageOf } from '../../i18n/requestMessages'
import { mailPage } from '../../lib/accounts/mailPage'
import { portalUrl } from '../../lib/portal/siteUrl'

type MailArgs = { req?: PayloadRequest; token?: string }

/** In the language the reader asked in (their sign-up or forgot-password request). */
const languageOfMail = (args?: MailArgs) => (args?.req ? languageOf(args.req) : 'zh')

// Readers never see the admin panel, so their emails link to the portal (`portalUrl`), whose pages
// pass the token on to the API.
export const verificationEmail = {
  generateEmailSubject: (args?: MailArgs) => ({ zh: '请验证您的邮箱', en: 'Verify your email' })[languageOfMail(args)],
  generateEmailHTML: (args?: MailArgs) => {
    const link = `${portalUrl()}/verify-email?token=${args?.token}`
    const anchor = `<a href="${link}">${link}</a>`
    const language = languageOfMail(args)
    return mailPage(language, {
      zh: { title: '验证邮箱', lines: [`请打开以下链接完成注册：${anchor}`] },
      en: { title: 'Verify your email', lines: [`Open this link to finish signing up: ${anchor}`] },
    }[language])
  },
}

export const passwordResetEmail = {
  generateEmailSubject: (args?: MailArgs) => ({ zh: '重置密码', en: 'Reset your password' })[languageOfMail(args)],
  generateEmailHTML: (args?: MailArgs) => {
    const link = `${portalUrl()}/reset-password?token=${args?.token}`
    const anchor = `<a href="${link}">${link}</a>`
    const language = languageOfMail(args)
    return mailPage(language, {
      zh: { title: '重置密码', lines: [`请在一小时内打开以下链接设置新密码：${anchor}`, '如果您没有申请重置密码，请忽略本邮件，您的密码不会改变。'] },
      en: { title: 'Reset your password', lines: [`Open this link within an hour to set a new password: ${anchor}`, 'If you did not ask for this, ignore this email: your password stays as it is.'] },
    }[language])
  },
}
