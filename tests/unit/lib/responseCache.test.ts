import { checkRateLimit, MemoryRateLimitStore } from '../../../src/lib/http/rateLimit'
import { MemoryVersionStore, ResponseCache, type VersionStore } from '../../../src/lib/responseCache/cache'
import { changeMayShow } from '../../../src/lib/responseCache/changes'
import { allTags, closeOver, tagsForPath } from '../../../src/lib/responseCache/dependencies'
import { type CachedResponse, decodeEntry, encodeEntry, LruEntries } from '../../../src/lib/responseCache/entries'

const body = (text: string) => new Uint8Array(Buffer.from(text))
const response = (text: string) => ({ status: 200, contentType: 'application/json', etag: `"${text}"`, body: body(text) })

describe('dependencies', () => {
  const closure = closeOver({ articles: ['authors', 'comments'], authors: ['media'], comments: ['readers'], readers: ['avatars'], media: [], avatars: [], 'global:site-settings': [] })

  it('follows relationships to any depth, and through cycles', () => {
    expect(closure.articles).toEqual(['articles', 'authors', 'avatars', 'comments', 'media', 'readers'])
    expect(closeOver({ a: ['b'], b: ['a'] })).toEqual({ a: ['a', 'b'], b: ['a', 'b'] })
  })

  it('maps an API path to what its responses show, and anything unknown to everything', () => {
    expect(tagsForPath('/articles', closure)).toEqual(closure.articles)
    expect(tagsForPath('/authors/3', closure)).toEqual(['authors', 'media'])
    expect(tagsForPath('/globals/site-settings', closure)).toEqual(['global:site-settings'])
    expect(tagsForPath('/search', closure)).toEqual(allTags(closure))
  })
})

describe('LruEntries', () => {
  const entry = (text: string): CachedResponse => ({ ...response(text), tags: ['a'], epoch: 'e', versions: [0], storedAt: 0 })

  it('evicts the least recently used entries beyond its byte budget', () => {
    const lru = new LruEntries(10)
    lru.set('one', entry('1111'))
    lru.set('two', entry('2222'))
    lru.get('one')
    lru.set('three', entry('3333'))
    expect(lru.get('two')).toBeUndefined()
    expect(lru.get('one')).toBeDefined()
    expect(lru.byteSize).toBe(8)
    lru.set('huge', entry('x'.repeat(11)))
    expect(lru.get('huge')).toBeUndefined()
  })

  it('round-trips an entry through the shared-store encoding', () => {
    const original = entry('{"title":"降准"}')
    expect(decodeEntry(encodeEntry(original))).toEqual(original)
    expect(decodeEntry(Buffer.from('no header'))).toBeNull()
  })
})

describe('ResponseCache', () => {
  it('serves an entry until a tag it depends on is bumped', async () => {
    const versionStore = new MemoryVersionStore()
    const cache = new ResponseCache(versionStore, { maxBytes: 1 << 20, ttlMs: 60_000 })
    const { versions } = await cache.lookup('k', ['articles', 'authors'])
    expect(await cache.store('k', response('v1'), ['articles', 'authors'], versions!)).toBe(true)
    expect((await cache.lookup('k', ['articles', 'authors'])).hit?.etag).toBe('"v1"')
    await versionStore.bump(['media'])
    expect((await cache.lookup('k', ['articles', 'authors'])).hit).not.toBeNull()
    await versionStore.bump(['authors'])
    expect((await cache.lookup('k', ['articles', 'authors'])).hit).toBeNull()
  })

  it('does not keep an answer computed while a change it depends on was applied', async () => {
    const versionStore = new MemoryVersionStore()
    const cache = new ResponseCache(versionStore, { maxBytes: 1 << 20, ttlMs: 60_000 })
    const { versions } = await cache.lookup('k', ['articles'])
    await versionStore.bump(['articles'])
    expect(await cache.store('k', response('old'), ['articles'], versions!)).toBe(false)
    expect((await cache.lookup('k', ['articles'])).hit).toBeNull()
  })

  it('expires entries after their time to live, and stands aside when versions cannot be read', async () => {
    let now = 0
    const cache = new ResponseCache(new MemoryVersionStore(), { maxBytes: 1 << 20, ttlMs: 1000, now: () => now })
    const { versions } = await cache.lookup('k', ['a'])
    await cache.store('k', response('v'), ['a'], versions!)
    now = 1001
    expect((await cache.lookup('k', ['a'])).hit).toBeNull()
    const unreachable: VersionStore = { read: async () => null, bump: async () => undefined }
    expect(await new ResponseCache(unreachable, { maxBytes: 1024, ttlMs: 1000 }).lookup('k', ['a'])).toEqual({ hit: null, versions: null })
  })

  it('drops local copies when another instance announces a change', async () => {
    const cache = new ResponseCache(new MemoryVersionStore(), { maxBytes: 1 << 20, ttlMs: 60_000 })
    const { versions } = await cache.lookup('k', ['articles', 'authors'])
    await cache.store('k', response('v'), ['articles', 'authors'], versions!)
    cache.evict(['tags'])
    expect(cache.stats.entries).toBe(1)
    cache.evict(['authors'])
    expect(cache.stats.entries).toBe(0)
  })
})

describe('changeMayShow', () => {
  const articles = { hasDrafts: true, isAccount: false }
  const comments = { hasDrafts: false, isAccount: false, shownPublicly: (doc: object) => (doc as { status?: string }).status === 'approved' }

  it.each([
    ['a published article edited', articles, 'update', { _status: 'published' }, { _status: 'published' }, false, true],
    ['an article unpublished', articles, 'update', { _status: 'draft' }, { _status: 'published' }, false, true],
    ['an article unpublished over a newer draft', articles, 'update', { _status: 'draft' }, { _status: 'draft' }, false, true],
    ['a draft saved', articles, 'update', { _status: 'draft' }, { _status: 'published' }, true, false],
    ['a published article deleted', articles, 'delete', { _status: 'published' }, null, false, true],
    ['a never-published draft deleted', articles, 'delete', { _status: 'draft' }, null, false, false],
    ['a comment approved', comments, 'update', { status: 'approved' }, { status: 'pending' }, false, true],
    ['an approved comment rejected', comments, 'update', { status: 'rejected' }, { status: 'approved' }, false, true],
    ['a comment held', comments, 'create', { status: 'pending' }, null, false, false],
    ['an account created', { hasDrafts: false, isAccount: true }, 'create', {}, null, false, false],
    ['an account renamed', { hasDrafts: false, isAccount: true }, 'update', {}, {}, false, true],
  ] as const)('%s', (_name, collection, operation, doc, previousDoc, savingDraft, expected) => {
    expect(changeMayShow({ operation, doc, previousDoc, savingDraft }, collection)).toBe(expected)
  })
})

describe('checkRateLimit', () => {
  it('allows the limit per window, then says how long to wait, and never limits at 0', async () => {
    let now = 0
    const store = new MemoryRateLimitStore(() => now)
    for (let i = 0; i < 3; i++) expect((await checkRateLimit(store, 'ip', 3, 60_000)).allowed).toBe(true)
    expect(await checkRateLimit(store, 'ip', 3, 60_000)).toEqual({ allowed: false, limit: 3, remaining: 0, retryAfterSeconds: 60 })
    expect((await checkRateLimit(store, 'other', 3, 60_000)).allowed).toBe(true)
    now = 60_000
    expect((await checkRateLimit(store, 'ip', 3, 60_000)).allowed).toBe(true)
    expect((await checkRateLimit(store, 'ip', 0, 60_000)).allowed).toBe(true)
  })
})
