import { portalUrl } from '../../lib/portal/siteUrl'

const page = (title: string, lines: string[]) =>
  `<!doctype html><html lang="zh-CN"><body><h1>${title}</h1>${lines.map((line) => `<p>${line}</p>`).join('')}</body></html>`

// Readers never see the admin panel, so their emails link to the portal (`portalUrl`), whose pages
// pass the token on to the API.
export const verificationEmail = {
  generateEmailSubject: () => '请验证您的邮箱 / Verify your email',
  generateEmailHTML: ({ token }: { token?: string }) => {
    const link = `${portalUrl()}/verify-email?token=${token}`
    return page('验证邮箱', [`请打开以下链接完成注册：<a href="${link}">${link}</a>`, 'Open the link above to finish signing up.'])
  },
}

export const passwordResetEmail = {
  generateEmailSubject: () => '重置密码 / Reset your password',
  generateEmailHTML: (args?: { token?: string }) => {
    const link = `${portalUrl()}/reset-password?token=${args?.token}`
    return page('重置密码', [
      `请在一小时内打开以下链接设置新密码：<a href="${link}">${link}</a>`,
      'If you did not ask for this, ignore this email: your password stays as it is.',
    ])
  },
}
