/** Failed logins before an account locks, and for how long: the same rule for staff and readers. */
export const LOGIN_LOCKOUT = { maxLoginAttempts: 5, lockTime: 10 * 60 * 1000 } as const

/** Login cookies: sent on same-site navigations only, and only over HTTPS once the site is served so. */
export function loginCookies(publicUrl: string | undefined) {
  return { sameSite: 'Lax' as const, secure: (publicUrl ?? '').startsWith('https://') }
}
