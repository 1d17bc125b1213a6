import { forEachLexicalNode } from './lexicalNodes'
import { isSafeLink } from './safeLinks'

/**
 * A target still being typed: empty, or the scheme the link drawer starts with (`https://`). The
 * admin autosaves while the drawer is open; such a link leads nowhere (the portal shows its text).
 */
const UNFINISHED = /^\s*(?:https?:\/\/|mailto:|tel:)?\s*$/i

/**
 * Every link and autolink target in a Lexical document that a reader must not be sent to
 * (`javascript:`, `data:`, `vbscript:`… in any disguise, see `isSafeLink`). Internal links point at
 * a document, not a URL; an unfinished target leads nowhere and is left to the editor.
 */
export function unsafeLinkTargets(document: unknown): string[] {
  const found: string[] = []
  forEachLexicalNode(document, (node) => {
    const { type } = node
    const fields = node.fields as { url?: unknown; linkType?: unknown } | undefined
    if ((type === 'link' || type === 'autolink') && fields?.linkType !== 'internal') {
      const url = fields?.url
      if (typeof url !== 'string') {
        if (url !== undefined && url !== null) found.push(String(url))
      } else if (!UNFINISHED.test(url) && !isSafeLink(url)) {
        found.push(url)
      }
    }
  })
  return found
}
