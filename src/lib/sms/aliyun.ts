import { createHmac, randomUUID } from 'node:crypto'

import { postToProvider, type ProviderSettings, type SmsSender, SmsNotSent } from './provider'

/**
 * Aliyun's RPC percent-encoding: RFC 3986 unreserved characters (A–Z a–z 0–9 - _ . ~) stay, every
 * other byte of the UTF-8 is %XX in upper case (a space is %20, never +; * is %2A).
 */
export const aliyunPercentEncode = (value: string): string =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/**
 * The RPC signature (SignatureMethod HMAC-SHA1, SignatureVersion 1.0): the parameters sorted by
 * name, encoded and joined into the canonical query, which is encoded again into
 * `METHOD&%2F&<query>`, signed with HMAC-SHA1 under `<secret>&` and written in base64.
 */
export function aliyunSignature(method: 'GET' | 'POST', params: Record<string, string>, secret: string): string {
  const canonical = Object.keys(params)
    .filter((name) => name !== 'Signature')
    .sort()
    .map((name) => `${aliyunPercentEncode(name)}=${aliyunPercentEncode(params[name])}`)
    .join('&')
  const stringToSign = `${method}&${aliyunPercentEncode('/')}&${aliyunPercentEncode(canonical)}`
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64')
}

/** Mainland numbers without +86, others with their country code and no +, as SendSms takes them. */
const aliyunNumber = (e164: string) => (e164.startsWith('+86') ? e164.slice(3) : e164.slice(1))

/** Aliyun SMS (dysmsapi, SendSms 2017-05-25) with a template taking `${code}`. */
export function aliyunSms(settings: ProviderSettings): SmsSender {
  const endpoint = settings.endpoint ?? 'https://dysmsapi.aliyuncs.com/'
  return {
    name: 'aliyun',
    send: async (message) => {
      const params: Record<string, string> = {
        AccessKeyId: settings.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        PhoneNumbers: aliyunNumber(message.to),
        RegionId: settings.region ?? 'cn-hangzhou',
        SignName: settings.signName,
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: randomUUID(),
        SignatureVersion: '1.0',
        TemplateCode: settings.templateId,
        TemplateParam: JSON.stringify({ code: message.code }),
        Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
        Version: '2017-05-25',
      }
      params.Signature = aliyunSignature('POST', params, settings.accessKeySecret)
      const body = Object.entries(params).map(([name, value]) => `${aliyunPercentEncode(name)}=${aliyunPercentEncode(value)}`).join('&')
      const answer = await postToProvider(endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })
      const code = (answer.body as { Code?: unknown } | null)?.Code
      if (answer.status !== 200 || code !== 'OK') throw new SmsNotSent(`Aliyun SMS refused the message: HTTP ${answer.status}, ${String(code)}`)
    },
  }
}
