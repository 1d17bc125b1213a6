import { convertHTMLToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import { JSDOM } from 'jsdom'
import type { SanitizedConfig } from 'payload'

import { articleBodyEditor } from '../../src/fields/articleBodyEditor'
import { type ImagePlacement, liftUploads } from '../../src/lib/import/htmlToLexical'
import type { LexicalNode, LexicalState } from '../../src/lib/import/lexicalBody'
import { isSafeLink } from '../../src/lib/richText/safeLinks'
import { MEDIA_SLUG } from '../../src/slugs'

/*
 * The body conversion as it was before src/lib/import/htmlToLexical.ts: the HTML cleaned and its
 * images placed in JSDOM, then Payload's own convertHTMLToLexical through the body editor's
 * features, uploads lifted out of paragraphs. Kept as the reference the fast converter must match.
 */

const DROPPED_ELEMENTS = 'script, style, noscript, template, iframe, frame, object, embed, applet, form, link, meta, base, svg, math'
const HEADING_LEVELS: Record<string, string> = { H1: 'h2', H5: 'h4', H6: 'h4' }

function cleanHtml(html: string): string {
  const { window } = new JSDOM(html)
  const body = window.document.body
  body.querySelectorAll(DROPPED_ELEMENTS).forEach((element) => element.remove())
  const walker = window.document.createTreeWalker(body, window.NodeFilter.SHOW_COMMENT)
  const comments: Node[] = []
  while (walker.nextNode()) comments.push(walker.currentNode)
  comments.forEach((comment) => comment.parentNode?.removeChild(comment))
  body.querySelectorAll('*').forEach((element) => {
    for (const name of element.getAttributeNames()) if (name.toLowerCase().startsWith('on')) element.removeAttribute(name)
  })
  body.querySelectorAll('a').forEach((anchor) => {
    const onlyWrapsAnImage = anchor.querySelector('img') !== null && (anchor.textContent ?? '').trim() === ''
    if (!isSafeLink(anchor.getAttribute('href')) || onlyWrapsAnImage) anchor.replaceWith(...anchor.childNodes)
  })
  body.querySelectorAll('h1, h5, h6').forEach((heading) => {
    const renamed = heading.ownerDocument.createElement(HEADING_LEVELS[heading.tagName])
    renamed.append(...heading.childNodes)
    heading.replaceWith(renamed)
  })
  return body.innerHTML
}

function placeImages(html: string, placeOf: (src: string) => ImagePlacement): string {
  const { document } = new JSDOM(html).window
  document.body.querySelectorAll('img').forEach((img) => {
    const placement = placeOf((img.getAttribute('src') ?? '').trim())
    if (placement && 'mediaId' in placement) {
      img.setAttribute('data-lexical-upload-relation-to', MEDIA_SLUG)
      img.setAttribute('data-lexical-upload-id', String(placement.mediaId))
    } else if (placement) {
      const link = document.createElement('a')
      link.setAttribute('href', placement.link)
      link.textContent = img.getAttribute('alt')?.trim() || placement.link
      img.replaceWith(link)
    } else {
      img.remove()
    }
  })
  return document.body.innerHTML
}

function withNumericUploadIds(node: LexicalNode): LexicalNode {
  const children = node.children?.map(withNumericUploadIds)
  const value = node.type === 'upload' && typeof node.value === 'string' ? Number(node.value) : node.value
  return { ...node, ...(children ? { children } : {}), ...(value !== undefined ? { value } : {}) }
}

/** The reference conversion, through the body editor of this config. */
export async function referenceBodyConverter(config: SanitizedConfig): Promise<(html: string, placeOf: (src: string) => ImagePlacement) => LexicalState> {
  const editorConfig = await editorConfigFactory.fromEditor({ config, editor: articleBodyEditor })
  return (html, placeOf) => {
    const state = convertHTMLToLexical({ editorConfig, html: placeImages(cleanHtml(html), placeOf), JSDOM }) as unknown as LexicalState
    return { root: { ...state.root, children: (state.root.children ?? []).flatMap(liftUploads).map(withNumericUploadIds) } }
  }
}
