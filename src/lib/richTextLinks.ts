import { isSafeLink } from './safeLinks'

type LexicalNode = { type?: unknown; fields?: { url?: unknown; linkType?: unknown }; children?: unknown }

/**
 * Every link and autolink target in a Lexical document that a reader must not be sent to
 * (`javascript:`, `data:`, `vbscript:`… in any disguise, see `isSafeLink`). Internal links point at
 * a document, not a URL; an empty target leads nowhere and is left to the editor.
 */
export function unsafeLinkTargets(document: unknown): string[] {
  const found: string[] = []
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return
    const { type, fields, children } = node as LexicalNode
    if ((type === 'link' || type === 'autolink') && fields?.linkType !== 'internal') {
      const url = fields?.url
      if (typeof url !== 'string') {
        if (url !== undefined && url !== null) found.push(String(url))
      } else if (url.trim() !== '' && !isSafeLink(url)) {
        found.push(url)
      }
    }
    if (Array.isArray(children)) children.forEach(visit)
  }
  visit((document as { root?: unknown } | null)?.root)
  return found
}
