import { phoneSettingsFrom } from '../phone/verification'
import { smsProviderFrom } from '../sms'

/**
 * Where a production server falls back to files without saying so: emails (without SMTP_URL) and
 * phone codes (without SMS_PROVIDER) are written to MAIL_DIR and SMS_DIR, which is what a demo and
 * the tests want and what a real deployment never does: its readers would wait for a verification
 * email or a code that never comes. The server says so once as it starts, before a reader finds out.
 */
export function messagesKeptInFiles(env: Record<string, string | undefined>): string[] {
  const warnings: string[] = []
  if (!env.SMTP_URL) {
    warnings.push('SMTP_URL is not set: emails (reader verification, password resets, notifications) are written to files in MAIL_DIR, not sent')
  }
  if (smsProviderFrom(env) === '' && phoneSettingsFrom(env).required) {
    warnings.push('SMS_PROVIDER is not set while comments need a bound phone (COMMENT_REQUIRE_PHONE): codes are written to files in SMS_DIR, not sent, so no reader can bind a number and comment')
  }
  return warnings
}
