import { aliyunSms } from './aliyun'
import { fileSms } from './file'
import type { SmsSender } from './provider'
import { tencentSms } from './tencent'
import { ConfigurationError } from '../runtime/configurationError'

export { type SmsMessage, type SmsSender, SmsNotSent } from './provider'

/** SMS_PROVIDER as the sender reads it: empty (blank, or unset) means messages go to files. */
export const smsProviderFrom = (env: Record<string, string | undefined>): string => (env.SMS_PROVIDER ?? '').trim().toLowerCase()

const REQUIRED = ['SMS_ACCESS_KEY_ID', 'SMS_ACCESS_KEY_SECRET', 'SMS_SIGN_NAME', 'SMS_TEMPLATE_ID'] as const

/**
 * SMS_PROVIDER=aliyun|tencent with SMS_ACCESS_KEY_ID, SMS_ACCESS_KEY_SECRET, SMS_SIGN_NAME,
 * SMS_TEMPLATE_ID (Tencent also SMS_SDK_APP_ID; SMS_REGION and SMS_ENDPOINT optional); unset, one
 * JSON file per message in `smsDir`. A provider named without its settings stops the start.
 */
export function smsSenderFrom(env: Record<string, string | undefined>, smsDir: string): SmsSender {
  const provider = smsProviderFrom(env)
  if (!provider) return fileSms(smsDir)
  if (provider !== 'aliyun' && provider !== 'tencent') throw new ConfigurationError(`SMS_PROVIDER=${provider} will not do: set aliyun, tencent, or leave it unset to write messages to files.`)
  const missing = [...REQUIRED, ...(provider === 'tencent' ? ['SMS_SDK_APP_ID'] : [])].filter((name) => !env[name])
  if (missing.length > 0) throw new ConfigurationError(`SMS_PROVIDER=${provider} needs ${missing.join(', ')}.`)
  const settings = {
    accessKeyId: env.SMS_ACCESS_KEY_ID!,
    accessKeySecret: env.SMS_ACCESS_KEY_SECRET!,
    signName: env.SMS_SIGN_NAME!,
    templateId: env.SMS_TEMPLATE_ID!,
    endpoint: env.SMS_ENDPOINT || undefined,
    region: env.SMS_REGION || undefined,
  }
  return provider === 'aliyun' ? aliyunSms(settings) : tencentSms({ ...settings, sdkAppId: env.SMS_SDK_APP_ID! })
}
