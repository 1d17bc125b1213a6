import { refusalText } from '../../lib/api/refusalText'

/**
 * The browser's writes go straight to the API on this origin, with the reader's login cookie
 * (`payload-token`): the portal's server never sees them.
 */
export type ApiAnswer<T = any> = {
  ok: boolean
  status: number
  data: T | null
  message: string
  /** The refusal's stable code, when the API gave one. */
  code: string | null
  /** How long the API asks the reader to wait before trying again (a 429's Retry-After). */
  retryAfterSeconds: number | null
}

/** What the API said, else a sentence for its status. */
function errorMessage(data: unknown, status: number): string {
  return refusalText(data) ?? (status === 429 ? '操作过于频繁，请稍后再试' : `请求失败（HTTP ${status}）`)
}

export async function callApi<T = any>(path: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', body?: unknown): Promise<ApiAnswer<T>> {
  try {
    // The portal is in Chinese: the API's refusals are asked for in Chinese too, whatever the browser prefers.
    const headers = { accept: 'application/json', 'accept-language': 'zh-CN', ...(body === undefined ? {} : { 'content-type': 'application/json' }) }
    const res = await fetch(path, {
      method,
      credentials: 'include',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const data = await res.json().catch(() => null)
    const code = data?.errors?.[0]?.data?.code
    const retryAfter = Number(res.headers.get('retry-after'))
    return {
      ok: res.ok,
      status: res.status,
      data,
      message: res.ok ? '' : errorMessage(data, res.status),
      code: typeof code === 'string' ? code : null,
      retryAfterSeconds: res.status === 429 && retryAfter > 0 ? retryAfter : null,
    }
  } catch {
    return { ok: false, status: 0, data: null, message: '网络错误，请稍后再试', code: null, retryAfterSeconds: null }
  }
}

/** A form's fields as an object; empty optional fields are left out. */
export function formFields(form: HTMLFormElement, names: string[]): Record<string, string> {
  const data = new FormData(form)
  return Object.fromEntries(names.map((name) => [name, String(data.get(name) ?? '').trim()]).filter(([, value]) => value !== ''))
}
