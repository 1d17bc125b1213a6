/** One text message: a verification code to a number in E.164. */
export type SmsMessage = { to: string; code: string; text: string }

/** Where messages go: a provider's HTTP API, or a folder of files. Rejects when the message was not accepted. */
export interface SmsSender {
  readonly name: string
  send(message: SmsMessage): Promise<void>
}

/** A provider's refusal or an unreachable provider: no code went out. */
export class SmsNotSent extends Error {}

export type ProviderSettings = {
  accessKeyId: string
  accessKeySecret: string
  signName: string
  templateId: string
  endpoint?: string
  region?: string
}

/** A provider's answer within 10 seconds, or no answer: the reader may ask for another code. */
export async function postToProvider(url: string, init: RequestInit): Promise<{ status: number; body: unknown }> {
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) })
    return { status: response.status, body: await response.json().catch(() => null) }
  } catch (error) {
    throw new SmsNotSent(`the SMS provider did not answer: ${(error as Error).message}`)
  }
}
