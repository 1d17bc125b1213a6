export type CredentialHeaders = { authorization?: string; cookie?: string }

/**
 * Whether Payload could resolve a user from these headers: then the answer may be personal (a
 * reader's held comment, a draft) and is neither served from nor stored in the shared cache.
 *
 * Any Authorization header counts, whichever scheme it names. The cookie is split as Payload's JWT
 * extraction splits it (`payload/dist/utilities/parseCookies.js`: pieces at `;`, the name trimmed,
 * the value after the first `=`), but the name alone decides: a token cookie Payload would skip (an
 * undecodable value) still counts, so every spelling Payload accepts is caught and then some.
 * tests/unit/lib/http/credentials.test.ts holds the two parsers to that.
 */
export function carriesCredentials({ authorization, cookie }: CredentialHeaders, tokenCookie = 'payload-token'): boolean {
  if (authorization !== undefined) return true
  if (!cookie) return false
  return cookie.split(';').some((piece) => piece.split('=', 1)[0].trim() === tokenCookie)
}
