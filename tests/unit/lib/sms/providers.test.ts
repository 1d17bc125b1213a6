import { createHash, createHmac } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { aliyunPercentEncode, aliyunSignature } from '../../../../src/lib/sms/aliyun'
import { SmsNotSent, smsSenderFrom } from '../../../../src/lib/sms'
import { tc3StringToSign } from '../../../../src/lib/sms/tencent'
import { ConfigurationError } from '../../../../src/lib/runtime/configurationError'

const SECRET = 'test-secret-0123456789'
const MESSAGE = { to: '+8613812345678', code: '012345', text: '您的验证码为 012345' }

describe('Aliyun RPC signature', () => {
  // Aliyun's worked example ("RPC 签名机制"): DescribeRegions with AccessKeySecret testsecret.
  const documented = {
    Timestamp: '2016-02-23T12:46:24Z',
    Format: 'XML',
    AccessKeyId: 'testid',
    Action: 'DescribeRegions',
    SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
    Version: '2014-05-26',
    SignatureVersion: '1.0',
  }

  it('gives the signature Aliyun publishes for its example', () => {
    expect(aliyunSignature('GET', documented, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=')
  })

  it('percent-encodes as Aliyun does: %20 for a space, %2A for *, ~ as it is, UTF-8 bytes', () => {
    expect(aliyunPercentEncode("a b*c~d!'()+/:")).toBe('a%20b%2Ac~d%21%27%28%29%2B%2F%3A')
    expect(aliyunPercentEncode('新闻')).toBe('%E6%96%B0%E9%97%BB')
  })
})

describe('Tencent Cloud TC3-HMAC-SHA256', () => {
  // Tencent Cloud's worked example ("签名方法 v3"): CVM DescribeInstances at 1551113065.
  it('builds the canonical request and string to sign Tencent publishes for its example', () => {
    const { canonicalRequest, stringToSign } = tc3StringToSign({
      host: 'cvm.tencentcloudapi.com',
      service: 'cvm',
      timestamp: 1551113065,
      contentType: 'application/json; charset=utf-8',
      payload: '{"Limit": 1, "Filters": [{"Values": ["unnamed"], "Name": "instance-name"}]}',
    })
    expect(canonicalRequest).toBe(
      'POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n99d58dfbc6745f6747f36bfca17dee5e6881dc0428a0a36f96199342bc5b4907',
    )
    expect(stringToSign).toBe('TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n2815843035062fffda5fd6f2a44ea8a34818b0dc46f024b8b3786976a3adda7a')
  })
})

/** A local stand-in for a provider's API: it checks each request's signature by its own reading of the documented algorithm. */
type Received = { method: string; headers: IncomingMessage['headers']; body: string; signatureValid: boolean }

let receiver: Server
let endpoint: string
const received: Received[] = []
let answer: { status: number; body: unknown } | null = null

// Recomputed here, not with the code under test: sort, encode (RFC 3986, %20), `POST&%2F&…`, HMAC-SHA1 under `secret&`.
function aliyunValid(body: string): boolean {
  const params = new URLSearchParams(body)
  const given = params.get('Signature')
  const encode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
  const canonical = [...params.entries()].filter(([name]) => name !== 'Signature').sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')
  const expected = createHmac('sha1', `${SECRET}&`).update(`POST&%2F&${encode(canonical)}`).digest('base64')
  return given === expected
}

// Recomputed here: canonical request over content-type and host, then the chained HMAC-SHA256 key.
function tencentValid(headers: IncomingMessage['headers'], body: string): boolean {
  const authorization = String(headers.authorization)
  const match = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/sms\/tc3_request, SignedHeaders=content-type;host, Signature=([0-9a-f]{64})$/.exec(authorization)
  if (!match) return false
  const [, , date, signature] = match
  const timestamp = String(headers['x-tc-timestamp'])
  if (new Date(Number(timestamp) * 1000).toISOString().slice(0, 10) !== date) return false
  const sha = (text: string) => createHash('sha256').update(text).digest('hex')
  const canonical = `POST\n/\n\ncontent-type:${headers['content-type']}\nhost:${headers.host}\n\ncontent-type;host\n${sha(body)}`
  const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/sms/tc3_request\n${sha(canonical)}`
  const mac = (key: string | Buffer, text: string) => createHmac('sha256', key).update(text).digest()
  const key = mac(mac(mac(`TC3${SECRET}`, date), 'sms'), 'tc3_request')
  return createHmac('sha256', key).update(toSign).digest('hex') === signature
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      const tencent = Boolean(req.headers['x-tc-action'])
      const signatureValid = tencent ? tencentValid(req.headers, body) : aliyunValid(body)
      received.push({ method: req.method!, headers: req.headers, body, signatureValid })
      const reply = answer ?? (tencent
        ? { status: 200, body: { Response: signatureValid ? { SendStatusSet: [{ Code: 'Ok' }], RequestId: 'r' } : { Error: { Code: 'AuthFailure.SignatureFailure' }, RequestId: 'r' } } }
        : { status: signatureValid ? 200 : 400, body: { Code: signatureValid ? 'OK' : 'SignatureDoesNotMatch', RequestId: 'r' } })
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body))
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`
})
afterAll(() => new Promise((resolve) => receiver.close(resolve)))
beforeEach(() => {
  received.length = 0
  answer = null
})

const settings = { SMS_ACCESS_KEY_ID: 'LTAI-test', SMS_ACCESS_KEY_SECRET: SECRET, SMS_SIGN_NAME: '新闻网', SMS_TEMPLATE_ID: 'SMS_123456' }

describe('the Aliyun provider', () => {
  it('sends SendSms with a signature the receiver verifies, the number without +86', async () => {
    const sender = smsSenderFrom({ ...settings, SMS_PROVIDER: 'aliyun', SMS_ENDPOINT: endpoint }, '/nonexistent')
    await sender.send(MESSAGE)
    expect(received).toHaveLength(1)
    const params = new URLSearchParams(received[0].body)
    expect(received[0].signatureValid).toBe(true)
    expect(Object.fromEntries(params)).toMatchObject({
      Action: 'SendSms',
      Version: '2017-05-25',
      PhoneNumbers: '13812345678',
      SignName: '新闻网',
      TemplateCode: 'SMS_123456',
      TemplateParam: '{"code":"012345"}',
      SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0',
      AccessKeyId: 'LTAI-test',
    })
    expect(params.get('Timestamp')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    expect(params.get('SignatureNonce')).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('fails when the signature is wrong or the provider refuses', async () => {
    const wrong = smsSenderFrom({ ...settings, SMS_ACCESS_KEY_SECRET: 'not-the-secret', SMS_PROVIDER: 'aliyun', SMS_ENDPOINT: endpoint }, '/nonexistent')
    await expect(wrong.send(MESSAGE)).rejects.toThrow(SmsNotSent)
    expect(received[0].signatureValid).toBe(false)
    answer = { status: 200, body: { Code: 'isv.BUSINESS_LIMIT_CONTROL' } }
    await expect(smsSenderFrom({ ...settings, SMS_PROVIDER: 'aliyun', SMS_ENDPOINT: endpoint }, '/x').send(MESSAGE)).rejects.toThrow(/BUSINESS_LIMIT_CONTROL/)
  })
})

describe('the Tencent Cloud provider', () => {
  it('sends SendSms with a TC3 signature the receiver verifies, the number in E.164', async () => {
    const sender = smsSenderFrom({ ...settings, SMS_PROVIDER: 'tencent', SMS_SDK_APP_ID: '1400000000', SMS_ENDPOINT: endpoint }, '/nonexistent')
    await sender.send(MESSAGE)
    expect(received).toHaveLength(1)
    expect(received[0].signatureValid).toBe(true)
    expect(received[0].headers).toMatchObject({ 'x-tc-action': 'SendSms', 'x-tc-version': '2021-01-11', 'x-tc-region': 'ap-guangzhou' })
    expect(JSON.parse(received[0].body)).toEqual({
      PhoneNumberSet: ['+8613812345678'],
      SmsSdkAppId: '1400000000',
      SignName: '新闻网',
      TemplateId: 'SMS_123456',
      TemplateParamSet: ['012345'],
    })
  })

  it('fails when the signature is wrong or a number is refused', async () => {
    const wrong = smsSenderFrom({ ...settings, SMS_ACCESS_KEY_SECRET: 'nope', SMS_PROVIDER: 'tencent', SMS_SDK_APP_ID: '1400000000', SMS_ENDPOINT: endpoint }, '/x')
    await expect(wrong.send(MESSAGE)).rejects.toThrow(/SignatureFailure/)
    answer = { status: 200, body: { Response: { SendStatusSet: [{ Code: 'LimitExceeded.PhoneNumberDailyLimit' }] } } }
    const right = smsSenderFrom({ ...settings, SMS_PROVIDER: 'tencent', SMS_SDK_APP_ID: '1400000000', SMS_ENDPOINT: endpoint }, '/x')
    await expect(right.send(MESSAGE)).rejects.toThrow(/PhoneNumberDailyLimit/)
  })

  it('fails, rather than hangs, when nothing answers', async () => {
    const sender = smsSenderFrom({ ...settings, SMS_PROVIDER: 'tencent', SMS_SDK_APP_ID: '1', SMS_ENDPOINT: 'http://127.0.0.1:1/' }, '/x')
    await expect(sender.send(MESSAGE)).rejects.toThrow(SmsNotSent)
  })
})

describe('smsSenderFrom', () => {
  it('writes each message to a file when no provider is set', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'newsroom-sms-'))
    try {
      const sender = smsSenderFrom({}, dir)
      expect(sender.name).toBe('file')
      await sender.send(MESSAGE)
      const files = await readdir(dir)
      expect(files).toHaveLength(1)
      expect(JSON.parse(await readFile(path.join(dir, files[0]), 'utf8'))).toEqual(MESSAGE)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('stops the start for an unknown provider or one without its settings', () => {
    expect(() => smsSenderFrom({ SMS_PROVIDER: 'twilio' }, '/x')).toThrow(ConfigurationError)
    expect(() => smsSenderFrom({ SMS_PROVIDER: 'aliyun', SMS_ACCESS_KEY_ID: 'a' }, '/x')).toThrow(/SMS_ACCESS_KEY_SECRET, SMS_SIGN_NAME, SMS_TEMPLATE_ID/)
    expect(() => smsSenderFrom({ ...settings, SMS_PROVIDER: 'tencent' }, '/x')).toThrow(/SMS_SDK_APP_ID/)
  })
})
