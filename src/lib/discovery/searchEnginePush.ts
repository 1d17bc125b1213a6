import { translate, type Label } from '../i18n/translate'
import { ConfigurationError } from '../runtime/configurationError'
import { checkWebhookUrl } from '../webhooks/url'
import { SLOW_WEBHOOKS_QUEUE } from '../webhooks/delivery'
import type { WebhookMessage } from '../webhooks/events'
import { NEWS_WINDOW_HOURS } from './sitemaps'

/**
 * Telling search engines about a new article instead of waiting for their crawlers: Baidu's
 * 普通收录 push API (a POST of the URLs as text, one a line) and IndexNow (Bing, Yandex, Seznam…: a
 * POST of JSON naming a key the site serves at `/<key>.txt`, proving the site sent it).
 */
export const SEARCH_ENGINES = ['baidu', 'indexnow'] as const
export type SearchEngine = (typeof SEARCH_ENGINES)[number]

export const SEARCH_ENGINE_LABELS: Record<SearchEngine, Label> = {
  baidu: { zh: '百度普通收录', en: 'Baidu URL submission' },
  indexnow: { zh: 'IndexNow', en: 'IndexNow' },
}

/**
 * Pushes go out in the webhooks' slow lane, always: nobody waits for them (a crawler comes when it
 * comes), and a search engine that is slow or down must never hold up the front ends' webhooks.
 */
export const SEARCH_ENGINE_PUSH_QUEUE = SLOW_WEBHOOKS_QUEUE

export const DEFAULT_BAIDU_PUSH_ENDPOINT = 'http://data.zz.baidu.com/urls'
export const DEFAULT_INDEXNOW_ENDPOINT = 'https://api.indexnow.org/indexnow'

/** The engines a deployment pushes to: each on when its token or key is set. */
export type SearchEnginePushes = {
  baidu: { endpoint: string; token: string } | null
  indexnow: { endpoint: string; key: string } | null
}

/** IndexNow's own rule for a key: 8 to 128 letters, digits and hyphens. */
const INDEXNOW_KEY = /^[A-Za-z0-9-]{8,128}$/
/** A Baidu token goes in the query string: printable, no spaces. */
const BAIDU_TOKEN = /^[\x21-\x7e]{1,200}$/

/**
 * BAIDU_PUSH_TOKEN (and BAIDU_PUSH_ENDPOINT), INDEXNOW_KEY (and INDEXNOW_ENDPOINT). A malformed value
 * stops the start, saying which: a push that can never succeed would only fill the delivery log.
 */
export function searchEnginePushesFrom(env: Readonly<Record<string, string | undefined>>): SearchEnginePushes {
  const token = env.BAIDU_PUSH_TOKEN?.trim()
  const key = env.INDEXNOW_KEY?.trim()
  if (token && !BAIDU_TOKEN.test(token)) throw new ConfigurationError('BAIDU_PUSH_TOKEN will not do: set the token Baidu gives the site (printable characters, no spaces).')
  if (key && !INDEXNOW_KEY.test(key)) throw new ConfigurationError('INDEXNOW_KEY will not do: set 8 to 128 letters, digits and hyphens (IndexNow refuses any other key).')
  return {
    baidu: token ? { endpoint: endpointFrom(env, 'BAIDU_PUSH_ENDPOINT', DEFAULT_BAIDU_PUSH_ENDPOINT), token } : null,
    indexnow: key ? { endpoint: endpointFrom(env, 'INDEXNOW_ENDPOINT', DEFAULT_INDEXNOW_ENDPOINT), key } : null,
  }
}

function endpointFrom(env: Readonly<Record<string, string | undefined>>, name: string, fallback: string): string {
  const value = env[name]?.trim() || fallback
  const check = checkWebhookUrl(value)
  if (!check.ok) throw new ConfigurationError(`${name}=${value} will not do: ${translate(check.message, 'en')}.`)
  return value
}

export const enginesOn = (pushes: SearchEnginePushes): SearchEngine[] => SEARCH_ENGINES.filter((engine) => pushes[engine] !== null)

/**
 * The article a save makes public as news, by its slug: a first publication (or a republication)
 * whose publication time is within the news window. An archive imported article by article, or an
 * old story put back online, is left to the crawlers and the sitemaps: pushed, it would spend Baidu's
 * daily quota on pages that are not news.
 */
export function newsToPush(messages: readonly WebhookMessage[], publishedAt: string | null | undefined, now: Date): string | null {
  const published = messages.find((message) => message.event === 'article.published')
  const slug = published && 'slug' in published.data ? published.data.slug : null
  if (!slug) return null
  const at = publishedAt ? Date.parse(publishedAt) : now.getTime()
  return at >= now.getTime() - NEWS_WINDOW_HOURS * 3_600_000 ? slug : null
}

/** IndexNow's request body. */
export type IndexNowBody = { host: string; key: string; keyLocation: string; urlList: string[] }

/**
 * What one engine is sent about `urls` on the site at `siteUrl`, as the delivery log keeps it (a
 * JSON field): IndexNow's body itself, and for Baidu the list its text is made of.
 */
export function pushBody(engine: SearchEngine, pushes: SearchEnginePushes, urls: readonly string[], siteUrl: string): string[] | IndexNowBody {
  if (engine === 'baidu') return [...urls]
  const { key } = pushes.indexnow!
  return { host: new URL(siteUrl).host, key, keyLocation: `${siteUrl}/${key}.txt`, urlList: [...urls] }
}

/** The bytes sent for a logged body: Baidu takes the URLs as text, one a line. */
export const pushBodyText = (engine: SearchEngine, body: unknown): string => (engine === 'baidu' ? (body as string[]).join('\n') : JSON.stringify(body))

/**
 * Where a push goes and as what, null when the engine is no longer configured. Baidu's token is in
 * the query string: the URL the delivery log shows leaves it out, as it leaves out webhook secrets.
 * Baidu names an https site by its origin and an http one by its host.
 */
export function pushTarget(engine: SearchEngine, pushes: SearchEnginePushes, siteUrl: string): { url: string; loggedUrl: string; contentType: string } | null {
  if (engine === 'indexnow') {
    return pushes.indexnow && { url: pushes.indexnow.endpoint, loggedUrl: pushes.indexnow.endpoint, contentType: 'application/json; charset=utf-8' }
  }
  if (!pushes.baidu) return null
  const site = new URL(siteUrl)
  const url = new URL(pushes.baidu.endpoint)
  url.searchParams.set('site', site.protocol === 'https:' ? site.origin : site.host)
  const loggedUrl = url.toString()
  url.searchParams.set('token', pushes.baidu.token)
  return { url: url.toString(), loggedUrl, contentType: 'text/plain' }
}

/** Where payload.config.ts leaves the settings (`config.custom`), for the hook that queues pushes and the server. */
export const SEARCH_ENGINE_PUSHES = 'searchEnginePushes'

export const searchEnginePushesIn = (custom: Record<string, unknown> | undefined): SearchEnginePushes =>
  (custom?.[SEARCH_ENGINE_PUSHES] as SearchEnginePushes | undefined) ?? { baidu: null, indexnow: null }
