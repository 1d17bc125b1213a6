import path from 'node:path'
import { pathToFileURL } from 'node:url'

import fc from 'fast-check'

import { carriesCredentials } from '../../../../src/lib/http/credentials'
import { ROOT_DIR } from '../../../helpers/server'

/** The parser Payload's JWT extraction reads the login cookie with (not part of its public exports). */
type ParseCookies = (headers: Headers) => Map<string, string>
let payloadsParse: ParseCookies

beforeAll(async () => {
  const file = path.join(ROOT_DIR, 'node_modules/payload/dist/utilities/parseCookies.js')
  payloadsParse = ((await import(pathToFileURL(file).href)) as { parseCookies: ParseCookies }).parseCookies
})

const payloadFindsToken = (cookie: string) => Boolean(payloadsParse(new Headers({ cookie })).get('payload-token'))

describe('carriesCredentials', () => {
  it.each([
    [{}, false],
    [{ cookie: 'theme=dark' }, false],
    [{ cookie: 'my-payload-token=abc' }, false],
    [{ cookie: 'payload-token-x=abc' }, false],
    [{ cookie: 'theme=dark; payload-token=abc' }, true],
    [{ cookie: 'payload-token=abc' }, true],
    [{ cookie: 'payload-token =abc' }, true],
    [{ cookie: ' \t payload-token\u00a0=abc' }, true],
    [{ cookie: 'a=b;payload-token=abc' }, true],
    [{ cookie: 'payload-token=%E0%A4%A; payload-token=abc' }, true],
    [{ authorization: 'JWT abc' }, true],
    [{ authorization: 'Bearer abc' }, true],
    [{ authorization: '' }, true],
  ])('%j → %s', (headers, expected) => expect(carriesCredentials(headers)).toBe(expected))

  it('counts a cookie named with another prefix when the config names it', () => {
    expect(carriesCredentials({ cookie: 'site-token=abc' }, 'site-token')).toBe(true)
    expect(carriesCredentials({ cookie: 'payload-token=abc' }, 'site-token')).toBe(false)
  })

  it('catches every Cookie header from which Payload would take a login token', () => {
    // Node reads header bytes as latin1: nothing above U+00FF reaches either parser.
    const space = fc.constantFrom('', ' ', '  ', '\t', '\u000b', '\u000c', '\u00a0', '\u0085')
    const name = fc.oneof(
      fc.constantFrom('payload-token', 'Payload-Token', 'payload_token', 'payload-tokens', 'xpayload-token', 'payload%2Dtoken'),
      fc.stringMatching(/^[a-z-]{1,8}$/),
    )
    const value = fc.oneof(fc.constantFrom('eyJhbGciOi.x.y', '', '%', '%E0%A4%A', 'a=b', '"q"'), fc.string({ maxLength: 6 }))
    const piece = fc.tuple(space, name, space, fc.constantFrom('=', ''), value).map((parts) => parts.join(''))
    const separator = fc.constantFrom(';', '; ', ' ;', ';;')
    const header = fc.tuple(fc.array(piece, { minLength: 1, maxLength: 5 }), separator).map(([pieces, sep]) => pieces.join(sep))
    fc.assert(
      fc.property(header, (cookie) => {
        if (payloadFindsToken(cookie)) expect(carriesCredentials({ cookie })).toBe(true)
      }),
      { numRuns: 5000 },
    )
  })
})
