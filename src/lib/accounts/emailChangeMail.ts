import { portalUrl } from '../portal/siteUrl'

/**
 * The two emails of an email change: the confirmation link to the new address, and a notice to the
 * old one (someone who took over a session cannot move the account away unseen). Both accounts'
 * links go to the portal's confirm page, which passes the token on to the collection's endpoint.
 */
const page = (title: string, lines: string[]) =>
  `<!doctype html><html lang="zh-CN"><body><h1>${title}</h1>${lines.map((line) => `<p>${line}</p>`).join('')}</body></html>`

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The portal page's `account` parameter for a staff account (readers' links carry none). */
export const STAFF_ACCOUNT_PARAM = 'staff'

export function confirmationLink(token: string, staff: boolean): string {
  return `${portalUrl()}/confirm-email?token=${token}${staff ? `&account=${STAFF_ACCOUNT_PARAM}` : ''}`
}

export function emailChangeConfirmation(args: { token: string; staff: boolean; hoursValid: number }) {
  const link = confirmationLink(args.token, args.staff)
  return {
    subject: '请确认新邮箱 / Confirm your new email address',
    html: page('确认新邮箱', [
      `请在 ${args.hoursValid} 小时内打开以下链接，确认以本邮箱作为账号邮箱：<a href="${link}">${link}</a>`,
      `Open the link within ${args.hoursValid} hours to make this address your account's email. Until then the old address stays in use.`,
    ]),
  }
}

export function emailChangeNotice(args: { newEmail: string }) {
  const address = escapeHtml(args.newEmail)
  return {
    subject: '账号邮箱变更申请 / Your account email is being changed',
    html: page('账号邮箱变更申请', [
      `有人申请把您账号的邮箱改为 ${address}。新邮箱确认后，本邮箱将不再用于登录。`,
      `Someone asked to change your account's email to ${address}; once that address confirms, this one no longer signs in.`,
      '如果不是您本人操作，请立即修改密码并联系我们。 / If this was not you, change your password now and contact us.',
    ]),
  }
}
