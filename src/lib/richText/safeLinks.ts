/** Link targets a reader may follow; anything else (javascript:, data:, vbscript:, file:…) is no link. */
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:'])
/** Resolves relative links only to read their protocol. */
const PROBE_BASE = 'https://relative.invalid/'

const NAMED_ENTITIES: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', sol: '/', lpar: '(', rpar: ')', amp: '&' }

/**
 * HTML character references (`&#58;`, `&#x3A;`, `&colon;`), decoded until none is left: a target
 * that some renderer writes into HTML unescaped would be decoded by the browser the same way.
 */
function decodeCharacterReferences(text: string): string {
  let current = text
  for (let round = 0; round < 5; round++) {
    const next = current.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, name: string) => {
      if (name[0] !== '#') return NAMED_ENTITIES[name.toLowerCase()] ?? whole
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
    })
    if (next === current) return current
    current = next
  }
  return current
}

/**
 * Whether a link target is one a reader may follow: http(s), mailto or tel, or relative. Judged as
 * the browser would read it: the URL parser drops the tabs, newlines and leading blanks browsers
 * ignore (`java\nscript:`), scheme case does not matter, and character references are decoded first.
 */
export function isSafeLink(href: string | null): boolean {
  if (href === null || href.trim() === '') return false
  return [href, decodeCharacterReferences(href)].every((candidate) => {
    try {
      return LINK_PROTOCOLS.has(new URL(candidate, PROBE_BASE).protocol)
    } catch {
      return false
    }
  })
}
