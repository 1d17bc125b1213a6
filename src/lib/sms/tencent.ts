import { createHash, createHmac } from 'node:crypto'

import { postToProvider, type ProviderSettings, type SmsSender, SmsNotSent } from './provider'

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')
const hmac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text, 'utf8').digest()

export type Tc3Request = { host: string; service: string; timestamp: number; payload: string; contentType: string }

/** Steps 1 and 2 of TC3-HMAC-SHA256: the canonical request (POST /, signing content-type and host) and the string to sign. */
export function tc3StringToSign(request: Tc3Request): { canonicalRequest: string; stringToSign: string; scope: string } {
  const canonicalRequest = ['POST', '/', '', `content-type:${request.contentType}\nhost:${request.host}\n`, 'content-type;host', sha256Hex(request.payload)].join('\n')
  const date = new Date(request.timestamp * 1000).toISOString().slice(0, 10)
  const scope = `${date}/${request.service}/tc3_request`
  return { canonicalRequest, scope, stringToSign: ['TC3-HMAC-SHA256', String(request.timestamp), scope, sha256Hex(canonicalRequest)].join('\n') }
}

/**
 * Tencent Cloud API 3.0's `Authorization` header: the signing key is HMAC-SHA256 chained over
 * `TC3<secret>`, the UTC date, the service and `tc3_request`; the signature is the string to sign's
 * HMAC under it, in hex.
 */
export function tc3Authorization(request: Tc3Request, secretId: string, secretKey: string): string {
  const { scope, stringToSign } = tc3StringToSign(request)
  const [date, service] = scope.split('/')
  const signingKey = hmac(hmac(hmac(`TC3${secretKey}`, date), service), 'tc3_request')
  const signature = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex')
  return `TC3-HMAC-SHA256 Credential=${secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`
}

const CONTENT_TYPE = 'application/json; charset=utf-8'

/** Tencent Cloud SMS (SendSms 2021-01-11) with a template whose one parameter is the code. */
export function tencentSms(settings: ProviderSettings & { sdkAppId: string }): SmsSender {
  const endpoint = settings.endpoint ?? 'https://sms.tencentcloudapi.com/'
  return {
    name: 'tencent',
    send: async (message) => {
      const payload = JSON.stringify({
        PhoneNumberSet: [message.to],
        SmsSdkAppId: settings.sdkAppId,
        SignName: settings.signName,
        TemplateId: settings.templateId,
        TemplateParamSet: [message.code],
      })
      const host = new URL(endpoint).host
      const timestamp = Math.floor(Date.now() / 1000)
      const authorization = tc3Authorization({ host, service: 'sms', timestamp, payload, contentType: CONTENT_TYPE }, settings.accessKeyId, settings.accessKeySecret)
      const answer = await postToProvider(endpoint, {
        method: 'POST',
        headers: {
          authorization,
          'content-type': CONTENT_TYPE,
          host,
          'x-tc-action': 'SendSms',
          'x-tc-version': '2021-01-11',
          'x-tc-timestamp': String(timestamp),
          'x-tc-region': settings.region ?? 'ap-guangzhou',
        },
        body: payload,
      })
      const response = (answer.body as { Response?: { Error?: { Code?: string }; SendStatusSet?: { Code?: string }[] } } | null)?.Response
      const status = response?.SendStatusSet?.[0]?.Code
      if (answer.status !== 200 || response?.Error || status !== 'Ok') {
        throw new SmsNotSent(`Tencent Cloud SMS refused the message: HTTP ${answer.status}, ${response?.Error?.Code ?? status ?? 'no answer'}`)
      }
    },
  }
}
