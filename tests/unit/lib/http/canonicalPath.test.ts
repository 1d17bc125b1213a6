import fc from 'fast-check'

import { canonicalApiTarget } from '../../../../src/lib/http/canonicalPath'

const WORDS = new Set(['api', 'users', 'readers', 'login', 'first-register', 'articles', 'page', 'graphql', 'globals', 'site-settings', 'media', 'file'])
const canonical = (target: string) => canonicalApiTarget(target, WORDS)

describe('canonicalApiTarget', () => {
  it.each([
    ['/api/users/login', '/api/users/login'],
    ['/api/articles?where[title][equals]=%E5%A4%AE', '/api/articles?where[title][equals]=%E5%A4%AE'],
    ['/api/users/first%2Dregister', '/api/users/first-register'],
    ['/api//users///first-register/', '/api/users/first-register'],
    ['//api/users/login', '/api/users/login'],
    ['/%61pi/users/login', '/api/users/login'],
    ['/api/media/file/%e5%9b%be.png', '/api/media/file/%E5%9B%BE.png'],
    ['/api/media/file/Photo_01.JPG', '/api/media/file/Photo_01.JPG'],
    ['/api/articles/page/a%20b', '/api/articles/page/a%20b'],
    ['/api', '/api'],
  ])('%s → %s', (target, expected) => expect(canonical(target)).toEqual({ kind: 'api', target: expected }))

  it.each([
    ['/api/./users/login', 'PATH_DOT_SEGMENT'],
    ['/api/x/../users/first-register', 'PATH_DOT_SEGMENT'],
    ['/api/x/%2e%2E/users/first-register', 'PATH_DOT_SEGMENT'],
    ['/./api/users/first-register', 'PATH_DOT_SEGMENT'],
    ['/x/../api/users/first-register', 'PATH_DOT_SEGMENT'],
    ['/x/%2e%2e/API/users', 'PATH_DOT_SEGMENT'],
    ['/api/../articles/x', 'PATH_DOT_SEGMENT'],
    ['/api/users%2ffirst-register', 'PATH_SEPARATOR_IN_SEGMENT'],
    ['/api/users/first-register%5c', 'PATH_SEPARATOR_IN_SEGMENT'],
    ['/api/users/log%00in', 'PATH_FORBIDDEN_CHARACTER'],
    ['/api/users/login#x', 'PATH_FORBIDDEN_CHARACTER'],
    ['/api/users;x/login', 'PATH_FORBIDDEN_CHARACTER'],
    ['/api/users/login%3B', 'PATH_FORBIDDEN_CHARACTER'],
    ['/api/users/%E0%A4%A', 'PATH_MALFORMED_ENCODING'],
    ['/API/users/login', 'PATH_WRONG_CASE'],
    ['/api/Users/login', 'PATH_WRONG_CASE'],
    ['/api/users/LOGIN', 'PATH_WRONG_CASE'],
    ['/api/users/First-Register', 'PATH_WRONG_CASE'],
    ['http://example.com/api/users/login', 'PATH_NOT_ORIGIN_FORM'],
    ['*', 'PATH_NOT_ORIGIN_FORM'],
  ])('refuses %s (%s)', (target, code) => expect(canonical(target)).toMatchObject({ kind: 'refused', code }))

  it.each(['/', '/articles/some-slug', '/admin/collections/users', '/_next/static/x.js', '/apix/users', '/ap%69x', '/api;x/users'])('leaves %s alone', (target) =>
    expect(canonical(target)).toEqual({ kind: 'other' }),
  )

  it('is idempotent: a canonical target is its own canonical spelling', () => {
    const segment = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s !== '.' && s !== '..')
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }), (segments) => {
        const first = canonical(`/api/${segments.map(encodeURIComponent).join('/')}`)
        if (first.kind !== 'api') return
        expect(canonical(first.target)).toEqual(first)
      }),
      { numRuns: 2000 },
    )
  })
})
