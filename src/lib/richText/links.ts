import { forEachLexicalNode } from './lexicalNodes'
import { isSafeLink } from './safeLinks'

/**
 * Every link and autolink target in a Lexical document that a reader must not be sent to
 * (`javascript:`, `data:`, `vbscript:`… in any disguise, see `isSafeLink`). Internal links point at
 * a document, not a URL; an empty target leads nowhere and is left to the editor.
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
      } else if (url.trim() !== '' && !isSafeLink(url)) {
        found.push(url)
      }
    }
  })
  return found
}
