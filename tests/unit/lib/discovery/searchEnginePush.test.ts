import { ConfigurationError } from '../../../../src/lib/runtime/configurationError'
import {
  DEFAULT_BAIDU_PUSH_ENDPOINT,
  DEFAULT_INDEXNOW_ENDPOINT,
  enginesOn,
  newsToPush,
  pushBody,
  pushBodyText,
  pushTarget,
  searchEnginePushesFrom,
} from '../../../../src/lib/discovery/searchEnginePush'
import type { WebhookMessage } from '../../../../src/lib/webhooks/events'

const KEY = 'a1b2c3d4e5f6a7b8'

describe('the push settings', () => {
  it('are off without a token or key', () => {
    const pushes = searchEnginePushesFrom({})
    expect(pushes).toEqual({ baidu: null, indexnow: null })
    expect(enginesOn(pushes)).toEqual([])
  })

  it('take the default endpoints, or the ones given', () => {
    expect(searchEnginePushesFrom({ BAIDU_PUSH_TOKEN: 'tok3n', INDEXNOW_KEY: KEY })).toEqual({
      baidu: { endpoint: DEFAULT_BAIDU_PUSH_ENDPOINT, token: 'tok3n' },
      indexnow: { endpoint: DEFAULT_INDEXNOW_ENDPOINT, key: KEY },
    })
    const pushes = searchEnginePushesFrom({ BAIDU_PUSH_TOKEN: 'tok3n', BAIDU_PUSH_ENDPOINT: 'http://relay.internal/urls', INDEXNOW_KEY: KEY, INDEXNOW_ENDPOINT: 'https://www.bing.com/indexnow' })
    expect(pushes.baidu!.endpoint).toBe('http://relay.internal/urls')
    expect(pushes.indexnow!.endpoint).toBe('https://www.bing.com/indexnow')
    expect(enginesOn(pushes)).toEqual(['baidu', 'indexnow'])
  })

  it.each([
    [{ INDEXNOW_KEY: 'short' }, /INDEXNOW_KEY/],
    [{ INDEXNOW_KEY: 'has spaces in it' }, /INDEXNOW_KEY/],
    [{ INDEXNOW_KEY: 'x'.repeat(129) }, /INDEXNOW_KEY/],
    [{ BAIDU_PUSH_TOKEN: 'two words' }, /BAIDU_PUSH_TOKEN/],
    [{ BAIDU_PUSH_TOKEN: 'tok', BAIDU_PUSH_ENDPOINT: 'ftp://data.zz.baidu.com/urls' }, /BAIDU_PUSH_ENDPOINT=.*http/],
    [{ INDEXNOW_KEY: KEY, INDEXNOW_ENDPOINT: 'https://user:pass@api.indexnow.org/indexnow' }, /INDEXNOW_ENDPOINT=.*user name or password/],
    [{ INDEXNOW_KEY: KEY, INDEXNOW_ENDPOINT: 'api.indexnow.org' }, /INDEXNOW_ENDPOINT/],
  ])('refuse a malformed setting, naming it: %j', (env, message) => {
    expect(() => searchEnginePushesFrom(env)).toThrow(ConfigurationError)
    expect(() => searchEnginePushesFrom(env)).toThrow(message)
  })
})

describe('what is pushed', () => {
  const now = new Date('2026-11-18T10:00:00Z')
  const published: WebhookMessage = { event: 'article.published', data: { collection: 'articles', id: 5, slug: 'yang-hang-jiang-zhun' } }
  const updated: WebhookMessage = { event: 'article.updated', data: { collection: 'articles', id: 5, slug: 'yang-hang-jiang-zhun' } }

  it('is a newly published article whose publication time is within the news window', () => {
    expect(newsToPush([published], '2026-11-18T09:59:00Z', now)).toBe('yang-hang-jiang-zhun')
    expect(newsToPush([published], '2026-11-16T10:00:00Z', now)).toBe('yang-hang-jiang-zhun')
    expect(newsToPush([published], '2026-11-19T08:00:00Z', now)).toBe('yang-hang-jiang-zhun')
    expect(newsToPush([published], null, now)).toBe('yang-hang-jiang-zhun')
  })

  it('is not an archive article published again or imported, an edit, an unpublish, nor a draft (which fires nothing)', () => {
    expect(newsToPush([published], '2026-11-16T09:59:59Z', now)).toBeNull()
    expect(newsToPush([published], '2019-05-01T00:00:00Z', now)).toBeNull()
    expect(newsToPush([updated], '2026-11-18T09:59:00Z', now)).toBeNull()
    expect(newsToPush([{ event: 'article.unpublished', data: published.data }], '2026-11-18T09:59:00Z', now)).toBeNull()
    expect(newsToPush([], '2026-11-18T09:59:00Z', now)).toBeNull()
  })
})

describe('a push', () => {
  const pushes = searchEnginePushesFrom({ BAIDU_PUSH_TOKEN: 'tok3n', INDEXNOW_KEY: KEY })
  const urls = ['https://www.example.com/articles/a', 'https://www.example.com/articles/b']

  it('to Baidu is the URLs as text, one a line, to the endpoint with the site and the token', () => {
    const body = pushBody('baidu', pushes, urls, 'https://www.example.com')
    expect(body).toEqual(urls)
    expect(pushBodyText('baidu', body)).toBe('https://www.example.com/articles/a\nhttps://www.example.com/articles/b')
    const target = pushTarget('baidu', pushes, 'https://www.example.com')!
    expect(target.contentType).toBe('text/plain')
    const url = new URL(target.url)
    expect(`${url.origin}${url.pathname}`).toBe(DEFAULT_BAIDU_PUSH_ENDPOINT)
    expect(Object.fromEntries(url.searchParams)).toEqual({ site: 'https://www.example.com', token: 'tok3n' })
  })

  it('to Baidu names an http site by its host, as Baidu registers it', () => {
    expect(new URL(pushTarget('baidu', pushes, 'http://news.example.com:8080')!.url).searchParams.get('site')).toBe('news.example.com:8080')
  })

  it('leaves the Baidu token out of the URL the delivery log shows', () => {
    const target = pushTarget('baidu', pushes, 'https://www.example.com')!
    expect(target.loggedUrl).not.toContain('tok3n')
    expect(new URL(target.loggedUrl).searchParams.get('site')).toBe('https://www.example.com')
  })

  it('to IndexNow is JSON naming the host, the key and where the key file is', () => {
    const body = pushBody('indexnow', pushes, urls, 'https://www.example.com')
    expect(body).toEqual({ host: 'www.example.com', key: KEY, keyLocation: `https://www.example.com/${KEY}.txt`, urlList: urls })
    expect(JSON.parse(pushBodyText('indexnow', body))).toEqual(body)
    expect(pushTarget('indexnow', pushes, 'https://www.example.com')).toEqual({
      url: DEFAULT_INDEXNOW_ENDPOINT,
      loggedUrl: DEFAULT_INDEXNOW_ENDPOINT,
      contentType: 'application/json; charset=utf-8',
    })
  })

  it('has nowhere to go once its engine is switched off', () => {
    const none = searchEnginePushesFrom({})
    expect(pushTarget('baidu', none, 'https://www.example.com')).toBeNull()
    expect(pushTarget('indexnow', none, 'https://www.example.com')).toBeNull()
  })
})
