import type { Language } from '../i18n/translate'
import { portalUrl } from '../portal/siteUrl'
import { escapeHtml, mailPage } from './mailPage'

/**
 * The two emails of an email change: the confirmation link to the new address, and a notice to the
 * old one (someone who took over a session cannot move the account away unseen). Both accounts'
 * links go to the portal's confirm page, which passes the token on to the collection's endpoint.
 */
/** The portal page's `account` parameter for a staff account (readers' links carry none). */
export const STAFF_ACCOUNT_PARAM = 'staff'

export function confirmationLink(token: string, staff: boolean): string {
  return `${portalUrl()}/confirm-email?token=${token}${staff ? `&account=${STAFF_ACCOUNT_PARAM}` : ''}`
}

export function emailChangeConfirmation(args: { token: string; staff: boolean; hoursValid: number; language: Language }) {
  const link = confirmationLink(args.token, args.staff)
  const anchor = `<a href="${link}">${link}</a>`
  return {
    subject: { zh: '请确认新邮箱', en: 'Confirm your new email address' }[args.language],
    html: mailPage(args.language, {
      zh: { title: '确认新邮箱', lines: [`请在 ${args.hoursValid} 小时内打开以下链接，确认以本邮箱作为账号邮箱：${anchor}`, '确认之前，原邮箱仍然有效。'] },
      en: {
        title: 'Confirm your new email address',
        lines: [`Open this link within ${args.hoursValid} hours to make this address your account's email: ${anchor}`, 'Until then the old address stays in use.'],
      },
    }[args.language]),
  }
}

export function emailChangeNotice(args: { newEmail: string; language: Language }) {
  const address = escapeHtml(args.newEmail)
  return {
    subject: { zh: '账号邮箱变更申请', en: 'Your account email is being changed' }[args.language],
    html: mailPage(args.language, {
      zh: {
        title: '账号邮箱变更申请',
        lines: [`有人申请把您账号的邮箱改为 ${address}。新邮箱确认后，本邮箱将不再用于登录。`, '如果不是您本人操作，请立即修改密码并联系我们。'],
      },
      en: {
        title: 'Your account email is being changed',
        lines: [`Someone asked to change your account's email to ${address}; once that address confirms, this one no longer signs in.`, 'If this was not you, change your password now and contact us.'],
      },
    }[args.language]),
  }
}
